import { type IpNetwork, parseNetwork } from '../../core/net/ip-network.ts';
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import { isOwnedBy, type Mark, parseDescription } from './marker.ts';

/** An allowlist entry as read: the item, its normalised network, and this owner's marker if it has one. */
export interface CurrentEntry {
  item: WhitelistItem;
  /** Undefined when the API holds text that is not an address; such entries are never touched. */
  network?: IpNetwork;
  /** The user's part of the description. */
  text: string;
  /** Set only for entries carrying the configured owner's marker. */
  mark?: Mark;
}

/** Reads the allowlist for one owner; host bits in existing entries are tolerated. */
export function readCurrentEntries(items: readonly WhitelistItem[], owner: string): CurrentEntry[] {
  return items.map((item) => {
    const parsed = parseNetwork(item.ipAddr, { rejectHostBits: false });
    const { text, mark } = parseDescription(item.description);
    return {
      item,
      ...(parsed.ok ? { network: parsed.network } : {}),
      text,
      ...(isOwnedBy(mark, owner) ? { mark } : {}),
    };
  });
}

/** Entries whose normalised network equals `network` (`1.2.3.4` and `1.2.3.4/32` are the same). */
export function entriesFor(current: readonly CurrentEntry[], network: IpNetwork): CurrentEntry[] {
  return current.filter((entry) => entry.network?.text === network.text);
}

/**
 * True for a runner lease of any owner. Another owner's lease is not a lasting entry: its post step removes
 * it when its last job ends, so it neither counts as "already allowed" nor blocks an entry of our own.
 */
export function isAnyLease(entry: CurrentEntry): boolean {
  return parseDescription(entry.item.description).mark?.kind === 'lease';
}
