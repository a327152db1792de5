import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LocalProxy, startLocalProxy } from './support/local-proxy.ts';
import { type LocalServer, startLocalServer } from './support/local-server.ts';
import { rejection, testClient } from './support/test-client.ts';

let server: LocalServer;
let proxy: LocalProxy;

beforeEach(async () => {
  server = await startLocalServer([{ status: 200, body: { via: 'target' } }]);
  proxy = await startLocalProxy();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([server.close(), proxy.close()]);
});

/** Sets a proxy variable in both spellings (the lower-case one wins when both are set). */
function stubProxyEnv(name: 'http_proxy' | 'https_proxy' | 'no_proxy', value: string): void {
  vi.stubEnv(name, value);
  vi.stubEnv(name.toUpperCase(), value);
}

const get = {
  method: 'GET',
  path: '/v2/manage/namespaces',
  query: [['limit', '1']],
  operation: 'list namespaces',
} as const;

describe('proxies from the environment', () => {
  it('sends requests through HTTP_PROXY', async () => {
    stubProxyEnv('http_proxy', proxy.url);
    stubProxyEnv('no_proxy', '');
    const { api } = testClient(server.url, { dispatcher: undefined });
    expect((await api.request(get)).body).toEqual({ via: 'target' });
    expect(proxy.seen).toEqual([`GET ${server.url}/v2/manage/namespaces?limit=1`]);
    expect(server.requests).toHaveLength(1);
  });

  it('goes direct to a host listed in NO_PROXY', async () => {
    stubProxyEnv('http_proxy', proxy.url);
    stubProxyEnv('no_proxy', 'example.test,127.0.0.1');
    const { api } = testClient(server.url, { dispatcher: undefined });
    expect((await api.request(get)).body).toEqual({ via: 'target' });
    expect(proxy.seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('opens a CONNECT tunnel through HTTPS_PROXY for an https endpoint', async () => {
    stubProxyEnv('https_proxy', proxy.url);
    stubProxyEnv('http_proxy', '');
    stubProxyEnv('no_proxy', '');
    const host = server.url.slice('http://'.length);
    // The target speaks plain HTTP, so TLS fails after the tunnel opens: enough to see the route.
    const { api } = testClient(`https://${host}`, { dispatcher: undefined, retry: { maxAttempts: 1 } });
    const error = await rejection(api.request(get));
    expect(error).toMatchObject({
      status: 0,
      providerMessage: `TLS connection to ${host} failed: wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)`,
    });
    expect(proxy.seen).toEqual([`CONNECT ${host}`]);
  });
});
