// The API client for the chosen registry, with the run's request-rate cap and a 429 counter.
import type { HttpClientOptions, RequestEvent } from '../../core/http/client.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { logDebug } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { PruneInputs } from './inputs.ts';

/** Requests the registry answered with 429 (each was retried after the wait it asked for). */
export interface Throttling {
  throttled: number;
}

/** Connects with `rate-limit` as the client-side cap; every attempt is logged at debug level. */
export async function connectForPrune(inputs: PruneInputs, throttling: Throttling): Promise<ApiClient> {
  const http: Partial<HttpClientOptions> = {
    onRequest: (event: RequestEvent) => {
      if (event.status === 429) throttling.throttled++;
      logDebug(shown`${describeAttempt(event)}`);
    },
  };
  if (inputs.rateLimit > 0) http.rateLimit = { requestsPerSecond: inputs.rateLimit };
  return inputs.target.connect({ http });
}

function describeAttempt(event: RequestEvent): string {
  const status = event.status === 0 ? (event.errorCode ?? 'no response') : String(event.status);
  const retry = event.retryInMs === undefined ? '' : `, retry in ${event.retryInMs} ms`;
  return `${event.method} ${event.path} → ${status} (attempt ${event.attempt}, ${event.durationMs} ms${retry})`;
}
