// CCR enterprise namespaces ("projects") of one instance: list and create (enterprise supplement).
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { listAllCcr } from './paging.ts';
import { CCR_INSTANCE } from './path-segments.ts';

/** One enterprise namespace as the API returns it; `public` is the string "true" or "false". */
export interface CcrProject {
  projectId?: number;
  projectName: string;
  public?: string | boolean;
  repoCount?: number;
  chartCount?: number;
  creationTime?: string;
  updateTime?: string;
}

function projectsPath(instanceId: string): string {
  return apiPath`/v1/instances/${pathSegment(instanceId, CCR_INSTANCE)}/projects`;
}

/** True when the project is public; the API sends the flag as a string. */
export function isCcrProjectPublic(project: CcrProject): boolean {
  return project.public === true || project.public === 'true';
}

/** The enterprise namespace with exactly this name, or undefined (the server's name filter is fuzzy). */
export async function findCcrProject(
  api: ApiClient,
  instanceId: string,
  projectName: string,
): Promise<CcrProject | undefined> {
  const projects = await listAllCcr<CcrProject>(
    api,
    {
      method: 'GET',
      path: projectsPath(instanceId),
      query: [['projectName', projectName]],
      operation: `list namespaces of instance ${instanceId}`,
    },
    { itemsKey: 'items' },
  );
  return projects.find((project) => project.projectName === projectName);
}

/** Creates an enterprise namespace: 'created', or 'exists' when the name is taken (409). */
export async function createCcrProject(
  api: ApiClient,
  instanceId: string,
  project: { projectName: string; public: boolean },
): Promise<'created' | 'exists'> {
  const response = await api.request({
    method: 'POST',
    path: projectsPath(instanceId),
    body: { projectName: project.projectName, public: String(project.public) },
    operation: `create namespace ${project.projectName} in instance ${instanceId}`,
    acceptStatus: [409],
  });
  return response.status === 409 ? 'exists' : 'created';
}
