// IAM: password tokens (POST /v3/auth/tokens) and the project list used to find a project id.
import { iamTokenBody, issueIamToken } from '../iam-tokens.ts';
import { iamError, isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function createToken(context: RequestContext) {
  const body = parseJsonBody(context);
  const methods = at(body, 'auth', 'identity', 'methods');
  const user = at(body, 'auth', 'identity', 'password', 'user');
  if (!Array.isArray(methods) || !methods.includes('password') || !isRecord(user)) {
    return iamError(400, 'The request body is invalid: auth.identity.password is required.', 'Bad Request');
  }
  const expected = context.state.credentials.huawei;
  const domain = at(user, 'domain', 'name') ?? at(user, 'domain', 'id');
  const domainOk = domain === expected.domainName || domain === expected.domainId;
  if (user.name !== expected.userName || user.password !== expected.password || !domainOk) {
    return iamError(401, 'The username or password is wrong.', 'Unauthorized');
  }
  const projectName = at(body, 'auth', 'scope', 'project', 'name');
  const { token, record } = issueIamToken(context.state, expected.userName, 'password', context.now);
  const project = typeof projectName === 'string' ? projectName : undefined;
  return json(201, iamTokenBody(context.state, record, context.now, project), { 'X-Subject-Token': token });
}

function listProjects(context: RequestContext) {
  const user = context.state.credentials.huawei;
  const name = context.query.get('name') ?? context.state.region;
  const project = { id: user.projectId, name, domain_id: user.domainId, enabled: true, is_domain: false };
  return json(200, { projects: [project], links: { self: `${context.url.origin}/v3/projects` } });
}

export const iamRoutes: Route[] = [
  { method: 'POST', path: '/v3/auth/tokens', provider: 'iam', handle: createToken },
  { method: 'GET', path: '/v3/projects', provider: 'iam', auth: 'huawei', handle: listProjects },
];
