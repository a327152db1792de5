import { ATTEMPT_DEADLINE, RESPONSE_TOO_LARGE } from './attempt-limits.ts';
import type { HttpTimeouts } from './options.ts';

/** The transport error code (ECONNRESET, UND_ERR_HEADERS_TIMEOUT…) of a thrown value or its causes. */
export function networkErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    const inner = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0) current = inner[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A sentence on what went wrong on the wire, for an ApiError with status 0. */
export function describeNetworkError(
  code: string | undefined,
  error: unknown,
  host: string,
  timeouts: HttpTimeouts,
): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${host}`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `connection to ${host} was closed before the response arrived`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `could not connect to ${host} within ${seconds(timeouts.connectMs)}`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `${host} sent no response within ${seconds(timeouts.headersMs)}`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `${host} stopped sending the response body for ${seconds(timeouts.bodyMs)}`;
    case ATTEMPT_DEADLINE:
      return `${host} did not finish its answer within ${seconds(timeouts.attemptMs)}`;
    case RESPONSE_TOO_LARGE:
      return `${host} sent ${plainMessage(error).replace(/^the answer is/, 'an answer')}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve host ${host}`;
    default:
      if (isTlsCode(code)) return `TLS connection to ${host} failed: ${plainMessage(error)} (${code})`;
      return `request to ${host} failed: ${plainMessage(error)}${code ? ` (${code})` : ''}`;
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code);
}

/** First line of an error message; OpenSSL's `…:error:0A00010B:SSL routines:fn:reason:file:line:` cut to the reason. */
function plainMessage(error: unknown): string {
  const message = error instanceof Error && error.message ? error.message : String(error);
  const openssl = message.match(/:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/);
  return openssl?.[1] ?? message.split('\n')[0]?.trim() ?? message;
}
