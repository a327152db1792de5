import type { WireRequest } from '../http/types.ts';
import { baiduAuthorization } from './baidu-signature.ts';
import { deleteHeader, setHeader, withHost } from './header-lookup.ts';
import { formatBceDate } from './signing-dates.ts';

/** Baidu Cloud AK/SK, with the session token of temporary (STS) credentials. */
export interface BaiduCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface BaiduSignOptions {
  /** Signing time (default: now). */
  now?: Date;
  /** How long the signature stays valid (default 1800, as in the SDKs). */
  expirationSeconds?: number;
}

/**
 * Signs a request with bce-auth-v1: sets `x-bce-date`, `Authorization` and, for STS credentials,
 * `x-bce-security-token`. Signs host (from the URL), content-md5/-length/-type when present and every
 * `x-bce-*` header; signing again replaces the previous signature.
 */
export function signBaiduRequest(
  request: WireRequest,
  credentials: BaiduCredentials,
  options: BaiduSignOptions = {},
): void {
  const headers = request.headers;
  const timestamp = formatBceDate(options.now ?? new Date());
  deleteHeader(headers, 'authorization');
  setHeader(headers, 'x-bce-date', timestamp);
  if (credentials.sessionToken) setHeader(headers, 'x-bce-security-token', credentials.sessionToken);
  headers.Authorization = baiduAuthorization(
    {
      method: request.method,
      url: request.url,
      headers: withHost(headers, request.url),
      accessKeyId: credentials.accessKeyId,
      timestamp,
      expirationSeconds: options.expirationSeconds ?? 1800,
    },
    credentials.secretAccessKey,
  );
}
