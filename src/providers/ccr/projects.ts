// CCR enterprise namespaces ("projects") of one instance: list and create (enterprise supplement).
import type { ApiClient } from '../../core/http/types.ts';
import { type ApiPath, apiPath, pathSegment } from '../../core/path/api-path.ts';
import { CcrListShapeError, listAllCcr } from './paging.ts';
import { CCR_INSTANCE, CCR_NAMESPACE } from './path-segments.ts';

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

function projectsPath(instanceId: string): ApiPath {
  return apiPath`/v1/instances/${pathSegment(instanceId, CCR_INSTANCE)}/projects`;
}

/** True when the project is public; the API sends the flag as a string. */
export function isCcrProjectPublic(project: CcrProject): boolean {
  return project.public === true || project.public === 'true';
}

/**
 * The enterprise namespace with exactly this name, or undefined. Our spec copy does not describe the
 * lookup, so this is a recorded choice with a fallback: first the list `GET …/projects?projectName=`
 * (a fuzzy filter) read under `items`, the key every other enterprise list uses; when the answer has
 * no `items` list, the detail `GET …/projects/{projectName}` (404 = absent) decides instead, rather
 * than reading an unknown shape as "no such namespace".
 */
export async function findCcrProject(
  api: ApiClient,
  instanceId: string,
  projectName: string,
): Promise<CcrProject | undefined> {
  try {
    const projects = await listAllCcr<CcrProject>(
      api,
      {
        method: 'GET',
        path: projectsPath(instanceId),
        query: [['projectName', projectName]],
        operation: `list namespaces of instance ${instanceId}`,
      },
      { itemsKey: 'items', strictItems: true },
    );
    return projects.find((project) => project.projectName === projectName);
  } catch (error) {
    if (!(error instanceof CcrListShapeError)) throw error;
    return getCcrProject(api, instanceId, projectName);
  }
}

/** `GET …/projects/{projectName}`: the namespace, or undefined when it does not exist (404). */
async function getCcrProject(
  api: ApiClient,
  instanceId: string,
  projectName: string,
): Promise<CcrProject | undefined> {
  const response = await api.request<CcrProject>({
    method: 'GET',
    path: apiPath`${projectsPath(instanceId)}/${pathSegment(projectName, CCR_NAMESPACE)}`,
    operation: `get namespace ${projectName} of instance ${instanceId}`,
    acceptStatus: [404],
  });
  return response.status === 404 || response.body?.projectName !== projectName ? undefined : response.body;
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
