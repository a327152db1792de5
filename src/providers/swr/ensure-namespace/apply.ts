// Makes the changes of an SWR plan, one call each, in plan order.
import type { ApiClient } from '../../../core/http/types.ts';
import { assertNever } from '../../../core/types/assert-never.ts';
import { deleteSwrNamespace } from '../namespaces.ts';
import {
  grantSwrNamespaceAccess,
  revokeSwrNamespaceAccess,
  updateSwrNamespaceAccess,
} from '../permissions.ts';
import { createSwrRepository, deleteSwrRepository, updateSwrRepository } from '../repositories.ts';
import { deleteSwrTag, listSwrTags } from '../tags.ts';
import type { SwrChange } from './changes.ts';

/** Carries out one change (creating the namespace is handled by the caller, because of the 409 race). */
export async function applySwrChange(api: ApiClient, namespace: string, change: SwrChange): Promise<void> {
  switch (change.action) {
    case 'create repository':
      await createSwrRepository(api, namespace, change.repository, change.settings);
      return;
    case 'update repository':
      await updateSwrRepository(api, namespace, change.repository, change.settings);
      return;
    case 'delete repository':
      await deleteRepositoryWithImages(api, namespace, change.repository);
      return;
    case 'grant permission':
      // A parallel run may have granted it first (409): then make sure the level is the declared one.
      if ((await grantSwrNamespaceAccess(api, namespace, [change.user])) === 'exists') {
        await updateSwrNamespaceAccess(api, namespace, [change.user]);
      }
      return;
    case 'update permission':
      await updateSwrNamespaceAccess(api, namespace, [change.user]);
      return;
    case 'revoke permission':
      await revokeSwrNamespaceAccess(api, namespace, [change.user.user_id]);
      return;
    case 'delete namespace':
      await deleteSwrNamespace(api, namespace);
      return;
    case 'create namespace':
      throw new Error('create namespace is made by the session (createSwrNamespace), not applySwrChange');
    default:
      assertNever(change, 'change');
  }
}

/** SWR refuses to delete a repository that still holds images (406), so its tags go first. */
async function deleteRepositoryWithImages(
  api: ApiClient,
  namespace: string,
  repository: string,
): Promise<void> {
  const tags = await listSwrTags(api, namespace, repository);
  for (const tag of tags) await deleteSwrTag(api, namespace, repository, tag.Tag);
  await deleteSwrRepository(api, namespace, repository);
}
