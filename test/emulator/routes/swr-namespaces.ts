// SWR organizations (spec 4.1): create, delete, list (namespace / filter), get.
import { empty, isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { newId, ownSwrNamespaces, type SwrNamespace, sharedSwrNamespaces } from '../state.ts';
import { listParameters } from '../swr-paging.ts';
import { findNamespace, isResponse, isValidNamespaceName, swrErrors } from '../swr-rules.ts';

const NAMESPACE_QUOTA = 5;

/** `auth` is the caller's permission: 7 on its own organizations, none (0) on one seen through shared repositories. */
function namespaceRecord(namespace: SwrNamespace, auth = 7) {
  return { id: namespace.id, name: namespace.name, creator_name: namespace.creatorName, auth };
}

function createNamespace(context: RequestContext) {
  const body = parseJsonBody(context);
  if (!isRecord(body)) return swrErrors.badBody();
  const name = body.namespace;
  if (typeof name !== 'string' || !isValidNamespaceName(name)) return swrErrors.invalidNamespace();
  // Names are unique across all accounts: another account's namespace also answers 409.
  if (context.state.swrNamespaces.has(name)) return swrErrors.namespaceExists();
  if (ownSwrNamespaces(context.state).length >= NAMESPACE_QUOTA) return swrErrors.namespaceQuota();
  const user = context.state.credentials.huawei;
  context.state.swrNamespaces.set(name, {
    id: newId(context.state),
    name,
    owner: user.domainName,
    sharedWith: [],
    creatorName: user.userName,
    created: context.now.toISOString(),
    repositories: new Map(),
    access: new Map(),
  });
  return empty(201);
}

function deleteNamespace(context: RequestContext) {
  const namespace = findNamespace(context);
  if (isResponse(namespace)) return namespace;
  if (namespace.repositories.size > 0) {
    return swrErrors.invalidParameter(
      'The organization still contains image repositories; delete them first.',
    );
  }
  context.state.swrNamespaces.delete(namespace.name);
  return empty(204);
}

/**
 * Without `mode`, the organizations the caller is authorized on; `mode::visible` adds those seen only
 * through shared repositories (list-organizations page: "Some organizations can be viewed by the
 * repository, but cannot by the organization"). Any other mode is a bad filter.
 */
function listNamespaces(context: RequestContext) {
  const params = listParameters(context.query, ['namespace']);
  if (isResponse(params)) return params;
  if (params.mode !== undefined && params.mode !== 'visible') return swrErrors.invalidFilter();
  const shared = params.mode === 'visible' ? sharedSwrNamespaces(context.state) : [];
  const listed = [...ownSwrNamespaces(context.state), ...shared].filter(
    (ns) => params.namespace === undefined || ns.name === params.namespace,
  );
  const owned = new Set(ownSwrNamespaces(context.state));
  return json(200, { namespaces: listed.map((ns) => namespaceRecord(ns, owned.has(ns) ? 7 : 0)) });
}

function getNamespace(context: RequestContext) {
  const namespace = findNamespace(context);
  return isResponse(namespace) ? namespace : json(200, namespaceRecord(namespace));
}

export const swrNamespaceRoutes: Route[] = [
  { method: 'POST', path: '/v2/manage/namespaces', provider: 'swr', handle: createNamespace },
  { method: 'GET', path: '/v2/manage/namespaces', provider: 'swr', handle: listNamespaces },
  { method: 'GET', path: '/v2/manage/namespaces/:namespace', provider: 'swr', handle: getNamespace },
  { method: 'DELETE', path: '/v2/manage/namespaces/:namespace', provider: 'swr', handle: deleteNamespace },
];
