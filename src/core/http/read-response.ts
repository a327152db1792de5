import { parseErrorBody } from '../errors/parse-error-body.ts';
import { requestIdFromHeaders } from '../errors/request-id.ts';
import { nodeHttp } from '../node/builtins.ts';
import { redact } from '../redact/secrets.ts';
import { bodyExcerpt } from './body-excerpt.ts';
import type { RawResponse } from './send-once.ts';
import type { ApiRequest, ApiResponse } from './types.ts';

/** The provider-facing part of an ApiError, read from a response. */
export interface ResponseFailure {
  status: number;
  code?: string;
  providerMessage: string;
  requestId?: string;
}

export type ReadResult<T> = { ok: true; response: ApiResponse<T> } | { ok: false; failure: ResponseFailure };

/** Pure: a raw response as the caller's ApiResponse, or the failure it describes. */
export function readResponse<T>(raw: RawResponse, request: ApiRequest): ReadResult<T> {
  const success = raw.status >= 200 && raw.status < 300;
  if (!success && !request.acceptStatus?.includes(raw.status)) {
    return { ok: false, failure: describeFailure(raw, request) };
  }
  if (request.rawBody) {
    return {
      ok: true,
      response: { status: raw.status, headers: raw.headers, body: undefined as T, text: raw.text },
    };
  }
  const parsed = success && request.readBody ? readWith(request.readBody, raw.bytes) : parseJson(raw.text);
  if (parsed.ok) {
    return { ok: true, response: { status: raw.status, headers: raw.headers, body: parsed.value as T } };
  }
  if (!success)
    return { ok: true, response: { status: raw.status, headers: raw.headers, body: undefined as T } };
  return { ok: false, failure: { ...notJson(raw, request), requestId: requestIdFromHeaders(raw.headers) } };
}

/**
 * Reads every provider error shape; a body that is not JSON is described by a short excerpt, except for
 * requests whose response carries a credential: a cut-off body may hold part of a secret that nothing
 * has masked yet.
 */
function describeFailure(raw: RawResponse, request: Pick<ApiRequest, 'secretResponse'>): ResponseFailure {
  const headerRequestId = requestIdFromHeaders(raw.headers);
  const parsed = parseJson(raw.text);
  if (!parsed.ok) return { ...notJson(raw, request), requestId: headerRequestId };
  const fields = parseErrorBody(parsed.value);
  const fallback = isJsonBlank(raw.text)
    ? statusText(raw.status)
    : excerptOf(raw, 'application/json', request);
  return {
    status: raw.status,
    code: fields.code,
    providerMessage: redact(fields.message ?? fallback),
    requestId: fields.requestId ?? headerRequestId,
  };
}

function notJson(raw: RawResponse, request: Pick<ApiRequest, 'secretResponse'>): ResponseFailure {
  const type = raw.headers['content-type']?.split(';')[0]?.trim() || 'no content type';
  const excerpt = excerptOf(raw, raw.headers['content-type'], request);
  return {
    status: raw.status,
    providerMessage: redact(`${statusText(raw.status)}; the response is not JSON (${type}): ${excerpt}`),
  };
}

function excerptOf(
  raw: RawResponse,
  contentType: string | undefined,
  request: Pick<ApiRequest, 'secretResponse'>,
): string {
  if (request.secretResponse)
    return `${raw.text.length} bytes, not shown: this response carries a credential`;
  return bodyExcerpt(raw.text, contentType);
}

type JsonResult = { ok: true; value: unknown } | { ok: false };

/**
 * Empty, or JSON's own whitespace only (RFC 8259): String.prototype.trim also removes \v, NBSP and more,
 * which JSON.parse refuses.
 */
function isJsonBlank(text: string): boolean {
  return /^[ \t\n\r]*$/.test(text);
}

/** A blank body (isJsonBlank) is valid and means undefined, as the page reader reads it. */
function parseJson(text: string): JsonResult {
  if (isJsonBlank(text)) return { ok: true, value: undefined };
  return readWith(JSON.parse, text);
}

/** The body as `read` gives it; anything it throws means the body is not what it reads. */
function readWith<B>(read: (body: B) => unknown, body: B): JsonResult {
  try {
    return { ok: true, value: read(body) };
  } catch {
    return { ok: false };
  }
}

function statusText(status: number): string {
  const reason = nodeHttp().STATUS_CODES[status];
  return `HTTP ${status}${reason ? ` ${reason}` : ''}`;
}
