// The steps a lease loop takes, and how the planner builds them: the types every lease module shares, an
// add of the next version under the lease's other spelling, and the end of the loop.
import type { IpNetwork } from '../../core/net/ip-network.ts';
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import type { LeaseMemory, Swap } from './lease-memory.ts';
import { type LeaseEntry, type LeaseView, otherForm } from './lease-view.ts';
import { formatDescription, type LeaseMark } from './marker.ts';

export type LeaseGoal = 'join' | 'leave' | 'sweep';

export interface LeaseRequest {
  network: IpNetwork;
  /** This job: `<run id>-<attempt>.<nonce>` (unused by sweep). */
  holder: string;
  owner: string;
  /** User text of the runner entry's description. */
  text: string;
  now: Date;
  /** How long a new or joined lease lasts at least. */
  leaseMs: number;
}

/**
 * How the loop ended. join: `listed` (named on the lease), `covered` (joined a lease kept until its
 * expiry without being named), `not-needed` (another entry lets the address in), `unprotected` (allowed
 * for now, but not by anything this job may count on). leave/sweep: `released` (not named any more, or
 * the lease is gone), `kept` (the lease stays until its expiry).
 */
export type LeaseStatus = 'listed' | 'covered' | 'not-needed' | 'unprotected' | 'released' | 'kept';

export type LeaseStep =
  | { kind: 'done'; status: LeaseStatus; reason: string }
  | { kind: 'add'; swap: Swap }
  | { kind: 'delete'; items: WhitelistItem[]; why: DeleteWhy; reason: string }
  | { kind: 'wait'; reason: string };

/** commit/close end a swap this loop holds; abort takes its own entry back; break and expired clean up. */
type DeleteWhy = 'commit' | 'close' | 'abort' | 'break' | 'expired';

/** Adds the next version under the lease's other spelling, or undefined when that spelling is unusable. */
export function swapOver(
  view: LeaseView,
  lease: LeaseEntry,
  request: LeaseRequest,
  memory: LeaseMemory,
  write: Omit<NewEntry, 'ipAddr' | 'base'>,
): LeaseStep | undefined {
  const ipAddr = otherForm(request.network, lease.item.ipAddr);
  if (ipAddr === undefined || swapBlocked(view, lease, request, memory)) return undefined;
  return add(request, { ...write, ipAddr, base: lease.item });
}

/** Why the lease's other spelling cannot hold a second entry, or '' when it can. */
export function swapBlocked(
  view: LeaseView,
  lease: LeaseEntry,
  request: LeaseRequest,
  memory: LeaseMemory,
): string {
  const ipAddr = otherForm(request.network, lease.item.ipAddr);
  if (ipAddr === undefined) return 'a network has one spelling only';
  if (view.taken.includes(ipAddr)) return `${ipAddr} is held by another entry`;
  if (memory.refused.includes(ipAddr)) return `the API does not take ${ipAddr} beside ${lease.item.ipAddr}`;
  return '';
}

export interface NewEntry {
  ipAddr: string;
  mark: Omit<LeaseMark, 'kind' | 'owner'>;
  reason: string;
  closing: boolean;
  ends: LeaseStatus;
  base?: WhitelistItem;
}

export function add(request: LeaseRequest, entry: NewEntry): LeaseStep {
  const description = formatDescription(request.text, { kind: 'lease', owner: request.owner, ...entry.mark });
  const swap: Swap = {
    item: { ipAddr: entry.ipAddr, description },
    closing: entry.closing,
    reason: entry.reason,
    ends: entry.ends,
    ...(entry.base ? { base: entry.base } : {}),
  };
  return { kind: 'add', swap };
}

export function done(status: LeaseStatus, reason: string): LeaseStep {
  return { kind: 'done', status, reason };
}

export function describeHolders(mark: Pick<LeaseMark, 'holders' | 'overflow'>): string {
  const extra = mark.overflow > 0 ? ` and ${mark.overflow} more` : '';
  return `${mark.holders.join(', ') || 'nobody'}${extra}`;
}
