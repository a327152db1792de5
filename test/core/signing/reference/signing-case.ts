import type { HttpMethod, WireRequest } from '../../../../src/core/http/types.ts';

/** One request to sign, described by its raw (decoded) parts, as both the SDKs and our client see it. */
export interface SigningCase {
  name: string;
  method: HttpMethod;
  /** Scheme, host and port, e.g. `https://swr-api.cn-north-4.myhuaweicloud.com`. */
  origin: string;
  /** Decoded path: segments as the API names them (SWR repository `/` already `$`). */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  headers?: Readonly<Record<string, string>>;
  /** JSON text (or empty). */
  body?: string;
}

export const fixedNow = new Date('2024-05-06T07:08:09.123Z');

/** The request as the HTTP client puts it on the wire: segments and query percent-encoded. */
export function toWireRequest(signingCase: SigningCase): WireRequest {
  const path = signingCase.path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%24/g, '$'))
    .join('/');
  const query = (signingCase.query ?? [])
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return {
    method: signingCase.method,
    url: new URL(`${signingCase.origin}${path}${query ? `?${query}` : ''}`),
    headers: { ...signingCase.headers },
    body: signingCase.body ?? '',
  };
}

/** Query pairs grouped the way the SDKs take them: one value, or an array for a repeated key. */
export function queryObject(query: SigningCase['query']): Record<string, string | string[]> {
  const grouped: Record<string, string | string[]> = {};
  for (const [key, value] of query ?? []) {
    const existing = grouped[key];
    if (existing === undefined) grouped[key] = value;
    else grouped[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return grouped;
}

/** Header values trimmed: what a server receives after HTTP parsing. */
export function trimmedHeaders(headers: SigningCase['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, value.trim()]));
}
