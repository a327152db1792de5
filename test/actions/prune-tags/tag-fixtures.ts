// Small builders for planner tests.
import type { PruneRules } from '../../../src/actions/prune-tags/plan.ts';
import { compileTagPatterns } from '../../../src/actions/prune-tags/tag-patterns.ts';
import type { Duration } from '../../../src/core/action/duration.ts';
import type { TagInfo } from '../../../src/providers/seam/tag-info.ts';

export const START = new Date('2025-06-01T00:00:00Z');
export const DAY = 86_400_000;

/** A single-image tag updated `daysAgo` days before START. */
export function tag(name: string, daysAgo: number, digest = `sha256:${name}`, size = 100): TagInfo {
  return { name, digest, updatedAt: START.getTime() - daysAgo * DAY, size, kind: 'image' };
}

/** A manifest-list tag referencing `children`. */
export function list(
  name: string,
  daysAgo: number,
  children: string[] | undefined,
  digest = `sha256:${name}`,
): TagInfo {
  return { ...tag(name, daysAgo, digest), kind: 'list', children };
}

export function days(n: number): Duration {
  return { ms: n * DAY, text: `${n}d` };
}

/** Rules with nothing set but what is given; patterns as source strings. */
export function rules(
  options: Partial<Omit<PruneRules, 'include' | 'exclude' | 'keep'>> & {
    include?: string[];
    exclude?: string[];
    keep?: string[];
  } = {},
): PruneRules {
  return {
    include: compileTagPatterns('include', options.include ?? [], 'regex'),
    exclude: compileTagPatterns('exclude', options.exclude ?? [], 'regex'),
    keep: compileTagPatterns('keep', options.keep ?? [], 'regex'),
    keepLast: options.keepLast ?? 0,
    olderThan: options.olderThan,
    keepSemver: options.keepSemver ?? 0,
  };
}
