// CCR enterprise tags: list (tagName fuzzy, paged), detail, delete (by tag or by digest, see tagDeleteMode).
import { ccrListBody, findCcrRepository, isEmuResponse, notFound, readCcrPage } from '../ccr-rules.ts';
import { empty, json } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { type CcrProject, type CcrRepository, deleteImageTag, type ImageTag } from '../state.ts';

function tagRecord(project: CcrProject, repository: CcrRepository, tag: ImageTag) {
  return {
    tagName: tag.name,
    digest: tag.digest,
    size: tag.size,
    pushTime: tag.updated,
    pullTime: '0001-01-01T00:00:00Z',
    type: 'image',
    // A manifest list has no single platform.
    architecture: tag.tagType === 1 ? '' : 'amd64',
    os: tag.tagType === 1 ? '' : 'linux',
    author: '',
    projectId: project.id,
    repositoryId: repository.id,
    scanOverview: null,
  };
}

function listTags(context: RequestContext) {
  const found = findCcrRepository(context);
  if (isEmuResponse(found)) return found;
  const page = readCcrPage(context, 10);
  if (isEmuResponse(page)) return page;
  const filter = context.query.get('tagName') ?? '';
  const matching = [...found.repository.tags.values()]
    .filter((tag) => tag.name.includes(filter))
    .sort((a, b) => b.updated.localeCompare(a.updated) || b.name.localeCompare(a.name));
  const show = (tag: ImageTag) => tagRecord(found.project, found.repository, tag);
  return json(200, ccrListBody(matching, page, 'items', show));
}

function getTag(context: RequestContext) {
  const found = findCcrRepository(context);
  if (isEmuResponse(found)) return found;
  const tag = found.repository.tags.get(context.params.tagName ?? '');
  return tag
    ? json(200, tagRecord(found.project, found.repository, tag))
    : notFound(context, `Tag ${context.params.tagName}`);
}

function deleteTag(context: RequestContext) {
  const found = findCcrRepository(context);
  if (isEmuResponse(found)) return found;
  const removed = deleteImageTag(
    found.repository.tags,
    context.params.tagName ?? '',
    context.state.tagDeleteMode,
  );
  if (removed.length === 0) return notFound(context, `Tag ${context.params.tagName}`);
  found.repository.updated = context.now.toISOString();
  return empty(200);
}

const TAGS = '/v1/instances/:instanceId/projects/:projectName/repositories/:repositoryName/tags';

export const ccrTagRoutes: Route[] = [
  { method: 'GET', path: TAGS, provider: 'ccr', handle: listTags },
  { method: 'GET', path: `${TAGS}/:tagName`, provider: 'ccr', handle: getTag },
  { method: 'DELETE', path: `${TAGS}/:tagName`, provider: 'ccr', handle: deleteTag },
];
