import type { ApiClient } from '../../core/http/types.ts';
import { logInfo } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { createPrivateLink, deletePrivateLink, listPrivateLinks } from '../../providers/ccr/private-links.ts';
import type { SyncWhitelistInputs } from './inputs.ts';
import { type PrivateLinkChange, planPrivateLinks, privateLinkName } from './plan-private-links.ts';

/** Creates declared private links that are missing and, with prune-private-links, deletes the others. */
export async function reconcilePrivateLinks(
  api: ApiClient,
  inputs: SyncWhitelistInputs,
): Promise<PrivateLinkChange[]> {
  if (inputs.privateLinks.length === 0 && !inputs.prunePrivateLinks) return [];
  const current = await listPrivateLinks(api, inputs.instanceId);
  const changes = planPrivateLinks(current, inputs.privateLinks, inputs.prunePrivateLinks);
  logInfo(shown`Private links plan${inputs.dryRun ? ' (dry run, nothing is changed)' : ''}:`);
  for (const change of changes)
    logInfo(shown`  ${change.kind} ${privateLinkName(change.link)}: ${change.reason}`);
  if (inputs.dryRun) return changes;
  for (const change of changes) {
    if (change.kind === 'create') await createPrivateLink(api, inputs.instanceId, change.link);
    if (change.kind === 'delete') await deletePrivateLink(api, inputs.instanceId, change.link);
  }
  return changes;
}
