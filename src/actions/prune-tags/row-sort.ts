// A stable sort of row numbers that builds nothing on the JavaScript heap: a typed array's own sort with a
// comparator first copies every element into a heap array, twice its size with the merge's work space,
// which at a million tags is 16 MB of garbage at the moment the listing's memory is highest.

/** Sorts `rows` in place by `compare`, keeping equal rows in their order (a bottom-up merge sort). */
export function sortRows(rows: Uint32Array, compare: (a: number, b: number) => number): Uint32Array {
  let from: Uint32Array = rows;
  let to: Uint32Array = new Uint32Array(rows.length);
  for (let width = 1; width < rows.length; width *= 2) {
    for (let left = 0; left < rows.length; left += 2 * width) {
      mergeRuns(
        from,
        to,
        left,
        Math.min(left + width, rows.length),
        Math.min(left + 2 * width, rows.length),
        compare,
      );
    }
    [from, to] = [to, from];
  }
  if (from !== rows) rows.set(from);
  return rows;
}

/** Merges from[left, middle) and from[middle, end), both sorted, into to[left, end). */
function mergeRuns(
  from: Uint32Array,
  to: Uint32Array,
  left: number,
  middle: number,
  end: number,
  compare: (a: number, b: number) => number,
): void {
  let a = left;
  let b = middle;
  for (let at = left; at < end; at++) {
    // Ties take the left run's row first: that is what keeps the sort stable.
    if (a < middle && (b >= end || compare(from[a] ?? 0, from[b] ?? 0) <= 0)) to[at] = from[a++] ?? 0;
    else to[at] = from[b++] ?? 0;
  }
}
