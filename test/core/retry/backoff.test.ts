import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/core/retry/backoff.ts';

const shape = { baseMs: 500, maxMs: 8000 };

describe('backoffDelay', () => {
  it.each([
    [1, 0.5, 250],
    [2, 0.5, 500],
    [3, 0.5, 1000],
    [4, 0.999, 3996],
    [5, 0.5, 4000],
    [9, 0.5, 4000],
  ])('retry %i with random %f waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, { ...shape, random: () => random })).toBe(expected);
  });

  it('waits nothing when the jitter draws 0', () => {
    expect(backoffDelay(3, { ...shape, random: () => 0 })).toBe(0);
  });

  it('always stays within [0, min(max, base·2^(n-1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const delay = backoffDelay(retry, { ...shape, random: () => r });
          const ceiling = Math.min(shape.maxMs, shape.baseMs * 2 ** (retry - 1));
          return delay >= 0 && delay <= ceiling && Number.isInteger(delay);
        },
      ),
    );
  });
});
