import { setTimeout as delay } from 'node:timers/promises';

/** A client-side cap on request starts. */
export interface RateLimitOptions {
  requestsPerSecond: number;
  /** Requests that may start back to back after a quiet spell; 1 = even spacing. */
  burst?: number;
}

export interface RateLimiterClock {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Token bucket (as GCRA: one "theoretical arrival time" instead of a token count) shared by every
 * caller of a client, plus a pause that a 429 with Retry-After imposes on all of them at once.
 * Each caller reserves its slot synchronously, so concurrent callers never take the same one.
 */
export class RateLimiter {
  readonly #intervalMs: number;
  readonly #toleranceMs: number;
  readonly #now: () => Date;
  readonly #sleep: (ms: number) => Promise<void>;
  #nextSlotMs = Number.NEGATIVE_INFINITY;
  #pausedUntilMs = Number.NEGATIVE_INFINITY;

  /** Without options (or with requestsPerSecond ≤ 0 / Infinity) only server-imposed pauses apply. */
  constructor(options?: RateLimitOptions, clock: RateLimiterClock = {}) {
    const rps = options?.requestsPerSecond ?? 0;
    this.#intervalMs = rps > 0 && Number.isFinite(rps) ? 1000 / rps : 0;
    this.#toleranceMs = Math.max(0, Math.floor(options?.burst ?? 1) - 1) * this.#intervalMs;
    this.#now = clock.now ?? (() => new Date());
    this.#sleep = clock.sleep ?? ((ms) => delay(ms));
  }

  /** Waits until this caller may start a request. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = this.#now().getTime();
      const start = Math.max(now, this.#pausedUntilMs, this.#nextSlotMs - this.#toleranceMs);
      this.#nextSlotMs = Math.max(this.#nextSlotMs, start) + this.#intervalMs;
      if (start > now) await this.#sleep(start - now);
      // A 429 that arrived while this caller slept holds it back too.
      if (this.#pausedUntilMs <= this.#now().getTime()) return;
    }
  }

  /** Holds every caller back for `ms` from now (the server's Retry-After). */
  pauseFor(ms: number): void {
    const until = this.#now().getTime() + Math.max(0, ms);
    this.#pausedUntilMs = Math.max(this.#pausedUntilMs, until);
  }
}
