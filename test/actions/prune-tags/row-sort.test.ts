import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../src/actions/prune-tags/row-sort.ts';

describe('sortRows', () => {
  it('orders rows as the stable built-in sort does, ties kept in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { maxLength: 300 }), (keys) => {
        const rows = Uint32Array.from(keys, (_, row) => row);
        const byKey = (a: number, b: number) => (keys[a] ?? 0) - (keys[b] ?? 0);
        const expected = Array.from(rows).sort(byKey);
        expect(Array.from(sortRows(rows, byKey))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
