// SWR image repositories (spec 4.2): create, update, get, delete, global list and list in a namespace.
import { empty, isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { newId, ownSwrNamespaces, type SwrNamespace, type SwrRepository } from '../state.ts';
import { listParameters, pageOf, readPage, sortRecords } from '../swr-paging.ts';
import {
  findNamespace,
  findRepository,
  isResponse,
  isValidRepositoryName,
  SWR_CATEGORIES,
  swrErrors,
  swrRegistryHost,
} from '../swr-rules.ts';

function repoSize(repo: SwrRepository): number {
  return [...repo.tags.values()].reduce((sum, tag) => sum + tag.size, 0);
}

function detailRecord(context: RequestContext, ns: SwrNamespace, repo: SwrRepository) {
  const path = `${swrRegistryHost(context)}/${ns.name}/${repo.name}`;
  const user = context.state.credentials.huawei;
  return {
    id: repo.id,
    ns_id: ns.id,
    name: repo.name,
    category: repo.category,
    description: repo.description,
    creator_id: user.userId,
    creator_name: ns.creatorName,
    size: repoSize(repo),
    is_public: repo.isPublic,
    num_images: repo.tags.size,
    num_download: 0,
    url: '',
    path,
    internal_path: path,
    created: repo.created,
    updated: repo.updated,
    domain_id: user.domainId,
    priority: 0,
  };
}

function listRecord(context: RequestContext, ns: SwrNamespace, repo: SwrRepository, total: number) {
  const path = `${swrRegistryHost(context)}/${ns.name}/${repo.name}`;
  return {
    name: repo.name,
    category: repo.category,
    description: repo.description,
    size: repoSize(repo),
    is_public: repo.isPublic,
    num_images: repo.tags.size,
    num_download: 0,
    created_at: repo.created,
    updated_at: repo.updated,
    logo: '',
    url: '',
    path,
    internal_path: path,
    domain_name: context.state.credentials.huawei.domainName,
    namespace: ns.name,
    tags: [...repo.tags.keys()],
    status: false,
    total_range: total,
  };
}

/** Validated settings from a create/update body, or an error response. */
function readSettings(body: Record<string, unknown>) {
  if (typeof body.is_public !== 'boolean') return swrErrors.invalidIsPublic();
  if (
    body.category !== undefined &&
    (typeof body.category !== 'string' || !SWR_CATEGORIES.includes(body.category))
  ) {
    return swrErrors.invalidParameter(`category must be one of ${SWR_CATEGORIES.join(', ')}.`);
  }
  if (body.description !== undefined && typeof body.description !== 'string') {
    return swrErrors.invalidParameter('description must be a string.');
  }
  return {
    isPublic: body.is_public,
    category: body.category as string | undefined,
    description: body.description as string | undefined,
  };
}

function createRepository(context: RequestContext) {
  const namespace = findNamespace(context);
  if (isResponse(namespace)) return namespace;
  const body = parseJsonBody(context);
  if (!isRecord(body)) return swrErrors.badBody();
  if (typeof body.repository !== 'string' || !isValidRepositoryName(body.repository))
    return swrErrors.invalidRepository();
  const settings = readSettings(body);
  if (isResponse(settings)) return settings;
  if (namespace.repositories.has(body.repository)) return swrErrors.repositoryExists();
  const now = context.now.toISOString();
  namespace.repositories.set(body.repository, {
    id: newId(context.state),
    name: body.repository,
    isPublic: settings.isPublic,
    category: settings.category ?? 'other',
    description: settings.description ?? '',
    created: now,
    updated: now,
    tags: new Map(),
    access: new Map(),
    retentions: new Map(),
    retentionLogs: [],
  });
  return empty(201);
}

function updateRepository(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  const body = parseJsonBody(context);
  if (!isRecord(body)) return swrErrors.badBody();
  const settings = readSettings(body);
  if (isResponse(settings)) return settings;
  const repo = found.repository;
  repo.isPublic = settings.isPublic;
  if (settings.category !== undefined) repo.category = settings.category;
  if (settings.description !== undefined) repo.description = settings.description;
  repo.updated = context.now.toISOString();
  return empty(201);
}

function getRepository(context: RequestContext) {
  const found = findRepository(context);
  return isResponse(found) ? found : json(200, detailRecord(context, found.namespace, found.repository));
}

function deleteRepository(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  if (found.repository.tags.size > 0) return swrErrors.repositoryNotEmpty();
  found.namespace.repositories.delete(found.repository.name);
  return empty(204);
}

const ORDER_KEYS: Record<string, (r: { ns: SwrNamespace; repo: SwrRepository }) => string> = {
  name: (r) => r.repo.name,
  updated_at: (r) => r.repo.updated,
  updated_time: (r) => r.repo.updated,
  tag_count: (r) => String(r.repo.tags.size).padStart(12, '0'),
};

/** GET /v2/manage/repos: namespace and name match fuzzily (spec 4.2.5); 100 records unless paged. */
function listRepositories(context: RequestContext) {
  const params = listParameters(context.query, [
    'namespace',
    'name',
    'category',
    'offset',
    'limit',
    'order_column',
    'order_type',
  ]);
  if (isResponse(params)) return params;
  const page = readPage(params, 100);
  if (page && isResponse(page)) return page;
  const orderKey = ORDER_KEYS[params.order_column ?? 'name'];
  if (!orderKey)
    return swrErrors.invalidParameter('order_column must be name, updated_at, updated_time or tag_count.');
  const all = ownSwrNamespaces(context.state)
    .filter((ns) => params.namespace === undefined || ns.name.includes(params.namespace))
    .flatMap((ns) => [...ns.repositories.values()].map((repo) => ({ ns, repo })))
    .filter(({ repo }) => params.name === undefined || repo.name.includes(params.name))
    .filter(({ repo }) => params.category === undefined || repo.category === params.category);
  const sorted = sortRecords(all, orderKey, params.order_type ?? (params.order_column ? 'desc' : 'asc'));
  const paged = params.offset !== undefined && params.limit !== undefined;
  const { items, headers } = pageOf(sorted, page, paged, context.state.swrPageCap);
  return json(
    200,
    items.map(({ ns, repo }) => listRecord(context, ns, repo, all.length)),
    headers,
  );
}

function listNamespaceRepositories(context: RequestContext) {
  const namespace = findNamespace(context);
  if (isResponse(namespace)) return namespace;
  const repos = [...namespace.repositories.values()];
  return json(
    200,
    repos.map((repo) => listRecord(context, namespace, repo, repos.length)),
  );
}

const REPO = '/v2/manage/namespaces/:namespace/repos/:repository';

export const swrRepositoryRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v2/manage/namespaces/:namespace/repos',
    provider: 'swr',
    handle: createRepository,
  },
  {
    method: 'GET',
    path: '/v2/manage/namespaces/:namespace/repos',
    provider: 'swr',
    handle: listNamespaceRepositories,
  },
  { method: 'GET', path: REPO, provider: 'swr', handle: getRepository },
  { method: 'PATCH', path: REPO, provider: 'swr', handle: updateRepository },
  { method: 'DELETE', path: REPO, provider: 'swr', handle: deleteRepository },
  { method: 'GET', path: '/v2/manage/repos', provider: 'swr', handle: listRepositories },
];
