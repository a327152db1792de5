// CCR enterprise public access: status, open/close and the IP allowlist
// (baidu-ccr-enterprise-access-control-apis.txt: "Retrieve/Update public network", "Add/Delete … allow list").
import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { isRecord } from '../../core/types/is-record.ts';
import type { PublicAccessAction, PublicLinks, WhitelistItem } from '../seam/allowlist.ts';
import { CCR_INSTANCE } from './path-segments.ts';

/** Public access of an instance: endpoint, status (`opened`, `closed`, or a transition) and allowlist. */
export interface CcrPublicLinks extends PublicLinks {
  domain: string;
}

function publicLinksPath(instanceId: string): string {
  return apiPath`/v1/instances/${pathSegment(instanceId, CCR_INSTANCE)}/publiclinks`;
}

/** Public access status and the whole allowlist; refuses a body it cannot read completely. */
export async function getPublicLinks(api: ApiClient, instanceId: string): Promise<CcrPublicLinks> {
  const operation = `read public access of instance ${instanceId}`;
  const { body } = await api.request<unknown>({
    method: 'GET',
    path: publicLinksPath(instanceId),
    operation,
  });
  if (!isRecord(body))
    throw new ListingIncompleteError(`${operation}: the answer has no body; nothing was changed.`);
  const list = body.whitelist ?? [];
  if (!Array.isArray(list) || !list.every(isWhitelistItem)) {
    throw new ListingIncompleteError(
      `${operation}: the allowlist in the answer is malformed; nothing was changed.`,
    );
  }
  return {
    domain: typeof body.domain === 'string' ? body.domain : '',
    status: typeof body.status === 'string' ? body.status : '',
    whitelist: list.map((item) => ({ ipAddr: item.ipAddr, description: item.description ?? '' })),
  };
}

/** Opens or closes the public endpoint (`PUT publiclinks`). */
export async function setPublicAccess(
  api: ApiClient,
  instanceId: string,
  action: PublicAccessAction,
): Promise<void> {
  await api.request({
    method: 'PUT',
    path: publicLinksPath(instanceId),
    body: { action },
    operation: `${action} public access of instance ${instanceId}`,
  });
}

/** Adds one allowlist entry. Not retried by the client: the caller re-reads the list instead. */
export async function addWhitelistItem(
  api: ApiClient,
  instanceId: string,
  item: WhitelistItem,
): Promise<void> {
  await api.request({
    method: 'POST',
    path: `${publicLinksPath(instanceId)}/whitelist`,
    body: { ipAddr: item.ipAddr, description: item.description },
    operation: `add ${item.ipAddr} to the public allowlist of instance ${instanceId}`,
  });
}

/**
 * Deletes allowlist entries by their exact `ipAddr` text. `once`: never repeated once it may have reached
 * the server (a late repeat would remove an entry someone added again under the same text meanwhile).
 */
export async function deleteWhitelistItems(
  api: ApiClient,
  instanceId: string,
  ipAddrs: readonly string[],
  options: { once?: boolean } = {},
): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: `${publicLinksPath(instanceId)}/whitelist`,
    body: { items: ipAddrs },
    operation: `delete ${ipAddrs.join(', ')} from the public allowlist of instance ${instanceId}`,
    ...(options.once ? { idempotent: false } : {}),
  });
}

function isWhitelistItem(value: unknown): value is { ipAddr: string; description?: string } {
  return (
    isRecord(value) &&
    typeof value.ipAddr === 'string' &&
    (value.description === undefined || value.description === null || typeof value.description === 'string')
  );
}
