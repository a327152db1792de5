import type { Authenticator } from '../http/types.ts';
import {
  type BaiduCredentials,
  type HuaweiCredentials,
  signBaiduRequest,
  signHuaweiRequest,
} from '../signing/index.ts';

type Clock = () => Date;

/** Signs every attempt with Huawei SDK-HMAC-SHA256 (plus `X-Security-Token` for temporary AK/SK). */
export function huaweiSigner(
  credentials: HuaweiCredentials,
  options: { now?: Clock; projectId?: string } = {},
): Authenticator {
  const { now = () => new Date(), projectId } = options;
  return (request) =>
    signHuaweiRequest(request, credentials, projectId ? { now: now(), projectId } : { now: now() });
}

/** Sends an IAM token as `X-Auth-Token`; `getToken` is asked on every attempt (cache it, see cacheToken). */
export function iamTokenHeader(getToken: () => Promise<string>): Authenticator {
  return async (request) => {
    request.headers['X-Auth-Token'] = await getToken();
  };
}

/** Signs every attempt with Baidu bce-auth-v1 (plus `x-bce-security-token` for STS credentials). */
export function baiduSigner(credentials: BaiduCredentials, options: { now?: Clock } = {}): Authenticator {
  const { now = () => new Date() } = options;
  return (request) => signBaiduRequest(request, credentials, { now: now() });
}
