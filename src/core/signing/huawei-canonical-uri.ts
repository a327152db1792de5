import { percentDecode } from './percent-decode.ts';
import { percentEncode } from './percent-encode.ts';

/**
 * Huawei canonical URI: every path segment decoded, then percent-encoded (so SWR's `$` becomes `%24`),
 * always ending in `/`.
 */
export function huaweiCanonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment)))
    .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}
