// The API client for the chosen registry, with the run's throttle (bounded by the inputs) and a 429 counter.
import type { HttpClientOptions, RequestEvent } from '../../core/http/client.ts';
import { Throttle } from '../../core/http/throttle.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { debugLogging, logDebug } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { PruneInputs } from './inputs.ts';

/** Requests the registry refused as too many (429, or SWR's 403 of its own), and the throttle that found the rate. */
export interface Throttling {
  throttled: number;
  throttle?: Throttle;
}

/**
 * Connects with a throttle that finds the registry's rate by itself, under `rate-limit` and
 * `concurrency` as upper bounds; every attempt is logged at debug level when debug lines are shown
 * (with them off, a line per request would cost several per cent of the client's time for nothing).
 */
export async function connectForPrune(inputs: PruneInputs, throttling: Throttling): Promise<ApiClient> {
  const throttle = new Throttle({
    maxRequestsPerSecond: inputs.rateLimit,
    maxConcurrency: inputs.concurrency,
  });
  throttling.throttle = throttle;
  const debug = debugLogging();
  const http: Partial<HttpClientOptions> = {
    throttle,
    onRequest: (event: RequestEvent) => {
      if (event.throttled) throttling.throttled++;
      if (debug) logDebug(shown`${describeAttempt(event)}`);
    },
  };
  return inputs.target.connect({ http });
}

function describeAttempt(event: RequestEvent): string {
  const status = event.status === 0 ? (event.errorCode ?? 'no response') : String(event.status);
  const retry = event.retryInMs === undefined ? '' : `, retry in ${event.retryInMs} ms`;
  return `${event.method} ${event.path} → ${status} (attempt ${event.attempt}, ${event.durationMs} ms${retry})`;
}
