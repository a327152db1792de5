// SWR image retention policies (spec 4.9): create, list, get, modify, delete, histories.
import { empty, isRecord, json, parseJsonBody, swrError } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { newId, type Retention, type RetentionRule } from '../state.ts';
import { listParameters, pageOf, readPage } from '../swr-paging.ts';
import { findRepository, isResponse, swrErrors } from '../swr-rules.ts';

const retentionMissing = () =>
  swrError(404, 'SVCSTG.SWR.4040083', 'The image retention policy does not exist.');

function isRule(value: unknown): value is RetentionRule {
  if (!isRecord(value) || !isRecord(value.params) || !Array.isArray(value.tag_selectors)) return false;
  const paramKey =
    value.template === 'date_rule' ? 'days' : value.template === 'tag_rule' ? 'num' : undefined;
  if (!paramKey || typeof value.params[paramKey] !== 'string') return false;
  return value.tag_selectors.every(
    (s) => isRecord(s) && (s.kind === 'label' || s.kind === 'regexp') && typeof s.pattern === 'string',
  );
}

/** algorithm and rules from a body, or an error response. */
function readPolicy(context: RequestContext) {
  const body = parseJsonBody(context);
  if (!isRecord(body)) return swrErrors.badBody();
  if (body.algorithm !== 'or') return swrErrors.invalidParameter('algorithm must be or.');
  if (!Array.isArray(body.rules) || body.rules.length === 0 || !body.rules.every(isRule)) {
    return swrErrors.invalidParameter(
      'rules must hold date_rule {days} or tag_rule {num} with tag_selectors.',
    );
  }
  return { algorithm: body.algorithm, rules: body.rules as RetentionRule[] };
}

const record = (r: Retention) => ({ algorithm: r.algorithm, id: r.id, rules: r.rules, scope: '' });

function createRetention(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  const policy = readPolicy(context);
  if (isResponse(policy)) return policy;
  const id = newId(context.state);
  found.repository.retentions.set(id, { id, ...policy });
  return json(201, { id });
}

function listRetentions(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  return json(200, [...found.repository.retentions.values()].slice(0, 100).map(record));
}

function withRetention(
  act: (
    context: RequestContext,
    retentions: Map<number, Retention>,
    retention: Retention,
  ) => ReturnType<typeof json>,
) {
  return (context: RequestContext) => {
    const found = findRepository(context);
    if (isResponse(found)) return found;
    const retention = found.repository.retentions.get(Number(context.params.retention_id));
    return retention ? act(context, found.repository.retentions, retention) : retentionMissing();
  };
}

function listHistories(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  const params = listParameters(context.query, ['offset', 'limit']);
  if (isResponse(params)) return params;
  const page = readPage(params);
  if (page && isResponse(page)) return page;
  const logs = found.repository.retentionLogs;
  const { items, headers } = pageOf(logs, page, true, context.state.swrPageCap);
  const retention_log = items.map((log) => ({
    created_at: log.created,
    id: log.id,
    namespace: found.namespace.name,
    repo: found.repository.name,
    retention_id: log.retentionId,
    rule_type: log.ruleType,
    tag: log.tag,
  }));
  return json(200, { retention_log, total: logs.length }, headers);
}

const BASE = '/v2/manage/namespaces/:namespace/repos/:repository/retentions';

export const swrRetentionRoutes: Route[] = [
  { method: 'POST', path: BASE, provider: 'swr', handle: createRetention },
  { method: 'GET', path: BASE, provider: 'swr', handle: listRetentions },
  { method: 'GET', path: `${BASE}/histories`, provider: 'swr', handle: listHistories },
  {
    method: 'GET',
    path: `${BASE}/:retention_id`,
    provider: 'swr',
    handle: withRetention((_c, _all, r) => json(200, record(r))),
  },
  {
    method: 'PATCH',
    path: `${BASE}/:retention_id`,
    provider: 'swr',
    handle: withRetention((context, _all, r) => {
      const policy = readPolicy(context);
      if (isResponse(policy)) return policy;
      Object.assign(r, policy);
      return empty(201);
    }),
  },
  {
    method: 'DELETE',
    path: `${BASE}/:retention_id`,
    provider: 'swr',
    handle: withRetention((_c, all, r) => {
      all.delete(r.id);
      return empty(200);
    }),
  },
];
