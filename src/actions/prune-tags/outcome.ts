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
    // Per repository, one deleted row per digest, found by hashing: no digest text built, nothing sorted.
    const { tags } = plan;
    const slots = new Int32Array(2 ** Math.ceil(Math.log2(2 * plan.counts.delete + 2)));
    const mask = slots.length - 1;
    for (let at = 0; at < plan.size; at++) {
      if (plan.verdict(at) !== 'delete') continue;
      const row = plan.row(at);
      let slot = tags.digestHash(row) & mask;
      // Open addressing; a slot holds row + 1. The later row of a digest replaces the earlier: sizes of one
      // digest are one image's, and the last in plan order counts.
      while (slots[slot] !== 0 && tags.compareDigests((slots[slot] ?? 0) - 1, row) !== 0)
        slot = (slot + 1) & mask;
      slots[slot] = row + 1;
    }
    for (const held of slots) if (held !== 0) total += tags.size(held - 1);
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
