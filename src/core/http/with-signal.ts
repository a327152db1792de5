import type { ApiClient } from './types.ts';

/** The same client, with `signal` on every request it makes (see ApiRequest.signal). */
export function withSignal(api: ApiClient, signal: AbortSignal | undefined): ApiClient {
  if (!signal) return api;
  return {
    provider: api.provider,
    baseUrl: api.baseUrl,
    request: (request) => api.request({ ...request, signal }),
  };
}
