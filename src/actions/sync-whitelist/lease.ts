// Acquires and releases a runner lease: read, plan, write, and read again until the list shows the goal.
// Concurrent jobs may rewrite the same entry; each one verifies its own result and retries on conflict.
import { setTimeout as delay } from 'node:timers/promises';
import { errorMessage } from '../../core/errors/errors.ts';
import { assertNever } from '../../core/types/assert-never.ts';
import type { InstanceAllowlist } from '../../providers/seam/allowlist.ts';
import { readCurrentEntries } from './current-entries.ts';
import { holdsLease, type LeaseRequest, type LeaseStep, planJoin, planRelease } from './lease-plan.ts';
import { type AddOutcome, isClientError, isTransient, writeReplacing } from './whitelist-writes.ts';

export interface LeaseLoopOptions {
  /** Read-plan-write rounds before giving up. */
  attempts?: number;
  /** Rounds spent waiting for another job's rewrite before taking the newest version as the truth. */
  patience?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Hears how each add of this job's entry went (main records it, so post knows what may remain). */
  onAdd?: (outcome: AddOutcome) => void;
}

/** How a lease loop ended: what was written (reasons), and whether this job now holds the lease. */
export interface LeaseOutcome {
  held: boolean;
  /** Reasons of the steps written, in order. */
  written: string[];
  /** Why the loop stopped (the planner's last word). */
  reason: string;
}

type LeaseRequestBase = Omit<LeaseRequest, 'now' | 'force'>;

/** Gets this job listed on the lease of its address (or learns that the address is already allowed). */
export function acquireLease(
  list: InstanceAllowlist,
  request: LeaseRequestBase,
  options: LeaseLoopOptions = {},
): Promise<LeaseOutcome> {
  return leaseLoop(list, request, planJoin, options);
}

/** Takes this job off the lease of its address, deleting the entry when nobody else holds it. */
export function releaseLease(
  list: InstanceAllowlist,
  request: LeaseRequestBase,
  options: LeaseLoopOptions = {},
): Promise<LeaseOutcome> {
  return leaseLoop(list, request, planRelease, options);
}

async function leaseLoop(
  list: InstanceAllowlist,
  request: LeaseRequestBase,
  plan: (current: ReturnType<typeof readCurrentEntries>, request: LeaseRequest) => LeaseStep,
  options: LeaseLoopOptions,
): Promise<LeaseOutcome> {
  const { attempts = 8, patience = 3, now = () => new Date(), sleep = delay, random = Math.random } = options;
  const written: string[] = [];
  let lastProblem = 'no attempt made';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const { whitelist } = await list.read();
      const current = readCurrentEntries(whitelist, request.owner);
      const step = plan(current, { ...request, now: now(), force: attempt > patience });
      if (step.kind === 'none') return { held: holdsLease(current, request), written, reason: step.reason };
      if (step.kind === 'wait') lastProblem = step.reason;
      else {
        await applyStep(list, step, options.onAdd);
        written.push(step.reason);
        lastProblem = 'the allowlist did not show the change afterwards';
      }
    } catch (error) {
      if (!isClientError(error) && !isTransient(error)) throw error;
      lastProblem = errorMessage(error);
    }
    // Full jitter, growing: concurrent jobs fall out of step, and a list read right after a write settles.
    await sleep(Math.round(random() * Math.min(4000, 250 * 2 ** attempt)));
  }
  throw new LeaseError(request, attempts, lastProblem);
}

async function applyStep(
  list: InstanceAllowlist,
  step: LeaseStep,
  onAdd?: (outcome: AddOutcome) => void,
): Promise<void> {
  switch (step.kind) {
    case 'write':
      return writeReplacing(list, step.item, step.replaces, onAdd);
    case 'delete':
      return list.remove(step.items.map((item) => item.ipAddr));
    case 'none':
    case 'wait':
      return;
    default:
      return assertNever(step, 'lease step');
  }
}

/** The lease could not be brought to the wanted state within the attempts allowed. */
export class LeaseError extends Error {
  override readonly name = 'LeaseError';
  readonly address: string;

  constructor(request: LeaseRequestBase, attempts: number, lastProblem: string) {
    super(
      `Could not update the lease of ${request.network.text} for ${request.holder} after ${attempts} attempts: ${lastProblem}`,
    );
    this.address = request.network.text;
  }
}
