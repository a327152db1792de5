// FNV-1a, 32 bits: the hash of the open-addressing tables that keep a listing's keys outside the heap.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** FNV-1a over units[from, to): the same as `fnv1a` of the string those code units spell. */
export function fnv1aOf(units: ArrayLike<number>, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ (units[i] ?? 0), FNV_PRIME);
  return hash >>> 0;
}
