/** Response headers that carry the provider's request id, most specific first. */
const REQUEST_ID_HEADERS = ['x-bce-request-id', 'x-request-id'];

/** The request id from response headers (lower-case names), if the provider sent one. */
export function requestIdFromHeaders(headers: Readonly<Record<string, string>>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers[name]?.trim();
    if (value) return value;
  }
  return undefined;
}
