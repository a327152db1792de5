import { describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../../src/core/version.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { startLocalServer } from './support/local-server.ts';
import { testClient } from './support/test-client.ts';

const serve = closedAfterEach(startLocalServer);

describe('requests on the wire', () => {
  it('sends the User-Agent, a JSON body and the query in order', async () => {
    const { url, requests } = await serve([{ status: 201, body: { id: 7 } }]);
    const { api } = testClient(url);
    const response = await api.request({
      method: 'POST',
      path: '/v2/manage/namespaces',
      query: [
        ['filter', 'namespace::team|mode::visible'],
        ['b', '2'],
      ],
      body: { namespace: 'team' },
      operation: 'create namespace team',
    });
    expect(response).toMatchObject({ status: 201, body: { id: 7 } });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/v2/manage/namespaces?filter=namespace%3A%3Ateam%7Cmode%3A%3Avisible&b=2',
      body: '{"namespace":"team"}',
    });
    expect(requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends what the authenticator adds, and the signer sees the exact URL', async () => {
    const { url, requests } = await serve([{ status: 200, body: [] }]);
    const seen: string[] = [];
    const { api } = testClient(url, {
      authenticate: (wire) => {
        seen.push(`${wire.method} ${wire.url.pathname}${wire.url.search} ${wire.body}`);
        wire.headers['X-Auth-Token'] = 'token-1';
      },
    });
    await api.request({
      method: 'GET',
      path: '/v2/manage/namespaces/team/repos/a$b/tags',
      query: [['limit', '5']],
      operation: 'list',
    });
    expect(seen).toEqual(['GET /v2/manage/namespaces/team/repos/a$b/tags?limit=5 ']);
    expect(requests[0]?.url).toBe('/v2/manage/namespaces/team/repos/a$b/tags?limit=5');
    expect(requests[0]?.headers['x-auth-token']).toBe('token-1');
  });

  it('returns lower-case headers, and undefined for an empty body', async () => {
    const { url } = await serve([{ status: 204, headers: { 'Content-Range': '0-0/0' } }]);
    const { api } = testClient(url);
    const response = await api.request({ method: 'DELETE', path: '/x', operation: 'delete x' });
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(response.headers['content-range']).toBe('0-0/0');
  });

  it('hands back a raw body as text without parsing it', async () => {
    const { url } = await serve([{ status: 200, body: 'plain text, not JSON' }]);
    const { api } = testClient(url);
    const response = await api.request({
      method: 'GET',
      path: '/ip',
      operation: 'look up IP',
      rawBody: true,
    });
    expect(response).toMatchObject({ status: 200, text: 'plain text, not JSON', body: undefined });
  });

  it('reports each attempt to onRequest without the query string', async () => {
    const { url } = await serve([{ status: 200, body: {} }]);
    const { api, events } = testClient(url);
    await api.request({ method: 'GET', path: '/v2/y', query: [['secretish', 'v']], operation: 'read y' });
    expect(events).toEqual([
      { operation: 'read y', method: 'GET', path: '/v2/y', status: 200, attempt: 1, durationMs: 0 },
    ]);
  });
});
