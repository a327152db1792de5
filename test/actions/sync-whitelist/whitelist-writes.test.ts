// The rewrite executor against a local allowlist server that, unlike the emulator, refuses `/32` forms.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AddOutcome,
  failedAddOutcome,
  writeReplacing,
} from '../../../src/actions/sync-whitelist/whitelist-writes.ts';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { createApiClient } from '../../../src/core/http/client.ts';
import { ccrInstanceAllowlist } from '../../../src/providers/ccr/instance-allowlist.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A tiny allowlist API: exact-text duplicates and (optionally) full-prefix forms are refused with 400. */
async function allowlistServer(list: WhitelistItem[], options: { refuseFullPrefix: boolean }) {
  const log: string[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const parsed = body ? JSON.parse(body) : {};
      log.push(`${request.method} ${parsed.ipAddr ?? parsed.items?.join(',') ?? ''}`);
      const refuse = (message: string) => {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ code: 'InvalidParameter', message, requestId: 'r1' }));
      };
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ domain: 'd', status: 'opened', whitelist: list }));
      }
      if (request.method === 'POST') {
        if (options.refuseFullPrefix && /\/(32|128)$/.test(parsed.ipAddr)) return refuse('bad ipAddr');
        if (list.some((item) => item.ipAddr === parsed.ipAddr)) return refuse('exists');
        list.push({ ipAddr: parsed.ipAddr, description: parsed.description });
      }
      if (request.method === 'DELETE') {
        const gone = new Set<string>(parsed.items);
        list.splice(0, list.length, ...list.filter((item) => !gone.has(item.ipAddr)));
      }
      response.writeHead(200);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const client = createApiClient({
    provider: 'CCR',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    retry: { maxAttempts: 1 },
  });
  return { api: ccrInstanceAllowlist(client, 'ccr-1'), log };
}

const old = { ipAddr: '198.51.100.7', description: 'runner (o lease v1 until 2025-06-01T18:00Z: a)' };
const next = { ipAddr: '198.51.100.7/32', description: 'runner (o lease v2 until 2025-06-01T18:00Z: a b)' };

describe('writeReplacing', () => {
  it('adds the new form before deleting the old one', async () => {
    const list = [{ ...old }];
    const { api, log } = await allowlistServer(list, { refuseFullPrefix: false });
    await writeReplacing(api, next, [old]);
    expect(list).toEqual([next]);
    expect(log).toEqual(['POST 198.51.100.7/32', 'DELETE 198.51.100.7']);
  });

  it('falls back to delete-then-add under the old form when the API refuses the other form', async () => {
    const list = [{ ...old }];
    const { api, log } = await allowlistServer(list, { refuseFullPrefix: true });
    const adds: AddOutcome[] = [];
    await writeReplacing(api, next, [old], (outcome) => adds.push(outcome));
    expect(adds, 'the refused form, then the added one').toEqual(['refused', 'added']);
    expect(list).toEqual([{ ipAddr: '198.51.100.7', description: next.description }]);
    expect(log).toEqual(['POST 198.51.100.7/32', 'GET ', 'DELETE 198.51.100.7', 'POST 198.51.100.7']);
  });

  it('reports a conflict without deleting anything when another writer took the new form first', async () => {
    const list = [
      { ...old },
      { ipAddr: '198.51.100.7/32', description: 'runner (o lease v2 until 2025-06-01T18:00Z: a c)' },
    ];
    const { api, log } = await allowlistServer(list, { refuseFullPrefix: false });
    const adds: AddOutcome[] = [];
    await expect(writeReplacing(api, next, [old], (o) => adds.push(o))).rejects.toMatchObject({
      name: 'ApiError',
      status: 400,
    });
    expect(list).toHaveLength(2);
    expect(log).toEqual(['POST 198.51.100.7/32', 'GET ']);
    expect(adds).toEqual(['refused']);
  });
});

describe('failedAddOutcome', () => {
  const error = (status: number) =>
    new ApiError({
      provider: 'CCR',
      operation: 'add 198.51.100.7 to the public allowlist of instance ccr-1',
      method: 'POST',
      path: '/v1/instances/ccr-1/publiclinks/whitelist',
      status,
      providerMessage: 'x',
    });

  it('is refused when the registry answered with a 4xx: nothing was added', () => {
    for (const status of [400, 401, 403, 409]) expect(failedAddOutcome(error(status))).toBe('refused');
  });

  it('is unknown without an answer, after a 5xx, or for any other failure: the add may have landed', () => {
    expect(failedAddOutcome(error(0))).toBe('unknown');
    expect(failedAddOutcome(error(503))).toBe('unknown');
    expect(failedAddOutcome(new Error('socket hang up'))).toBe('unknown');
  });
});
