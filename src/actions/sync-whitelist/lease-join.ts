// The runner lease in main: take it (or plan it, in a dry run), save what post needs, and say how it went.
// A job whose address is allowed is never failed for a lease it could not update: it gets a warning
// naming what was left.

import { stepHost } from '../../core/host/step-host.ts';
import type { IpNetwork } from '../../core/net/ip-network.ts';
import { nodeCrypto } from '../../core/node/builtins.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { InstanceAllowlist, WhitelistItem } from '../../providers/seam/allowlist.ts';
import { readCurrentEntries } from './current-entries.ts';
import type { SyncWhitelistInputs } from './inputs.ts';
import { LeaseError, type LeaseLoopOptions, type LeaseOutcome, runLease } from './lease.ts';
import { EMPTY_MEMORY } from './lease-memory.ts';
import { type LeaseRequest, planLeaseStep } from './lease-plan.ts';
import { projectLeaseWrite } from './project.ts';
import {
  type LeaseState,
  type LeaseWrite,
  leaseWriteAfterFailure,
  type SyncWhitelistState,
  saveSyncWhitelistState,
} from './state.ts';
import type { AddOutcome } from './whitelist-writes.ts';

interface LeaseResult {
  address: string;
  held: boolean;
  created: boolean;
  outcome: string;
  projected?: WhitelistItem[];
}

/** Takes the runner lease for this job (main); in a dry run, only plans it. */
export async function takeLease(
  list: InstanceAllowlist,
  inputs: SyncWhitelistInputs,
  network: IpNetwork,
  planned: WhitelistItem[],
  state: SyncWhitelistState,
  loop: LeaseLoopOptions = {},
): Promise<LeaseResult> {
  const holder = `${inputs.runId}.${nodeCrypto().randomBytes(3).toString('hex')}`;
  // Description text of the lease entry (the marker follows it): what the job runs on.
  const text = stepHost().job.runnerName;
  const request = { network, holder, owner: inputs.owner, text, leaseMs: inputs.leaseMs };
  if (inputs.dryRun) return planLeaseDryRun(request, planned);
  const lease: LeaseState = { address: network.text, holder, text, write: 'unknown' };
  state.lease = lease;
  saveSyncWhitelistState(state);
  const adds: AddOutcome[] = [];
  let result: LeaseOutcome;
  try {
    result = await runLease(list, request, 'join', { ...loop, onAdd: (o) => adds.push(o) });
  } catch (error) {
    // Post warns of a lease left behind only when one of this job's adds may have gone through.
    lease.write = leaseWriteAfterFailure(adds);
    saveSyncWhitelistState(state);
    throw error;
  }
  const joined = reportJoin(result, { address: network.text, holder, instanceId: inputs.instanceId, adds });
  if (joined.write) lease.write = joined.write;
  else delete state.lease;
  saveSyncWhitelistState(state);
  const held = joined.write !== undefined;
  return {
    address: network.text,
    held,
    created: result.written.includes('new lease'),
    outcome: joined.outcome,
  };
}

function planLeaseDryRun(request: Omit<LeaseRequest, 'now'>, planned: WhitelistItem[]): LeaseResult {
  const current = readCurrentEntries(planned, request.owner);
  const step = planLeaseStep(current, { ...request, now: new Date() }, 'join', EMPTY_MEMORY);
  const outcome = step.kind === 'add' ? `would be written (${step.swap.reason})` : step.reason;
  logInfo(shown`Runner lease for ${request.network.text}: ${outcome}.`);
  const projected =
    step.kind === 'add' ? projectLeaseWrite(planned, step.swap.item, step.swap.base) : planned;
  return { address: request.network.text, held: false, created: false, outcome, projected };
}

/** Logs how the join ended; the state post needs (undefined: nothing for post to do). Throws if not allowed. */
function reportJoin(
  result: LeaseOutcome,
  job: { address: string; holder: string; instanceId: string; adds: readonly AddOutcome[] },
): { write?: LeaseWrite; outcome: string } {
  const { address, holder, instanceId, adds } = job;
  const written = result.written.join('; ') || result.reason;
  switch (result.status) {
    case 'listed':
      return log('added', `held by this job as ${holder} (${written}); the post step releases it`, address);
    case 'covered':
      return log('covered', `held by this job as ${holder} without being named: ${result.reason}`, address);
    case 'not-needed':
      return log(undefined, `not needed: ${result.reason}`, address);
    default: {
      if (result.lastSeen.length === 0) throw new LeaseError(address, holder, result.reason);
      const left = result.lastSeen.map((item) => `${item.ipAddr} "${item.description}"`).join(', ');
      const outcome = `allowed, but not held by this job (${result.reason})`;
      logWarning(
        shown`Could not join the runner lease of ${address} on instance ${instanceId} as ${holder}: ${result.reason}. The address is allowed for now by ${left}; this job is not counted on it, so it may be removed before this job ends (pushes and pulls are then refused).`,
      );
      // An add of this job that may have gone through still needs post; otherwise post only tidies up.
      const write = adds.some((add) => add !== 'refused') ? leaseWriteAfterFailure(adds) : 'covered';
      return { write, outcome };
    }
  }
}

function log(write: LeaseWrite | undefined, outcome: string, address: string) {
  logInfo(shown`Runner lease for ${address}: ${outcome}.`);
  return { ...(write ? { write } : {}), outcome };
}
