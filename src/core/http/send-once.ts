import type { Dispatcher } from 'undici';
import type { HttpTimeouts } from './options.ts';
import type { WireRequest } from './types.ts';

/** A response read to the end: lower-case headers, body as text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Sends one attempt and reads the whole body; transport failures throw undici's errors. */
export async function sendOnce(
  dispatcher: Dispatcher,
  wire: WireRequest,
  timeouts: HttpTimeouts,
): Promise<RawResponse> {
  const response = await dispatcher.request({
    origin: wire.url.origin,
    path: `${wire.url.pathname}${wire.url.search}`,
    method: wire.method,
    headers: wire.headers,
    body: wire.body === '' ? null : wire.body,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: flattenHeaders(response.headers), text };
}

/** Repeated headers joined with ", " (RFC 9110 §5.3); set-cookie is of no use here. */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
