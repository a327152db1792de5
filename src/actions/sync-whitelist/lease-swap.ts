// After a lease loop's own add: whether to commit, wait or take it back, and which holders it copied from
// a lease that had already ended. Pure.
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import type { LeaseMemory, LeaseTiming, Swap } from './lease-memory.ts';
import type { LeaseRequest, LeaseStep } from './lease-step.ts';
import { type LeaseEntry, type LeaseView, sameItem } from './lease-view.ts';
import { type LeaseMark, parseDescription } from './marker.ts';

/**
 * After this loop's add: commit if the old entry is still the version planned on; undefined when the add
 * needs nothing more. Otherwise the entry beside it was written on top of it (it carries this job's
 * change: not ours to delete), or was there first (this add is the second entry and holds the lock: take
 * it back), or was added after it by a job whose read is as old as ours (that job takes its own back).
 * The last two look alike and only the first of them lasts: the rewrite is taken back once the pair has
 * stood for half the time after which onlookers clear a pair, so they never clear it together with us.
 */
export function continueSwap(
  view: LeaseView,
  swap: Swap,
  request: LeaseRequest,
  memory: LeaseMemory,
  timing: LeaseTiming,
): LeaseStep | undefined {
  const mine = view.leases.find((lease) => sameItem(lease.item, swap.item));
  const other = view.leases.find((lease) => lease !== mine);
  if (other && swap.base && sameItem(other.item, swap.base)) {
    if (swap.closing)
      return { kind: 'delete', items: [other.item, swap.item], why: 'close', reason: swap.reason };
    return { kind: 'delete', items: [other.item], why: 'commit', reason: swap.reason };
  }
  // Only a rewrite of this entry knows its change: the holders it named and those it took off.
  const carried = other && carries(other, swap);
  if (!other || carried) return undefined;
  const stood = memory.pair ? request.now.getTime() - memory.pair.since : 0;
  if (stood < timing.staleSwapMs / 2)
    return {
      kind: 'wait',
      reason: 'another entry stands beside this rewrite; waiting to see which one goes',
    };
  const reason = 'the lease changed since it was read; taking this rewrite back';
  return { kind: 'delete', items: [swap.item], why: 'abort', reason };
}

/**
 * Holders that have left, carried by this loop's add: one that landed after the entry it replaces was
 * gone (closed by its last holder, or expired) copied that entry's holders. Not when the add is older than
 * a stalled rewrite may be (then a swap left half done may have been cleared, keeping its holders).
 */
export function leftHolders(
  swap: Swap | undefined,
  request: LeaseRequest,
  memory: LeaseMemory,
  timing: LeaseTiming,
): string[] {
  const base = swap?.base;
  if (!base || swap.sentAt === undefined) return [];
  // Gone because this loop deleted it (its commit landed unanswered): its holders are ours to keep.
  if (memory.removed?.some((item) => sameItem(item, base))) return [];
  if (request.now.getTime() - swap.sentAt >= timing.staleSwapMs) return [];
  return (leaseMarkOf(base)?.holders ?? []).filter((holder) => holder !== request.holder);
}

/** True when `entry` shows the change of `swap` (holders it named, named no more): it was written on top. */
function carries(entry: LeaseEntry, swap: Swap): boolean {
  const after = leaseMarkOf(swap.item)?.holders ?? [];
  const before = swap.base ? (leaseMarkOf(swap.base)?.holders ?? []) : [];
  const named = after.filter((holder) => !before.includes(holder));
  const dropped = before.filter((holder) => !after.includes(holder));
  // A rewrite that changes no name cannot be told apart: it counts as not carried (and waits).
  if (named.length + dropped.length === 0) return false;
  const holders = entry.mark.holders;
  return named.every((holder) => holders.includes(holder)) && dropped.every((h) => !holders.includes(h));
}

/** The lease marker of an item this loop wrote. */
function leaseMarkOf(item: WhitelistItem): LeaseMark | undefined {
  const mark = parseDescription(item.description).mark;
  return mark?.kind === 'lease' ? mark : undefined;
}
