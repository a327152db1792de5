// What an IP lookup service answers: plain text (`203.0.113.7\n`), JSON (`{"ip":"…"}`), or
// key=value lines (`ip=203.0.113.7`, as Cloudflare's /cdn-cgi/trace).

import { isRecord } from '../types/is-record.ts';
import { type IpNetwork, parseHostAddress } from './ip-network.ts';

/** The single address in a lookup answer, or undefined when the answer holds none. */
export function parseLookupAnswer(text: string): IpNetwork | undefined {
  const trimmed = text.trim();
  const plain = parseHostAddress(trimmed);
  if (plain) return plain;
  const fromJson = jsonIp(trimmed);
  if (fromJson !== undefined) return parseHostAddress(fromJson);
  const line = trimmed.split(/\r?\n/).find((candidate) => candidate.startsWith('ip='));
  return line === undefined ? undefined : parseHostAddress(line.slice(3));
}

function jsonIp(text: string): string | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value) && typeof value.ip === 'string') {
      return value.ip;
    }
  } catch {
    // not JSON after all
  }
  return undefined;
}
