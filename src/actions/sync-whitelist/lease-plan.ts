import type { CurrentEntry } from './current-entries.ts';
import { LEASE_TIMING, type LeaseMemory, type LeaseTiming } from './lease-memory.ts';
import {
  add,
  describeHolders,
  done,
  type LeaseGoal,
  type LeaseRequest,
  type LeaseStep,
  swapBlocked,
  swapOver,
} from './lease-step.ts';
import { continueSwap, leftHolders } from './lease-swap.ts';
import { type LeaseEntry, type LeaseView, newLeaseForm, otherForm, viewLease } from './lease-view.ts';
import { ceilMinute, formatMinute } from './marker.ts';

export type { LeaseGoal, LeaseRequest, LeaseStatus, LeaseStep } from './lease-step.ts';

/**
 * A job that lost this many rounds to other writers joins without being named: the lease is then kept
 * until its expiry, and every later job whose lease-duration it lasts joins without a rewrite.
 */
export const CONTENDED_ROUNDS = 5;

/** The next step of `goal` for the address of `request`, from one read and the loop's memory. */
export function planLeaseStep(
  current: readonly CurrentEntry[],
  request: LeaseRequest,
  goal: LeaseGoal,
  memory: LeaseMemory,
  timing: LeaseTiming = LEASE_TIMING,
): LeaseStep {
  const view = viewLease(current, request.network);
  if (goal === 'join' && view.cover) {
    const { item } = view.cover;
    return done('not-needed', `already allowed by ${item.ipAddr} (${item.description || 'no description'})`);
  }
  if (memory.unsettled) return { kind: 'wait', reason: 'an earlier request got no answer; waiting for it' };
  const { mine, ...rest } = memory;
  if (mine) {
    const step = continueSwap(view, mine, request, memory, timing);
    if (step) return step;
  }
  if (view.leases.length >= 2) return planPair(view, request, goal, rest, timing.staleSwapMs);
  const lease = view.leases[0];
  const ghosts = [mine, memory.landed].flatMap((swap) => leftHolders(swap, request, memory, timing));
  const purge = lease && purgeHolders(view, lease, request, goal, rest, ghosts);
  if (purge) return purge;
  const step =
    goal === 'join' ? planJoin(view, lease, request, rest) : planEnd(view, lease, request, goal, rest);
  // This loop's own add settled the goal: say what it wrote.
  return mine && step.kind === 'done' ? done(step.status, mine.reason) : step;
}

/** Takes holders that have left off the lease (closing it when nobody is left). */
function purgeHolders(
  view: LeaseView,
  lease: LeaseEntry,
  request: LeaseRequest,
  goal: LeaseGoal,
  memory: LeaseMemory,
  left: readonly string[],
): LeaseStep | undefined {
  const gone = lease.mark.overflow === 0 ? lease.mark.holders.filter((holder) => left.includes(holder)) : [];
  if (gone.length === 0) return undefined;
  const holders = lease.mark.holders.filter((holder) => !gone.includes(holder));
  if (holders.length === 0)
    return planEnd(view, { ...lease, mark: { ...lease.mark, holders } }, request, 'sweep', memory);
  const mark = { ...lease.mark, version: lease.mark.version + 1, holders };
  const reason = `took off ${gone.join(', ')}, holders of a lease that had ended`;
  const ends = goal === 'join' ? 'listed' : 'released';
  return swapOver(view, lease, request, memory, { mark, reason, closing: false, ends });
}

/** Two entries: another writer holds the swap lock. Wait; remove the older one if nobody finishes it. */
function planPair(
  view: LeaseView,
  request: LeaseRequest,
  goal: LeaseGoal,
  memory: LeaseMemory,
  staleMs: number,
): LeaseStep {
  const [older, newer] = view.leases as [LeaseEntry, LeaseEntry];
  const now = request.now.getTime();
  const unchanged = memory.pair ? now - memory.pair.since : 0;
  // Every write sets an expiry after its own time, so an expiry long gone dates the swap for a sweep.
  const oldSwap = goal === 'sweep' && newer.mark.until.getTime() + staleMs <= now;
  if (unchanged >= staleMs || oldSwap) {
    return {
      kind: 'delete',
      items: [older.item],
      why: 'break',
      reason: `removed ${older.item.ipAddr} (v${older.mark.version}), left behind by a rewrite that never finished`,
    };
  }
  return { kind: 'wait', reason: 'another job is rewriting the lease' };
}

function planJoin(
  view: LeaseView,
  lease: LeaseEntry | undefined,
  request: LeaseRequest,
  memory: LeaseMemory,
): LeaseStep {
  const need = ceilMinute(new Date(request.now.getTime() + request.leaseMs));
  if (!lease) {
    const ipAddr = newLeaseForm(request.network, view, memory.refused);
    if (!ipAddr)
      return done('unprotected', `both spellings of ${request.network.text} are held by other entries`);
    const mark = { version: 1, until: need, holders: [request.holder], overflow: 0 };
    return add(request, { ipAddr, mark, reason: 'new lease', closing: false, ends: 'listed' });
  }
  const { mark } = lease;
  const expired = mark.until.getTime() <= request.now.getTime();
  if (!expired && mark.holders.includes(request.holder))
    return done('listed', 'this job already holds the lease');
  if (!expired && mark.overflow > 0 && mark.until >= need) {
    return done(
      'covered',
      `joined without a rewrite: the lease is kept until ${formatMinute(mark.until)}, which lasts this job's lease-duration`,
    );
  }
  // A lease with holders not named is kept until its expiry; a crowd of jobs makes it one (`+1`), so
  // later jobs whose lease-duration it lasts join without a rewrite. The writer is always named: a
  // rewrite of its entry by another job then still shows its change.
  const unnamed = mark.overflow > 0 || memory.contention >= CONTENDED_ROUNDS;
  const next = expired
    ? { version: mark.version + 1, until: need, holders: [request.holder], overflow: 0 }
    : {
        version: mark.version + 1,
        until: mark.until >= need ? mark.until : need,
        holders: [...mark.holders.filter((holder) => holder !== request.holder), request.holder],
        overflow: unnamed ? Math.max(mark.overflow, 1) : 0,
      };
  const reason = expired
    ? 'renewed an expired lease'
    : mark.overflow > 0
      ? `extended the lease to ${formatMinute(next.until)}`
      : unnamed
        ? `joined the lease of ${describeHolders(mark)}; many jobs at once, so it is kept until ${formatMinute(next.until)}`
        : `joined the lease of ${describeHolders(mark)}`;
  const swap = swapOver(view, lease, request, memory, { mark: next, reason, closing: false, ends: 'listed' });
  if (swap) return swap;
  // One spelling only: the lease cannot be rewritten without a moment of no access, so it is not.
  if (expired) return { kind: 'delete', items: [lease.item], why: 'expired', reason: 'lease expired' };
  const blocked = swapBlocked(view, lease, request, memory);
  const until = formatMinute(mark.until);
  // When the API itself takes one spelling only, nobody can swap, so nobody removes the lease before
  // its expiry; a spelling held by another owner's entry may be freed, and then the last holder may.
  const byApi = memory.refused.includes(otherForm(request.network, lease.item.ipAddr) ?? '');
  if (mark.until >= need && byApi)
    return done('covered', `the lease cannot be rewritten (${blocked}), so it stays until ${until}`);
  const short = mark.until < need ? `ends at ${until}, before this job's lease-duration, and ` : '';
  return done('unprotected', `the lease ${short}cannot name this job (${blocked})`);
}

/** leave: take this job off the lease (closing it when it was the last holder); sweep: close it if expired. */
function planEnd(
  view: LeaseView,
  lease: LeaseEntry | undefined,
  request: LeaseRequest,
  goal: LeaseGoal,
  memory: LeaseMemory,
): LeaseStep {
  if (!lease) return done('released', 'no lease entry left for this address');
  const { mark } = lease;
  const until = formatMinute(mark.until);
  const expired = mark.until.getTime() <= request.now.getTime();
  const listed = goal === 'leave' && mark.holders.includes(request.holder);
  const others = mark.holders.filter((holder) => holder !== request.holder);
  // A lease nobody holds is one whose closing never finished: anyone may close it.
  const emptied = mark.holders.length === 0 && mark.overflow === 0;
  if (expired || emptied || (listed && others.length === 0 && mark.overflow === 0)) {
    const reason = expired
      ? `lease expired at ${until}`
      : emptied
        ? 'removed a lease nobody holds'
        : 'last holder left';
    // The closing entry expires at once: if its writer stops, anyone may remove it.
    const closing = { version: mark.version + 1, until: ceilMinute(request.now), holders: [], overflow: 0 };
    const swap = swapOver(view, lease, request, memory, {
      mark: closing,
      reason,
      closing: true,
      ends: 'released',
    });
    if (swap) return swap;
    if (expired) return { kind: 'delete', items: [lease.item], why: 'expired', reason };
    return done(
      'kept',
      `last holder left, but the lease cannot be removed safely here; it expires at ${until}`,
    );
  }
  if (!listed) {
    const why = goal === 'sweep' ? 'it has not expired' : 'this job is not named on it';
    return done(goal === 'sweep' ? 'kept' : 'released', `the lease stays until ${until}: ${why}`);
  }
  if (mark.overflow > 0) {
    return done('released', `the lease has unnamed holders and stays until ${until}; nothing to rewrite`);
  }
  const next = { ...mark, version: mark.version + 1, holders: others };
  const reason = `left the lease; still held by ${describeHolders(next)}`;
  const swap = swapOver(view, lease, request, memory, {
    mark: next,
    reason,
    closing: false,
    ends: 'released',
  });
  return (
    swap ?? done('kept', `still named on the lease, which cannot be rewritten here; it expires at ${until}`)
  );
}
