import type { ApiResponse } from '../http/types.ts';
import { maskSecret } from '../redact/secrets.ts';
import { isRecord } from '../types/is-record.ts';

/** An IAM token (sent as `X-Auth-Token`) and when IAM says it stops working. */
export interface IamToken {
  value: string;
  expiresAt: Date;
}

/** IAM tokens last 24 hours (SWR spec 3.2); used when a response carries no readable expiry. */
const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Reads the token from `X-Subject-Token` and its expiry from `token.expires_at`, masking the token
 * before anything else can print it. Throws when the header is missing.
 */
export function readIamToken(response: ApiResponse, operation: string, now: Date): IamToken {
  const value = maskSecret(response.headers['x-subject-token']?.trim() ?? '');
  if (!value) {
    throw new Error(`IAM ${operation}: the response had no X-Subject-Token header, so no token was issued.`);
  }
  return { value, expiresAt: expiryOf(response.body) ?? new Date(now.getTime() + DEFAULT_LIFETIME_MS) };
}

function expiryOf(body: unknown): Date | undefined {
  if (!isRecord(body) || !isRecord(body.token)) return undefined;
  const text = body.token.expires_at;
  if (typeof text !== 'string') return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
