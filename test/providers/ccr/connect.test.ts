import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BaiduCredentials } from '../../../src/core/auth/credentials.ts';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import {
  ccrEndpointOf,
  ccrHint,
  connectCcr,
  defaultCcrEndpoint,
} from '../../../src/providers/ccr/connect.ts';
import type { CcrConnection } from '../../../src/providers/ccr/connection.ts';
import { verifyBaiduRequest } from '../../emulator/auth/verify-baidu.ts';

const AK = 'bce-test-ak-0001';
const SK = 'bce-test-sk-0123456789';

interface Seen {
  path: string;
  securityToken: string | undefined;
  verdict: string;
}

/** A CCR stand-in: checks bce-auth-v1 with the server-side verifier; 404 for an unknown instance. */
const seen: Seen[] = [];
let baseUrl: URL;
const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
  const result = verifyBaiduRequest(
    { method: req.method ?? 'GET', url, headers, body },
    (ak) => (ak === AK ? SK : undefined),
    new Date(),
  );
  seen.push({
    path: url.pathname,
    securityToken: req.headers['x-bce-security-token'] as string | undefined,
    verdict: result.ok ? 'ok' : result.reason,
  });
  const send = (status: number, payload: unknown) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json', 'x-bce-request-id': 'req-1' })
      .end(JSON.stringify(payload));
  if (!result.ok)
    return send(401, { code: 'SignatureDoesNotMatch', message: result.reason, requestId: 'req-1' });
  if (url.pathname === '/v1/instances/ccr-missing1') {
    return send(404, { code: 'NoSuchInstance', message: 'instance not found', requestId: 'req-1' });
  }
  return send(200, { info: { id: 'ccr-emu00001' } });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
  forgetSecrets();
});

function connection(credentials: BaiduCredentials, instanceId = 'ccr-emu00001'): CcrConnection {
  return {
    provider: 'ccr',
    region: 'bj',
    endpoint: baseUrl,
    instanceId,
    auth: { method: 'aksk', credentials, source: 'inputs access-key-id, secret-access-key' },
  };
}

const getInstance = (api: Awaited<ReturnType<typeof connectCcr>>, id: string) =>
  api.request({ method: 'GET', path: `/v1/instances/${id}`, operation: `get instance ${id}` });

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (error instanceof ApiError) return error;
  throw new Error(`expected an ApiError, got ${String(error)}`);
}

describe('connectCcr', () => {
  it('signs calls with bce-auth-v1 that the server verifies', async () => {
    const api = await connectCcr(connection({ accessKeyId: AK, secretAccessKey: SK }));
    const response = await getInstance(api, 'ccr-emu00001');
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ path: '/v1/instances/ccr-emu00001', securityToken: undefined, verdict: 'ok' }]);
  });

  it('sends the STS session token with temporary credentials', async () => {
    const api = await connectCcr(
      connection({ accessKeyId: AK, secretAccessKey: SK, sessionToken: 'sts-token' }),
    );
    await getInstance(api, 'ccr-emu00001');
    expect(seen).toEqual([{ path: '/v1/instances/ccr-emu00001', securityToken: 'sts-token', verdict: 'ok' }]);
  });

  it('explains a wrong secret key', async () => {
    const api = await connectCcr(connection({ accessKeyId: AK, secretAccessKey: 'wrong-sk' }));
    const error = await apiErrorOf(getInstance(api, 'ccr-emu00001'));
    expect(error.status).toBe(401);
    expect(error.hint).toBe(
      'CCR refused the credentials from inputs access-key-id, secret-access-key: the signature did not ' +
        'match: check that secret-access-key belongs to access-key-id.',
    );
  });

  it('points at instance-id and region for an unknown instance', async () => {
    const api = await connectCcr(connection({ accessKeyId: AK, secretAccessKey: SK }, 'ccr-missing1'));
    const error = await apiErrorOf(getInstance(api, 'ccr-missing1'));
    expect(error.hint).toBe(
      'Check instance-id ccr-missing1 and region bj: the instance must exist in that region.',
    );
  });
});

describe('ccrHint', () => {
  const conn: CcrConnection = {
    provider: 'ccr',
    region: 'xx',
    auth: {
      method: 'aksk',
      credentials: { accessKeyId: AK, secretAccessKey: SK },
      source: 'environment BCE_ACCESS_KEY_ID',
    },
  };
  const error = (status: number, message: string, code?: string) =>
    new ApiError({
      provider: 'CCR',
      operation: 'test',
      method: 'GET',
      path: '/v1/instances',
      status,
      providerMessage: message,
      ...(code && { code }),
    });

  it('derives the endpoint from region and blames the region when it does not resolve', () => {
    expect(defaultCcrEndpoint('bj').href).toBe('https://ccr.bj.baidubce.com/');
    const hint = ccrHint(
      error(0, 'getaddrinfo ENOTFOUND ccr.xx.baidubce.com'),
      { ...conn, instanceId: 'ccr-4k74gw7d' },
      defaultCcrEndpoint('xx'),
    );
    expect(hint).toBe(
      'Could not resolve ccr.xx.baidubce.com: check that region "xx" is a CCR region (e.g. bj, gz, su), or set endpoint.',
    );
  });

  it('uses ccr.baidubce.com for the personal edition whatever the region, enterprise hosts per region', () => {
    expect(ccrEndpointOf(conn).href).toBe('https://ccr.baidubce.com/');
    expect(ccrEndpointOf({ ...conn, region: 'bj', instanceId: 'ccr-4k74gw7d' }).href).toBe(
      'https://ccr.bj.baidubce.com/',
    );
    const hint = ccrHint(error(0, 'getaddrinfo ENOTFOUND ccr.baidubce.com'), conn, ccrEndpointOf(conn));
    expect(hint).toBe(
      "Could not resolve ccr.baidubce.com: check the runner's DNS and network, or set endpoint.",
    );
  });

  it('says an expired STS token needs renewing and a 403 needs a CCR permission', () => {
    expect(ccrHint(error(403, 'expired', 'SessionTokenExpired'), conn, baseUrl)).toContain(
      'the STS session token has expired',
    );
    expect(ccrHint(error(403, 'denied', 'AccessDenied'), conn, baseUrl)).toContain(
      'lacks permission for this call',
    );
  });
});
