// A set of strings kept as UTF-16 code units in one growing array, found through an open-addressing index
// of entry numbers: a listing's million names cost about two bytes a character and 12-20 an entry, outside
// the JavaScript heap, instead of a string object and a hash-table entry each for the garbage collector.
import { hashText, hashUnits } from '../text/keyed-hash.ts';

const EMPTY = -1;

export class CompactStringSet {
  #units = new Uint16Array(4096);
  #used = 0;
  /** Where each entry ends in `#units` (it starts where the one before it ends). */
  #ends = new Int32Array(256);
  #size = 0;
  /** Entry numbers by hash slot; EMPTY where none. Kept at most half full. */
  #slots = new Int32Array(512).fill(EMPTY);

  get size(): number {
    return this.#size;
  }

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    const mask = this.#slots.length - 1;
    for (let slot = hashText(key) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot] ?? EMPTY;
      if (entry === EMPTY) {
        this.#slots[slot] = this.#store(key);
        if (this.#size * 2 > this.#slots.length) this.#reindex();
        return true;
      }
      if (this.#holds(entry, key)) return false;
    }
  }

  #holds(entry: number, key: string): boolean {
    const start = this.#start(entry);
    if ((this.#ends[entry] ?? 0) - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.#units[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Appends the key's code units; returns its entry number. */
  #store(key: string): number {
    if (this.#used + key.length > this.#units.length) {
      this.#units = grown(this.#units, this.#used + key.length, (n) => new Uint16Array(n));
    }
    for (let i = 0; i < key.length; i++) this.#units[this.#used + i] = key.charCodeAt(i);
    const entry = this.#size++;
    if (entry === this.#ends.length) this.#ends = grown(this.#ends, entry + 1, (n) => new Int32Array(n));
    this.#used += key.length;
    this.#ends[entry] = this.#used;
    return entry;
  }

  /** Twice the slots, every entry placed again. */
  #reindex(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = this.#slots.length - 1;
    for (let entry = 0; entry < this.#size; entry++) {
      let slot = this.#hashOfEntry(entry) & mask;
      while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#slots[slot] = entry;
    }
  }

  #start(entry: number): number {
    return entry === 0 ? 0 : (this.#ends[entry - 1] ?? 0);
  }

  /** The entry's hash: `hashText` of its key, from the stored units. */
  #hashOfEntry(entry: number): number {
    return hashUnits(this.#units, this.#start(entry), this.#ends[entry] ?? 0);
  }
}

/** A copy of `array` with room for at least `needed` elements (at least twice as many). */
function grown<A extends Uint16Array | Int32Array>(
  array: A,
  needed: number,
  create: (length: number) => A,
): A {
  const copy = create(Math.max(needed, array.length * 2));
  copy.set(array);
  return copy;
}
