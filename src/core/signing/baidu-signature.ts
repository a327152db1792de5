import { baiduCanonicalHeaders } from './baidu-canonical-headers.ts';
import { baiduCanonicalQuery } from './baidu-canonical-query.ts';
import { baiduCanonicalUri } from './baidu-canonical-uri.ts';
import { hmacSha256Hex } from './hmac-sha256.ts';

/** What a bce-auth-v1 signature covers. */
export interface BaiduSignedParts {
  method: string;
  url: URL;
  /** Candidate headers (host included); which are signed is decided by headersToSign. */
  headers: Readonly<Record<string, string>>;
  accessKeyId: string;
  /** `YYYY-MM-DDTHH:mm:ssZ`. */
  timestamp: string;
  expirationSeconds: number;
  /** Names to sign besides `x-bce-*` (default: the SDKs' host, content-md5, content-length, content-type). */
  headersToSign?: readonly string[];
}

/** The full bce-auth-v1 authorization string for the given parts. */
export function baiduAuthorization(parts: BaiduSignedParts, secretAccessKey: string): string {
  const authPrefix = `bce-auth-v1/${parts.accessKeyId}/${parts.timestamp}/${parts.expirationSeconds}`;
  // The signing key is the hex HMAC of the prefix, used as a string key.
  const signingKey = hmacSha256Hex(secretAccessKey, authPrefix);
  const headers = baiduCanonicalHeaders(parts.headers, parts.headersToSign);
  const canonicalRequest = [
    parts.method.toUpperCase(),
    baiduCanonicalUri(parts.url.pathname),
    baiduCanonicalQuery([...parts.url.searchParams]),
    headers.canonical,
  ].join('\n');
  const signature = hmacSha256Hex(signingKey, canonicalRequest);
  return `${authPrefix}/${headers.signedHeaders.join(';')}/${signature}`;
}
