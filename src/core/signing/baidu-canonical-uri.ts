import { percentDecode } from './percent-decode.ts';
import { percentEncode } from './percent-encode.ts';

/** Baidu canonical URI: every path segment decoded, then percent-encoded, `/` kept; no trailing slash added. */
export function baiduCanonicalUri(pathname: string): string {
  if (pathname === '') return '/';
  return pathname
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment)))
    .join('/');
}
