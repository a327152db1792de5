// One address as a lease sees it in a read of the allowlist: this owner's lease entries (at most two: the
// host's two spellings), an entry that already lets the address in without a lease, and the spellings
// that entries of other owners hold.
import { alternateForm, type IpNetwork, networkCovers } from '../../core/net/ip-network.ts';
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import { type CurrentEntry, entriesFor, isAnyLease } from './current-entries.ts';
import type { LeaseMark } from './marker.ts';

export interface LeaseEntry {
  item: WhitelistItem;
  mark: LeaseMark;
}

export interface LeaseView {
  /** This owner's lease entries for the address, oldest version first. */
  leases: LeaseEntry[];
  /** An entry that is not a lease and already lets the address in (hand-made, declared, a wider network). */
  cover?: CurrentEntry;
  /** Spellings of the address held by entries this owner may not touch. */
  taken: string[];
}

/** What a read of the allowlist says about `network`, for `owner`'s leases. */
export function viewLease(current: readonly CurrentEntry[], network: IpNetwork): LeaseView {
  const matches = entriesFor(current, network);
  const leases = matches
    .flatMap((entry) => (entry.mark?.kind === 'lease' ? [{ item: entry.item, mark: entry.mark }] : []))
    .sort((a, b) => a.mark.version - b.mark.version);
  const taken = matches.filter((entry) => entry.mark?.kind !== 'lease').map((entry) => entry.item.ipAddr);
  const cover = coveringEntry(current, network);
  return { leases, taken, ...(cover ? { cover } : {}) };
}

/** An entry that is not a lease and already lets the address in (hand-made, declared, or a wider network). */
function coveringEntry(current: readonly CurrentEntry[], network: IpNetwork): CurrentEntry | undefined {
  return current.find(
    (entry) => !isAnyLease(entry) && entry.network !== undefined && networkCovers(entry.network, network),
  );
}

/** The other spelling of a lease entry's host, or undefined when it has none (wider networks). */
export function otherForm(network: IpNetwork, ipAddr: string): string | undefined {
  return alternateForm(network, ipAddr);
}

/** The spelling a new lease is written under: the usual one, unless an entry of another owner holds it. */
export function newLeaseForm(
  network: IpNetwork,
  view: LeaseView,
  refused: readonly string[],
): string | undefined {
  const forms = [network.text, alternateForm(network, network.text)];
  return forms.find(
    (form): form is string => form !== undefined && !view.taken.includes(form) && !refused.includes(form),
  );
}

/** True when both items are the very same entry: same address text and same description. */
export function sameItem(a: WhitelistItem, b: WhitelistItem): boolean {
  return a.ipAddr === b.ipAddr && a.description === b.description;
}

/** Identifies a pair of lease entries exactly, so a pair that stays unchanged can be recognised. */
export function pairKey(leases: readonly LeaseEntry[]): string {
  return JSON.stringify(leases.map((lease) => [lease.item.ipAddr, lease.item.description]));
}
