import { backoffDelay } from './backoff.ts';
import {
  isIdempotentMethod,
  isNotSentNetworkCode,
  isRetryableNetworkCode,
  isRetryableStatus,
} from './is-retryable.ts';
import { parseRetryAfter } from './retry-after.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** How an attempt ended: an HTTP status (with its Retry-After header) or a transport error code. */
export type AttemptOutcome =
  | {
      kind: 'status';
      status: number;
      retryAfter?: string;
      /** A refusal for too many requests other than 429 (a registry's own code for it). */
      throttled?: boolean;
    }
  | { kind: 'network'; code?: string };

export interface RetryContext {
  /** The request's HTTP method (GET, POST …). */
  method: string;
  /** The API makes this non-idempotent call safe to repeat. */
  retrySafe?: boolean;
  /** Overrides the method's idempotency (false: treated like a POST). */
  idempotent?: boolean | undefined;
  /** Attempts made so far, this one included (1 after the first). */
  attempt: number;
  /** Time since the first attempt started. */
  elapsedMs: number;
  now: Date;
  random: () => number;
}

export type RetryDecision =
  | {
      retry: true;
      delayMs: number /** The delay came from the server's Retry-After. */;
      serverAsked: boolean;
    }
  | { retry: false };

/** A 429, or a registry's own "too many requests": the request was refused unseen. */
export function isThrottledOutcome(outcome: AttemptOutcome): boolean {
  return outcome.kind === 'status' && (outcome.status === 429 || outcome.throttled === true);
}

/** Pure: whether to repeat a failed attempt and after how long. */
export function planRetry(
  outcome: AttemptOutcome,
  context: RetryContext,
  policy: RetryPolicy,
): RetryDecision {
  if (!isRetryableOutcome(outcome) || !isRepeatable(outcome, context)) return { retry: false };
  if (context.attempt >= policy.maxAttempts) return { retry: false };
  const asked = outcome.kind === 'status' ? parseRetryAfter(outcome.retryAfter, context.now) : undefined;
  const delayMs =
    asked !== undefined
      ? Math.min(asked, policy.maxRetryAfterMs)
      : backoffDelay(context.attempt, {
          baseMs: policy.baseDelayMs,
          maxMs: policy.maxDelayMs,
          random: context.random,
        });
  if (context.elapsedMs + delayMs > policy.maxElapsedMs) return { retry: false };
  return { retry: true, delayMs, serverAsked: asked !== undefined };
}

function isRetryableOutcome(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'network') return isRetryableNetworkCode(outcome.code);
  return outcome.throttled === true || isRetryableStatus(outcome.status);
}

/**
 * POST and PATCH (and calls marked not idempotent) are repeated only when the API makes it safe (a repeat
 * could create the resource twice), or when the first try provably had no effect: a 429 or a connection
 * that never opened. A registry's own "too many requests" (a 403) is not taken as proof: only idempotent
 * calls are repeated after it.
 */
function isRepeatable(outcome: AttemptOutcome, context: RetryContext): boolean {
  if (context.retrySafe || (context.idempotent ?? isIdempotentMethod(context.method))) return true;
  if (outcome.kind === 'status') return outcome.status === 429;
  return isNotSentNetworkCode(outcome.code);
}
