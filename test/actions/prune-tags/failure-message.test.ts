import { describe, expect, it } from 'vitest';
import type { DeletionResult } from '../../../src/actions/prune-tags/execute.ts';
import { failureMessage } from '../../../src/actions/prune-tags/failure-message.ts';
import { tag } from './tag-fixtures.ts';

const HINT = 'Check that access-key-id and secret-access-key may delete images.';

/** Results for tags a, b, c… with the given outcomes, in that order. */
function results(
  ...outcomes: Array<Exclude<DeletionResult['outcome'], 'changed'> | 401 | 403 | 500>
): DeletionResult[] {
  return outcomes.map((outcome, i) => {
    const deletion = { repository: 'app', tag: tag(String.fromCharCode(97 + i), 40) };
    if (typeof outcome === 'number') {
      const error = `SWR delete tag app:${deletion.tag.name} → ${outcome} "no". ${HINT}`;
      return { ...deletion, outcome: 'failed', error, status: outcome };
    }
    if (outcome === 'failed') return { ...deletion, outcome, error: 'socket hang up' };
    return { ...deletion, outcome };
  });
}

describe('failureMessage', () => {
  it('says nothing when every deletion was done (already gone counts as done)', () => {
    expect(failureMessage(results('deleted', 'absent'))).toBeUndefined();
    expect(failureMessage([])).toBeUndefined();
  });

  it('names the failed tags and says the others were done', () => {
    expect(failureMessage(results('deleted', 500, 'absent'))).toBe(
      `1 of 3 deletions failed; the others were done. Failed: app:b (SWR delete tag app:b → 500 "no". ${HINT}). ` +
        'Run again to retry: tags already deleted are skipped.',
    );
  });

  it('does not claim the others were done when every deletion failed', () => {
    const message = failureMessage(results(500, 'failed'));
    expect(message).toMatch(/^All 2 deletions failed\. Failed: app:a \(.*\); app:b \(socket hang up\)\./);
    expect(message).not.toContain('were done');
  });

  it('says the run stopped at a refusal of the credentials and counts what was not attempted', () => {
    const message = failureMessage(results(403, 'not-attempted', 'not-attempted'));
    expect(message).toBe(
      'Stopped after the registry refused the credentials (403) deleting app:a: ' +
        `0 of 3 deletions done, 1 refused, 2 not attempted. SWR delete tag app:a → 403 "no". ${HINT} ` +
        'Run again once the credentials may delete tags: tags already deleted are skipped.',
    );
  });

  it('gives the hint once when several deletions under way were refused', () => {
    const message = failureMessage(results('deleted', 401, 401, 'absent', 'not-attempted')) ?? '';
    expect(message).toMatch(
      /^Stopped after the registry refused the credentials \(401\) deleting app:b: 2 of 5 deletions done, 2 refused, 1 not attempted\./,
    );
    expect(message.split(HINT)).toHaveLength(2);
    expect(message).not.toContain('the others were done');
  });

  it('still names other failures that happened alongside a refusal', () => {
    const message = failureMessage(results(500, 401, 'not-attempted'));
    expect(message).toContain('0 of 3 deletions done, 1 refused, 1 failed otherwise, 1 not attempted.');
    expect(message).toContain('Other failures: app:a (SWR delete tag app:a → 500');
  });
});
