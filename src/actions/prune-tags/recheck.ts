// Deletion is by tag name, so a tag re-pushed after the plan would go with its new image. Right before a
// repository's deletions, its tags are read again and planned again: a planned deletion goes ahead only
// when the tag still has the digest and update time it was planned with and the fresh plan still deletes
// it (a kept tag may now point at its image). Pure.

import type { Deletion } from './execute.ts';
import type { PrunePlan } from './plan.ts';
import { shortDigest } from './protection.ts';

/** What the fresh read says of one planned deletion. */
export type Recheck = { go: true } | { go: false; gone: true } | { go: false; gone: false; change: string };

/** One verdict per planned deletion, in their order. */
export function recheckDeletions(planned: readonly Deletion[], fresh: PrunePlan): Recheck[] {
  const now = new Map(fresh.decisions.map((decision) => [decision.tag.name, decision]));
  return planned.map(({ tag }): Recheck => {
    const decision = now.get(tag.name);
    if (!decision) return { go: false, gone: true };
    const { digest, updatedAt } = decision.tag;
    if (digest !== tag.digest) {
      return {
        go: false,
        gone: false,
        change: `re-pushed since the plan (digest ${shortDigest(tag.digest)} → ${shortDigest(digest) || 'none'})`,
      };
    }
    if (updatedAt !== tag.updatedAt && !(Number.isNaN(updatedAt) && Number.isNaN(tag.updatedAt))) {
      return { go: false, gone: false, change: `re-pushed since the plan (updated ${timeText(updatedAt)})` };
    }
    if (decision.verdict !== 'delete') {
      return { go: false, gone: false, change: `changed since the plan, now ${decision.reason}` };
    }
    return { go: true };
  });
}

function timeText(ms: number): string {
  return Number.isNaN(ms) ? 'at an unknown time' : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
