// The actions the CLI runs: the same entries the bundles run on a runner, with their declared inputs.

import { actionMetadata as ensureNamespaceMetadata } from '../actions/ensure-namespace/action-metadata.ts';
import { runEnsureNamespace } from '../actions/ensure-namespace/run.ts';
import { actionMetadata as loginMetadata } from '../actions/login/action-metadata.ts';
import { logout } from '../actions/login/logout.ts';
import { login } from '../actions/login/run.ts';
import { actionMetadata as pruneTagsMetadata } from '../actions/prune-tags/action-metadata.ts';
import { prune } from '../actions/prune-tags/run.ts';
import { actionMetadata as syncWhitelistMetadata } from '../actions/sync-whitelist/action-metadata.ts';
import { releaseWhitelist } from '../actions/sync-whitelist/release.ts';
import { syncWhitelist } from '../actions/sync-whitelist/run.ts';
import type { ActionMetadata } from '../core/action/action-metadata.ts';

export interface CliAction {
  metadata: ActionMetadata;
  main(): Promise<void>;
  /** The post step, for actions that have one. */
  post?: () => Promise<void>;
}

export const CLI_ACTIONS: Readonly<Record<string, CliAction>> = {
  login: { metadata: loginMetadata, main: () => login(), post: logout },
  'ensure-namespace': { metadata: ensureNamespaceMetadata, main: () => runEnsureNamespace() },
  'prune-tags': { metadata: pruneTagsMetadata, main: () => prune() },
  'sync-whitelist': {
    metadata: syncWhitelistMetadata,
    main: () => syncWhitelist(),
    post: () => releaseWhitelist(),
  },
};

/** The action named `name` (a name parseArguments accepted). */
export function cliAction(name: string): CliAction {
  const action = CLI_ACTIONS[name];
  if (!action) throw new Error(`registry-actions has no action ${name}.`);
  return action;
}
