// SWR image retention policies of one repository (spec 4.9): list, create, update, delete.
import type { ApiClient } from '../../core/http/types.ts';
import { type ApiPath, apiPath, pathSegment } from '../../core/path/api-path.ts';
import { SWR_RETENTION_ID } from './path-segments.ts';
import { swrRepositoryPath } from './repositories.ts';

/** Tags a rule does not count (spec table 4-114): `label` = an exact tag, `regexp` = a pattern. */
export interface SwrTagSelector {
  kind: 'label' | 'regexp';
  pattern: string;
}

/** One rule: `date_rule` deletes images older than `days`; `tag_rule` keeps the newest `num`. */
export interface SwrRetentionRule {
  template: 'date_rule' | 'tag_rule';
  /** SWR sends the numbers as strings: `{"days": "30"}` or `{"num": "10"}`. */
  params: { days?: string; num?: string };
  tag_selectors: SwrTagSelector[];
}

/** The writable part of a policy (request body of create and update). */
export interface SwrRetentionSettings {
  /** "or" is the value SWR documents and uses. */
  algorithm: string;
  rules: SwrRetentionRule[];
}

/** A stored policy (spec table 4-119). */
export interface SwrRetentionPolicy extends SwrRetentionSettings {
  id: number;
  scope?: string;
}

function retentionsPath(namespace: string, repository: string): ApiPath {
  return apiPath`${swrRepositoryPath(namespace, repository)}/retentions`;
}

/** The repository's retention policies (SWR returns them in one response). */
export async function listSwrRetentions(
  api: ApiClient,
  namespace: string,
  repository: string,
): Promise<SwrRetentionPolicy[]> {
  const response = await api.request<SwrRetentionPolicy[]>({
    method: 'GET',
    path: retentionsPath(namespace, repository),
    operation: `list retention policies of ${namespace}/${repository}`,
  });
  return Array.isArray(response.body) ? response.body : [];
}

/** Creates a policy and returns its id. Not retried: a repeat could create a second policy. */
export async function createSwrRetention(
  api: ApiClient,
  namespace: string,
  repository: string,
  settings: SwrRetentionSettings,
): Promise<number | undefined> {
  const response = await api.request<{ id?: number }>({
    method: 'POST',
    path: retentionsPath(namespace, repository),
    body: settings,
    operation: `create retention policy of ${namespace}/${repository}`,
  });
  return typeof response.body?.id === 'number' ? response.body.id : undefined;
}

/** Replaces the rules of one policy (spec 4.9.5). */
export async function updateSwrRetention(
  api: ApiClient,
  namespace: string,
  repository: string,
  id: number,
  settings: SwrRetentionSettings,
): Promise<void> {
  await api.request({
    method: 'PATCH',
    path: apiPath`${retentionsPath(namespace, repository)}/${pathSegment(id, SWR_RETENTION_ID)}`,
    body: settings,
    operation: `update retention policy ${id} of ${namespace}/${repository}`,
    rawBody: true,
  });
}

/** Deletes one policy; a missing one counts as deleted. */
export async function deleteSwrRetention(
  api: ApiClient,
  namespace: string,
  repository: string,
  id: number,
): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: apiPath`${retentionsPath(namespace, repository)}/${pathSegment(id, SWR_RETENTION_ID)}`,
    operation: `delete retention policy ${id} of ${namespace}/${repository}`,
    acceptStatus: [404],
    rawBody: true,
  });
}
