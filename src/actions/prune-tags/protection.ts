// Which digests must survive because a kept tag needs them: its own digest, and (through manifest
// lists) the images a kept list references and any list that references a kept image. Deleting a
// tag may delete its manifest, so every tag on such a digest is protected.
import type { TagTable } from '../../providers/seam/tag-table.ts';

/** How a digest is tied to the kept tag (`anchor`) that protects it. */
export interface Protection {
  anchor: string;
  relation: 'same' | 'child' | 'parent' | 'linked';
}

/**
 * Every digest reachable from a retained tag's digest through manifest-list edges (both directions).
 * `order` is every row of `tags` in plan order and `retained` (rows of `tags`) is in plan order too, so the
 * anchor named in reasons does not depend on the order of the listing.
 */
export function protectedDigests(
  tags: TagTable,
  order: Uint32Array,
  retained: Iterable<number>,
): Map<string, Protection> {
  const edges = manifestListEdges(tags, order);
  const reached = new Map<string, Protection>();
  const queue: [string, Protection][] = [];
  const seed = (digest: string, protection: Protection) => {
    if (digest === '' || reached.has(digest)) return;
    reached.set(digest, protection);
    queue.push([digest, protection]);
  };
  for (const row of retained) seed(tags.digest(row), { anchor: tags.name(row), relation: 'same' });
  // A kept list the registry gave no digest for has no node in the graph: seed its images directly.
  for (const row of retained) {
    if (tags.kind(row) !== 'list' || tags.digest(row) !== '') continue;
    for (const child of tags.children(row) ?? []) seed(child, { anchor: tags.name(row), relation: 'child' });
  }
  // A breadth-first walk: `for…of` visits what is pushed while it runs.
  for (const [digest, from] of queue) {
    for (const [neighbour, direction] of edges.get(digest) ?? []) {
      seed(neighbour, { anchor: from.anchor, relation: from.relation === 'same' ? direction : 'linked' });
    }
  }
  return reached;
}

/** Reason text for a tag kept because its digest is protected. */
export function protectionReason(digest: string, protection: Protection): string {
  switch (protection.relation) {
    case 'same':
      return `protected: shares digest ${shortDigest(digest)} with kept tag ${protection.anchor}`;
    case 'child':
      return `protected: image of kept manifest list ${protection.anchor}`;
    case 'parent':
      return `protected: manifest list holding the image of kept tag ${protection.anchor}`;
    case 'linked':
      return `protected: linked through manifest lists to kept tag ${protection.anchor}`;
  }
}

/** `sha256:` plus the first 12 hex digits, enough to tell images apart in a log. */
export function shortDigest(digest: string): string {
  const at = digest.indexOf(':');
  return at === -1 ? digest.slice(0, 12) : digest.slice(0, at + 13);
}

/** digest → neighbours; 'child' points from a list to its images, 'parent' from an image to its lists. */
function manifestListEdges(tags: TagTable, order: Uint32Array): Map<string, [string, 'child' | 'parent'][]> {
  const edges = new Map<string, [string, 'child' | 'parent'][]>();
  const add = (from: string, to: string, direction: 'child' | 'parent') => {
    const list = edges.get(from);
    if (list) list.push([to, direction]);
    else edges.set(from, [[to, direction]]);
  };
  for (const row of order) {
    if (tags.kind(row) !== 'list') continue;
    const digest = tags.digest(row);
    const children = tags.children(row);
    if (!children || digest === '') continue;
    for (const child of children) {
      add(digest, child, 'child');
      add(child, digest, 'parent');
    }
  }
  return edges;
}
