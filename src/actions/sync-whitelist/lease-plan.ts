// Pure planning of runner leases. One allowlist entry per address lists every job that holds it; a job
// joins by rewriting the entry with itself added and leaves by rewriting it without itself, deleting it
// only when it was the last holder. Rewrites are versioned so concurrent writers can tell old from new.
import { type IpNetwork, networkCovers } from '../../core/net/ip-network.ts';
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import { unusedForm } from './address-form.ts';
import { type CurrentEntry, entriesFor, isAnyLease } from './current-entries.ts';
import { formatDescription, formatMinute, type LeaseMark } from './marker.ts';

export interface LeaseRequest {
  network: IpNetwork;
  /** This job: `<run id>-<attempt>.<nonce>`. */
  holder: string;
  owner: string;
  /** User text of the runner entry's description. */
  text: string;
  now: Date;
  /** How long a new or joined lease lasts at least. */
  leaseMs: number;
  /**
   * Two lease entries for one address mean another job is mid-rewrite; normally wait for it. After
   * waiting long enough, `force` takes the newest as the truth and replaces them all.
   */
  force?: boolean;
}

/** One step towards holding (or having released) the lease. */
export type LeaseStep =
  | { kind: 'none'; reason: string }
  | { kind: 'write'; item: WhitelistItem; replaces: WhitelistItem[]; reason: string }
  | { kind: 'delete'; items: WhitelistItem[]; reason: string }
  | { kind: 'wait'; reason: string };

interface LeaseEntry {
  item: WhitelistItem;
  mark: LeaseMark;
}

/** What to write so that `holder` is listed on the lease for its address (or nothing, if already allowed). */
export function planJoin(current: readonly CurrentEntry[], request: LeaseRequest): LeaseStep {
  const cover = coveringEntry(current, request.network);
  if (cover)
    return {
      kind: 'none',
      reason: `already allowed by ${cover.item.ipAddr} (${cover.item.description || 'no description'})`,
    };
  const leases = leaseEntries(current, request.network);
  if (leases.length === 0) {
    const until = new Date(request.now.getTime() + request.leaseMs);
    return write(
      current,
      request,
      { version: 1, until, holders: [request.holder], overflow: 0 },
      [],
      'new lease',
    );
  }
  const newest = newestOf(leases);
  if (leases.length > 1 && !request.force)
    return { kind: 'wait', reason: 'another job is rewriting the lease' };
  if (leases.length === 1 && newest.mark.holders.includes(request.holder)) {
    return { kind: 'none', reason: 'this job already holds the lease' };
  }
  const expired = newest.mark.until.getTime() <= request.now.getTime();
  const wanted = new Date(request.now.getTime() + request.leaseMs);
  const holders = expired ? [] : newest.mark.holders.filter((holder) => holder !== request.holder);
  const mark = {
    version: newest.mark.version + 1,
    until: expired || wanted > newest.mark.until ? wanted : newest.mark.until,
    holders: [...holders, request.holder],
    overflow: expired ? 0 : newest.mark.overflow,
  };
  const reason = expired ? 'renewed an expired lease' : `joined the lease of ${describeHolders(newest.mark)}`;
  return write(
    current,
    request,
    mark,
    leases.map((lease) => lease.item),
    reason,
  );
}

/** What to write so that `holder` is no longer listed; the entry goes when nobody else holds it. */
export function planRelease(current: readonly CurrentEntry[], request: LeaseRequest): LeaseStep {
  const leases = leaseEntries(current, request.network);
  if (leases.length === 0) return { kind: 'none', reason: 'no lease entry left for this address' };
  if (leases.length > 1 && !request.force)
    return { kind: 'wait', reason: 'another job is rewriting the lease' };
  const newest = newestOf(leases);
  const items = leases.map((lease) => lease.item);
  if (!newest.mark.holders.includes(request.holder) && leases.length === 1) {
    return {
      kind: 'none',
      reason: `this job is not listed on the lease; it expires at ${formatMinute(newest.mark.until)}`,
    };
  }
  const others = newest.mark.holders.filter((holder) => holder !== request.holder);
  const expired = newest.mark.until.getTime() <= request.now.getTime();
  if (expired || (others.length === 0 && newest.mark.overflow === 0)) {
    return { kind: 'delete', items, reason: expired ? 'lease expired' : 'last holder left' };
  }
  const mark = { ...newest.mark, version: newest.mark.version + 1, holders: others };
  return write(current, request, mark, items, `left the lease; still held by ${describeHolders(mark)}`);
}

/** True when `holder` is listed on a lease entry for its address. */
export function holdsLease(
  current: readonly CurrentEntry[],
  request: Pick<LeaseRequest, 'network' | 'holder'>,
): boolean {
  return leaseEntries(current, request.network).some((lease) => lease.mark.holders.includes(request.holder));
}

/** An entry that is not a lease and already lets the address in (hand-made, declared, or a wider network). */
export function coveringEntry(
  current: readonly CurrentEntry[],
  network: IpNetwork,
): CurrentEntry | undefined {
  return current.find(
    (entry) => !isAnyLease(entry) && entry.network !== undefined && networkCovers(entry.network, network),
  );
}

function leaseEntries(current: readonly CurrentEntry[], network: IpNetwork): LeaseEntry[] {
  return entriesFor(current, network).flatMap((entry) =>
    entry.mark?.kind === 'lease' ? [{ item: entry.item, mark: entry.mark }] : [],
  );
}

function newestOf(leases: readonly LeaseEntry[]): LeaseEntry {
  return leases.reduce((newest, lease) => (lease.mark.version > newest.mark.version ? lease : newest));
}

function write(
  current: readonly CurrentEntry[],
  request: LeaseRequest,
  mark: Omit<LeaseMark, 'kind' | 'owner'>,
  replaces: WhitelistItem[],
  reason: string,
): LeaseStep {
  // A form held by an entry that is not ours to replace (another owner's lease) cannot be written.
  const taken = entriesFor(current, request.network)
    .map((entry) => entry.item.ipAddr)
    .filter((ipAddr) => !replaces.some((item) => item.ipAddr === ipAddr));
  const ipAddr = unusedForm(
    request.network,
    replaces.map((item) => item.ipAddr),
    taken,
  );
  const description = formatDescription(request.text, { kind: 'lease', owner: request.owner, ...mark });
  return { kind: 'write', item: { ipAddr, description }, replaces, reason };
}

function describeHolders(mark: Pick<LeaseMark, 'holders' | 'overflow'>): string {
  const extra = mark.overflow > 0 ? ` and ${mark.overflow} more` : '';
  return `${mark.holders.join(', ')}${extra}`;
}
