// SWR image repositories (spec 4.2): create, update, get, delete, and the global list filtered to one namespace.
import type { ApiClient } from '../../core/http/types.ts';
import { type ApiPath, apiPath, pathSegment } from '../../core/path/api-path.ts';
import type { SwrCategory } from './field-values.ts';
import { listAllSwr } from './paging.ts';
import { SWR_NAMESPACE, SWR_REPOSITORY } from './path-segments.ts';

/** One record of `GET /v2/manage/repos` (spec 4.2.5), in SWR's own field names. */
export interface SwrRepository {
  name: string;
  namespace: string;
  category?: string;
  description?: string;
  is_public: boolean;
  /** Number of tags in the repository. */
  num_images?: number;
  size?: number;
  path?: string;
  internal_path?: string;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
}

/** Body of create (spec 4.2.1) and update (spec 4.2.3). */
export interface SwrRepositorySettings {
  is_public: boolean;
  category?: SwrCategory;
  description?: string;
}

/** Path of a repository, each name checked by SWR's rules (`/` in a repository name sent as `$`). */
export function swrRepositoryPath(namespace: string, repository: string): ApiPath {
  return apiPath`/v2/manage/namespaces/${pathSegment(namespace, SWR_NAMESPACE)}/repos/${pathSegment(repository, SWR_REPOSITORY)}`;
}

/** Every repository of one namespace, read to the end (the server's namespace match may be fuzzy). */
export async function listSwrRepositories(
  api: ApiClient,
  options: { namespace: string },
): Promise<SwrRepository[]> {
  const all = await listAllSwr<SwrRepository>(api, {
    method: 'GET',
    path: '/v2/manage/repos',
    query: [['namespace', options.namespace]],
    operation: `list repositories of namespace ${options.namespace}`,
  });
  return all.filter((repository) => repository.namespace === options.namespace);
}

/** Creates a repository; returns false when it already existed (409, e.g. a parallel run made it). */
export async function createSwrRepository(
  api: ApiClient,
  namespace: string,
  repository: string,
  settings: SwrRepositorySettings,
): Promise<boolean> {
  const response = await api.request({
    method: 'POST',
    path: apiPath`/v2/manage/namespaces/${pathSegment(namespace, SWR_NAMESPACE)}/repos`,
    body: { repository, ...settings },
    operation: `create repository ${namespace}/${repository}`,
    acceptStatus: [409],
    // A repeated create cannot make a second repository: the name is the key and 409 is accepted.
    retrySafe: true,
  });
  return response.status !== 409;
}

/** Updates visibility, category and description of a repository (spec 4.2.3). */
export async function updateSwrRepository(
  api: ApiClient,
  namespace: string,
  repository: string,
  settings: SwrRepositorySettings,
): Promise<void> {
  await api.request({
    method: 'PATCH',
    path: swrRepositoryPath(namespace, repository),
    body: settings,
    operation: `update repository ${namespace}/${repository}`,
  });
}

/** Deletes a repository; a missing one counts as deleted. SWR refuses (406) while it holds images. */
export async function deleteSwrRepository(
  api: ApiClient,
  namespace: string,
  repository: string,
): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: swrRepositoryPath(namespace, repository),
    operation: `delete repository ${namespace}/${repository}`,
    acceptStatus: [404],
  });
}
