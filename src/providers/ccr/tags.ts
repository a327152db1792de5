// CCR enterprise image tags (enterprise supplement, "Tags"): list (paged), detail, delete.
import type { ApiClient } from '../../core/http/types.ts';
import { listAllCcr } from './paging.ts';

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
export function ccrTagsPath(instanceId: string, project: string, repository: string): string {
  return (
    `/v1/instances/${encodeURIComponent(instanceId)}/projects/${encodeURIComponent(project)}` +
    `/repositories/${encodeURIComponent(repository)}/tags`
  );
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
    { itemsKey: 'items', pageSize: 100 },
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
    path: `${ccrTagsPath(instanceId, project, repository)}/${encodeURIComponent(tag)}`,
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
    path: `${ccrTagsPath(instanceId, project, repository)}/${encodeURIComponent(tag)}`,
    operation: `delete tag ${project}/${repository}:${tag}`,
    acceptStatus: [404],
    rawBody: true,
  });
  return response.status === 404 ? 'absent' : 'deleted';
}
