import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactStringSet } from '../../../src/core/listing/compact-string-set.ts';

describe('CompactStringSet', () => {
  it('says whether each added string is new, as a Set does, across growth of every part', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 3000 }), (keys) => {
        const compact = new CompactStringSet();
        const reference = new Set<string>();
        for (const key of [...keys, ...keys.slice(0, 50)]) {
          const isNew = !reference.has(key);
          reference.add(key);
          expect(compact.add(key)).toBe(isNew);
        }
        expect(compact.size).toBe(reference.size);
      }),
      { numRuns: 60 },
    );
  });

  it('tells apart strings that share a hash slot, the empty string and non-ASCII text', () => {
    const set = new CompactStringSet();
    const keys = ['', 'a', 'ab', 'ba', 'é', '\uD800', 'x'.repeat(10_000)];
    for (let i = 0; i < 2000; i++) keys.push(`build-${i}`);
    for (const key of keys) expect(set.add(key)).toBe(true);
    for (const key of keys) expect(set.add(key)).toBe(false);
    expect(set.size).toBe(keys.length);
  });
});
