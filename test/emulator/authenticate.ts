// Auth of every API request: an IAM token or SDK-HMAC-SHA256 signature (SWR), bce-auth-v1 (CCR).
import { baiduError, swrError, swrGatewayError } from './responses.ts';
import type { AuthKind, EmuResponse, RequestContext } from './route-types.ts';
import type { ReceivedRequest, Verifiers } from './signature-verifiers.ts';
import type { EmulatorState } from './state.ts';

export type AuthOutcome = { ok: true; kind: AuthKind } | { ok: false; response: EmuResponse };

/** The IAM token record if the token is known and not expired. */
export function validIamToken(state: EmulatorState, token: string | undefined, now: Date) {
  if (!token) return undefined;
  const record = state.iamTokens.get(token);
  return record && record.expiresAt.getTime() > now.getTime() ? record : undefined;
}

function huaweiAccessKey(authorization: string): string | undefined {
  return authorization.match(/Access=([^,\s]+)/)?.[1];
}

function baiduAccessKey(authorization: string): string | undefined {
  return authorization.split('/')[1];
}

async function authSwr(
  context: RequestContext,
  verifiers: Verifiers,
  received: ReceivedRequest,
): Promise<AuthOutcome> {
  const { state, headers, now } = context;
  const token = headers['x-auth-token'];
  if (token !== undefined) {
    if (validIamToken(state, token, now)) return { ok: true, kind: 'iam-token' };
    return {
      ok: false,
      response: swrGatewayError(401, 'APIGW.0307', 'The token must be updated.', context.requestId),
    };
  }
  const authorization = headers.authorization ?? '';
  if (!authorization.startsWith('SDK-HMAC-SHA256')) {
    return {
      ok: false,
      response: swrError(
        401,
        'SVCSTG.SWR.401000',
        'Authentication failed. Obtain a new token and try again.',
      ),
    };
  }
  const reject = (reason: string) => ({
    ok: false as const,
    response: swrGatewayError(
      401,
      'APIGW.0301',
      `Incorrect IAM authentication information: ${reason}`,
      context.requestId,
    ),
  });
  const keys = state.credentials.huawei;
  if (huaweiAccessKey(authorization) !== keys.accessKeyId) return reject('AK not found');
  if (keys.securityToken !== undefined && headers['x-security-token'] !== keys.securityToken) {
    return reject('security token missing or invalid');
  }
  if (!verifiers.huawei) return reject('signature verification is not available in this emulator build');
  const secretFor = (ak: string) => (ak === keys.accessKeyId ? keys.secretAccessKey : undefined);
  const result = await verifiers.huawei(received, secretFor, now, state.signatureSkewSeconds);
  return result.ok ? { ok: true, kind: 'huawei-signature' } : reject(result.reason);
}

async function authCcr(
  context: RequestContext,
  verifiers: Verifiers,
  received: ReceivedRequest,
): Promise<AuthOutcome> {
  const { state, headers, now } = context;
  const authorization = headers.authorization ?? '';
  const reject = (code: string, message: string) => ({
    ok: false as const,
    response: baiduError(context, 401, code, message),
  });
  if (!authorization.startsWith('bce-auth-v1/'))
    return reject('AccessDenied', 'Missing bce-auth-v1 Authorization header.');
  const keys = state.credentials.baidu;
  if (baiduAccessKey(authorization) !== keys.accessKeyId)
    return reject('InvalidAccessKeyId', 'The access key id does not exist.');
  if (keys.sessionToken !== undefined && headers['x-bce-security-token'] !== keys.sessionToken) {
    return reject('InvalidSessionToken', 'The security token is missing or invalid.');
  }
  if (!verifiers.baidu)
    return reject('SignatureDoesNotMatch', 'Signature verification is not available in this emulator build.');
  const secretFor = (ak: string) => (ak === keys.accessKeyId ? keys.secretAccessKey : undefined);
  const result = await verifiers.baidu(received, secretFor, now, state.signatureSkewSeconds);
  if (result.ok) return { ok: true, kind: 'baidu-signature' };
  const expired = /expir|skew|time/i.test(result.reason);
  return reject(expired ? 'RequestExpired' : 'SignatureDoesNotMatch', result.reason);
}

/** Checks the credentials a route needs: `huawei` (SWR), `baidu` (CCR) or `none` (IAM token, admin). */
export function authenticate(
  scheme: 'none' | 'huawei' | 'baidu',
  context: RequestContext,
  verifiers: Verifiers,
  received: ReceivedRequest,
): Promise<AuthOutcome> | AuthOutcome {
  if (scheme === 'huawei') return authSwr(context, verifiers, received);
  if (scheme === 'baidu') return authCcr(context, verifiers, received);
  return { ok: true, kind: 'none' };
}
