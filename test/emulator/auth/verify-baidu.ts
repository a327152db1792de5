// Server side of bce-auth-v1, for the emulator: recomputes the authorization with the signer's steps.
import { baiduAuthorization } from '../../../src/core/signing/baidu-signature.ts';
import { parseBceDate } from '../../../src/core/signing/signing-dates.ts';
import { constantTimeEqual } from './constant-time-equal.ts';
import { type ReceivedRequest, rejected, type SecretLookup, type VerifyResult } from './received-request.ts';
import { signedHeaderValues } from './signed-header-values.ts';

interface BaiduAuthorization {
  accessKeyId: string;
  timestamp: string;
  expirationSeconds: number;
  signedHeaders: string[];
}

/** Splits `bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}`, or undefined when malformed. */
export function parseBaiduAuthorization(value: string): BaiduAuthorization | undefined {
  const match = /^bce-auth-v1\/([^/]+)\/([^/]+)\/(\d{1,9})\/([^/]*)\/[0-9a-f]{64}$/.exec(value.trim());
  if (!match) return undefined;
  const [, accessKeyId = '', timestamp = '', expiration = '', signedHeaders = ''] = match;
  return {
    accessKeyId,
    timestamp,
    expirationSeconds: Number(expiration),
    signedHeaders: signedHeaders === '' ? [] : signedHeaders.split(';'),
  };
}

/** A reason when the signing timestamp is malformed, too far ahead of the clock, or expired. */
function checkTimestamp(auth: BaiduAuthorization, now: Date, skewSeconds: number): string | undefined {
  const signedAt = parseBceDate(auth.timestamp);
  if (!signedAt) return `timestamp "${auth.timestamp}" is not in the form YYYY-MM-DDTHH:mm:ssZ`;
  const aheadSeconds = (signedAt.getTime() - now.getTime()) / 1000;
  if (aheadSeconds > skewSeconds) {
    return `timestamp ${auth.timestamp} is ahead of the server clock by more than the allowed skew of ${skewSeconds} seconds`;
  }
  if (signedAt.getTime() + auth.expirationSeconds * 1000 < now.getTime()) {
    return `signature expired: signed at ${auth.timestamp}, valid for ${auth.expirationSeconds} seconds`;
  }
  return undefined;
}

/** Verifies a bce-auth-v1 signed request: access key, timestamp and expiration, signature. */
export function verifyBaiduRequest(
  request: ReceivedRequest,
  secretFor: SecretLookup,
  now: Date,
  skewSeconds = 900,
): VerifyResult {
  const received = request.headers.authorization ?? '';
  const auth = parseBaiduAuthorization(received);
  if (!auth)
    return rejected('Authorization is not "bce-auth-v1/{ak}/{timestamp}/{expiration}/{headers}/{signature}"');
  const secret = secretFor(auth.accessKeyId);
  if (secret === undefined) return rejected(`access key id ${auth.accessKeyId} is unknown`);
  const timeProblem = checkTimestamp(auth, now, skewSeconds);
  if (timeProblem !== undefined) return rejected(timeProblem);
  if (!auth.signedHeaders.includes('host')) return rejected('SignedHeaders must include host');
  const picked = signedHeaderValues(request.headers, auth.signedHeaders);
  if ('missing' in picked) return rejected(`signed header ${picked.missing} is missing from the request`);
  const expected = baiduAuthorization(
    {
      method: request.method,
      url: request.url,
      headers: picked.values,
      accessKeyId: auth.accessKeyId,
      timestamp: auth.timestamp,
      expirationSeconds: auth.expirationSeconds,
      headersToSign: auth.signedHeaders,
    },
    secret,
  );
  if (!constantTimeEqual(expected, received.trim())) return rejected('signature does not match the request');
  return { ok: true, accessKeyId: auth.accessKeyId };
}
