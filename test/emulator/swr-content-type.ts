// SWR lists `Content-Type` as mandatory for every request, bodiless ones included (the request header
// table of each SWR operation: "Content-Type | Yes | application/json;charset=utf-8 or application/json").
import { swrGatewayError } from './responses.ts';
import type { EmuResponse } from './route-types.ts';

const ACCEPTED = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/** A 400 when an SWR request carries no JSON Content-Type, as a strict gateway answers; else undefined. */
export function swrContentTypeError(headers: Readonly<Record<string, string>>): EmuResponse | undefined {
  const value = headers['content-type'];
  if (value !== undefined && ACCEPTED.test(value.trim())) return undefined;
  return swrGatewayError(
    400,
    'SVCSTG.SWR.4001018',
    `Content-Type must be application/json or application/json;charset=utf-8, got ${value === undefined ? 'none' : `"${value}"`}.`,
  );
}
