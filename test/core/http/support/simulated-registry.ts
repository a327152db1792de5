// A registry limited to `limit` requests per second (a token bucket, as the emulator's rate-limit fault),
// answering after `latencyMs` ± `jitterMs`, driven on a fake clock through a Throttle: how close to the
// limit does the throttle get, and how many requests does the registry refuse (429)?
import { Throttle, type ThrottleBounds } from '../../../../src/core/http/throttle.ts';
import { seededRandom } from '../../../emulator/faults.ts';
import { fakeClock } from './fake-clock.ts';

export interface SimulatedRun {
  limit: number;
  requests: number;
  workers: number;
  latencyMs?: number;
  jitterMs?: number;
  /** Bucket size, requests (default a tenth of a second's worth, at least 5). */
  burst?: number;
  /** Seconds a 429 asks the caller to wait (the emulator says 1). */
  retryAfterSeconds?: number;
  bounds?: ThrottleBounds;
}

export interface SimulatedResult {
  /** Answered requests per second, from the first start to the last answer. */
  achievedRate: number;
  throttled: number;
  attempts: number;
  elapsedMs: number;
  throttle: Throttle;
}

export async function simulate(run: SimulatedRun): Promise<SimulatedResult> {
  const clock = fakeClock();
  const random = seededRandom(7);
  const latency = run.latencyMs ?? 40;
  const jitter = run.jitterMs ?? 10;
  const capacity = run.burst ?? Math.max(5, run.limit / 10);
  const throttle = new Throttle({ maxConcurrency: run.workers, ...run.bounds }, clock);
  let tokens = capacity;
  let refilledAt = clock.now().getTime();
  const take = (at: number): boolean => {
    tokens = Math.min(capacity, tokens + ((at - refilledAt) / 1000) * run.limit);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  let next = 0;
  let throttled = 0;
  let attempts = 0;
  const worker = async () => {
    while (next < run.requests) {
      next++;
      for (;;) {
        const permit = await throttle.acquire('DELETE');
        attempts++;
        const oneWay = (latency + (random() * 2 - 1) * jitter) / 2;
        await clock.sleep(oneWay);
        const ok = take(clock.now().getTime());
        await clock.sleep(oneWay);
        const reaction = permit.answered(ok ? 'answered' : 'throttled');
        if (ok) break;
        throttled++;
        const wait = (run.retryAfterSeconds ?? 1) * 1000;
        if (reaction === 'pause-all') throttle.pauseFor(wait);
        await clock.sleep(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: run.workers }, worker));
  const elapsedMs = clock.elapsed();
  return { achievedRate: (run.requests * 1000) / elapsedMs, throttled, attempts, elapsedMs, throttle };
}
