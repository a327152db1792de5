// The v2 manifest reader against a small registry on loopback that answers as the distribution spec
// says: a challenge first, Basic or a realm's pull token after, manifests by digest.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { digestOf } from '../../../src/core/registry/manifest-document.ts';
import { createManifestReader } from '../../../src/core/registry/manifest-reader.ts';

const LOGIN = { registry: 'registry.test', username: 'robot', password: 'pull-secret-0123' };
const BASIC = `Basic ${Buffer.from('robot:pull-secret-0123').toString('base64')}`;
const child = (n: number) => `sha256:${String(n).repeat(64)}`;
const index = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [{ digest: child(1) }, { digest: child(2) }],
});
const image = JSON.stringify({ schemaVersion: 2, config: { digest: child(3) }, layers: [] });

interface FakeRegistry {
  url: string;
  seen: Array<{ path: string; authorization?: string; accept?: string }>;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** Serves `manifests` (text by digest) under team/app; `mode` says how it wants to be asked. */
async function fakeRegistry(
  mode: 'basic' | 'bearer' | 'foreign-realm' | 'tampered',
  manifests: Record<string, string> = { [digestOf(index)]: index, [digestOf(image)]: image },
): Promise<FakeRegistry> {
  const seen: FakeRegistry['seen'] = [];
  server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const authorization = request.headers.authorization;
    seen.push({ path: `${url.pathname}${url.search}`, authorization, accept: request.headers.accept });
    const origin = `http://${request.headers.host}`;
    if (url.pathname === '/token') {
      if (authorization !== BASIC) return response.writeHead(401).end();
      const scope = url.searchParams.get('scope');
      return response.end(JSON.stringify({ token: `token-for-${scope}` }));
    }
    const match = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
    const wanted = mode === 'basic' ? BASIC : `Bearer token-for-repository:${match?.[1] ?? ''}:pull`;
    if (authorization !== wanted) {
      const challenge =
        mode === 'basic'
          ? 'Basic realm="fake"'
          : `Bearer realm="${mode === 'foreign-realm' ? 'http://tokens.elsewhere.test' : origin}/token",service="fake"`;
      return response.writeHead(401, { 'www-authenticate': challenge }).end();
    }
    const text = match ? manifests[decodeURIComponent(match[2] ?? '')] : undefined;
    if (!text) return response.writeHead(404).end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
    const type = JSON.parse(text).mediaType ?? 'application/vnd.oci.image.manifest.v1+json';
    response.writeHead(200, { 'content-type': type });
    response.end(mode === 'tampered' ? text.replace('schemaVersion', 'schemaversion') : text);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const readerFor = (registry: FakeRegistry) =>
  createManifestReader(LOGIN, {
    provider: 'SWR',
    baseUrl: registry.url,
    http: { retry: { maxAttempts: 1 } },
  });

describe('createManifestReader', () => {
  it('answers a Basic challenge with the login and reads an index and an image, all list types accepted', async () => {
    const registry = await fakeRegistry('basic');
    const reader = readerFor(registry);
    const list = await reader.read('team/app', digestOf(index));
    expect(list.children).toEqual([child(1), child(2)]);
    expect(list.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect((await reader.read('team/app', digestOf(image))).children).toBeUndefined();
    // One challenge, then credentials on every request.
    expect(registry.seen.map((r) => r.authorization ?? 'none')).toEqual(['none', BASIC, BASIC]);
    expect(registry.seen[0]?.path).toBe(`/v2/team/app/manifests/${digestOf(index)}`);
    expect(registry.seen[0]?.accept).toContain('application/vnd.oci.image.index.v1+json');
    expect(registry.seen[0]?.accept).toContain('application/vnd.docker.distribution.manifest.list.v2+json');
  });

  it('gets one pull-scoped token per repository from the realm and sends it as Bearer', async () => {
    const registry = await fakeRegistry('bearer');
    const reader = readerFor(registry);
    expect((await reader.read('team/app', digestOf(index))).children).toHaveLength(2);
    await reader.read('team/app', digestOf(image));
    const tokenRequests = registry.seen.filter((r) => r.path.startsWith('/token'));
    expect(tokenRequests).toEqual([
      {
        path: '/token?service=fake&scope=repository%3Ateam%2Fapp%3Apull',
        authorization: BASIC,
        accept: 'application/json',
      },
    ]);
    expect(registry.seen.at(-1)?.authorization).toBe('Bearer token-for-repository:team/app:pull');
  });

  it('never sends the login to a token realm on another origin', async () => {
    const registry = await fakeRegistry('foreign-realm');
    const error = await readerFor(registry)
      .read('team/app', digestOf(index))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(String(error)).toContain('the login is sent only to the registry itself');
    expect(registry.seen.map((r) => r.authorization ?? 'none')).toEqual(['none']);
  });

  it('refuses an answer that does not hash to the digest asked for', async () => {
    const registry = await fakeRegistry('tampered');
    const error = await readerFor(registry)
      .read('team/app', digestOf(index))
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(/hashes to sha256:[0-9a-f]{64}, not to the digest asked for/);
  });

  it('refuses a name or digest that would not be a v2 path before any request', async () => {
    const registry = await fakeRegistry('basic');
    const reader = readerFor(registry);
    await expect(reader.read('team/../app', digestOf(index))).rejects.toThrow(/registry repository name/);
    await expect(reader.read('team/app', 'sha256:short')).rejects.toThrow(/manifest digest/);
    expect(registry.seen).toEqual([]);
  });

  it('reports a manifest the registry does not have as a 404 error', async () => {
    const registry = await fakeRegistry('basic', {});
    const error = await readerFor(registry)
      .read('team/app', child(9))
      .catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(404);
  });
});
