import type { Dispatcher } from 'undici';
import { ApiError, type ApiErrorFields, type Provider } from '../errors/errors.ts';
import { sleep as defaultSleep } from '../node/builtins.ts';
import { redact } from '../redact/secrets.ts';
import {
  type AttemptOutcome,
  isThrottledOutcome,
  planRetry,
  type RetryDecision,
} from '../retry/plan-retry.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry/retry-policy.ts';
import { createDefaultDispatcher } from './default-dispatcher.ts';
import { defaultHint } from './default-hint.ts';
import { describeNetworkError, networkErrorCode } from './network-error.ts';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUTS,
  type HttpClientOptions,
  type HttpTimeouts,
  type RequestEvent,
} from './options.ts';
import { type ReadResult, type ResponseFailure, readResponse } from './read-response.ts';
import { sendOnce } from './send-once.ts';
import { type Permit, Throttle } from './throttle.ts';
import type { ApiClient, ApiRequest, ApiResponse } from './types.ts';
import { buildWireRequest } from './wire-request.ts';

export type { HttpClientOptions, RequestEvent } from './options.ts';

interface ClientConfig {
  provider: Provider;
  baseUrl: URL;
  options: HttpClientOptions;
  timeouts: HttpTimeouts;
  maxResponseBytes: number;
  policy: RetryPolicy;
  throttle: Throttle;
  /** Made at the first request: undici is loaded only by a run that sends one. */
  dispatcher: () => Promise<Dispatcher>;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** The one HTTP client: timeouts, retries with full-jitter backoff, rate cap, proxies, typed ApiError. */
export function createApiClient(options: HttpClientOptions): ApiClient {
  const config = resolveConfig(options);
  return {
    provider: config.provider,
    baseUrl: config.baseUrl,
    request: <T>(request: ApiRequest) => requestWithRetries<T>(config, request),
  };
}

function resolveConfig(options: HttpClientOptions): ClientConfig {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const throttle =
    options.throttle instanceof Throttle ? options.throttle : new Throttle(options.throttle, { now, sleep });
  let dispatcher: Promise<Dispatcher> | undefined;
  return {
    provider: options.provider,
    baseUrl: new URL(options.baseUrl),
    options,
    timeouts,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    throttle,
    dispatcher: () => {
      dispatcher ??= options.dispatcher
        ? Promise.resolve(options.dispatcher)
        : createDefaultDispatcher(timeouts);
      return dispatcher;
    },
    now,
    sleep,
    random: options.random ?? Math.random,
  };
}

type Attempt<T> =
  | { kind: 'done'; response: ApiResponse<T>; durationMs: number }
  | {
      kind: 'failed';
      outcome: AttemptOutcome;
      failure: ResponseFailure;
      durationMs: number;
      /** The throttle's answer to this failure: 'pause-all' when the registry keeps refusing. */
      reaction: ReturnType<Permit['answered']>;
    };

async function requestWithRetries<T>(config: ClientConfig, request: ApiRequest): Promise<ApiResponse<T>> {
  const startedAt = config.now().getTime();
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce<T>(config, request);
    if (result.kind === 'done') {
      report(config, request, attempt, result, { retry: false });
      return result.response;
    }
    const now = config.now();
    const decision = planRetry(
      result.outcome,
      {
        method: request.method,
        retrySafe: request.retrySafe,
        idempotent: request.idempotent,
        attempt,
        elapsedMs: now.getTime() - startedAt,
        now,
        random: config.random,
      },
      config.policy,
    );
    const pausedEveryone = pauseOnServerRequest(config, result, decision);
    report(config, request, attempt, result, decision);
    if (!decision.retry) {
      const transport = result.outcome.kind === 'network' ? result.outcome.code : undefined;
      const throttled = isThrottledOutcome(result.outcome);
      throw buildApiError(config, request, result.failure, attempt, { transport, throttled });
    }
    // After a pause, the next acquire() waits it out together with every other caller.
    if (!pausedEveryone && decision.delayMs > 0) await config.sleep(decision.delayMs);
  }
}

/** One attempt: wait for the throttle, sign afresh (signatures carry a date), send, read, tell the throttle. */
async function attemptOnce<T>(config: ClientConfig, request: ApiRequest): Promise<Attempt<T>> {
  // Made (undici loaded) before the throttle's clock starts: the first answer's latency is the wire's.
  const dispatcher = await config.dispatcher();
  const permit = await config.throttle.acquire(`${request.method} ${config.baseUrl.host}`, request.signal);
  let answered = false;
  try {
    const wire = buildWireRequest(config.baseUrl, request, {
      jsonContentTypeAlways: config.options.jsonContentTypeAlways === true,
    });
    await config.options.authenticate?.(wire);
    const started = config.now().getTime();
    try {
      const raw = await sendOnce(dispatcher, wire, config.timeouts, config.maxResponseBytes);
      const durationMs = config.now().getTime() - started;
      answered = true;
      let read: ReadResult<T>;
      try {
        read = readResponse<T>(raw, request);
      } finally {
        // Everything the caller gets was taken from the body by now (parsed, read or copied as text).
        raw.release();
      }
      const throttling =
        !read.ok && raw.status !== 429 && config.options.isThrottling?.(read.failure) === true;
      const reaction = permit.answered(raw.status === 429 || throttling ? 'throttled' : 'answered');
      if (read.ok) return { kind: 'done', response: read.response, durationMs };
      const outcome: AttemptOutcome = {
        kind: 'status',
        status: raw.status,
        retryAfter: raw.headers['retry-after'],
        ...(throttling && { throttled: true }),
      };
      return { kind: 'failed', outcome, failure: read.failure, durationMs, reaction };
    } catch (error) {
      const durationMs = config.now().getTime() - started;
      answered = true;
      const reaction = permit.answered('unanswered');
      const code = networkErrorCode(error);
      const providerMessage = redact(describeNetworkError(code, error, wire.url.host, config.timeouts));
      return {
        kind: 'failed',
        outcome: { kind: 'network', code },
        failure: { status: 0, providerMessage },
        durationMs,
        reaction,
      };
    }
  } finally {
    // Signing can fail before anything is sent: the place in flight is given back all the same.
    if (!answered) permit.answered('unanswered');
  }
}

/**
 * A 429 (or a registry's own "too many requests") slows the throttle down; only when the registry keeps
 * refusing after a slow-down does the wait before the retry (its Retry-After, else the backoff) pause
 * every caller of this client (and of a shared throttle) at once.
 */
function pauseOnServerRequest<T>(config: ClientConfig, result: Attempt<T>, decision: RetryDecision): boolean {
  if (result.kind !== 'failed' || result.reaction !== 'pause-all') return false;
  const pause = isThrottledOutcome(result.outcome) && decision.retry;
  if (pause) config.throttle.pauseFor(decision.delayMs);
  return pause;
}

function report<T>(
  config: ClientConfig,
  request: ApiRequest,
  attempt: number,
  result: Attempt<T>,
  decision: RetryDecision,
): void {
  if (!config.options.onRequest) return;
  const event: RequestEvent = {
    operation: request.operation,
    method: request.method,
    path: pathOnly(request.path),
    status: result.kind === 'done' ? result.response.status : result.failure.status,
    attempt,
    durationMs: result.durationMs,
  };
  if (result.kind === 'failed' && result.outcome.kind === 'network' && result.outcome.code) {
    event.errorCode = result.outcome.code;
  }
  if (result.kind === 'failed' && isThrottledOutcome(result.outcome)) event.throttled = true;
  if (decision.retry) event.retryInMs = decision.delayMs;
  config.options.onRequest(event);
}

function buildApiError(
  config: ClientConfig,
  request: ApiRequest,
  failure: ResponseFailure,
  attempts: number,
  { transport, throttled }: { transport: string | undefined; throttled: boolean },
): ApiError {
  const transportNote = failure.status === 0 && attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
  const fields: ApiErrorFields = {
    provider: config.provider,
    operation: request.operation,
    method: request.method,
    path: redact(pathOnly(request.path)),
    status: failure.status,
    code: failure.code,
    providerMessage: `${failure.providerMessage}${transportNote}`,
    requestId: failure.requestId,
    ...(transport ? { transport } : {}),
    ...(throttled && { throttled }),
  };
  const bare = new ApiError(fields);
  const hint = throttled ? THROTTLED_HINT : (config.options.hintFor?.(bare) ?? defaultHint(failure.status));
  return hint ? new ApiError({ ...fields, hint: redact(hint) }) : bare;
}

/** A refusal for too many requests is about the pace, not the credentials or the request. */
const THROTTLED_HINT =
  'The registry kept refusing requests as too many, after every retry: run again later, or lower the request rate.';

/** Error messages and logs never show a query string. */
function pathOnly(path: string): string {
  return path.split('?')[0] ?? path;
}
