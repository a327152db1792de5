import { describe, expect, it } from 'vitest';
import type { Route } from './route-types.ts';
import { matchRoute } from './router.ts';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  provider: 'swr',
  handle: () => ({ status: 200 }),
});
const routes = [
  route('GET', '/v2/manage/namespaces/:namespace/repos/:repository/retentions/:retention_id'),
  route('GET', '/v2/manage/namespaces/:namespace/repos/:repository/retentions/histories'),
  route('DELETE', '/v2/manage/namespaces/:namespace'),
  route('GET', '/:api_version'),
];

describe('matchRoute', () => {
  it('prefers literal segments over parameters', () => {
    const match = matchRoute(routes, 'GET', '/v2/manage/namespaces/a/repos/b/retentions/histories');
    expect(match).toMatchObject({ kind: 'found', route: routes[1] });
  });

  it('decodes parameters', () => {
    const match = matchRoute(routes, 'GET', '/v2/manage/namespaces/a/repos/web%2Fapp/retentions/7');
    expect(match).toMatchObject({
      kind: 'found',
      params: { namespace: 'a', repository: 'web/app', retention_id: '7' },
    });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(matchRoute(routes, 'GET', '/v2/manage/namespaces/a').kind).toBe('method-not-allowed');
    expect(matchRoute(routes, 'GET', '/nope/at/all').kind).toBe('not-found');
  });
});
