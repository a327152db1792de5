import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactStringSet } from '../../../src/core/listing/compact-string-set.ts';
import { HASH_BASE, hashText, hashUnits, PRIME } from '../../../src/core/text/keyed-hash.ts';

/** The polynomial the hash computes (1, the units, then a final 0), in exact integer arithmetic. */
function reference(units: readonly number[]): number {
  let hash = 1n;
  for (const unit of [...units, 0]) hash = (hash * BigInt(HASH_BASE) + BigInt(unit)) % BigInt(PRIME);
  return Number(hash);
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a, 32 bits, unkeyed (the hash these tables used before), from a given state. */
function fnv1aFrom(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const fnv1a = (text: string) => fnv1aFrom(FNV_OFFSET, text);

/**
 * 2^rounds valid tag names that FNV-1a puts in one slot of a table of 2^bits: the low bits of its state
 * after a block depend only on the low bits before it, so two blocks that agree there from one state can
 * be chained, each round doubling the names. Milliseconds of work for anyone who can push tags.
 */
function fnvSlotCollisions(rounds: number, bits: number): string[] {
  const mask = 2 ** bits - 1;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const blocks = [...alphabet].flatMap((a) => [...alphabet].map((b) => a + b));
  let state = FNV_OFFSET;
  let names = [''];
  for (let round = 0; round < rounds; round++) {
    const bySlot = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (const block of blocks) {
      const slot = fnv1aFrom(state, block) & mask;
      const other = bySlot.get(slot);
      if (other !== undefined) {
        pair = [other, block];
        break;
      }
      bySlot.set(slot, block);
    }
    if (!pair) throw new Error('no two blocks agree');
    const [first, second] = pair;
    names = names.flatMap((name) => [name + first, name + second]);
    state = fnv1aFrom(state, first);
  }
  return names;
}

/** Slots probed to insert every hash into a table of 2^bits slots by linear probing, per hash. */
function probesPerInsert(hashes: readonly number[], bits: number): number {
  const taken = new Uint8Array(2 ** bits);
  const mask = taken.length - 1;
  let probes = 0;
  for (const hash of hashes) {
    let slot = hash & mask;
    for (probes++; taken[slot] === 1; probes++) slot = (slot + 1) & mask;
    taken[slot] = 1;
  }
  return probes / hashes.length;
}

describe('keyed hash', () => {
  it('is the polynomial of the code units modulo the prime, from text or from units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
        expect(hashText(text)).toBe(reference(units));
        expect(hashUnits(Uint16Array.from(units), 0, units.length)).toBe(hashText(text));
      }),
      { numRuns: 2000 },
    );
    // Bytes in place (digests): units[from, to) only.
    const bytes = Uint8Array.from([255, 0, 255, 0, 7, 255]);
    expect(hashUnits(bytes, 1, 5)).toBe(reference([0, 255, 0, 7]));
    expect(hashText('\u0000a')).not.toBe(hashText('a'));
    expect(hashText('\uffff'.repeat(64))).toBe(reference(Array(64).fill(0xffff)));
  });

  it('spreads names crafted to share one FNV-1a slot over the table', () => {
    const names = fnvSlotCollisions(11, 12);
    expect(new Set(names).size).toBe(2048);
    // The attack works on FNV-1a: every name in the same one of 4,096 slots.
    expect(new Set(names.map((name) => fnv1a(name) & 4095)).size).toBe(1);
    // Keyed: about as many slots as random hashes take (4,096 * (1 - e^-0.5) = 1,612 on average).
    expect(new Set(names.map((name) => hashText(name) & 4095)).size).toBeGreaterThan(1200);
    expect(probesPerInsert(names.map(fnv1a), 12)).toBeGreaterThan(500);
    expect(probesPerInsert(names.map(hashText), 12)).toBeLessThan(4);
    const set = new CompactStringSet();
    for (const name of names) expect(set.add(name)).toBe(true);
    for (const name of names) expect(set.add(name)).toBe(false);
    expect(set.size).toBe(2048);
  });

  it('spreads keys that differ only in their last units (sequential names, digests) over the table', () => {
    // A half-full table: random hashes take ~1.5 probes per insert; neighbouring hashes form long runs.
    const digests = Array.from({ length: 2048 }, (_, n) => {
      const bytes = new Uint8Array(32);
      bytes[30] = n >> 8;
      bytes[31] = n & 255;
      return hashUnits(bytes, 0, 32);
    });
    expect(probesPerInsert(digests, 12)).toBeLessThan(4);
    const names = Array.from({ length: 2048 }, (_, n) => hashText(`build-${n}`));
    expect(probesPerInsert(names, 12)).toBeLessThan(4);
  });
});
