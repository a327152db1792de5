// Limits on one attempt that a server cannot stretch: an overall deadline from sending the request to
// the last byte of the body (a trickle of one byte every few seconds never trips the silence timeout),
// and a cap on the bytes read (a huge answer would exhaust the runner's memory).
import { BodyBuffer } from './body-buffers.ts';

/** Transport code for an attempt cut off by its overall deadline (retryable like a timeout). */
export const ATTEMPT_DEADLINE = 'ATTEMPT_DEADLINE';
/** Transport code for an answer longer than the byte cap (not retried: it would be as long again). */
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/** One attempt overran a limit; `code` says which. */
class AttemptLimitError extends Error {
  override readonly name = 'AttemptLimitError';
  readonly code: typeof ATTEMPT_DEADLINE | typeof RESPONSE_TOO_LARGE;

  constructor(code: AttemptLimitError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** An abort signal that fires after `ms`, and a `done()` that clears its timer. */
export function attemptDeadline(ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new AttemptLimitError(ATTEMPT_DEADLINE, `no complete answer within ${ms} ms`)),
    ms,
  );
  timer.unref?.();
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

/** What readCapped needs of a response body besides reading it (undici's BodyReadable has it). */
interface DestroyableBody {
  destroy(error?: Error): unknown;
  once(event: 'error', listener: () => void): unknown;
}

/**
 * Reads a body stream to the end into a BodyBuffer (the caller releases it), refusing (and destroying the
 * stream) past `maxBytes`.
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array> & DestroyableBody,
  maxBytes: number,
  declaredLength: string | undefined,
): Promise<BodyBuffer> {
  const declared = declaredLength === undefined ? Number.NaN : Number(declaredLength);
  if (declared > maxBytes) throw tooLarge(body, maxBytes, `Content-Length ${declared}`);
  const read = new BodyBuffer(Number.isSafeInteger(declared) && declared > 0 ? declared : 0);
  try {
    for await (const chunk of body) {
      const size = read.size + chunk.byteLength;
      if (size > maxBytes) throw tooLarge(body, maxBytes, `${size} bytes or more`);
      read.append(chunk);
    }
    return read;
  } catch (error) {
    read.release();
    throw error;
  }
}

function tooLarge(body: DestroyableBody, maxBytes: number, seen: string): AttemptLimitError {
  const error = new AttemptLimitError(
    RESPONSE_TOO_LARGE,
    `the answer is larger than the ${formatMiB(maxBytes)} allowed (${seen})`,
  );
  // The caller gets the error thrown; the stream's own 'error' event (which nothing listens for when the
  // Content-Length refuses before any read) must not become an uncaught exception.
  body.once('error', () => {});
  body.destroy(error);
  return error;
}

/** Bytes as MiB for messages ("8 MiB", "0.5 MiB"). */
function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(2)} MiB`;
}
