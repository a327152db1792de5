// The client's gate for every attempt: requests in flight and request starts per second both follow
// AdaptiveRate, under the caller's upper bounds, plus a pause that a registry which keeps refusing
// imposes on every caller at once. Shared by every caller of a client (and of clients given the same one).
import { setTimeout as delay } from 'node:timers/promises';
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
  #nextSlotMs = Number.NEGATIVE_INFINITY;
  #pausedUntilMs = Number.NEGATIVE_INFINITY;
  /** Slow-downs so far: a caller that waited for its slot through one takes a new slot. */
  #cuts = 0;

  constructor(bounds: ThrottleBounds = {}, clock: ThrottleClock = {}) {
    const maxRps = bounds.maxRequestsPerSecond;
    const limits: AdaptiveRateBounds = {
      maxRequestsPerSecond: maxRps !== undefined && maxRps > 0 ? maxRps : Number.POSITIVE_INFINITY,
      maxConcurrency: Math.max(1, bounds.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
    };
    this.#rate = new AdaptiveRate(limits);
    this.#now = clock.now ?? (() => new Date());
    this.#sleep = clock.sleep ?? ((ms) => delay(ms));
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

  /** Slots reserved at the old rate are given up: those waiting for one take one at the new rate. */
  #slowedDown(at: number): void {
    this.#cuts++;
    this.#nextSlotMs = at + 1000 / this.#rate.rate;
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
   * Reserves the next start slot at the current rate (GCRA: one "theoretical arrival time"), waiting
   * for it and for any pause; true when the caller had to wait for its slot.
   */
  async #takeSlot(): Promise<boolean> {
    let paced = false;
    for (;;) {
      const now = this.#now().getTime();
      const start = Math.max(now, this.#pausedUntilMs, this.#nextSlotMs);
      this.#nextSlotMs = start + 1000 / this.#rate.rate;
      const cuts = this.#cuts;
      if (start > now) {
        if (start > this.#pausedUntilMs) paced = true;
        await this.#sleep(start - now);
      }
      // A pause, or a slow-down, that came while this caller slept holds it back too.
      if (this.#pausedUntilMs <= this.#now().getTime() && (cuts === this.#cuts || start <= now)) return paced;
    }
  }
}
