// CCR enterprise namespaces ("projects") and their repositories: create, list, get.
import {
  badBody,
  baiduConflict,
  ccrListBody,
  findInstance,
  invalid,
  isEmuResponse,
  isValidCcrProjectName,
  notFound,
  readCcrPage,
} from '../ccr-rules.ts';
import { isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { type CcrProject, type CcrRepository, newId } from '../state.ts';

function record(project: CcrProject) {
  return {
    projectId: project.id,
    projectName: project.name,
    public: String(project.isPublic),
    autoScan: false,
    repoCount: project.repositories.size,
    chartCount: 0,
    creationTime: project.created,
    updateTime: project.updated,
  };
}

function createProject(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const body = parseJsonBody(context);
  if (!isRecord(body)) return badBody(context);
  const name = body.projectName;
  if (typeof name !== 'string' || !isValidCcrProjectName(name)) {
    return invalid(
      context,
      'projectName must be lowercase letters, digits and ._- , not starting or ending with a separator, not all digits.',
    );
  }
  if (body.public !== 'true' && body.public !== 'false')
    return invalid(context, 'public must be the string "true" or "false".');
  if (instance.projects.has(name)) return baiduConflict(context, `Project ${name} already exists.`);
  const now = context.now.toISOString();
  const project: CcrProject = {
    id: newId(context.state),
    name,
    isPublic: body.public === 'true',
    created: now,
    updated: now,
    repositories: new Map(),
  };
  instance.projects.set(name, project);
  return json(200, record(project));
}

function listProjects(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const page = readCcrPage(context, 10);
  if (isEmuResponse(page)) return page;
  const filter = context.query.get('projectName') ?? '';
  const matching = [...instance.projects.values()].filter((p) => p.name.includes(filter));
  return json(200, ccrListBody(matching, page, context.state.ccrForms.projectListKey, record));
}

function getProject(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const project = instance.projects.get(context.params.projectName ?? '');
  return project ? json(200, record(project)) : notFound(context, `Project ${context.params.projectName}`);
}

function listRepositories(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const project = instance.projects.get(context.params.projectName ?? '');
  if (!project) return notFound(context, `Project ${context.params.projectName}`);
  const page = readCcrPage(context, 10);
  if (isEmuResponse(page)) return page;
  const filter = context.query.get('repositoryName') ?? '';
  const matching = [...project.repositories.values()].filter((r) => r.name.includes(filter));
  const show = (repo: CcrRepository) => ({
    repositoryName: repo.name,
    projectName: project.name,
    repositoryPath: `${instance.publicURL}/${project.name}/${repo.name}`,
    tagCount: repo.tags.size,
    pullCount: 0,
    description: '',
    creationTime: repo.created,
    updateTime: repo.updated,
  });
  return json(200, ccrListBody(matching, page, 'items', show));
}

const PROJECTS = '/v1/instances/:instanceId/projects';

export const ccrProjectRoutes: Route[] = [
  { method: 'POST', path: PROJECTS, provider: 'ccr', handle: createProject },
  { method: 'GET', path: PROJECTS, provider: 'ccr', handle: listProjects },
  { method: 'GET', path: `${PROJECTS}/:projectName`, provider: 'ccr', handle: getProject },
  { method: 'GET', path: `${PROJECTS}/:projectName/repositories`, provider: 'ccr', handle: listRepositories },
];
