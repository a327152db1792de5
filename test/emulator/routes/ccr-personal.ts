// CCR personal edition namespaces: list (keyword, order, paging), members, delete.

import { invalid, isEmuResponse, notFound, pageItems, readCcrPage } from '../ccr-rules.ts';
import { json } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import type { CcrPersonalProject } from '../state.ts';

const ORDER_FIELDS: Record<string, (p: CcrPersonalProject) => string> = {
  projectName: (p) => p.name,
  createTime: (p) => p.createTime,
  updateTime: (p) => p.updateTime,
  repositoryName: (p) => p.name,
  repositoryId: (p) => String(p.id).padStart(12, '0'),
  tagsCount: (p) => String(p.repoCount).padStart(12, '0'),
};

function record(p: CcrPersonalProject) {
  return {
    projectId: p.id,
    projectName: p.name,
    type: p.type,
    repoCount: p.repoCount,
    chartCount: p.chartCount,
    createTime: p.createTime,
    updateTime: p.updateTime,
  };
}

function listProjects(context: RequestContext) {
  const page = readCcrPage(context, 10);
  if (isEmuResponse(page)) return page;
  const orderBy = context.query.get('orderBy') ?? 'createTime';
  const order = context.query.get('order') ?? 'desc';
  const key = ORDER_FIELDS[orderBy];
  if (!key) return invalid(context, `orderBy ${orderBy} is not supported.`);
  if (order !== 'asc' && order !== 'desc') return invalid(context, 'order must be asc or desc.');
  const keyword = context.query.get('keyword') ?? '';
  const matching = [...context.state.ccrPersonalProjects.values()].filter((p) => p.name.includes(keyword));
  const sorted = matching.sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
  if (order === 'desc') sorted.reverse();
  return json(200, {
    result: pageItems(sorted, page).map(record),
    orderBy,
    order,
    pageNo: page.pageNo,
    pageSize: page.pageSize,
    totalCount: matching.length,
  });
}

function findProject(context: RequestContext) {
  const id = Number(context.params.projectId);
  return (
    context.state.ccrPersonalProjects.get(id) ?? notFound(context, `Namespace ${context.params.projectId}`)
  );
}

function listMembers(context: RequestContext) {
  const project = findProject(context);
  if (isEmuResponse(project)) return project;
  const page = readCcrPage(context, 10);
  if (isEmuResponse(page)) return page;
  const keyword = context.query.get('keyword') ?? '';
  const members = project.members.filter((m) => m.userName.includes(keyword));
  return json(200, {
    result: pageItems(members, page),
    orderBy: context.query.get('orderBy') ?? 'createTime',
    order: context.query.get('order') ?? 'desc',
    pageNo: page.pageNo,
    pageSize: page.pageSize,
    totalCount: members.length,
  });
}

function deleteProject(context: RequestContext) {
  const project = findProject(context);
  if (isEmuResponse(project)) return project;
  context.state.ccrPersonalProjects.delete(project.id);
  return json(200, { action: 'delete', targetName: project.id });
}

export const ccrPersonalRoutes: Route[] = [
  { method: 'GET', path: '/v1/ccr/projects', provider: 'ccr', handle: listProjects },
  { method: 'GET', path: '/v1/ccr/projects/:projectId/members', provider: 'ccr', handle: listMembers },
  { method: 'DELETE', path: '/v1/ccr/projects/:projectId', provider: 'ccr', handle: deleteProject },
];
