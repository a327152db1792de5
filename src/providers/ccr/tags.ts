// CCR enterprise image tags (enterprise supplement, "Tags"): list (paged), detail, delete.
import type { ApiClient } from '../../core/http/types.ts';
import { type ApiPath, apiPath, pathSegment } from '../../core/path/api-path.ts';
import { listAllCcr } from './paging.ts';
import { CCR_INSTANCE, CCR_NAMESPACE, CCR_REPOSITORY, CCR_TAG } from './path-segments.ts';

/** One tag as the enterprise API returns it. */
export interface CcrTag {
  tagName: string;
  digest?: string;
  size?: number;
  pushTime?: string;
  pullTime?: string;
  /** "image" or "chart". */
  type?: string;
  architecture?: string;
  os?: string;
  author?: string;
  projectId?: number;
  repositoryId?: number;
  scanOverview?: unknown;
}

/** Path of a repository's tags; a `/` in the repository name is percent-encoded like any other. */
export function ccrTagsPath(instanceId: string, project: string, repository: string): ApiPath {
  const instance = pathSegment(instanceId, CCR_INSTANCE);
  return apiPath`/v1/instances/${instance}/projects/${pathSegment(project, CCR_NAMESPACE)}/repositories/${pathSegment(repository, CCR_REPOSITORY)}/tags`;
}

/** Every tag of one repository (pageSize 100, the API's maximum), checked against the reported total. */
export async function listCcrTags(
  api: ApiClient,
  instanceId: string,
  project: string,
  repository: string,
): Promise<CcrTag[]> {
  return listAllCcr<CcrTag>(
    api,
    {
      method: 'GET',
      path: ccrTagsPath(instanceId, project, repository),
      operation: `list tags of ${project}/${repository}`,
    },
    { itemsKey: 'items', pageSize: 100, keyOf: (tag) => tag.tagName },
  );
}

/** One tag's detail, or undefined when it does not exist (404). */
export async function getCcrTag(
  api: ApiClient,
  instanceId: string,
  project: string,
  repository: string,
  tag: string,
): Promise<CcrTag | undefined> {
  const response = await api.request<CcrTag>({
    method: 'GET',
    path: apiPath`${ccrTagsPath(instanceId, project, repository)}/${pathSegment(tag, CCR_TAG)}`,
    operation: `get tag ${project}/${repository}:${tag}`,
    acceptStatus: [404],
  });
  return response.status === 404 ? undefined : response.body;
}

/** Deletes one tag. 'absent' when it was already gone (404): the wanted end state. */
export async function deleteCcrTag(
  api: ApiClient,
  instanceId: string,
  project: string,
  repository: string,
  tag: string,
): Promise<'deleted' | 'absent'> {
  const response = await api.request({
    method: 'DELETE',
    path: apiPath`${ccrTagsPath(instanceId, project, repository)}/${pathSegment(tag, CCR_TAG)}`,
    operation: `delete tag ${project}/${repository}:${tag}`,
    acceptStatus: [404],
    rawBody: true,
  });
  return response.status === 404 ? 'absent' : 'deleted';
}
