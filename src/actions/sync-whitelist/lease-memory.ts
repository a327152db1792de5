// What one lease loop remembers between its reads of the allowlist, and how each read updates it. Pure.
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import type { LeaseStatus } from './lease-step.ts';
import { type LeaseView, pairKey, sameItem } from './lease-view.ts';

/**
 * An entry this loop added on top of `base` (the swap lock: while both spellings are listed nobody else
 * can add, so nobody else can delete), or as a new lease when `base` is absent. `closing`: the lease ends,
 * so a successful check deletes both entries.
 */
export interface Swap {
  item: WhitelistItem;
  base?: WhitelistItem;
  closing: boolean;
  /** What the swap does, for the log once it is done. */
  reason: string;
  /** How the loop ends once the swap is done. */
  ends: LeaseStatus;
  /** When the add was sent (ms). */
  sentAt?: number;
}

/** A write that got no clear answer: it may have taken effect, or may still do so. */
interface Unsettled {
  kind: 'add' | 'delete';
  items: WhitelistItem[];
  /** The add's swap, adopted if its entry shows up. */
  swap?: Swap;
  /** When the request was given up on (ms). */
  at: number;
  /** True when the server answered (5xx): the next read shows the result; false: no answer at all. */
  answered: boolean;
}

export interface LeaseMemory {
  /** The entry this loop added and holds. */
  mine?: Swap;
  /** An entry this loop added that others have since rewritten. */
  landed?: Swap;
  /** Entries this loop deleted although the answer did not say so (the delete landed unanswered). */
  removed?: WhitelistItem[];
  unsettled?: Unsettled;
  /** Spellings the API refused to add: they cannot hold a second entry for the address. */
  refused: string[];
  /** A swap refused as a duplicate, to be checked against the next read. */
  conflict?: Swap;
  /** Swaps refused as duplicates although the list never showed the spelling, per spelling. */
  duplicateRefusals: Record<string, number>;
  /** Two lease entries seen unchanged since `since` (ms). */
  pair?: { key: string; since: number };
  /** Rounds lost to other writers (their swap in progress, or an add refused because they wrote first). */
  contention: number;
}

export const EMPTY_MEMORY: LeaseMemory = { refused: [], duplicateRefusals: {}, contention: 0 };

/** Waits of the lease loop that stand for assumptions about time (see the README's limits). */
export interface LeaseTiming {
  /** A write that got no answer may still land this long after it was given up on; no new write until then. */
  settleMs: number;
  /** Two entries unchanged this long mean their writer stopped mid-swap; the older version is removed. */
  staleSwapMs: number;
}

export const LEASE_TIMING: LeaseTiming = { settleMs: 15_000, staleSwapMs: 180_000 };

/**
 * Refusals as a duplicate, with the spelling absent and the old entry unchanged before and after, that
 * show the API takes a host's two spellings as one entry (a race shows this once, and rarely).
 */
const DUPLICATE_EVIDENCE = 2;

/** Updates the memory with a fresh read of the address: adopts, forgets and times what it saw. */
export function observe(
  memory: LeaseMemory,
  view: LeaseView,
  now: number,
  timing: LeaseTiming = LEASE_TIMING,
): LeaseMemory {
  const listed = (item: WhitelistItem) => view.leases.some((lease) => sameItem(lease.item, item));
  let { mine, unsettled, landed, removed } = memory;
  if (mine && !listed(mine.item)) {
    landed = mine;
    mine = undefined;
  }
  if (unsettled?.kind === 'add' && unsettled.items.some(listed)) {
    mine = unsettled.swap;
    unsettled = undefined;
  } else if (unsettled) {
    const deleted = unsettled.kind === 'delete' && !unsettled.items.some(listed);
    if (deleted) removed = [...(removed ?? []), ...unsettled.items];
    if (deleted || unsettled.answered || now - unsettled.at >= timing.settleMs) unsettled = undefined;
  }
  const key = view.leases.length >= 2 ? pairKey(view.leases) : undefined;
  const pair = key === undefined ? undefined : memory.pair?.key === key ? memory.pair : { key, since: now };
  const { refused, duplicateRefusals } = weighConflict(memory, view);
  return {
    refused,
    duplicateRefusals,
    contention: memory.contention + (pair || memory.conflict ? 1 : 0),
    ...(mine ? { mine } : {}),
    ...(landed ? { landed } : {}),
    ...(removed ? { removed } : {}),
    ...(unsettled ? { unsettled } : {}),
    ...(pair ? { pair } : {}),
  };
}

/** Counts a duplicate refusal when this read, too, shows the spelling free and the old entry unchanged. */
function weighConflict(
  memory: LeaseMemory,
  view: LeaseView,
): Pick<LeaseMemory, 'refused' | 'duplicateRefusals'> {
  const { conflict, refused, duplicateRefusals } = memory;
  const base = conflict?.base;
  if (!conflict || !base) return { refused, duplicateRefusals };
  const spelling = conflict.item.ipAddr;
  const free = !view.leases.some((lease) => lease.item.ipAddr === spelling) && !view.taken.includes(spelling);
  const unchanged = view.leases.some((lease) => sameItem(lease.item, base));
  if (!free || !unchanged) return { refused, duplicateRefusals };
  const count = (duplicateRefusals[spelling] ?? 0) + 1;
  return {
    refused: count >= DUPLICATE_EVIDENCE ? [...refused, spelling] : refused,
    duplicateRefusals: { ...duplicateRefusals, [spelling]: count },
  };
}
