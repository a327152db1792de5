import { assertNormalPath } from '../path/api-path.ts';
import { USER_AGENT } from '../version.ts';
import type { ApiRequest, QueryParams, WireRequest } from './types.ts';

/**
 * Pure: the request as it goes on the wire, before authentication adds its headers. `Content-Type`
 * goes with a body, or on every request when `jsonContentTypeAlways` (SWR). A path that normalises to
 * another (`..`, `%2e`, a backslash) is refused.
 */
export function buildWireRequest(
  baseUrl: URL,
  request: ApiRequest,
  options: { jsonContentTypeAlways?: boolean } = {},
): WireRequest {
  const url = new URL(baseUrl.origin);
  const path = joinPath(baseUrl.pathname, request.path);
  // A path the URL parser would rewrite (`..`, `%2e`, `\`) reaches another resource than the one named.
  assertNormalPath(path);
  url.pathname = path;
  url.search = encodeQuery(request.query ?? []);
  const hasBody = request.body !== undefined;
  const headers: Record<string, string> = {
    'User-Agent': USER_AGENT,
    Accept: 'application/json',
    ...(hasBody || options.jsonContentTypeAlways ? { 'Content-Type': 'application/json' } : {}),
    ...request.headers,
  };
  return { method: request.method, url, headers, body: hasBody ? JSON.stringify(request.body) : '' };
}

/** `a=1&b=x%7Cy`: keys in the given order, keys and values through encodeURIComponent. */
export function encodeQuery(query: QueryParams): string {
  return query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

function joinPath(prefix: string, path: string): string {
  const head = prefix.replace(/\/+$/, '');
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${head}${tail}`;
}
