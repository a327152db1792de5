import type { CanonicalHeaders } from './canonical-headers.ts';
import { compareCodeUnits } from './code-unit-order.ts';

/**
 * Huawei canonical headers: every given header, names lower-cased and sorted, values trimmed,
 * one `name:value\n` line each.
 */
export function huaweiCanonicalHeaders(headers: Readonly<Record<string, string>>): CanonicalHeaders {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) lower.set(name.toLowerCase(), value.trim());
  const names = [...lower.keys()].sort(compareCodeUnits);
  return {
    canonical: names.map((name) => `${name}:${lower.get(name)}\n`).join(''),
    signedHeaders: names,
  };
}
