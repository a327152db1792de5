// The hash of the open-addressing tables that keep a listing's keys outside the heap (tag names, digests).
// Those keys are written by whoever pushes to the registry, or by the registry itself, so the hash is keyed:
// a polynomial over the code units modulo a prime, at a base drawn at random once per process. With an
// unkeyed hash (FNV-1a was used before) anyone can compute names that all land in one slot, and each
// insertion then probes past every earlier one: a million such names cost some 5 * 10^11 probes.
// Without the base, two distinct keys of at most L units collide with probability at most L / PRIME.

/** The largest prime below 2^26: a residue times the base stays below 2^52, exact in a double. */
export const PRIME = 67_108_859;
const INVERSE = 1 / PRIME;

/** The base of this process's hash, in [2, PRIME - 1). */
export const HASH_BASE = 2 + Math.floor(Math.random() * (PRIME - 3));

/** One step: (hash * HASH_BASE + unit) mod PRIME, without the slow floating-point `%`. */
function step(hash: number, unit: number): number {
  const product = hash * HASH_BASE + unit;
  // The quotient by reciprocal may be one off either way; the two corrections make the remainder exact.
  let rest = product - Math.floor(product * INVERSE) * PRIME;
  if (rest < 0) rest += PRIME;
  else if (rest >= PRIME) rest -= PRIME;
  return rest;
}

/** The hash of a string's UTF-16 code units; in [0, PRIME). */
export function hashText(text: string): number {
  // Starting at 1, not 0, so leading zero units still count ("\0a" and "a" differ).
  let hash = 1;
  for (let i = 0; i < text.length; i++) hash = step(hash, text.charCodeAt(i));
  return finish(hash);
}

/** The hash of units[from, to): the same as `hashText` of the string those code units spell. */
export function hashUnits(units: ArrayLike<number>, from: number, to: number): number {
  let hash = 1;
  for (let i = from; i < to; i++) hash = step(hash, units[i] ?? 0);
  return finish(hash);
}

/**
 * One more multiplication by the base: without it the last unit is only added, so "build-10" … "build-19"
 * (or digests that differ in their last byte) would hash to neighbouring values and fill neighbouring slots,
 * the long runs that make linear probing slow.
 */
function finish(hash: number): number {
  return step(hash, 0);
}
