import type { IamToken } from './iam-token.ts';

export interface ExpiryCacheOptions {
  now?: () => Date;
  /** Fetch a new value this long before the current one expires (default 5 minutes). */
  refreshMarginMs?: number;
}

/**
 * Wraps a fetch of something that expires (a token, temporary AK/SK) so it runs lazily, once per
 * lifetime: concurrent callers share one request, and the value is replaced shortly before it
 * expires. A failed fetch is not remembered, so the next caller tries again.
 */
export function cacheUntilExpiry<T extends { expiresAt: Date }>(
  fetchValue: () => Promise<T>,
  options: ExpiryCacheOptions = {},
): () => Promise<T> {
  const { now = () => new Date(), refreshMarginMs = 5 * 60 * 1000 } = options;
  let current: { value: T; refreshAt: number } | undefined;
  let pending: Promise<T> | undefined;
  return async () => {
    if (current && now().getTime() < current.refreshAt) return current.value;
    if (pending) return pending;
    const fetchedAt = now().getTime();
    pending = fetchValue();
    try {
      const value = await pending;
      current = { value, refreshAt: refreshTime(value.expiresAt, fetchedAt, refreshMarginMs) };
      return value;
    } finally {
      pending = undefined;
    }
  };
}

/** An IAM token getter for `X-Auth-Token`: fetched on first use, reused until shortly before expiry. */
export function cacheToken(
  fetchToken: () => Promise<IamToken>,
  options: ExpiryCacheOptions = {},
): () => Promise<string> {
  const cached = cacheUntilExpiry(fetchToken, options);
  return async () => (await cached()).value;
}

/** The margin, but never more than half the lifetime, so a short-lived value is still reused. */
function refreshTime(expiresAt: Date, fetchedAt: number, marginMs: number): number {
  const end = expiresAt.getTime();
  return end - Math.min(marginMs, Math.max(0, (end - fetchedAt) / 2));
}
