import { logInfo } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { assertNever } from '../../core/types/assert-never.ts';
import type { InstanceAllowlist, PrivateLinks } from '../../providers/seam/allowlist.ts';
import type { SyncWhitelistInputs } from './inputs.ts';
import { type PrivateLinkChange, planPrivateLinks, privateLinkName } from './plan-private-links.ts';

/** Creates declared private links that are missing and, with prune-private-links, deletes the others. */
export async function reconcilePrivateLinks(
  list: InstanceAllowlist,
  inputs: SyncWhitelistInputs,
): Promise<PrivateLinkChange[]> {
  if (inputs.privateLinks.length === 0 && !inputs.prunePrivateLinks) return [];
  const links = list.privateLinks;
  // Unreachable through the inputs: a registry without private links refuses the private-links input.
  if (!links) throw new Error(`Instance ${inputs.instanceId} has no private links to reconcile.`);
  const current = await links.list();
  const changes = planPrivateLinks(current, inputs.privateLinks, inputs.prunePrivateLinks);
  logInfo(shown`Private links plan${inputs.dryRun ? ' (dry run, nothing is changed)' : ''}:`);
  for (const change of changes)
    logInfo(shown`  ${change.kind} ${privateLinkName(change.link)}: ${change.reason}`);
  if (inputs.dryRun) return changes;
  for (const change of changes) await applyLinkChange(links, change);
  return changes;
}

function applyLinkChange(links: PrivateLinks, change: PrivateLinkChange): Promise<void> {
  switch (change.kind) {
    case 'create':
      return links.create(change.link);
    case 'delete':
      return links.delete(change.link);
    case 'keep':
      return Promise.resolve();
    default:
      return assertNever(change, 'private link change');
  }
}
