// Applies the deletions of a plan with bounded concurrency; failures are collected, not thrown.
import { ApiError, errorMessage } from '../../core/errors/errors.ts';
import type { TagInfo } from '../../providers/seam/tag-info.ts';

/** One planned deletion. */
export interface Deletion {
  repository: string;
  tag: TagInfo;
}

/** A deletion that failed; `status` is the HTTP status when the registry answered. */
interface FailedOutcome {
  outcome: 'failed';
  error: string;
  status?: number;
  /** Refused as too many requests (429, or SWR's 403 of its own) after every retry: not the credentials. */
  throttled?: true;
}

/** A deletion skipped because the tag changed between the plan and the deletion. */
interface ChangedOutcome {
  outcome: 'changed';
  /** What changed, e.g. "re-pushed since the plan (digest sha256:aaa… → sha256:bbb…)". */
  change: string;
}

/** What happened to one planned deletion; 'not-attempted' once the registry refused the credentials. */
export type DeletionResult = Deletion &
  ({ outcome: 'deleted' | 'absent' } | FailedOutcome | ChangedOutcome | { outcome: 'not-attempted' });

export interface ExecuteOptions {
  concurrency: number;
  /** Called after each attempted deletion, in completion order (progress and log lines). */
  onResult?: (result: DeletionResult, done: number) => void;
}

/** A deletion the registry refused for the credentials' sake. */
export type Refusal = Deletion & FailedOutcome & { status: 401 | 403 };

/** 401 or 403: the credentials were refused, and every later deletion would be refused too. */
export function isCredentialRefusal(result: DeletionResult): result is Refusal {
  if (result.outcome !== 'failed' || result.throttled) return false;
  return result.status === 401 || result.status === 403;
}

/** Deletes one tag; once `signal` is aborted, a deletion still waiting for its turn is not sent. */
export type RemoveTag = (
  repository: string,
  tag: string,
  signal: AbortSignal,
) => Promise<'deleted' | 'absent'>;

/**
 * Runs `remove` for every deletion, at most `concurrency` at a time. A failure does not stop the
 * others (the caller reports every failure at the end), except a refusal of the credentials: then no
 * further deletion is sent (those waiting for their turn included) and the rest are 'not-attempted'.
 * Results come back in the input order.
 */
export async function executeDeletions(
  deletions: readonly Deletion[],
  remove: RemoveTag,
  options: ExecuteOptions,
): Promise<DeletionResult[]> {
  const results: DeletionResult[] = deletions.map((d) => ({ ...d, outcome: 'not-attempted' }));
  const refusal = new AbortController();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (!refusal.signal.aborted) {
      const index = next++;
      const deletion = deletions[index];
      if (!deletion) return;
      const result = await attempt(deletion, remove, refusal.signal);
      if (result.outcome === 'not-attempted') continue;
      results[index] = result;
      if (isCredentialRefusal(result)) refusal.abort(new Error('the registry refused the credentials'));
      options.onResult?.(result, ++done);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, deletions.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

async function attempt(deletion: Deletion, remove: RemoveTag, signal: AbortSignal): Promise<DeletionResult> {
  try {
    return { ...deletion, outcome: await remove(deletion.repository, deletion.tag.name, signal) };
  } catch (error) {
    // Held back after the refusal, before it was sent.
    if (signal.aborted && error === signal.reason) return { ...deletion, outcome: 'not-attempted' };
    const failed: Deletion & FailedOutcome = { ...deletion, outcome: 'failed', error: errorMessage(error) };
    if (error instanceof ApiError && error.status > 0) failed.status = error.status;
    if (error instanceof ApiError && error.throttled) failed.throttled = true;
    return failed;
  }
}
