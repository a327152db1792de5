// Applies the deletions of a plan with bounded concurrency; failures are collected, not thrown.
import { errorMessage } from '../../core/errors/errors.ts';
import type { TagInfo } from './tag-info.ts';

/** One planned deletion. */
export interface Deletion {
  repository: string;
  tag: TagInfo;
}

/** What happened to one planned deletion. */
export type DeletionResult = Deletion &
  ({ outcome: 'deleted' | 'absent' } | { outcome: 'failed'; error: string });

export interface ExecuteOptions {
  concurrency: number;
  /** Called after each deletion, in completion order (progress and log lines). */
  onResult?: (result: DeletionResult, done: number) => void;
}

/**
 * Runs `remove` for every deletion, at most `concurrency` at a time. A failure does not stop the
 * others: the caller reports every failure at the end. Results come back in the input order.
 */
export async function executeDeletions(
  deletions: readonly Deletion[],
  remove: (repository: string, tag: string) => Promise<'deleted' | 'absent'>,
  options: ExecuteOptions,
): Promise<DeletionResult[]> {
  const results: DeletionResult[] = new Array(deletions.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < deletions.length; index = next++) {
      const deletion = deletions[index]!;
      let result: DeletionResult;
      try {
        result = { ...deletion, outcome: await remove(deletion.repository, deletion.tag.tag) };
      } catch (error) {
        result = { ...deletion, outcome: 'failed', error: errorMessage(error) };
      }
      results[index] = result;
      options.onResult?.(result, ++done);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, deletions.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
