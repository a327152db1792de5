import type { CanonicalHeaders } from './canonical-headers.ts';
import { compareCodeUnits } from './code-unit-order.ts';
import { percentEncode } from './percent-encode.ts';

/** Headers the Baidu SDKs sign by default, besides every `x-bce-*` header. */
const BAIDU_DEFAULT_SIGNED_HEADERS: readonly string[] = [
  'host',
  'content-md5',
  'content-length',
  'content-type',
];

/**
 * Baidu canonical headers: `x-bce-*` and the listed headers with a non-empty trimmed value, each as
 * `encode(lower-name):encode(value)`, the lines sorted as strings and joined with `\n`.
 */
export function baiduCanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  headersToSign: readonly string[] = BAIDU_DEFAULT_SIGNED_HEADERS,
): CanonicalHeaders {
  const wanted = new Set(headersToSign.map((name) => name.toLowerCase()));
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const trimmed = value.trim();
    if (trimmed === '' || !(key.startsWith('x-bce-') || wanted.has(key))) continue;
    lines.push(`${percentEncode(key)}:${percentEncode(trimmed)}`);
  }
  lines.sort(compareCodeUnits);
  return {
    canonical: lines.join('\n'),
    signedHeaders: lines.map((line) => line.slice(0, line.indexOf(':'))),
  };
}
