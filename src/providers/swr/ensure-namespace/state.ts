// Reads what SWR holds for one namespace: the namespace, its repositories and (when needed) its permissions.
import type { ApiClient } from '../../../core/http/types.ts';
import { NamespaceTakenError } from '../../seam/namespaces.ts';
import { findSwrNamespace } from '../namespaces.ts';
import { getSwrNamespaceAccess } from '../permissions.ts';
import { listSwrRepositories } from '../repositories.ts';
import type { SwrNamespaceState } from './plan.ts';

/** What a plan needs read besides the namespace itself; each is one more (paged) call. */
export interface SwrStateNeeds {
  repositories: boolean;
  access: boolean;
}

/** The namespace's current state, reading repositories and permissions only when the plan needs them. */
export async function readSwrNamespaceState(
  api: ApiClient,
  namespace: string,
  needs: SwrStateNeeds,
): Promise<SwrNamespaceState> {
  const found = await findSwrNamespace(api, namespace);
  if (!found) return { namespace, exists: false, repositories: [], access: undefined };
  const repositories = needs.repositories ? await listSwrRepositories(api, { namespace }) : [];
  const access = needs.access ? await getSwrNamespaceAccess(api, namespace) : undefined;
  return { namespace, exists: true, repositories, access };
}

/**
 * After a 409 on create: the name exists. It is ours if these credentials hold a permission on it (a
 * parallel run created it, or it is shared with us); otherwise another account owns it, and SWR names are
 * global. Seeing it only in the `visible` list (another account shared some of its repositories) is not
 * enough: the plan could not read or change it, and pushing to it would fail.
 */
export async function confirmSwrNamespaceVisible(api: ApiClient, namespace: string): Promise<void> {
  if (await findSwrNamespace(api, namespace)) return;
  if (await findSwrNamespace(api, namespace, 'visible')) {
    throw new NamespaceTakenError(
      `SWR namespace "${namespace}" already exists, and these credentials see it only through shared ` +
        'repositories but have no permission on it: another Huawei Cloud account most likely owns it. Choose ' +
        'another name, or ask the owner to grant these credentials a permission on the namespace.',
    );
  }
  throw new NamespaceTakenError(
    `SWR namespace "${namespace}" already exists but is not visible to these credentials: organization names ` +
      'are unique across all Huawei Cloud accounts, so another account most likely owns it. Choose another ' +
      'name, or ask the owner to grant these credentials access to it.',
  );
}
