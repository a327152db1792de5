// Server side of Huawei SDK-HMAC-SHA256, for the emulator: recomputes the signature with the signer's steps.
import { HUAWEI_ALGORITHM, huaweiSignature } from '../../../src/core/signing/huawei-signature.ts';
import { parseSdkDate } from '../../../src/core/signing/signing-dates.ts';
import { constantTimeEqual } from './constant-time-equal.ts';
import { type ReceivedRequest, rejected, type SecretLookup, type VerifyResult } from './received-request.ts';
import { signedHeaderValues } from './signed-header-values.ts';

interface HuaweiAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Splits `SDK-HMAC-SHA256 Access=..., SignedHeaders=a;b, Signature=hex`, or undefined when malformed. */
export function parseHuaweiAuthorization(value: string): HuaweiAuthorization | undefined {
  const match = new RegExp(
    `^${HUAWEI_ALGORITHM} Access=([^,\\s]+), SignedHeaders=([^,\\s]+), Signature=([0-9a-f]{64})$`,
  ).exec(value.trim());
  if (!match) return undefined;
  const [, accessKeyId = '', signedHeaders = '', signature = ''] = match;
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** A reason when the X-Sdk-Date value is malformed or too far from the clock. */
function checkSdkDate(value: string, now: Date, skewSeconds: number): string | undefined {
  const date = parseSdkDate(value);
  if (!date) return `X-Sdk-Date "${value}" is not in the form YYYYMMDDTHHmmssZ`;
  const offSeconds = Math.abs(now.getTime() - date.getTime()) / 1000;
  return offSeconds > skewSeconds
    ? `X-Sdk-Date ${value} is outside the allowed clock skew of ${skewSeconds} seconds`
    : undefined;
}

/** Verifies an SDK-HMAC-SHA256 signed request: access key, X-Sdk-Date within the skew, signature. */
export function verifyHuaweiRequest(
  request: ReceivedRequest,
  secretFor: SecretLookup,
  now: Date,
  skewSeconds = 900,
): VerifyResult {
  const auth = parseHuaweiAuthorization(request.headers.authorization ?? '');
  if (!auth) return rejected('Authorization is not "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…"');
  const secret = secretFor(auth.accessKeyId);
  if (secret === undefined) return rejected(`access key id ${auth.accessKeyId} is unknown`);
  const sdkDate = request.headers['x-sdk-date'];
  if (sdkDate === undefined) return rejected('X-Sdk-Date header is missing');
  const dateProblem = checkSdkDate(sdkDate, now, skewSeconds);
  if (dateProblem !== undefined) return rejected(dateProblem);
  for (const required of ['host', 'x-sdk-date']) {
    if (!auth.signedHeaders.includes(required)) return rejected(`SignedHeaders must include ${required}`);
  }
  const picked = signedHeaderValues(request.headers, auth.signedHeaders);
  if ('missing' in picked) return rejected(`signed header ${picked.missing} is missing from the request`);
  const expected = huaweiSignature(
    { method: request.method, url: request.url, headers: picked.values, body: request.body, sdkDate },
    secret,
  );
  if (
    expected.signedHeaders !== auth.signedHeaders.join(';') ||
    !constantTimeEqual(expected.signature, auth.signature)
  ) {
    return rejected('signature does not match the request');
  }
  return { ok: true, accessKeyId: auth.accessKeyId };
}
