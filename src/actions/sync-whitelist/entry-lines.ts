// `entries` lines: `203.0.113.0/24 # office` — an IP or CIDR, optionally a description after `#`.
import { InputError } from '../../core/errors/errors.ts';
import { type IpNetwork, isAnyNetwork, parseNetwork } from '../../core/net/ip-network.ts';
import { MAX_TEXT_LENGTH } from './marker.ts';

/** One declared allowlist entry, normalised. */
export interface DeclaredEntry {
  network: IpNetwork;
  /** The user's description (may be empty). */
  text: string;
  /** The line as written, for messages. */
  source: string;
}

/** Parses and validates every line; all problems are reported at once, naming the input. */
export function parseEntryLines(
  lines: readonly string[],
  options: { input: string; allowAny: boolean },
): { entries: DeclaredEntry[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const entries: DeclaredEntry[] = [];
  for (const line of lines) {
    const hash = line.indexOf('#');
    const addressText = (hash === -1 ? line : line.slice(0, hash)).trim();
    const text = hash === -1 ? '' : line.slice(hash + 1).trim();
    const parsed = parseNetwork(addressText, { rejectHostBits: true });
    if (!parsed.ok) {
      problems.push(parsed.reason);
      continue;
    }
    const problem = checkEntry(parsed.network, text, options.allowAny, entries);
    if (problem) {
      problems.push(`"${line}": ${problem}`);
      continue;
    }
    notes.push(...parsed.notes);
    entries.push({ network: parsed.network, text, source: line });
  }
  if (problems.length > 0) {
    throw new InputError(
      options.input,
      `Input '${options.input}' has invalid lines: ${problems.join('; ')}.`,
    );
  }
  return { entries, notes };
}

function checkEntry(
  network: IpNetwork,
  text: string,
  allowAny: boolean,
  seen: readonly DeclaredEntry[],
): string | undefined {
  if (isAnyNetwork(network) && !allowAny) {
    return `${network.text} opens the registry to the whole internet; set allow-any: true if that is intended`;
  }
  const duplicate = seen.find((entry) => entry.network.text === network.text);
  if (duplicate) return `duplicates "${duplicate.source}" (both are ${network.text})`;
  if (text.length > MAX_TEXT_LENGTH) return `the description is longer than ${MAX_TEXT_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f()]/.test(text))
    return 'the description may not hold parentheses or control characters';
  return undefined;
}
