import type { Dispatcher } from 'undici';
import type { ApiError, Provider } from '../errors/errors.ts';
import type { RetryPolicy } from '../retry/retry-policy.ts';
import type { Throttle, ThrottleBounds } from './throttle.ts';
import type { Authenticator, HttpMethod } from './types.ts';

/** Transport timeouts in milliseconds. */
export interface HttpTimeouts {
  /** Opening the TCP/TLS connection. */
  connectMs: number;
  /** From sending the request to the end of the response headers. */
  headersMs: number;
  /** Longest silence while the response body streams. */
  bodyMs: number;
  /** Whole attempt, from sending the request to the body's last byte, however the server paces it. */
  attemptMs: number;
}

/** One finished attempt, for debug logs and benchmarks. */
export interface RequestEvent {
  operation: string;
  method: HttpMethod;
  /** Path without query string. */
  path: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** 1 for the first attempt. */
  attempt: number;
  durationMs: number;
  /** Transport error code (ECONNRESET, UND_ERR_HEADERS_TIMEOUT…) when status is 0. */
  errorCode?: string;
  /** Set when another attempt follows, after this wait. */
  retryInMs?: number;
  /** The registry refused the attempt as one too many (429, or its own code for it). */
  throttled?: true;
}

/** Everything createApiClient needs; only provider and baseUrl are required. */
export interface HttpClientOptions {
  provider: Provider;
  /** Scheme, host and optional path prefix; request paths are appended. */
  baseUrl: string | URL;
  /** Adds signature or token headers; called before every attempt so each retry is signed afresh. */
  authenticate?: Authenticator;
  /**
   * Send `Content-Type: application/json` on bodiless requests too: SWR lists the header as mandatory
   * on every call, and Huawei's official SDK sends it on GETs and DELETEs alike.
   */
  jsonContentTypeAlways?: boolean;
  /** Provider-specific next step for an error (e.g. 401 → which inputs to check). */
  hintFor?: (error: ApiError) => string | undefined;
  /**
   * A refusal other than 429 that means "too many requests" (SWR's 403 SVCSTG.SWR.4031042): retried
   * after a backoff and slowing the throttle down, as a 429 is.
   */
  isThrottling?: (failure: { status: number; code?: string | undefined }) => boolean;
  timeouts?: Partial<HttpTimeouts>;
  /** Longest response body read, in bytes; a longer answer fails the attempt (default 8 MiB). */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Upper bounds for the adaptive throttle (requests per second, in flight), or a throttle shared with
   * other clients. Without them the client still finds the registry's rate by itself.
   */
  throttle?: ThrottleBounds | Throttle;
  /** Overrides the default dispatcher (which honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY). */
  dispatcher?: Dispatcher;
  onRequest?: (event: RequestEvent) => void;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Defaults: 10 s to connect, 30 s for headers, 30 s of body silence, 60 s for a whole attempt. */
export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
  attemptMs: 60_000,
};

/** Default byte cap per response: a page of 100 records with their manifests is well under 1 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
