import { describe, expect, it } from 'vitest';
import { huaweiCanonicalHeaders } from '../../../src/core/signing/huawei-canonical-headers.ts';

describe('huaweiCanonicalHeaders', () => {
  it('lower-cases and sorts every header, one line each ending in a newline', () => {
    expect(
      huaweiCanonicalHeaders({
        'X-Sdk-Date': '20240506T070809Z',
        host: 'h:8123',
        'Content-Type': 'application/json',
      }),
    ).toEqual({
      canonical: 'content-type:application/json\nhost:h:8123\nx-sdk-date:20240506T070809Z\n',
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
    });
  });

  it('trims values but keeps inner spaces and does not encode them', () => {
    expect(huaweiCanonicalHeaders({ 'X-A': '  a  b|c  ' }).canonical).toBe('x-a:a  b|c\n');
  });

  it('signs nothing for no headers', () => {
    expect(huaweiCanonicalHeaders({})).toEqual({ canonical: '', signedHeaders: [] });
  });
});
