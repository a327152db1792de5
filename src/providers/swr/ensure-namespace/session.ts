// SWR's ensure-namespace session: reads the namespace, plans the changes, and makes each.
import type { ApiClient } from '../../../core/http/types.ts';
import type { NamespaceSession, PlannedChange } from '../../seam/namespaces.ts';
import type { SwrConnection } from '../connection.ts';
import { createSwrNamespace } from '../namespaces.ts';
import { swrRegistryHost } from '../registry-host.ts';
import { applySwrChange } from './apply.ts';
import type { SwrChange } from './changes.ts';
import { planSwrNamespace, type SwrNamespaceWish } from './plan.ts';
import { confirmSwrNamespaceVisible, readSwrNamespaceState } from './state.ts';

/** The session on a connected client for the namespace and declaration the inputs gave. */
export function swrSession(
  api: ApiClient,
  connection: SwrConnection,
  namespace: string,
  wish: SwrNamespaceWish,
): NamespaceSession {
  const needs = {
    repositories: wish.repositories.length > 0 || wish.state === 'absent',
    access: wish.permissions.length > 0 || wish.prunePermissions,
  };
  const changeFor = (change: SwrChange): PlannedChange => ({
    action: change.action,
    target: change.target,
    detail: change.detail,
    apply: async () => {
      if (change.action !== 'create namespace') {
        await applySwrChange(api, namespace, change);
        return 'done';
      }
      if ((await createSwrNamespace(api, namespace)) === 'created') return 'done';
      await confirmSwrNamespaceVisible(api, namespace);
      return 'exists';
    },
  });
  return {
    async plan() {
      const plan = planSwrNamespace(await readSwrNamespaceState(api, namespace, needs), wish);
      return { ...plan, changes: plan.changes.map(changeFor) };
    },
    existingNote: 'created by a parallel run or shared with these credentials',
    registryHost: async () => swrRegistryHost(connection.region),
  };
}
