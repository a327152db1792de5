// The order the planner sees a repository's tags in.
import type { TagInfo } from '../../providers/seam/tag-info.ts';

/** Newest first; equal times by tag name, so every ordering of a listing sorts the same. */
export function newestFirst(a: TagInfo, b: TagInfo): number {
  const ta = timeKey(a);
  const tb = timeKey(b);
  if (ta !== tb) return ta > tb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function timeKey(tag: TagInfo): number {
  return Number.isNaN(tag.updatedAt) ? Number.POSITIVE_INFINITY : tag.updatedAt;
}
