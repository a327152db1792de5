/** Limits on retrying one API call. */
export interface RetryPolicy {
  /** Attempts in total, the first included (1 = never retry). */
  maxAttempts: number;
  /** Backoff ceiling for the first retry; doubles after each. */
  baseDelayMs: number;
  /** Largest backoff ceiling. */
  maxDelayMs: number;
  /** Largest wait a `Retry-After` header can impose; longer requests are cut to this. */
  maxRetryAfterMs: number;
  /** No retry starts once this much time has gone by since the first attempt (waits included). */
  maxElapsedMs: number;
}

/** Defaults: 5 attempts within 90 s, backoff windows of 0.5, 1, 2, 4 s, Retry-After up to 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  maxElapsedMs: 90_000,
};
