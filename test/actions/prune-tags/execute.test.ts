import { describe, expect, it } from 'vitest';
import { executeDeletions } from '../../../src/actions/prune-tags/execute.ts';
import { tag } from './tag-fixtures.ts';

const deletions = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ repository: 'web', tag: tag(name, 40) }));

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
    expect(results.map((r) => `${r.tag.tag}:${r.outcome}`)).toEqual([
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

  it('does nothing for an empty plan', async () => {
    expect(await executeDeletions([], async () => 'deleted', { concurrency: 4 })).toEqual([]);
  });
});
