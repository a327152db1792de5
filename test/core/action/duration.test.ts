import { describe, expect, it } from 'vitest';
import { parseDuration, wholeDaysAtLeast, wholeHours } from '../../../src/core/action/duration.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('parseDuration', () => {
  it('reads weeks, days, hours, minutes and combinations', () => {
    expect(parseDuration('12h')).toEqual({ ms: 12 * HOUR, text: '12h' });
    expect(parseDuration('30d')?.ms).toBe(30 * 24 * HOUR);
    expect(parseDuration('2w')?.ms).toBe(14 * 24 * HOUR);
    expect(parseDuration(' 1W3d ')).toEqual({ ms: 10 * 24 * HOUR, text: '1w3d' });
    expect(parseDuration('6h')?.ms).toBe(6 * HOUR);
    expect(parseDuration('1d12h')?.ms).toBe(36 * HOUR);
    expect(parseDuration('1w1d1h1m')?.ms).toBe(8 * 24 * HOUR + HOUR + MINUTE);
  });

  it('reads m as minutes, in every input that takes a duration', () => {
    expect(parseDuration('90m')).toEqual({ ms: 90 * MINUTE, text: '90m' });
    expect(parseDuration('1h30m')?.ms).toBe(90 * MINUTE);
    expect(parseDuration('1m')?.ms).toBe(MINUTE);
  });

  it('rejects empty, unit-less, zero, fractional, negative, unordered and unknown units', () => {
    for (const text of [
      '',
      '30',
      '0d',
      '0h',
      'd',
      'h',
      '3d1w',
      '30m1h',
      '1.5d',
      '-2d',
      '30 days',
      '30s',
      '3mo',
      '1y',
    ]) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });

  it('rounds to whole days upwards', () => {
    expect(wholeDaysAtLeast({ ms: 36 * HOUR, text: '36h' })).toBe(2);
    expect(wholeDaysAtLeast({ ms: 48 * HOUR, text: '2d' })).toBe(2);
  });

  it('gives whole hours only for a whole number of hours', () => {
    expect(wholeHours({ ms: 24 * HOUR, text: '1d' })).toBe(24);
    expect(wholeHours({ ms: 90 * MINUTE, text: '90m' })).toBeUndefined();
  });
});
