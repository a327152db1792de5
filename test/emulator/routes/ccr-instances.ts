// CCR enterprise instances: list, detail, temporary registry password, docker user name.
import { randomBytes } from 'node:crypto';
import {
  badBody,
  ccrListBody,
  findInstance,
  invalid,
  isEmuResponse,
  notFound,
  readCcrPage,
} from '../ccr-rules.ts';
import { isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import type { CcrInstance } from '../state.ts';

const MAX_DURATION_HOURS = 24 * 365;

function info(instance: CcrInstance) {
  return {
    id: instance.id,
    instanceType: instance.instanceType,
    name: instance.name,
    status: instance.status,
    region: instance.region,
    createTime: instance.createTime,
    expireTime: instance.expireTime,
    publicURL: instance.publicURL,
    privateURL: instance.privateURL,
    customDomains: [],
    tags: [],
  };
}

function listInstances(context: RequestContext) {
  const page = readCcrPage(context, 10);
  if (isEmuResponse(page)) return page;
  const keywordType = context.query.get('keywordType') ?? 'name';
  if (keywordType !== 'id' && keywordType !== 'name')
    return invalid(context, 'keywordType must be id or name.');
  const keyword = context.query.get('keyword') ?? '';
  const matching = [...context.state.ccrInstances.values()].filter((i) => i[keywordType].includes(keyword));
  return json(200, ccrListBody(matching, page, 'instances', info));
}

function getInstance(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const repos = [...instance.projects.values()].reduce((n, p) => n + p.repositories.size, 0);
  return json(200, {
    info: info(instance),
    bucket: `ccr-${instance.id}-bucket`,
    region: instance.region,
    statistic: { namespace: instance.projects.size, repo: repos, chart: 0, storage: 0 },
    quota: { namespace: 15, repo: 1000, chart: 100 },
  });
}

function dockerUserName(context: RequestContext): string {
  return context.state.registryCredentials.ccr?.username ?? context.state.credentials.baidu.dockerUserName;
}

/** POST credential {duration: hours} → {password}; the password is remembered with its expiry. */
function createCredential(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const body = parseJsonBody(context);
  if (!isRecord(body)) return badBody(context);
  const duration = body.duration;
  if (
    typeof duration !== 'number' ||
    !Number.isInteger(duration) ||
    duration < 1 ||
    duration > MAX_DURATION_HOURS
  ) {
    return invalid(context, `duration must be a whole number of hours from 1 to ${MAX_DURATION_HOURS}.`);
  }
  const password =
    context.state.registryCredentials.ccr?.password ?? `emu-${randomBytes(24).toString('base64url')}`;
  context.state.issuedPasswords.push({
    instanceId: instance.id,
    userName: dockerUserName(context),
    password,
    expiresAt: new Date(context.now.getTime() + duration * 3_600_000).toISOString(),
  });
  return json(200, { password });
}

/** `GET /v1/users/profile?userId=` (enterprise supplement): the query parameter is part of the call. */
function userProfile(context: RequestContext) {
  const userId = context.query.get('userId');
  if (!userId) return invalid(context, 'userId is required.');
  if (userId !== context.state.credentials.baidu.userId) return notFound(context, `User ${userId}`);
  return json(200, { name: dockerUserName(context) });
}

export const ccrInstanceRoutes: Route[] = [
  { method: 'GET', path: '/v1/instances', provider: 'ccr', handle: listInstances },
  { method: 'GET', path: '/v1/instances/:instanceId', provider: 'ccr', handle: getInstance },
  { method: 'POST', path: '/v1/instances/:instanceId/credential', provider: 'ccr', handle: createCredential },
  { method: 'GET', path: '/v1/users/profile', provider: 'ccr', handle: userProfile },
];
