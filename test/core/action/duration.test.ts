import { describe, expect, it } from 'vitest';
import { parseDuration, wholeDaysAtLeast } from '../../../src/core/action/duration.ts';

const HOUR = 3_600_000;

describe('parseDuration', () => {
  it('reads hours, days, weeks and combinations', () => {
    expect(parseDuration('12h')).toEqual({ ms: 12 * HOUR, text: '12h' });
    expect(parseDuration('30d')?.ms).toBe(30 * 24 * HOUR);
    expect(parseDuration('2w')?.ms).toBe(14 * 24 * HOUR);
    expect(parseDuration(' 1W3d ')).toEqual({ ms: 10 * 24 * HOUR, text: '1w3d' });
  });

  it('rejects ambiguous, empty, zero and unordered values', () => {
    for (const text of ['', '30', '1m', '0d', 'd', '3d1w', '1.5d', '-2d', '30 days']) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });

  it('rounds to whole days upwards', () => {
    expect(wholeDaysAtLeast(parseDuration('36h')!)).toBe(2);
    expect(wholeDaysAtLeast(parseDuration('2d')!)).toBe(2);
  });
});
