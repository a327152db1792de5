import type { QueryParams } from '../http/types.ts';
import { compareCodeUnits } from './code-unit-order.ts';
import { percentEncode } from './percent-encode.ts';

/**
 * Huawei canonical query string: keys sorted (raw, by code unit), a repeated key's values sorted too,
 * each `key=value` percent-encoded (`|` → `%7C`, `:` → `%3A`), joined with `&`.
 */
export function huaweiCanonicalQuery(query: QueryParams): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of query) {
    const values = byKey.get(key) ?? [];
    values.push(value);
    byKey.set(key, values);
  }
  const pairs: string[] = [];
  for (const key of [...byKey.keys()].sort(compareCodeUnits)) {
    for (const value of (byKey.get(key) ?? []).sort(compareCodeUnits)) {
      pairs.push(`${percentEncode(key)}=${percentEncode(value)}`);
    }
  }
  return pairs.join('&');
}
