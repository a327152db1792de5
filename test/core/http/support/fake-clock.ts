/** A clock that only moves when code sleeps on it; records every sleep. */
export interface FakeClock {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
  /** Milliseconds since the clock started. */
  elapsed: () => number;
}

export const FAKE_START = Date.parse('2026-03-01T12:00:00Z');

/**
 * Virtual time: sleepers wake one at a time in order of their wake-up time, the clock jumping to
 * each; pending promise callbacks run between two wake-ups (setImmediate), so concurrent callers
 * see the time they would see with real timers, without waiting for them.
 */
export function fakeClock(start = FAKE_START): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  const sleepers: { wakeAt: number; order: number; wake: () => void }[] = [];
  let order = 0;
  let draining = false;

  const wakeNext = () => {
    sleepers.sort((a, b) => a.wakeAt - b.wakeAt || a.order - b.order);
    const next = sleepers.shift();
    if (!next) {
      draining = false;
      return;
    }
    time = Math.max(time, next.wakeAt);
    next.wake();
    setImmediate(wakeNext);
  };

  return {
    now: () => new Date(time),
    sleeps,
    elapsed: () => time - start,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise<void>((wake) => {
        sleepers.push({ wakeAt: time + ms, order: order++, wake });
        if (!draining) {
          draining = true;
          setImmediate(wakeNext);
        }
      });
    },
  };
}
