// How a run with failed deletions ended, in one message for the log, the summary and the step failure (pure).

import { plural } from '../../core/text/plural.ts';
import { type DeletionResult, isCredentialRefusal, type Refusal } from './execute.ts';
import { isDone, tagRef } from './outcome.ts';

/** Failed deletions named in a message; the `failed` output lists all of them. */
const SHOWN = 20;

/** The message for a run whose deletions did not all succeed; undefined when they did. */
export function failureMessage(results: readonly DeletionResult[]): string | undefined {
  const refusal = results.find(isCredentialRefusal);
  if (refusal) return refusalMessage(refusal, results);
  const failed = results.filter((r) => r.outcome === 'failed');
  if (failed.length === 0) return undefined;
  const total = results.length;
  const head =
    failed.length === total
      ? `All ${plural(total, 'deletion')} failed.`
      : `${failed.length} of ${plural(total, 'deletion')} failed; the others were done.`;
  return `${head} Failed: ${failureList(failed)}. Run again to retry: tags already deleted are skipped.`;
}

/** Credentials refused: say so once (with the registry's answer and its hint), then count what happened. */
function refusalMessage(refusal: Refusal, results: readonly DeletionResult[]): string {
  const others = results.filter((r) => r.outcome === 'failed' && !isCredentialRefusal(r));
  const counts = [
    `${results.filter(isDone).length} of ${plural(results.length, 'deletion')} done`,
    `${results.filter(isCredentialRefusal).length} refused`,
    others.length > 0 ? `${others.length} failed otherwise` : '',
    `${results.filter((r) => r.outcome === 'not-attempted').length} not attempted`,
  ].filter(Boolean);
  const otherText = others.length > 0 ? ` Other failures: ${failureList(others)}.` : '';
  return (
    `Stopped after the registry refused the credentials (${refusal.status}) deleting ${tagRef(refusal)}: ` +
    `${counts.join(', ')}. ${refusal.error}${otherText} ` +
    'Run again once the credentials may delete tags: tags already deleted are skipped.'
  );
}

function failureList(failed: readonly DeletionResult[]): string {
  const shown = failed
    .slice(0, SHOWN)
    .map((r) => `${tagRef(r)} (${r.outcome === 'failed' ? r.error : ''})`)
    .join('; ');
  const more = failed.length > SHOWN ? `; and ${failed.length - SHOWN} more (see the failed output)` : '';
  return shown + more;
}
