// The run's results per repository, and the step outputs derived from them (pure).
import type { DeletionResult } from './execute.ts';
import type { PrunePlan } from './plan.ts';

/** One repository's plan. */
export interface RepositoryPlan {
  repository: string;
  plan: PrunePlan;
}

/** Step outputs, all strings as the runner stores them. */
export interface PruneOutputs {
  deleted: string;
  'deleted-count': string;
  'kept-count': string;
  'protected-count': string;
  'planned-count': string;
  failed: string;
  skipped: string;
  'reclaimed-bytes': string;
}

/** Outputs from the plans and the deletions made (none on a dry run or a run stopped by a guard). */
export function pruneOutputs(
  plans: readonly RepositoryPlan[],
  results: readonly DeletionResult[],
): PruneOutputs {
  const sum = (verdict: 'keep' | 'protect' | 'delete') =>
    plans.reduce((n, p) => n + p.plan.counts[verdict], 0);
  const gone = results.filter(isDone);
  const failed = results.filter((r) => r.outcome === 'failed');
  return {
    deleted: JSON.stringify(gone.map(tagRef)),
    'deleted-count': String(gone.length),
    'kept-count': String(sum('keep')),
    'protected-count': String(sum('protect')),
    'planned-count': String(sum('delete')),
    failed: JSON.stringify(failed.map(tagRef)),
    skipped: JSON.stringify(results.filter((r) => r.outcome === 'changed').map(tagRef)),
    'reclaimed-bytes': String(reclaimedBytes(results)),
  };
}

/** The tag is gone: deleted now, or found already deleted. */
export function isDone(result: DeletionResult): boolean {
  return result.outcome === 'deleted' || result.outcome === 'absent';
}

/** `repository:tag`, the form used in outputs and messages. */
export function tagRef(result: { repository: string; tag: { name: string } }): string {
  return `${result.repository}:${result.tag.name}`;
}

/** Bytes of the distinct images the plans delete (a dry run's upper bound). */
export function plannedBytes(plans: readonly RepositoryPlan[]): number {
  let total = 0;
  for (const { plan } of plans) {
    // Per repository, the deleted rows sorted by digest: each digest's size counted once, no digest text built.
    const { tags } = plan;
    const deleted = new Uint32Array(plan.counts.delete);
    let count = 0;
    for (let at = 0; at < plan.size; at++) if (plan.verdict(at) === 'delete') deleted[count++] = plan.row(at);
    const byDigest = deleted.subarray(0, count).sort((a, b) => tags.compareDigests(a, b));
    byDigest.forEach((row, i) => {
      const next = byDigest[i + 1];
      // The last row of each digest: sizes of one digest are one image's (the last in plan order counts, as before).
      if (next === undefined || tags.compareDigests(row, next) !== 0) total += tags.size(row);
    });
  }
  return total;
}

/**
 * Bytes of the distinct images this run deleted (a tag already gone does not count). An upper
 * bound: layers shared with kept images stay stored.
 */
export function reclaimedBytes(results: readonly DeletionResult[]): number {
  const sizes = new Map<string, number>();
  for (const result of results) {
    if (result.outcome !== 'deleted') continue;
    sizes.set(`${result.repository}@${result.tag.digest}`, result.tag.size);
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}
