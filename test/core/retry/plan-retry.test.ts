import { describe, expect, it } from 'vitest';
import { type AttemptOutcome, planRetry, type RetryContext } from '../../../src/core/retry/plan-retry.ts';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/retry/retry-policy.ts';

const now = new Date('2026-03-01T12:00:00Z');
const context = (over: Partial<RetryContext> = {}): RetryContext => ({
  method: 'GET',
  attempt: 1,
  elapsedMs: 0,
  now,
  random: () => 0.5,
  ...over,
});
const status = (code: number, retryAfter?: string): AttemptOutcome => ({
  kind: 'status',
  status: code,
  retryAfter,
});

describe('planRetry', () => {
  it('backs off with jitter on a 503', () => {
    expect(planRetry(status(503), context({ attempt: 2 }), DEFAULT_RETRY_POLICY)).toEqual({
      retry: true,
      delayMs: 500,
      serverAsked: false,
    });
  });

  it('waits what Retry-After asks, in seconds or as a date', () => {
    expect(planRetry(status(429, '7'), context(), DEFAULT_RETRY_POLICY)).toEqual({
      retry: true,
      delayMs: 7000,
      serverAsked: true,
    });
    const date = 'Sun, 01 Mar 2026 12:00:04 GMT';
    expect(planRetry(status(503, date), context(), DEFAULT_RETRY_POLICY)).toMatchObject({ delayMs: 4000 });
  });

  it('caps a long Retry-After', () => {
    expect(planRetry(status(429, '3600'), context(), DEFAULT_RETRY_POLICY)).toMatchObject({
      delayMs: DEFAULT_RETRY_POLICY.maxRetryAfterMs,
    });
  });

  it.each([400, 401, 403, 404, 409])('never retries %i', (code) => {
    expect(planRetry(status(code), context(), DEFAULT_RETRY_POLICY)).toEqual({ retry: false });
  });

  it('does not repeat a POST after a 503 or a reset, unless the request is retry-safe', () => {
    const post = context({ method: 'POST' });
    expect(planRetry(status(503), post, DEFAULT_RETRY_POLICY).retry).toBe(false);
    expect(planRetry({ kind: 'network', code: 'ECONNRESET' }, post, DEFAULT_RETRY_POLICY).retry).toBe(false);
    expect(planRetry(status(503), { ...post, retrySafe: true }, DEFAULT_RETRY_POLICY).retry).toBe(true);
  });

  it('treats a DELETE marked not idempotent like a POST: repeated only when it cannot have acted', () => {
    const once = context({ method: 'DELETE', idempotent: false });
    expect(planRetry(status(503), once, DEFAULT_RETRY_POLICY).retry).toBe(false);
    expect(planRetry({ kind: 'network', code: 'ECONNRESET' }, once, DEFAULT_RETRY_POLICY).retry).toBe(false);
    expect(planRetry(status(429), once, DEFAULT_RETRY_POLICY).retry).toBe(true);
    expect(planRetry({ kind: 'network', code: 'ECONNREFUSED' }, once, DEFAULT_RETRY_POLICY).retry).toBe(true);
    expect(planRetry(status(503), context({ method: 'DELETE' }), DEFAULT_RETRY_POLICY).retry).toBe(true);
  });

  it('repeats a POST the server never acted on: 429 or a refused connection', () => {
    const post = context({ method: 'POST' });
    expect(planRetry(status(429), post, DEFAULT_RETRY_POLICY).retry).toBe(true);
    expect(planRetry({ kind: 'network', code: 'ECONNREFUSED' }, post, DEFAULT_RETRY_POLICY).retry).toBe(true);
  });

  it('backs off on a registry’s own “too many requests” (a 403), for calls that may be repeated only', () => {
    const tooMany: AttemptOutcome = { kind: 'status', status: 403, throttled: true };
    expect(planRetry(tooMany, context({ method: 'DELETE', attempt: 2 }), DEFAULT_RETRY_POLICY)).toEqual({
      retry: true,
      delayMs: 500,
      serverAsked: false,
    });
    // A plain 403 is not retried; a POST is not repeated on a 403 of any kind.
    expect(planRetry(status(403), context({ method: 'DELETE' }), DEFAULT_RETRY_POLICY).retry).toBe(false);
    expect(planRetry(tooMany, context({ method: 'POST' }), DEFAULT_RETRY_POLICY).retry).toBe(false);
  });

  it('stops at the attempt limit', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    expect(planRetry(status(502), context({ attempt: 2 }), policy).retry).toBe(true);
    expect(planRetry(status(502), context({ attempt: 3 }), policy).retry).toBe(false);
  });

  it('does not start a wait that would pass the total time budget', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxElapsedMs: 10_000 };
    expect(planRetry(status(429, '5'), context({ elapsedMs: 5000 }), policy).retry).toBe(true);
    expect(planRetry(status(429, '5'), context({ elapsedMs: 5001 }), policy).retry).toBe(false);
  });
});
