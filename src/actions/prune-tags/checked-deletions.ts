// Deletes repository by repository; with the re-check, each repository's tags are read and planned again
// right before its deletions, and only the deletions the fresh read confirms are made.
import { ApiError, errorMessage } from '../../core/errors/errors.ts';
import type { TagTable } from '../../providers/seam/tag-table.ts';
import type { TagRegistry } from '../../providers/seam/tags.ts';
import { type Deletion, type DeletionResult, executeDeletions, isCredentialRefusal } from './execute.ts';
import type { PrunePlan } from './plan.ts';
import { recheckDeletions } from './recheck.ts';

export interface CheckedDeletionOptions {
  registry: TagRegistry;
  /** Read each repository again before deleting in it (the `recheck` input). */
  recheck: boolean;
  /** Plans a repository from fresh tags, as the run planned it. */
  replan(repository: string, tags: TagTable): Promise<PrunePlan>;
  concurrency: number;
  /** Called once per planned deletion (made, skipped or failed), with how many are done. */
  onResult?: (result: DeletionResult, done: number) => void;
}

/** Every planned deletion's result, in the given order; a refusal of the credentials stops the rest. */
export async function deleteChecked(
  deletions: readonly Deletion[],
  options: CheckedDeletionOptions,
): Promise<DeletionResult[]> {
  const results = new Map<Deletion, DeletionResult>();
  let done = 0;
  const report = (result: DeletionResult) => options.onResult?.(result, ++done);
  let refused = false;
  for (const [repository, planned] of byRepository(deletions)) {
    if (refused) {
      for (const deletion of planned) results.set(deletion, { ...deletion, outcome: 'not-attempted' });
      continue;
    }
    const confirmed = options.recheck ? await confirm(repository, planned, options) : { go: planned };
    for (const result of confirmed.skipped ?? []) {
      results.set(planned[result.index] as Deletion, result.result);
      report(result.result);
    }
    const made = await executeDeletions(confirmed.go, options.registry.deleteTag, {
      concurrency: options.concurrency,
      onResult: (result) => report(result),
    });
    for (const [index, result] of made.entries()) results.set(confirmed.go[index] as Deletion, result);
    refused =
      made.some(isCredentialRefusal) || (confirmed.skipped ?? []).some((s) => isCredentialRefusal(s.result));
  }
  return deletions.map((deletion) => results.get(deletion) ?? { ...deletion, outcome: 'not-attempted' });
}

interface Confirmed {
  go: Deletion[];
  skipped?: Array<{ index: number; result: DeletionResult }>;
}

/** The deletions a fresh read of the repository confirms, and a result for each of the others. */
async function confirm(
  repository: string,
  planned: readonly Deletion[],
  options: CheckedDeletionOptions,
): Promise<Confirmed> {
  let fresh: PrunePlan;
  try {
    fresh = await options.replan(repository, await options.registry.listTags(repository));
  } catch (error) {
    // Credentials refused while reading again: a refusal like one on a delete, so the run stops there.
    if (error instanceof ApiError && !error.throttled && (error.status === 401 || error.status === 403)) {
      return {
        go: [],
        skipped: planned.map((deletion, index) => ({
          index,
          result:
            index === 0
              ? { ...deletion, outcome: 'failed', error: errorMessage(error), status: error.status }
              : { ...deletion, outcome: 'not-attempted' },
        })),
      };
    }
    const failure = `not deleted: reading ${repository} again before deleting failed: ${errorMessage(error)}`;
    return {
      go: [],
      skipped: planned.map((deletion, index) => ({
        index,
        result: { ...deletion, outcome: 'failed', error: failure },
      })),
    };
  }
  const go: Deletion[] = [];
  const skipped: Confirmed['skipped'] = [];
  recheckDeletions(planned, fresh).forEach((verdict, index) => {
    const deletion = planned[index] as Deletion;
    if (verdict.go) go.push(deletion);
    else if (verdict.gone) skipped.push({ index, result: { ...deletion, outcome: 'absent' } });
    else skipped.push({ index, result: { ...deletion, outcome: 'changed', change: verdict.change } });
  });
  return { go, skipped };
}

function byRepository(deletions: readonly Deletion[]): Map<string, Deletion[]> {
  const groups = new Map<string, Deletion[]>();
  for (const deletion of deletions) {
    const group = groups.get(deletion.repository);
    if (group) group.push(deletion);
    else groups.set(deletion.repository, [deletion]);
  }
  return groups;
}
