import type { ApiClient } from '../http/types.ts';
import { maskSecret } from '../redact/secrets.ts';
import type { HuaweiCredentials } from '../signing/index.ts';
import { isRecord } from '../types/is-record.ts';

/** Temporary AK/SK with its security token, and when they stop working. */
export interface TemporaryAkSk extends HuaweiCredentials {
  securityToken: string;
  expiresAt: Date;
}

/** IAM allows 900 s to 24 h; 15 minutes covers one action step. */
const DEFAULT_DURATION_SECONDS = 900;

/**
 * Exchanges an IAM token for temporary AK/SK + security token (`POST /v3.0/OS-CREDENTIAL/securitytokens`,
 * token method), for calls that must be signed. All three values are masked at once.
 */
export async function requestSecurityToken(
  iam: ApiClient,
  token: string,
  durationSeconds = DEFAULT_DURATION_SECONDS,
  now: () => Date = () => new Date(),
): Promise<TemporaryAkSk> {
  const operation = 'exchange the IAM token for temporary AK/SK';
  const response = await iam.request({
    method: 'POST',
    path: '/v3.0/OS-CREDENTIAL/securitytokens',
    // The token travels only in the header; IAM uses X-Auth-Token when the body names no token id.
    headers: { 'X-Auth-Token': token },
    body: { auth: { identity: { methods: ['token'], token: { duration_seconds: durationSeconds } } } },
    operation,
    retrySafe: true,
    secretResponse: true,
  });
  return readCredential(response.body, operation, new Date(now().getTime() + durationSeconds * 1000));
}

/** Reads `credential`; `fallbackExpiry` when IAM gives no readable `expires_at`. */
function readCredential(body: unknown, operation: string, fallbackExpiry: Date): TemporaryAkSk {
  const credential = isRecord(body) && isRecord(body.credential) ? body.credential : {};
  const { access, secret, securitytoken, expires_at } = credential;
  if (typeof access !== 'string' || typeof secret !== 'string' || typeof securitytoken !== 'string') {
    throw new Error(`IAM ${operation}: the response had no credential.access, secret and securitytoken.`);
  }
  const expiresAt = new Date(typeof expires_at === 'string' ? expires_at : Number.NaN);
  return {
    accessKeyId: maskSecret(access),
    secretAccessKey: maskSecret(secret),
    securityToken: maskSecret(securitytoken),
    expiresAt: Number.isNaN(expiresAt.getTime()) ? fallbackExpiry : expiresAt,
  };
}
