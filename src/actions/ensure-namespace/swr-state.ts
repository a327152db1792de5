// Reads what SWR holds for one namespace: the namespace, its repositories and (when needed) its permissions.
import type { ApiClient } from '../../core/http/types.ts';
import { findSwrNamespace } from '../../providers/swr/namespaces.ts';
import { getSwrNamespaceAccess } from '../../providers/swr/permissions.ts';
import { listSwrRepositories } from '../../providers/swr/repositories.ts';
import { NamespaceTakenError } from './errors.ts';
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
 * After a 409 on create: the name exists. It is ours if these credentials can see it (a parallel run
 * created it, or it is shared with us); otherwise another account owns it, and SWR names are global.
 */
export async function confirmSwrNamespaceVisible(api: ApiClient, namespace: string): Promise<void> {
  const found =
    (await findSwrNamespace(api, namespace)) ?? (await findSwrNamespace(api, namespace, 'visible'));
  if (found) return;
  throw new NamespaceTakenError(
    `SWR namespace "${namespace}" already exists but is not visible to these credentials: organization names ` +
      'are unique across all Huawei Cloud accounts, so another account most likely owns it. Choose another ' +
      'name, or ask the owner to grant these credentials access to it.',
  );
}
