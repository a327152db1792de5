// Faults that alter a finished response: a cut-off JSON body, a Content-Range that overstates the total.
import type { EmuResponse } from './route-types.ts';

function overstateTotal(body: unknown, extra: number): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const key of ['total', 'totalCount']) {
    const value = copy[key];
    if (typeof value === 'number') copy[key] = value + extra;
  }
  return copy;
}

/** The response with `Content-Range` (SWR) and `total`/`totalCount` (CCR) raised by `extra`. */
export function lieAboutTotal(response: EmuResponse, extra: number): EmuResponse {
  const headers = { ...response.headers };
  for (const [name, value] of Object.entries(headers)) {
    const match = name.toLowerCase() === 'content-range' ? value.match(/^(\d+)-(\d+)\/(\d+)$/) : null;
    if (match) headers[name] = `${match[1]}-${match[2]}/${Number(match[3]) + extra}`;
  }
  return { ...response, headers, body: overstateTotal(response.body, extra) };
}

/** The response with its JSON body cut in half (a 204 becomes 200 so the body is sent). */
export function malformBody(response: EmuResponse): EmuResponse {
  const text = response.raw ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  const raw = text.length > 1 ? text.slice(0, Math.floor(text.length / 2)) : '{"';
  const { body: _body, ...rest } = response;
  return { ...rest, status: response.status === 204 ? 200 : response.status, raw };
}
