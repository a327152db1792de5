/** Shape of the exponential backoff: the ceiling doubles from `baseMs` each attempt, up to `maxMs`. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Uniform in [0, 1); Math.random in production, fixed in tests. */
  random: () => number;
}

/**
 * Delay before retry number `retry` (1 = first retry): "full jitter", a uniform pick in
 * [0, min(maxMs, baseMs·2^(retry-1))). Spreading retries over the whole window keeps many
 * clients that failed together from retrying together.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const drawn = options.random();
  const pick = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 0;
  return Math.floor(ceiling * pick);
}
