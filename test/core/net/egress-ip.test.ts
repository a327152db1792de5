import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOOKUP_URLS, detectEgressIp, EgressIpError } from '../../../src/core/net/egress-ip.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const servers: Server[] = [];

async function lookupServer(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ip`;
}

const answering =
  (body: string, status = 200): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(body);
  };

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function failureOf(promise: Promise<unknown>): Promise<EgressIpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EgressIpError) return error;
    throw error;
  }
  throw new Error('expected an EgressIpError');
}

describe('detectEgressIp', () => {
  it('returns the address the first lookup answers, with its source', async () => {
    const url = await lookupServer(answering('203.0.113.7\n'));
    const result = await detectEgressIp({ version: '4', urls: [url] });
    expect(result).toEqual({ ip: expect.objectContaining({ text: '203.0.113.7', family: 4 }), source: url });
  });

  it('falls back to the next lookup when one fails or answers nonsense', async () => {
    const broken = await lookupServer(answering('busy', 503));
    const nonsense = await lookupServer(answering('<html>hello</html>'));
    const good = await lookupServer(answering('{"ip":"198.51.100.20"}'));
    const result = await detectEgressIp({ version: '4', urls: [broken, nonsense, good] });
    expect(result.ip.text).toBe('198.51.100.20');
    expect(result.source).toBe(good);
  });

  it('skips an answer of the wrong family for an explicit ip-version', async () => {
    const v6 = await lookupServer(answering('2001:db8::5'));
    const v4 = await lookupServer(answering('198.51.100.21'));
    expect((await detectEgressIp({ version: '4', urls: [v6, v4] })).ip.text).toBe('198.51.100.21');
    expect((await detectEgressIp({ version: '6', urls: [v4, v6] })).ip.text).toBe('2001:db8::5');
    expect((await detectEgressIp({ version: 'any', urls: [v6, v4] })).ip.text).toBe('2001:db8::5');
  });

  it('gives up on a lookup that never answers once its deadline fires', async () => {
    const aborts: AbortController[] = [];
    const silent = await lookupServer(() => {
      // Received and never answered: fire the lookup's deadline now instead of waiting for a timer.
      aborts.pop()?.abort();
    });
    const good = await lookupServer(answering('198.51.100.22'));
    const deadline = () => {
      const controller = new AbortController();
      aborts.push(controller);
      return controller.signal;
    };
    const result = await detectEgressIp({ version: '4', urls: [silent, good], timeoutMs: 1500, deadline });
    expect(result.ip.text).toBe('198.51.100.22');
  });

  it('fails with every lookup named and what it did when none answers', async () => {
    const broken = await lookupServer(answering('nope', 500));
    const v6 = await lookupServer(answering('2001:db8::9'));
    const aborts: AbortController[] = [];
    const silent = await lookupServer(() => aborts.pop()?.abort());
    const deadline = () => {
      const controller = new AbortController();
      aborts.push(controller);
      return controller.signal;
    };
    const error = await failureOf(
      detectEgressIp({ version: '4', urls: [broken, v6, silent], timeoutMs: 2000, deadline }),
    );
    expect(error.attempts).toEqual([
      `${broken} failed (HTTP 500)`,
      `${v6} answered 2001:db8::9, not an IPv4 address`,
      `${silent} failed (no answer within 2000 ms)`,
    ]);
    expect(error.message).toMatch(/^Could not detect the runner's public IPv4 address: /);
    expect(error.message).toContain('Set ip-lookup-url');
  });

  it('refuses oversized answers', async () => {
    const huge = await lookupServer(answering('x'.repeat(10_000)));
    const error = await failureOf(detectEgressIp({ version: '4', urls: [huge] }));
    expect(error.attempts[0]).toContain('answer longer than 4096 bytes');
  });

  it('reports a refused connection', async () => {
    const closed = await lookupServer(answering(''));
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const error = await failureOf(detectEgressIp({ version: 'any', urls: [closed] }));
    expect(error.attempts[0]).toMatch(/failed \(.*ECONNREFUSED/);
    expect(error.message).toContain('IPv4 or IPv6');
  });

  it('asks public services of the right family by default', () => {
    expect(DEFAULT_LOOKUP_URLS['4'].length).toBeGreaterThan(1);
    expect(DEFAULT_LOOKUP_URLS['6'].length).toBeGreaterThan(1);
    expect(DEFAULT_LOOKUP_URLS.any.length).toBeGreaterThan(1);
  });
});
