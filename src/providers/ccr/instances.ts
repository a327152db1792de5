// CCR enterprise instance detail (enterprise supplement, "Instance detail"): the registry domains.
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { isRecord } from '../../core/types/is-record.ts';
import { CCR_INSTANCE } from './path-segments.ts';

export interface CcrInstanceInfo {
  id?: string;
  name?: string;
  instanceType?: string;
  status?: string;
  /** Registry host for access over the internet. */
  publicURL?: string;
  /** Registry host for access from the VPC. */
  privateURL?: string;
  customDomains?: unknown[];
}

export interface CcrInstanceDetail {
  info?: CcrInstanceInfo;
  region?: string;
}

/** `GET /v1/instances/{instanceId}`. */
export async function getCcrInstance(api: ApiClient, instanceId: string): Promise<CcrInstanceDetail> {
  const response = await api.request<CcrInstanceDetail>({
    method: 'GET',
    path: apiPath`/v1/instances/${pathSegment(instanceId, CCR_INSTANCE)}`,
    operation: `read instance ${instanceId}`,
  });
  return response.body ?? {};
}

/** Custom domain names of an instance (entries may be plain strings or `{domainName}` objects). */
export function customDomainsOf(info: CcrInstanceInfo | undefined): string[] {
  const domains: string[] = [];
  for (const entry of info?.customDomains ?? []) {
    if (typeof entry === 'string') domains.push(entry);
    else if (isRecord(entry)) {
      const name = entry.domainName ?? entry.domain;
      if (typeof name === 'string') domains.push(name);
    }
  }
  return domains;
}
