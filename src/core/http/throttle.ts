// The client's gate for every attempt: requests in flight and request starts per second both follow
// AdaptiveRate, under the caller's upper bounds, plus a pause that a registry which keeps refusing
// imposes on every caller at once. Shared by every caller of a client (and of clients given the same one).
import { sleep } from '../node/builtins.ts';
import {
  AdaptiveRate,
  type AdaptiveRateBounds,
  type AnswerSample,
  type RateFindings,
} from './adaptive-rate.ts';

export interface ThrottleClock {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** Upper bounds; both optional (no rate bound, 256 in flight). */
export interface ThrottleBounds {
  maxRequestsPerSecond?: number;
  maxConcurrency?: number;
}

/**
 * How far behind its schedule the throttle may be and still let callers go back to back to catch up:
 * timers wake late by a millisecond or more, which at 1,000 requests/s is a whole interval, but after
 * a stall (a busy machine) the slots missed are not sent in one burst.
 */
const CATCH_UP_MS = 25;

/** Requests in flight when the caller sets no bound. */
const DEFAULT_MAX_CONCURRENCY = 256;

/** One attempt's place in the throttle; `answered` must be called once the attempt ends. */
export interface Permit {
  answered(kind: AnswerSample['kind']): 'none' | 'slowed' | 'pause-all';
}

export class Throttle {
  readonly #rate: AdaptiveRate;
  readonly #now: () => Date;
  readonly #sleep: (ms: number) => Promise<void>;
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];
  /** When the last caller was let go (its scheduled time): the next one goes a rate interval later. */
  #lastStartMs = Number.NEGATIVE_INFINITY;
  #pausedUntilMs = Number.NEGATIVE_INFINITY;
  /** Callers waiting for a rate slot behind the one that is next, first come first served. */
  readonly #slotQueue: (() => void)[] = [];
  #slotTaken = false;

  constructor(bounds: ThrottleBounds = {}, clock: ThrottleClock = {}) {
    const maxRps = bounds.maxRequestsPerSecond;
    const limits: AdaptiveRateBounds = {
      maxRequestsPerSecond: maxRps !== undefined && maxRps > 0 ? maxRps : Number.POSITIVE_INFINITY,
      maxConcurrency: Math.max(1, bounds.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
    };
    this.#rate = new AdaptiveRate(limits);
    this.#now = clock.now ?? (() => new Date());
    this.#sleep = clock.sleep ?? sleep;
  }

  /** What the controller found so far (rate reached, where the registry pushed back). */
  findings(): RateFindings {
    return this.#rate.findings();
  }

  /**
   * Waits for a place in flight and a rate slot; `key` groups like requests for latency (the method).
   * A caller whose `signal` is aborted meanwhile gets its reason thrown instead of a permit.
   */
  async acquire(key: string, signal?: AbortSignal): Promise<Permit> {
    signal?.throwIfAborted();
    await this.#enter();
    let paced: boolean;
    try {
      signal?.throwIfAborted();
      paced = await this.#takeSlot();
      signal?.throwIfAborted();
    } catch (error) {
      this.#leave();
      throw error;
    }
    const sentAt = this.#now().getTime();
    let done = false;
    return {
      answered: (kind) => {
        if (done) return 'none';
        done = true;
        const answeredAt = this.#now().getTime();
        const reaction = this.#rate.onAnswer({ sentAt, answeredAt, kind, key, paced });
        if (reaction !== 'none') this.#slowedDown(answeredAt);
        this.#leave();
        return reaction;
      },
    };
  }

  /** Holds every caller back for `ms` from now (the registry's Retry-After). */
  pauseFor(ms: number): void {
    const until = this.#now().getTime() + Math.max(0, ms);
    this.#pausedUntilMs = Math.max(this.#pausedUntilMs, until);
  }

  /** After a slow-down the next caller goes a whole interval at the new rate later. */
  #slowedDown(at: number): void {
    this.#lastStartMs = Math.max(this.#lastStartMs, at);
  }

  async #enter(): Promise<void> {
    if (this.#inFlight < this.#rate.concurrency && this.#waiting.length === 0) {
      this.#inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #leave(): void {
    this.#inFlight--;
    while (this.#inFlight < this.#rate.concurrency) {
      const next = this.#waiting.shift();
      if (!next) return;
      this.#inFlight++;
      next();
    }
  }

  /**
   * Waits for this caller's start slot: callers go one at a time, each a rate interval after the one
   * before, the interval taken at the rate of the moment it goes (so a rate that rises or falls while
   * many wait applies at once, not only to those who come later), and none during a pause. A caller
   * woken late does not delay the next (slots follow the schedule, not the wake-ups, within
   * CATCH_UP_MS). True when the rate held the caller back (demand is above the rate, so raising it helps).
   */
  async #takeSlot(): Promise<boolean> {
    const calledAt = this.#now().getTime();
    // Behind others, or asleep until its slot: the caller is on the schedule, and catches up on it.
    let scheduled = this.#slotTaken;
    if (scheduled) await new Promise<void>((resolve) => this.#slotQueue.push(resolve));
    this.#slotTaken = true;
    try {
      for (;;) {
        const now = this.#now().getTime();
        const due = this.#lastStartMs + 1000 / this.#rate.rate;
        const start = Math.max(this.#pausedUntilMs, due);
        if (start <= now) {
          // Late, the next callers catch up, but by no more than CATCH_UP_MS worth at once; after a
          // quiet spell the schedule starts afresh.
          this.#lastStartMs = scheduled ? Math.max(start, now - CATCH_UP_MS) : now;
          return due > calledAt && due >= this.#pausedUntilMs;
        }
        scheduled = true;
        await this.#sleep(start - now);
      }
    } finally {
      const next = this.#slotQueue.shift();
      if (next) next();
      else this.#slotTaken = false;
    }
  }
}
