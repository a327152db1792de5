// CCR personal edition namespaces: list (keyword search), members, delete (personal namespace APIs).
// The personal API cannot create a namespace; that is done in the console.
import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient, ApiRequest } from '../../core/http/types.ts';

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
interface PersonalPage<T> {
  result?: T[];
  totalCount?: number;
}

/** Every record of a personal list endpoint, checked against `totalCount`. */
async function listAllPersonal<T>(api: ApiClient, request: ApiRequest, pageSize = 100): Promise<T[]> {
  const all: T[] = [];
  let total: number | undefined;
  for (let pageNo = 1; ; pageNo++) {
    const query = [
      ...(request.query ?? []),
      ['pageNo', String(pageNo)],
      ['pageSize', String(pageSize)],
    ] as const;
    const { body } = await api.request<PersonalPage<T>>({ ...request, query });
    const page = Array.isArray(body?.result) ? body.result : [];
    if (typeof body?.totalCount === 'number') {
      if (total !== undefined && total !== body.totalCount) {
        throw new ListingIncompleteError(
          `${request.operation}: the total changed from ${total} to ${body.totalCount} while paging; nothing was changed.`,
        );
      }
      total = body.totalCount;
    }
    all.push(...page);
    if (page.length < pageSize || (total !== undefined && all.length >= total)) break;
  }
  if (total !== undefined && all.length !== total) {
    throw new ListingIncompleteError(
      `${request.operation}: collected ${all.length} records but the API reported ${total}; nothing was changed.`,
    );
  }
  return all;
}

/** The personal namespace with exactly this name, or undefined (the keyword search is fuzzy). */
export async function findCcrPersonalProject(
  api: ApiClient,
  projectName: string,
): Promise<CcrPersonalProject | undefined> {
  const projects = await listAllPersonal<CcrPersonalProject>(api, {
    method: 'GET',
    path: '/v1/ccr/projects',
    query: [
      ['keyword', projectName],
      ['keywordType', 'name'],
    ],
    operation: `look up personal namespace ${projectName}`,
  });
  return projects.find((project) => project.projectName === projectName);
}

/** Members of a personal namespace. */
export async function listCcrPersonalMembers(
  api: ApiClient,
  projectId: number,
): Promise<CcrPersonalMember[]> {
  return listAllPersonal<CcrPersonalMember>(api, {
    method: 'GET',
    path: `/v1/ccr/projects/${projectId}/members`,
    operation: `list members of personal namespace ${projectId}`,
  });
}

/** Deletes a personal namespace by id; one already gone counts as deleted. */
export async function deleteCcrPersonalProject(api: ApiClient, projectId: number): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: `/v1/ccr/projects/${projectId}`,
    operation: `delete personal namespace ${projectId}`,
    acceptStatus: [404],
  });
}
