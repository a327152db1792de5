// SWR organizations (spec 4.1): create, delete, list (namespace / filter), get.
import { empty, isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { newId, ownSwrNamespace, ownSwrNamespaces, type SwrNamespace } from '../state.ts';
import { listParameters } from '../swr-paging.ts';
import { findNamespace, isResponse, isValidNamespaceName, swrErrors } from '../swr-rules.ts';

const NAMESPACE_QUOTA = 5;

function namespaceRecord(namespace: SwrNamespace) {
  return { id: namespace.id, name: namespace.name, creator_name: namespace.creatorName, auth: 7 };
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

function listNamespaces(context: RequestContext) {
  const params = listParameters(context.query, ['namespace']);
  if (isResponse(params)) return params;
  const wanted = params.namespace;
  const visible =
    wanted === undefined ? ownSwrNamespaces(context.state) : [ownSwrNamespace(context.state, wanted)];
  return json(200, { namespaces: visible.filter((ns) => ns !== undefined).map(namespaceRecord) });
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
