// Main step: read inputs, connect, open/close public access, plan and apply the allowlist, take the runner
// lease, reconcile private links, then write outputs and the job summary.
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { setStepOutput } from '../../core/action/step-outputs.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { InstanceAllowlist, PublicLinks } from '../../providers/seam/allowlist.ts';
import { readCurrentEntries } from './current-entries.ts';
import { readSyncWhitelistInputs, type SyncWhitelistInputs } from './inputs.ts';
import { takeLease } from './lease-join.ts';
import { hostOf, isOwnLease, sweepLeases } from './lease-sweep.ts';
import { isWrite, planWhitelist, type WhitelistChange } from './plan.ts';
import { reconcilePrivateLinks } from './private-links-run.ts';
import { projectChanges } from './project.ts';
import { planPublicAccess, restoreActionFor } from './public-access.ts';
import { addressesChanged, changeLine, type RunReport, summaryMarkdown } from './report.ts';
import { runnerAddress } from './runner-address.ts';
import { type SyncWhitelistState, saveSyncWhitelistState } from './state.ts';
import { writeReplacing } from './whitelist-writes.ts';

/** The main step of sync-whitelist. */
export async function syncWhitelist(inputs: SyncWhitelistInputs = readSyncWhitelistInputs()): Promise<void> {
  for (const note of inputs.entryNotes) logInfo(shown`entries: ${note}.`);
  const runnerIp = await runnerAddress(inputs);
  if (runnerIp) setStepOutput('runner-ip', runnerIp.text);
  const list = await inputs.target.allowlist(await inputs.target.connect());
  const state: SyncWhitelistState = { instanceId: inputs.instanceId, owner: inputs.owner };
  const links = await list.read();
  const accessAction = await applyPublicAccess(list, inputs, links, state);

  const declared =
    inputs.mode === 'remove' && runnerIp
      ? [...inputs.entries, { network: runnerIp, text: '', source: 'runner-ip' }]
      : inputs.entries;
  let changes = planWhitelist(readCurrentEntries(links.whitelist, inputs.owner), declared, {
    mode: inputs.mode,
    owner: inputs.owner,
    runId: inputs.runId,
    now: new Date(),
  });
  printChanges(changes, inputs.dryRun);
  if (!inputs.dryRun) changes = await applyChanges(list, inputs, changes);

  const planned = projectChanges(links.whitelist, changes);
  const lease =
    runnerIp && inputs.mode !== 'remove'
      ? await takeLease(list, inputs, runnerIp, planned, state)
      : undefined;
  const privateLinks = await reconcilePrivateLinks(list, inputs);

  const entries = inputs.dryRun ? (lease?.projected ?? planned) : (await list.read()).whitelist;
  // A dry run adds and removes nothing: the outputs say so; the summary shows what it would do.
  const { added, removed } = addressesChanged(
    changes,
    lease && { address: lease.address, created: lease.created, deleted: false },
  );
  const report: RunReport = {
    instanceId: inputs.instanceId,
    mode: inputs.mode,
    dryRun: inputs.dryRun,
    ...(runnerIp ? { runnerIp: runnerIp.text } : {}),
    publicAccess: { before: links.status, ...(accessAction ? { action: accessAction } : {}) },
    changes,
    ...(lease ? { lease: { address: lease.address, held: lease.held, outcome: lease.outcome } } : {}),
    privateLinks,
    entries,
    added,
    removed,
  };
  writeOutputs(report);
  await appendJobSummary(summaryMarkdown(report));
}

async function applyPublicAccess(
  list: InstanceAllowlist,
  inputs: SyncWhitelistInputs,
  links: PublicLinks,
  state: SyncWhitelistState,
): Promise<'open' | 'close' | undefined> {
  const action = planPublicAccess(links.status, inputs.publicAccess);
  if (!action) {
    logInfo(
      shown`Public access of ${inputs.instanceId} is ${links.status || 'unknown'}${inputs.publicAccess === 'keep' ? '' : ' already'}.`,
    );
    if (links.status === 'closed' && (inputs.runnerIp !== false || inputs.entries.length > 0)) {
      logWarning(
        shown`Public access of ${inputs.instanceId} is closed: the allowlist takes effect only once it is opened (public-access: open).`,
      );
    }
    return undefined;
  }
  const before = links.status || 'unknown';
  logInfo(
    shown`${inputs.dryRun ? 'Would' : 'Will'} ${action} public access of ${inputs.instanceId} (now ${before}).`,
  );
  if (action === 'close' && grantsAccess(inputs)) {
    logWarning(
      shown`${
        `This run closes public access of ${inputs.instanceId}, so the allowlist entries and the runner lease ` +
        'it writes take no effect until public access is opened again (public-access: open); leave ' +
        'public-access at keep if the job needs the registry.'
      }`,
    );
  }
  if (inputs.dryRun) return action;
  if (inputs.restorePublicAccess) {
    state.restorePublicAccess = restoreActionFor(links.status);
    saveSyncWhitelistState(state);
  }
  await list.setPublicAccess(action);
  logInfo(
    shown`${action === 'open' ? 'Opened' : 'Closed'} public access of ${inputs.instanceId} (it was ${before}).`,
  );
  return action;
}

/** True when the run lets addresses in: a runner lease or declared entries in mode add or sync. */
function grantsAccess(inputs: SyncWhitelistInputs): boolean {
  const adding = inputs.mode === 'add' || inputs.mode === 'sync';
  return adding && (inputs.runnerIp !== false || inputs.entries.length > 0);
}

function printChanges(changes: readonly WhitelistChange[], dryRun: boolean): void {
  if (changes.length === 0) return;
  logInfo(shown`Allowlist plan${dryRun ? ' (dry run, nothing is changed)' : ''}:`);
  for (const change of changes) logInfo(shown`  ${changeLine(change)}`);
  for (const change of changes)
    if (change.kind === 'keep' && change.warning) logWarning(shown`${change.warning}`);
}

/** New and rewritten entries go in before anything is deleted, so access is never narrower mid-run than needed. */
/**
 * Runner leases are removed through the lease protocol (lease-sweep.ts); returns the changes as done (a
 * lease that stayed becomes a `keep`).
 */
async function applyChanges(
  list: InstanceAllowlist,
  inputs: Pick<SyncWhitelistInputs, 'owner'>,
  changes: readonly WhitelistChange[],
): Promise<WhitelistChange[]> {
  const { owner } = inputs;
  const writes = changes.filter(isWrite);
  for (const change of writes) {
    if (change.kind === 'add') await writeReplacing(list, change.item, []);
    if (change.kind === 'replace') await writeReplacing(list, change.item, change.replaces);
  }
  const deleted = writes.flatMap((change) => (change.kind === 'delete' ? [change.item] : []));
  const plain = deleted.filter((item) => !isOwnLease(item, owner)).map((item) => item.ipAddr);
  if (plain.length > 0) await list.remove(plain);
  const leases = deleted.filter((item) => isOwnLease(item, owner));
  const kept = leases.length > 0 ? await sweepLeases(list, owner, leases) : [];
  return changes.map((change) =>
    change.kind === 'delete' &&
    isOwnLease(change.item, owner) &&
    kept.includes(hostOf(change.item.ipAddr)?.text ?? '')
      ? { kind: 'keep', item: change.item, reason: 'runner lease renewed or still needed; not removed' }
      : change,
  );
}

function writeOutputs(report: RunReport): void {
  setStepOutput('added', JSON.stringify(report.dryRun ? [] : report.added));
  setStepOutput('removed', JSON.stringify(report.dryRun ? [] : report.removed));
  setStepOutput('entries', JSON.stringify(report.entries));
  const action = report.dryRun ? undefined : report.publicAccess.action;
  setStepOutput(
    'public-access',
    action === 'open' ? 'opened' : action === 'close' ? 'closed' : report.publicAccess.before,
  );
}
