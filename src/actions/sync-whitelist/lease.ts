// Runs a lease to its goal: read the allowlist, plan one step (lease-plan.ts), send it, read again. An add
// is always followed by a read (the check of the swap lock); deletes are sent once and never repeated by
// the HTTP client, since a late repeat could remove an entry written after it.
import { ApiError, errorMessage } from '../../core/errors/errors.ts';
import { sleep as defaultSleep } from '../../core/node/builtins.ts';
import type { InstanceAllowlist, WhitelistItem } from '../../providers/seam/allowlist.ts';
import { type CurrentEntry, readCurrentEntries } from './current-entries.ts';
import {
  EMPTY_MEMORY,
  LEASE_TIMING,
  type LeaseMemory,
  type LeaseTiming,
  observe,
  type Swap,
} from './lease-memory.ts';
import { type LeaseGoal, type LeaseRequest, type LeaseStatus, planLeaseStep } from './lease-plan.ts';
import { viewLease } from './lease-view.ts';
import { type AddOutcome, failedAddOutcome, isClientError, isTransient } from './whitelist-writes.ts';

export interface LeaseLoopOptions {
  /** Give up after this long (ms). */
  budgetMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Hears how each add of this job's entries went (main records it, so post knows what may remain). */
  onAdd?: (outcome: AddOutcome) => void;
  timing?: Partial<LeaseTiming>;
}

/** How a lease loop ended. `gaveUp`: the budget ran out before the goal (the reason says why). */
export interface LeaseOutcome {
  status: LeaseStatus | 'gave-up';
  /** What was written, in order (one line per finished rewrite). */
  written: string[];
  reason: string;
  /** The address's entries in the last read, for a warning that names what was left. */
  lastSeen: WhitelistItem[];
}

type LeaseRequestBase = Omit<LeaseRequest, 'now'>;

/** Main: 5 minutes, longer than a stalled rewrite of another job takes to be cleared (staleSwapMs). */
const MAIN_BUDGET_MS = 300_000;

/** Runs the lease of `request.network` towards `goal` and tells how it ended. */
export async function runLease(
  list: InstanceAllowlist,
  request: LeaseRequestBase,
  goal: LeaseGoal,
  options: LeaseLoopOptions = {},
): Promise<LeaseOutcome> {
  const {
    now = () => new Date(),
    sleep = defaultSleep,
    random = Math.random,
    budgetMs = MAIN_BUDGET_MS,
  } = options;
  const started = now().getTime();
  const timing = { ...LEASE_TIMING, ...options.timing };
  const written: string[] = [];
  let memory: LeaseMemory = EMPTY_MEMORY;
  let lastSeen: WhitelistItem[] = [];
  let problem = 'no attempt made';
  for (let waits = 0; ; ) {
    if (waits > 0) {
      if (now().getTime() - started >= budgetMs)
        return { status: 'gave-up', written, reason: problem, lastSeen };
      // Full jitter, growing: jobs waiting on one lease fall out of step.
      await sleep(Math.round(random() * Math.min(3000, 200 * 2 ** Math.min(waits, 6))));
    }
    let current: CurrentEntry[];
    try {
      current = readCurrentEntries((await list.read()).whitelist, request.owner);
    } catch (error) {
      problem = retryable(error);
      waits++;
      continue;
    }
    const at = now();
    const view = viewLease(current, request.network);
    lastSeen = [...view.leases.map((lease) => lease.item), ...(view.cover ? [view.cover.item] : [])];
    memory = observe(memory, view, at.getTime(), timing);
    const step = planLeaseStep(current, { ...request, now: at }, goal, memory, timing);
    if (step.kind === 'done') {
      if (memory.mine && !written.includes(memory.mine.reason)) written.push(memory.mine.reason);
      return { status: step.status, written, reason: step.reason, lastSeen };
    }
    if (step.kind === 'wait') {
      problem = step.reason;
      waits++;
      continue;
    }
    const sent =
      step.kind === 'add'
        ? await sendAdd(list, step.swap, memory, at, options)
        : await sendDelete(list, step.items, memory, at);
    memory = sent.memory;
    if (sent.problem) {
      problem = sent.problem;
      if (sent.wait) waits++;
      continue;
    }
    if (step.kind === 'add') continue; // read at once: the check under the swap lock
    if ((step.why === 'commit' || step.why === 'close') && memory.mine) {
      written.push(step.reason);
      return { status: memory.mine.ends, written, reason: step.reason, lastSeen };
    }
    if (step.why === 'abort') {
      const { mine: _taken, ...rest } = memory;
      memory = rest;
      problem = step.reason;
      waits++;
    } else written.push(step.reason);
  }
}

interface Sent {
  memory: LeaseMemory;
  /** Set when the request failed. */
  problem?: string;
  /** Back off before the next read (contention); otherwise read at once. */
  wait?: boolean;
}

async function sendAdd(
  list: InstanceAllowlist,
  swap: Swap,
  memory: LeaseMemory,
  at: Date,
  options: LeaseLoopOptions,
): Promise<Sent> {
  try {
    await list.add(swap.item);
  } catch (error) {
    options.onAdd?.(failedAddOutcome(error));
    if (isConflict(error)) {
      // Refused as listed: another writer got there first, or (when the list never shows it) the API
      // takes the two spellings of a host as one entry.
      return {
        memory: { ...memory, conflict: swap },
        problem: 'another job wrote the lease first',
        wait: true,
      };
    }
    if (isClientError(error) && swap.base) {
      return {
        memory: { ...memory, refused: [...memory.refused, swap.item.ipAddr] },
        problem: errorMessage(error),
      };
    }
    if (!isTransient(error)) throw error;
    const answered = error.status !== 0;
    const unsettled = {
      kind: 'add' as const,
      items: [swap.item],
      swap: { ...swap, sentAt: at.getTime() },
      at: at.getTime(),
      answered,
    };
    return { memory: { ...memory, unsettled }, problem: errorMessage(error), wait: true };
  }
  options.onAdd?.('added');
  // A settled add this one builds on still tells which holders had left.
  const landed = memory.mine ?? memory.landed;
  return { memory: { ...memory, mine: { ...swap, sentAt: at.getTime() }, ...(landed ? { landed } : {}) } };
}

async function sendDelete(
  list: InstanceAllowlist,
  items: WhitelistItem[],
  memory: LeaseMemory,
  at: Date,
): Promise<Sent> {
  try {
    await list.remove(
      items.map((item) => item.ipAddr),
      { once: true },
    );
    return { memory };
  } catch (error) {
    if (!isTransient(error) && !isClientError(error) && !isNotFound(error)) throw error;
    // A 404 or 4xx: nothing was deleted, or the entry is gone already; the next read tells.
    const answered = !(error instanceof ApiError && error.status === 0);
    const unsettled = { kind: 'delete' as const, items, at: at.getTime(), answered };
    return { memory: { ...memory, unsettled }, problem: errorMessage(error), wait: true };
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function retryable(error: unknown): string {
  if (!isClientError(error) && !isTransient(error)) throw error;
  return errorMessage(error);
}

/** The lease could not be taken and nothing lets the address in. */
export class LeaseError extends Error {
  override readonly name = 'LeaseError';
  readonly address: string;

  constructor(address: string, holder: string, problem: string) {
    super(
      `Could not take the runner lease of ${address} for ${holder}: ${problem}. Nothing lets the address in; ` +
        'run the job again, or allow the address by hand.',
    );
    this.address = address;
  }
}
