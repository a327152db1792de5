import type { WireRequest } from '../http/types.ts';
import { deleteHeader, setHeader, withHost } from './header-lookup.ts';
import { HUAWEI_ALGORITHM, huaweiSignature } from './huawei-signature.ts';
import { formatSdkDate } from './signing-dates.ts';

/** Huawei Cloud AK/SK, with the security token of temporary credentials. */
export interface HuaweiCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  securityToken?: string;
}

export interface HuaweiSignOptions {
  /** Signing time (default: now). */
  now?: Date;
  /** Sent and signed as `X-Project-Id`. */
  projectId?: string;
}

/**
 * Signs a request with Huawei APIG SDK-HMAC-SHA256: sets `X-Sdk-Date`, `Authorization` and, when
 * applicable, `X-Security-Token` and `X-Project-Id`. Every header in request.headers is signed, plus
 * `host` from the URL, so headers must be final; signing again replaces the previous signature.
 */
export function signHuaweiRequest(
  request: WireRequest,
  credentials: HuaweiCredentials,
  options: HuaweiSignOptions = {},
): void {
  const headers = request.headers;
  const sdkDate = formatSdkDate(options.now ?? new Date());
  deleteHeader(headers, 'authorization');
  setHeader(headers, 'X-Sdk-Date', sdkDate);
  if (credentials.securityToken) setHeader(headers, 'X-Security-Token', credentials.securityToken);
  if (options.projectId) setHeader(headers, 'X-Project-Id', options.projectId);
  const { signature, signedHeaders } = huaweiSignature(
    {
      method: request.method,
      url: request.url,
      headers: withHost(headers, request.url),
      body: request.body,
      sdkDate,
    },
    credentials.secretAccessKey,
  );
  headers.Authorization = `${HUAWEI_ALGORITHM} Access=${credentials.accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
