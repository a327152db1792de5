import type { Dispatcher } from 'undici';
import { attemptDeadline, readCapped } from './attempt-limits.ts';
import type { HttpTimeouts } from './options.ts';
import type { WireRequest } from './types.ts';

/** A response read to the end: lower-case headers, the body's bytes, and its text decoded at first use. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
  /** The body as UTF-8 text: a request that reads its body's bytes (a listing page) never builds it. */
  readonly text: string;
  /** Gives the body's buffer back to be used again: `bytes` and a text not read yet are gone after. */
  release(): void;
}

/** A RawResponse whose text is decoded from its bytes once, when first asked for. */
export function rawResponse(
  status: number,
  headers: Record<string, string>,
  bytes: Buffer,
  release: () => void = () => {},
): RawResponse {
  let text: string | undefined;
  let released = false;
  const live = () => {
    if (released) throw new Error('the response body was read after it was released');
    return bytes;
  };
  return {
    status,
    headers,
    get bytes() {
      return live();
    },
    get text() {
      text ??= live().toString('utf8');
      return text;
    },
    release() {
      released = true;
      release();
    },
  };
}

/**
 * Sends one attempt and reads the whole body within the attempt's deadline and byte cap; transport
 * failures throw undici's errors, overruns an AttemptLimitError.
 */
export async function sendOnce(
  dispatcher: Dispatcher,
  wire: WireRequest,
  timeouts: HttpTimeouts,
  maxResponseBytes: number,
): Promise<RawResponse> {
  const deadline = attemptDeadline(timeouts.attemptMs);
  try {
    const response = await dispatcher.request({
      origin: wire.url.origin,
      path: `${wire.url.pathname}${wire.url.search}`,
      method: wire.method,
      headers: wire.headers,
      body: wire.body === '' ? null : wire.body,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      signal: deadline.signal,
    });
    const headers = flattenHeaders(response.headers);
    const body = await readCapped(response.body, maxResponseBytes, headers['content-length']);
    return rawResponse(response.statusCode, headers, body.bytes, () => body.release());
  } catch (error) {
    // undici rejects with the abort reason, or with its own AbortError carrying it as the cause.
    throw deadline.signal.aborted ? deadline.signal.reason : error;
  } finally {
    deadline.done();
  }
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
