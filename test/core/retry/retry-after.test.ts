import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/core/retry/retry-after.ts';

const now = new Date('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['3', 3000],
    [' 120 ', 120_000],
    ['Sun, 01 Mar 2026 12:00:05 GMT', 5000],
    ['Sunday, 01-Mar-26 12:00:10 GMT', 10_000],
    ['Sun, 01 Mar 2026 11:59:00 GMT', 0],
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([undefined, '', '-1', '1.5', 'soon', '12:00:05', '2026-03-01'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
