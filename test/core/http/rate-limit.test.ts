import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/core/http/rate-limit.ts';
import { fakeClock } from './support/fake-clock.ts';

/** Starts `count` callers at once and returns the clock time (ms from start) at which each got through. */
async function startTimes(limiter: RateLimiter, clock: ReturnType<typeof fakeClock>, count: number) {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      await limiter.acquire();
      times.push(clock.elapsed());
    }),
  );
  return times;
}

describe('RateLimiter', () => {
  it('spaces concurrent callers evenly at the requested rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 10 }, clock);
    expect(await startTimes(limiter, clock, 5)).toEqual([0, 100, 200, 300, 400]);
  });

  it('lets a burst through, then holds the rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 4, burst: 3 }, clock);
    expect(await startTimes(limiter, clock, 6)).toEqual([0, 0, 0, 250, 500, 750]);
  });

  it('does not make a caller wait after a quiet spell', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 2 }, clock);
    await limiter.acquire();
    await clock.sleep(5000);
    const before = clock.sleeps.length;
    await limiter.acquire();
    expect(clock.sleeps.length).toBe(before);
  });

  it('holds every caller back during a server-imposed pause, then resumes the rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 10 }, clock);
    limiter.pauseFor(2000);
    expect(await startTimes(limiter, clock, 3)).toEqual([2000, 2100, 2200]);
  });

  it('holds back a caller that was already waiting for its slot when the pause came', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 1 }, clock);
    await limiter.acquire();
    const waiting = limiter.acquire().then(() => clock.elapsed());
    limiter.pauseFor(3000);
    expect(await waiting).toBeGreaterThanOrEqual(3000);
  });

  it('without a rate only pauses', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(undefined, clock);
    expect(await startTimes(limiter, clock, 3)).toEqual([0, 0, 0]);
    limiter.pauseFor(1500);
    expect(await startTimes(limiter, clock, 2)).toEqual([1500, 1500]);
  });
});
