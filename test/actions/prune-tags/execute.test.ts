import { describe, expect, it } from 'vitest';
import { executeDeletions } from '../../../src/actions/prune-tags/execute.ts';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { tag } from './tag-fixtures.ts';

const deletions = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ repository: 'web', tag: tag(name, 40) }));

/** The error the SWR client throws when a deletion gets `status`. */
function deleteError(name: string, status: number): ApiError {
  return new ApiError({
    provider: 'SWR',
    operation: `delete tag web:${name} in namespace team`,
    method: 'DELETE',
    path: `/v2/manage/namespaces/team/repos/web/tags/${name}`,
    status,
    providerMessage: status >= 500 ? 'internal error' : 'denied',
    hint: 'Check the credentials.',
  });
}

describe('executeDeletions', () => {
  it('never runs more than `concurrency` deletions at once and returns results in plan order', async () => {
    let running = 0;
    let peak = 0;
    const gates: Array<() => void> = [];
    const remove = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      return 'deleted' as const;
    };
    const done = executeDeletions(deletions, remove, { concurrency: 2 });
    // Release waiting deletions one by one; each release lets the next start.
    while (gates.length > 0 || running > 0) {
      await Promise.resolve();
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await done;
    expect(peak).toBe(2);
    expect(results.map((r) => `${r.tag.name}:${r.outcome}`)).toEqual([
      'a:deleted',
      'b:deleted',
      'c:deleted',
      'd:deleted',
      'e:deleted',
      'f:deleted',
    ]);
  });

  it('keeps going after a failure and reports each outcome', async () => {
    const seen: string[] = [];
    const results = await executeDeletions(
      deletions,
      async (_repo, name) => {
        if (name === 'b') throw new Error('SWR delete tag web:b → 500');
        return name === 'c' ? 'absent' : 'deleted';
      },
      { concurrency: 3, onResult: (_r, done) => seen.push(`${done}`) },
    );
    expect(results.map((r) => r.outcome)).toEqual([
      'deleted',
      'failed',
      'absent',
      'deleted',
      'deleted',
      'deleted',
    ]);
    expect(results[1]).toMatchObject({ outcome: 'failed', error: 'SWR delete tag web:b → 500' });
    expect(seen).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('keeps going after a 5xx that outlived the retries, recording the status', async () => {
    const results = await executeDeletions(
      deletions,
      async (_repo, name) => {
        if (name === 'a') throw deleteError(name, 503);
        return 'deleted';
      },
      { concurrency: 1 },
    );
    expect(results.map((r) => r.outcome)).toEqual([
      'failed',
      'deleted',
      'deleted',
      'deleted',
      'deleted',
      'deleted',
    ]);
    expect(results[0]).toMatchObject({ outcome: 'failed', status: 503 });
  });

  it('goes on with the other deletions when one was refused as too many requests after every retry (SWR 403)', async () => {
    const attempted: string[] = [];
    const results = await executeDeletions(
      deletions,
      async (_repo, name) => {
        attempted.push(name);
        if (name === 'c') {
          throw new ApiError({
            provider: 'SWR',
            operation: `delete tag web:${name} in namespace team`,
            method: 'DELETE',
            path: `/v2/manage/namespaces/team/repos/web/tags/${name}`,
            status: 403,
            code: 'SVCSTG.SWR.4031042',
            providerMessage: 'There are too many requests.',
            throttled: true,
          });
        }
        return 'deleted';
      },
      { concurrency: 1 },
    );
    expect(attempted).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(results.map((r) => `${r.tag.name}:${r.outcome}`)).toEqual([
      'a:deleted',
      'b:deleted',
      'c:failed',
      'd:deleted',
      'e:deleted',
      'f:deleted',
    ]);
    expect(results[2]).toMatchObject({ status: 403, throttled: true });
  });

  for (const status of [401, 403]) {
    it(`starts no further deletion once the registry refuses the credentials (${status})`, async () => {
      const attempted: string[] = [];
      const results = await executeDeletions(
        deletions,
        async (_repo, name) => {
          attempted.push(name);
          if (name === 'c') throw deleteError(name, status);
          return 'deleted';
        },
        { concurrency: 1 },
      );
      expect(attempted).toEqual(['a', 'b', 'c']);
      expect(results.map((r) => `${r.tag.name}:${r.outcome}`)).toEqual([
        'a:deleted',
        'b:deleted',
        'c:failed',
        'd:not-attempted',
        'e:not-attempted',
        'f:not-attempted',
      ]);
      expect(results[2]).toMatchObject({ status, error: expect.stringContaining(`→ ${status}`) });
    });
  }

  it('lets deletions already under way finish after a refusal, and starts none after it', async () => {
    const gates = new Map<string, () => void>();
    const attempted: string[] = [];
    const remove = async (_repo: string, name: string) => {
      attempted.push(name);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      if (name === 'a') throw deleteError(name, 401);
      return 'deleted' as const;
    };
    const done = executeDeletions(deletions, remove, { concurrency: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempted).toEqual(['a', 'b', 'c']);
    for (const name of ['a', 'b', 'c']) {
      gates.get(name)!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await done;
    expect(attempted).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.outcome)).toEqual([
      'failed',
      'deleted',
      'deleted',
      'not-attempted',
      'not-attempted',
      'not-attempted',
    ]);
  });

  it('sends none of the deletions still waiting for their turn once the credentials are refused', async () => {
    // Like the HTTP throttle: every deletion queues for one turn at a time; an aborted signal ends the wait.
    const sent: string[] = [];
    let turn = Promise.resolve();
    const remove = async (_repo: string, name: string, signal: AbortSignal) => {
      const mine = turn.then(() => signal.throwIfAborted());
      turn = mine.then(
        () => new Promise<void>((resolve) => setImmediate(resolve)),
        () => undefined,
      );
      await mine;
      sent.push(name);
      if (name === 'a') throw deleteError(name, 403);
      return 'deleted' as const;
    };
    const results = await executeDeletions(deletions, remove, { concurrency: 6 });
    expect(sent).toEqual(['a']);
    expect(results.map((r) => r.outcome)).toEqual(['failed', ...Array(5).fill('not-attempted')]);
  });

  it('does nothing for an empty plan', async () => {
    expect(await executeDeletions([], async () => 'deleted', { concurrency: 4 })).toEqual([]);
  });
});
