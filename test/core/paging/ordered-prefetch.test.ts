import { describe, expect, it } from 'vitest';
import { orderedPrefetch } from '../../../src/core/paging/ordered-prefetch.ts';

/** Fetches that finish in the order the test says, recording how many run at once. */
function controlledFetches() {
  const resolvers = new Map<number, (value: string) => void>();
  let running = 0;
  let most = 0;
  const fetch = (index: number) =>
    new Promise<string>((resolve) => {
      running++;
      most = Math.max(most, running);
      resolvers.set(index, (value) => {
        running--;
        resolve(value);
      });
    });
  const finish = (index: number) => resolvers.get(index)?.(`page ${index}`);
  return { fetch, finish, most: () => most, started: () => resolvers.size };
}

describe('orderedPrefetch', () => {
  it('yields pages in order although they finish out of order, with at most `window` under way', async () => {
    const f = controlledFetches();
    const pages: string[] = [];
    const reading = (async () => {
      for await (const page of orderedPrefetch(5, 2, f.fetch)) pages.push(page);
    })();
    await new Promise((r) => setImmediate(r));
    expect(f.started()).toBe(2);
    f.finish(1);
    f.finish(0);
    for (let i = 2; i < 5; i++) {
      await new Promise((r) => setImmediate(r));
      f.finish(i);
    }
    await reading;
    expect(pages).toEqual(['page 0', 'page 1', 'page 2', 'page 3', 'page 4']);
    expect(f.most()).toBe(2);
  });

  it('stops starting pages once one fails, and rethrows its error in order', async () => {
    let started = 0;
    const fetch = async (index: number) => {
      started++;
      if (index === 1) throw new Error('page 1 failed');
      return index;
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of orderedPrefetch(100, 3, fetch)) seen.push(page);
      })(),
    ).rejects.toThrow('page 1 failed');
    expect(seen).toEqual([0]);
    expect(started).toBeLessThanOrEqual(5);
  });
});
