import { describe, expect, it } from 'vitest';
import {
  formatBceDate,
  formatSdkDate,
  parseBceDate,
  parseSdkDate,
} from '../../../src/core/signing/signing-dates.ts';

const instant = new Date('2024-05-06T07:08:09.123Z');

describe('signing dates', () => {
  it('formats X-Sdk-Date as YYYYMMDDTHHmmssZ', () => {
    expect(formatSdkDate(instant)).toBe('20240506T070809Z');
  });

  it('formats x-bce-date as ISO 8601 without milliseconds', () => {
    expect(formatBceDate(instant)).toBe('2024-05-06T07:08:09Z');
  });

  it('parses both forms back to the second', () => {
    expect(parseSdkDate('20240506T070809Z')?.toISOString()).toBe('2024-05-06T07:08:09.000Z');
    expect(parseBceDate('2024-05-06T07:08:09Z')?.toISOString()).toBe('2024-05-06T07:08:09.000Z');
  });

  it.each(['', '2024-05-06T07:08:09Z', '20240506T070809', '20241306T070809Z', '20240230T000000Z'])(
    'rejects X-Sdk-Date %j',
    (value) => {
      expect(parseSdkDate(value)).toBeUndefined();
    },
  );

  it.each(['', '20240506T070809Z', '2024-05-06T07:08:09.123Z', '2024-02-30T00:00:00Z'])(
    'rejects x-bce-date %j',
    (value) => {
      expect(parseBceDate(value)).toBeUndefined();
    },
  );
});
