import { findHeader } from './header-lookup.ts';
import { hmacSha256Hex, sha256Hex } from './hmac-sha256.ts';
import { huaweiCanonicalHeaders } from './huawei-canonical-headers.ts';
import { huaweiCanonicalQuery } from './huawei-canonical-query.ts';
import { huaweiCanonicalUri } from './huawei-canonical-uri.ts';

export const HUAWEI_ALGORITHM = 'SDK-HMAC-SHA256';

/** What a Huawei signature covers; headers are exactly those signed (host included). */
export interface HuaweiSignedParts {
  method: string;
  url: URL;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** The `X-Sdk-Date` value, `YYYYMMDDTHHmmssZ`. */
  sdkDate: string;
}

/** The hex signature and SignedHeaders list of a Huawei SDK-HMAC-SHA256 request. */
export function huaweiSignature(parts: HuaweiSignedParts, secretAccessKey: string) {
  const headers = huaweiCanonicalHeaders(parts.headers);
  const signedHeaders = headers.signedHeaders.join(';');
  const canonicalRequest = [
    parts.method.toUpperCase(),
    huaweiCanonicalUri(parts.url.pathname),
    huaweiCanonicalQuery([...parts.url.searchParams]),
    headers.canonical,
    signedHeaders,
    huaweiPayloadHash(parts),
  ].join('\n');
  const stringToSign = [HUAWEI_ALGORITHM, parts.sdkDate, sha256Hex(canonicalRequest)].join('\n');
  return { signature: hmacSha256Hex(secretAccessKey, stringToSign), signedHeaders };
}

// X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD) stands in for the body hash, as in the SDKs.
function huaweiPayloadHash(parts: HuaweiSignedParts): string {
  return findHeader(parts.headers, 'x-sdk-content-sha256') ?? sha256Hex(parts.body);
}
