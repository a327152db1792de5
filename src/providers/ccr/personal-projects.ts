// CCR personal edition namespaces: list (keyword search), members, delete (personal namespace APIs).
// The personal API cannot create a namespace; that is done in the console.
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { type CcrPageOptions, listAllCcr } from './paging.ts';
import { CCR_PROJECT_ID } from './path-segments.ts';

/** One personal namespace; `type` is "private" or "public". */
export interface CcrPersonalProject {
  projectId: number;
  projectName: string;
  type?: string;
  repoCount?: number;
  chartCount?: number;
  createTime?: string;
  updateTime?: string;
}

/** One member of a personal namespace. */
export interface CcrPersonalMember {
  userName?: string;
  username?: string;
  role?: string;
  [field: string]: unknown;
}

/** Personal list bodies: `{"result": [...], "pageNo", "pageSize", "totalCount"}`. */
const PERSONAL_PAGE: CcrPageOptions = { itemsKey: 'result', totalKey: 'totalCount' };

/** The personal namespace with exactly this name, or undefined (the keyword search is fuzzy). */
export async function findCcrPersonalProject(
  api: ApiClient,
  projectName: string,
): Promise<CcrPersonalProject | undefined> {
  const projects = await listAllCcr<CcrPersonalProject>(
    api,
    {
      method: 'GET',
      path: '/v1/ccr/projects',
      query: [
        ['keyword', projectName],
        ['keywordType', 'name'],
      ],
      operation: `look up personal namespace ${projectName}`,
    },
    PERSONAL_PAGE,
  );
  return projects.find((project) => project.projectName === projectName);
}

/** Members of a personal namespace. */
export async function listCcrPersonalMembers(
  api: ApiClient,
  projectId: number,
): Promise<CcrPersonalMember[]> {
  return listAllCcr<CcrPersonalMember>(
    api,
    {
      method: 'GET',
      path: apiPath`/v1/ccr/projects/${pathSegment(projectId, CCR_PROJECT_ID)}/members`,
      operation: `list members of personal namespace ${projectId}`,
    },
    PERSONAL_PAGE,
  );
}

/** Deletes a personal namespace by id; one already gone counts as deleted. */
export async function deleteCcrPersonalProject(api: ApiClient, projectId: number): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: apiPath`/v1/ccr/projects/${pathSegment(projectId, CCR_PROJECT_ID)}`,
    operation: `delete personal namespace ${projectId}`,
    acceptStatus: [404],
  });
}
