// A repository's tags in list order (updated, then name), sorted once per state of its tags instead of
// on every page: a listing of 10,000 tags asks for 100 pages, and sorting them all for each page made
// the emulator, not the client under test, the slow end of a benchmark's listing.
import type { ImageTag } from './state.ts';

interface SortedTags {
  /** The tags as they were when sorted, in the map's order: what must still hold for `sorted` to. */
  seen: ImageTag[];
  updated: string[];
  sorted: ImageTag[];
}

const cache = new WeakMap<Map<string, ImageTag>, SortedTags>();

/** The tags sorted by `updated`, then name, ascending (by `localeCompare`, as every SWR list here). */
export function tagsInListOrder(tags: Map<string, ImageTag>): readonly ImageTag[] {
  const cached = cache.get(tags);
  if (cached && unchanged(tags, cached)) return cached.sorted;
  const seen = [...tags.values()];
  const keyed = seen.map((tag) => ({ tag, key: `${tag.updated}\u0000${tag.name}` }));
  keyed.sort((a, b) => a.key.localeCompare(b.key));
  const sorted = keyed.map(({ tag }) => tag);
  cache.set(tags, { seen, updated: seen.map((tag) => tag.updated), sorted });
  return sorted;
}

/** Same tags (objects, names and update times) in the same order as when sorted. */
function unchanged(tags: Map<string, ImageTag>, cached: SortedTags): boolean {
  if (tags.size !== cached.seen.length) return false;
  let i = 0;
  for (const [name, tag] of tags) {
    if (tag !== cached.seen[i] || tag.name !== name || tag.updated !== cached.updated[i]) return false;
    i++;
  }
  return true;
}
