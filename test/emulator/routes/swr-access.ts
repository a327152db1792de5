// SWR organization and image permissions (spec 4.6, 4.7): create, update, delete, query.
import { empty, json, parseJsonBody, swrError } from '../responses.ts';
import type { EmuResponse, RequestContext, Route } from '../route-types.ts';
import type { Permission } from '../state.ts';
import { findNamespace, findRepository, isResponse, swrErrors } from '../swr-rules.ts';

interface AccessTarget {
  id: number;
  name: string;
  creatorName: string;
  access: Map<string, Permission>;
  errors: { exists: () => EmuResponse; missing: () => EmuResponse; invalid: () => EmuResponse };
}

const namespaceErrors = {
  exists: () => swrError(409, 'SVCSTG.SWR.4090076', 'The organization permission already exists.'),
  missing: () => swrError(404, 'SVCSTG.SWR.4040078', 'The organization permission does not exist.'),
  invalid: () => swrError(400, 'SVCSTG.SWR.4001065', 'Invalid organization permissions.'),
};

const repositoryErrors = {
  exists: () => swrError(409, 'SVCSTG.SWR.4090089', 'The permission already exists.'),
  missing: () => swrError(404, 'SVCSTG.SWR.4040091', 'The permission does not exist.'),
  invalid: () => swrError(400, 'SVCSTG.SWR.4001066', 'Invalid permissions.'),
};

function target(context: RequestContext, level: 'namespace' | 'repository'): AccessTarget | EmuResponse {
  if (level === 'namespace') {
    const ns = findNamespace(context);
    if (isResponse(ns)) return ns;
    return {
      id: ns.id,
      name: ns.name,
      creatorName: ns.creatorName,
      access: ns.access,
      errors: namespaceErrors,
    };
  }
  const found = findRepository(context);
  if (isResponse(found)) return found;
  const { namespace, repository } = found;
  return {
    id: repository.id,
    name: repository.name,
    creatorName: namespace.creatorName,
    access: repository.access,
    errors: repositoryErrors,
  };
}

/** Permission records from a body array; undefined when any element is malformed. */
function readPermissions(body: unknown): Permission[] | undefined {
  if (!Array.isArray(body) || body.length === 0) return undefined;
  const result: Permission[] = [];
  for (const item of body) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { user_id, user_name, auth } = item as Record<string, unknown>;
    if (
      typeof user_id !== 'string' ||
      typeof user_name !== 'string' ||
      (auth !== 1 && auth !== 3 && auth !== 7)
    )
      return undefined;
    result.push({ userId: user_id, userName: user_name, auth });
  }
  return result;
}

function write(level: 'namespace' | 'repository', mode: 'create' | 'update') {
  return (context: RequestContext) => {
    const t = target(context, level);
    if (isResponse(t)) return t;
    const body = parseJsonBody(context);
    if (body === undefined) return swrErrors.badBody();
    const permissions = readPermissions(body);
    if (!permissions) return t.errors.invalid();
    for (const p of permissions) {
      if (mode === 'create' && t.access.has(p.userId)) return t.errors.exists();
      if (mode === 'update' && !t.access.has(p.userId)) return t.errors.missing();
    }
    for (const p of permissions) t.access.set(p.userId, p);
    return empty(201);
  };
}

function remove(level: 'namespace' | 'repository') {
  return (context: RequestContext) => {
    const t = target(context, level);
    if (isResponse(t)) return t;
    const body = parseJsonBody(context);
    if (!Array.isArray(body) || !body.every((id) => typeof id === 'string')) return t.errors.invalid();
    for (const id of body) t.access.delete(id);
    return empty(204);
  };
}

function query(level: 'namespace' | 'repository') {
  return (context: RequestContext) => {
    const t = target(context, level);
    if (isResponse(t)) return t;
    const user = context.state.credentials.huawei;
    const record = (p: Permission) => ({ user_id: p.userId, user_name: p.userName, auth: p.auth });
    return json(200, {
      id: t.id,
      name: t.name,
      ...(level === 'namespace' ? { creator_name: t.creatorName } : {}),
      self_auth: { user_id: user.userId, user_name: user.userName, auth: 7 },
      others_auths: [...t.access.values()].map(record),
    });
  };
}

const NS = '/v2/manage/namespaces/:namespace/access';
const REPO = '/v2/manage/namespaces/:namespace/repos/:repository/access';

export const swrAccessRoutes: Route[] = [
  { method: 'POST', path: NS, provider: 'swr', handle: write('namespace', 'create') },
  { method: 'PATCH', path: NS, provider: 'swr', handle: write('namespace', 'update') },
  { method: 'DELETE', path: NS, provider: 'swr', handle: remove('namespace') },
  { method: 'GET', path: NS, provider: 'swr', handle: query('namespace') },
  { method: 'POST', path: REPO, provider: 'swr', handle: write('repository', 'create') },
  { method: 'PATCH', path: REPO, provider: 'swr', handle: write('repository', 'update') },
  { method: 'DELETE', path: REPO, provider: 'swr', handle: remove('repository') },
  { method: 'GET', path: REPO, provider: 'swr', handle: query('repository') },
];
