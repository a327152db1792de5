// Limits a server cannot stretch: the whole attempt's deadline and the byte cap per response.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { rejection, testClient } from './support/test-client.ts';

const get = { method: 'GET', path: '/v2/manage/repos', operation: 'list repositories' } as const;

interface Served {
  url: string;
  requests: number;
  close: () => Promise<void>;
}

/** A server that answers each request through `respond`, counting them. */
async function serveWith(respond: (res: ServerResponse) => void): Promise<Served> {
  const served = { url: '', requests: 0, close: async () => {} };
  const server = createServer((_req, res) => {
    served.requests++;
    respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  served.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return served;
}

const serve = closedAfterEach(serveWith);

/** Headers at once, then one byte of a JSON array every 20 ms for as long as the client listens. */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('[');
  const timer = setInterval(() => res.write(' '), 20);
  res.on('close', () => clearInterval(timer));
}

describe('limits of one attempt', () => {
  it('cuts a body that trickles in past the attempt deadline, retries, then fails with an ApiError', async () => {
    const server = await serve(trickle);
    const { api, events } = testClient(server.url, {
      timeouts: { bodyMs: 5_000, attemptMs: 300 },
      retry: { maxAttempts: 2 },
    });
    const error = await rejection(api.request(get));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).providerMessage).toBe(
      `${server.url.slice(7)} did not finish its answer within 300 ms (gave up after 2 attempts)`,
    );
    expect(events.map((event) => event.errorCode)).toEqual(['ATTEMPT_DEADLINE', 'ATTEMPT_DEADLINE']);
    expect(server.requests).toBe(2);
  });

  it('refuses an answer larger than the byte cap without retrying it', async () => {
    const big = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ name: `repo-${i}` })));
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(big.length) });
      res.end(big);
    });
    const { api } = testClient(server.url, { maxResponseBytes: 10_000 });
    const error = await rejection(api.request(get));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).providerMessage).toBe(
      `${server.url.slice(7)} sent an answer larger than the 0.01 MiB allowed (Content-Length ${big.length})`,
    );
    expect(server.requests).toBe(1);
  });

  it('refuses a streamed answer without a length once it passes the cap', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      for (let i = 0; i < 100; i++) res.write(`${JSON.stringify({ name: 'x'.repeat(500) })},`);
      res.end('{}]');
    });
    const { api } = testClient(server.url, { maxResponseBytes: 10_000 });
    const error = (await rejection(api.request(get))) as ApiError;
    expect(error.status).toBe(0);
    expect(error.providerMessage).toMatch(/larger than the 0\.01 MiB allowed \(\d+ bytes or more\)$/);
  });

  it('reads an answer within the cap in full', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ name: 'web' }]));
    });
    const { api } = testClient(server.url, { maxResponseBytes: 10_000 });
    expect((await api.request(get)).body).toEqual([{ name: 'web' }]);
  });
});
