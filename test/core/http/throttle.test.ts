import { describe, expect, it } from 'vitest';
import { Throttle } from '../../../src/core/http/throttle.ts';
import { fakeClock } from './support/fake-clock.ts';
import { simulate } from './support/simulated-registry.ts';

describe('Throttle', () => {
  it('spaces concurrent callers at its starting rate (20/s) within the rate-limit bound', async () => {
    const clock = fakeClock();
    const throttle = new Throttle({ maxRequestsPerSecond: 10 }, clock);
    const startedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const permit = await throttle.acquire('GET');
        startedAt.push(clock.elapsed());
        permit.answered('answered');
      }),
    );
    expect(startedAt).toEqual([0, 100, 200, 300]);
  });

  it('does not make a caller wait after a quiet spell', async () => {
    const clock = fakeClock();
    const throttle = new Throttle({}, clock);
    (await throttle.acquire('GET')).answered('answered');
    await clock.sleep(5000);
    const before = clock.sleeps.length;
    (await throttle.acquire('GET')).answered('answered');
    expect(clock.sleeps.length).toBe(before);
  });

  it('keeps no more requests in flight than the concurrency bound', async () => {
    const clock = fakeClock();
    const throttle = new Throttle({ maxConcurrency: 2 }, clock);
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const permit = await throttle.acquire('GET');
        inFlight++;
        most = Math.max(most, inFlight);
        await clock.sleep(40);
        inFlight--;
        permit.answered('answered');
      }),
    );
    expect(most).toBe(2);
  });

  it('holds every caller back during a pause, including one already waiting for its slot', async () => {
    const clock = fakeClock();
    const throttle = new Throttle({ maxRequestsPerSecond: 1 }, clock);
    (await throttle.acquire('GET')).answered('answered');
    const waiting = throttle.acquire('GET').then(() => clock.elapsed());
    throttle.pauseFor(3000);
    expect(await waiting).toBeGreaterThanOrEqual(3000);
  });

  it('lets callers already waiting go at the rate of the moment, as it rises (no slot kept from a lower rate)', async () => {
    const clock = fakeClock();
    const throttle = new Throttle({ maxConcurrency: 64 }, clock);
    const starts: { at: number; rate: number }[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        const permit = await throttle.acquire('DELETE');
        starts.push({ at: clock.elapsed(), rate: throttle.findings().currentRate });
        await clock.sleep(40);
        permit.answered('answered');
      }),
    );
    // Every answer raised the rate (slow start). Had each waiting caller kept the slot it was given at
    // the rate of when it started waiting, the 60th would start after 700 ms (virtual time); at the
    // rate of the moment it starts before 500 ms.
    expect(starts.at(-1)?.at).toBeLessThan(500);
    expect(starts.at(-1)?.rate).toBeGreaterThan(100);
  });

  it('after a stall (a timer woken 300 ms late) sends the slots missed not in one burst but at its rate', async () => {
    const clock = fakeClock();
    let late = 300;
    const stalling = {
      now: clock.now,
      sleep: (ms: number) => {
        const wait = ms + late;
        late = 0;
        return clock.sleep(wait);
      },
    };
    const throttle = new Throttle({ maxRequestsPerSecond: 100 }, stalling);
    const startedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const permit = await throttle.acquire('DELETE');
        startedAt.push(clock.elapsed());
        permit.answered('unanswered');
      }),
    );
    // The first goes at once, the second wakes 300 ms late: those behind it catch up 25 ms worth
    // (2 intervals of 10 ms) back to back, then go 10 ms apart again.
    const burst = startedAt.filter((at) => at === startedAt[1]).length;
    expect(burst).toBeLessThanOrEqual(3);
    expect(startedAt.at(-1)).toBeGreaterThan(300 + 10 * 15);
  });

  it('gives a place in flight back once, however often an attempt reports its end', async () => {
    const clock = fakeClock();
    const throttle = new Throttle({ maxConcurrency: 1 }, clock);
    const permit = await throttle.acquire('GET');
    permit.answered('unanswered');
    permit.answered('unanswered');
    const second = await throttle.acquire('GET');
    let thirdIn = false;
    const third = throttle.acquire('GET').then((p) => {
      thirdIn = true;
      return p;
    });
    await clock.sleep(1000);
    expect(thirdIn).toBe(false);
    second.answered('answered');
    (await third).answered('answered');
    expect(thirdIn).toBe(true);
  });
});

// Virtual time: a registry with a token-bucket limit the throttle does not know, 40 ms ± 10 ms away,
// 64 callers; each refused request waits the 1 s the registry asks for and is sent again.
describe('Throttle against a rate-limited registry (simulated clock)', () => {
  it.each([
    [50, 1_500],
    [200, 5_000],
    [1_000, 10_000],
  ])(
    'finds a limit of %i requests/s by itself: ≥ 0.85 of it, at most 3 percent of requests refused',
    async (limit, requests) => {
      const run = await simulate({ limit, requests, workers: 64 });
      expect(run.achievedRate / limit).toBeGreaterThanOrEqual(0.85);
      expect(run.throttled / run.attempts).toBeLessThanOrEqual(0.03);
      const found = run.throttle.findings().limitFound!;
      expect(found / limit).toBeGreaterThan(0.8);
      expect(found / limit).toBeLessThan(1.2);
    },
  );

  it('stays under a rate-limit bound below the registry’s limit, and is never refused', async () => {
    const run = await simulate({
      limit: 200,
      requests: 1_000,
      workers: 64,
      bounds: { maxRequestsPerSecond: 50 },
    });
    expect(run.throttled).toBe(0);
    expect(run.achievedRate).toBeLessThanOrEqual(50);
    expect(run.achievedRate).toBeGreaterThan(45);
  });

  it('does not hammer a registry that refuses nearly everything: it waits as asked', async () => {
    // One request per 2 s gets through; 20 requests from 64-wide callers.
    const run = await simulate({ limit: 0.5, requests: 20, workers: 64, burst: 1 });
    // Each success costs at most a handful of refusals, not one per caller per second.
    expect(run.attempts).toBeLessThan(20 * 4);
    expect(run.throttle.findings().currentRate).toBeLessThan(2);
  });
});
