// CCR enterprise VPC private links (baidu-ccr-enterprise-access-control-apis.txt: "… Virtual Private Cloud").
import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { isRecord } from '../../core/types/is-record.ts';
import type { NewPrivateLink, PrivateLink, PrivateLinkKey } from '../seam/allowlist.ts';
import { CCR_INSTANCE } from './path-segments.ts';

/** A link as listed: status is e.g. `creating`, `success` or `failed`. */
export interface CcrPrivateLink extends PrivateLink {
  serviceNetID: string;
  ipAddress: string;
}

function privateLinksPath(instanceId: string): string {
  return apiPath`/v1/instances/${pathSegment(instanceId, CCR_INSTANCE)}/privatelinks`;
}

/** Every private link of the instance (the API returns them in one answer, unpaged). */
export async function listPrivateLinks(api: ApiClient, instanceId: string): Promise<CcrPrivateLink[]> {
  const operation = `list private links of instance ${instanceId}`;
  const { body } = await api.request<unknown>({
    method: 'GET',
    path: privateLinksPath(instanceId),
    operation,
  });
  const items = isRecord(body) ? (body.items ?? []) : undefined;
  if (!Array.isArray(items) || !items.every(isListedLink)) {
    throw new ListingIncompleteError(`${operation}: the answer is malformed; nothing was changed.`);
  }
  return items.map((item) => ({
    vpcID: item.vpcID,
    subnetID: item.subnetID,
    serviceNetID: stringOr(item.serviceNetID),
    status: stringOr(item.status),
    ipAddress: stringOr(item.ipAddress),
  }));
}

/** Links a VPC subnet to the instance. */
export async function createPrivateLink(
  api: ApiClient,
  instanceId: string,
  link: NewPrivateLink,
): Promise<void> {
  await api.request({
    method: 'POST',
    path: privateLinksPath(instanceId),
    body: {
      vpcID: link.vpcID,
      subnetID: link.subnetID,
      ipType: link.ipType,
      ipAddress: link.ipType === 'manual' ? link.ipAddress : '',
      autoDnsResolve: link.autoDnsResolve,
    },
    operation: `link ${link.vpcID}/${link.subnetID} to instance ${instanceId}`,
  });
}

/** Removes the link between a VPC subnet and the instance. */
export async function deletePrivateLink(
  api: ApiClient,
  instanceId: string,
  link: PrivateLinkKey,
): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: privateLinksPath(instanceId),
    body: { vpcID: link.vpcID, subnetID: link.subnetID },
    operation: `unlink ${link.vpcID}/${link.subnetID} from instance ${instanceId}`,
  });
}

function isListedLink(value: unknown): value is PrivateLinkKey & Record<string, unknown> {
  return isRecord(value) && typeof value.vpcID === 'string' && typeof value.subnetID === 'string';
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
