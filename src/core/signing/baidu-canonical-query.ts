import type { QueryParams } from '../http/types.ts';
import { compareCodeUnits } from './code-unit-order.ts';
import { percentEncode } from './percent-encode.ts';

/**
 * Baidu canonical query string: each pair encoded as `key=value` (an `authorization` key is skipped),
 * then the encoded pairs sorted as strings and joined with `&`.
 */
export function baiduCanonicalQuery(query: QueryParams): string {
  return query
    .filter(([key]) => key.toLowerCase() !== 'authorization')
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .sort(compareCodeUnits)
    .join('&');
}
