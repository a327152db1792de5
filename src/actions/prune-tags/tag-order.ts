// The order the planner sees a repository's tags in.
import type { TagTable } from '../../providers/seam/tag-table.ts';
import { sortRows } from './row-sort.ts';

/** The table's rows newest first; equal times by tag name, so every ordering of a listing sorts the same. */
export function newestFirstOrder(tags: TagTable): Uint32Array {
  const order = new Uint32Array(tags.length);
  for (let row = 0; row < order.length; row++) order[row] = row;
  return sortRows(order, (a, b) => {
    const ta = timeKey(tags.updatedAt(a));
    const tb = timeKey(tags.updatedAt(b));
    if (ta !== tb) return ta > tb ? -1 : 1;
    const na = tags.name(a);
    const nb = tags.name(b);
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

function timeKey(updatedAt: number): number {
  return Number.isNaN(updatedAt) ? Number.POSITIVE_INFINITY : updatedAt;
}
