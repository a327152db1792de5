// SWR organization permissions (spec 4.6): who may manage (7), edit (3) or read (1) a namespace.
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { SWR_AUTH_LEVELS } from './field-values.ts';
import { SWR_NAMESPACE } from './path-segments.ts';

/** One user's permission on a namespace, in SWR's field names. */
export interface SwrUserAuth {
  user_id: string;
  user_name: string;
  auth: number;
}

/** Body of `GET /v2/manage/namespaces/{ns}/access` (spec 4.6.4). */
export interface SwrNamespaceAccess {
  id?: number;
  name?: string;
  creator_name?: string;
  self_auth?: SwrUserAuth;
  others_auths?: SwrUserAuth[];
}

/** The name of a permission level (7 → manage); the number as text for levels SWR may add later. */
export function swrAuthName(level: number): string {
  const entry = Object.entries(SWR_AUTH_LEVELS).find(([, value]) => value === level);
  return entry ? entry[0] : String(level);
}

function accessPath(namespace: string): string {
  return apiPath`/v2/manage/namespaces/${pathSegment(namespace, SWR_NAMESPACE)}/access`;
}

/** Permissions on a namespace: the caller's own and every other user's. */
export async function getSwrNamespaceAccess(api: ApiClient, namespace: string): Promise<SwrNamespaceAccess> {
  const response = await api.request<SwrNamespaceAccess>({
    method: 'GET',
    path: accessPath(namespace),
    operation: `read permissions of namespace ${namespace}`,
  });
  return response.body ?? {};
}

/** Grants permissions to users who have none yet (spec 4.6.1); 'exists' when one already had one (409). */
export async function grantSwrNamespaceAccess(
  api: ApiClient,
  namespace: string,
  grants: readonly SwrUserAuth[],
): Promise<'granted' | 'exists'> {
  const response = await api.request({
    method: 'POST',
    path: accessPath(namespace),
    body: grants,
    operation: `grant permissions on namespace ${namespace} to ${grants.map((g) => g.user_name).join(', ')}`,
    acceptStatus: [409],
  });
  return response.status === 409 ? 'exists' : 'granted';
}

/** Changes the level of users who already have a permission (spec 4.6.3). */
export async function updateSwrNamespaceAccess(
  api: ApiClient,
  namespace: string,
  grants: readonly SwrUserAuth[],
): Promise<void> {
  await api.request({
    method: 'PATCH',
    path: accessPath(namespace),
    body: grants,
    operation: `update permissions on namespace ${namespace} of ${grants.map((g) => g.user_name).join(', ')}`,
  });
}

/** Removes the permissions of the given user ids (spec 4.6.2). */
export async function revokeSwrNamespaceAccess(
  api: ApiClient,
  namespace: string,
  userIds: readonly string[],
): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: accessPath(namespace),
    body: userIds,
    operation: `remove permissions on namespace ${namespace} of user ids ${userIds.join(', ')}`,
  });
}
