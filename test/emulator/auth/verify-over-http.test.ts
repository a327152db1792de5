import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireRequest } from '../../../src/core/http/types.ts';
import { signBaiduRequest } from '../../../src/core/signing/baidu-bce-auth-v1.ts';
import { signHuaweiRequest } from '../../../src/core/signing/huawei-hmac-sha256.ts';
import type { ReceivedRequest, VerifyResult } from './received-request.ts';
import { verifyBaiduRequest } from './verify-baidu.ts';
import { verifyHuaweiRequest } from './verify-huawei.ts';

const now = new Date('2024-05-06T07:08:09Z');
const huawei = { accessKeyId: 'HWEMUAK00000000000001', secretAccessKey: 'hw-emu-secret-key-0123456789' };
const baidu = { accessKeyId: 'bce-emu-ak-00000001', secretAccessKey: 'bce-emu-sk-0123456789' };

async function receive(message: IncomingMessage): Promise<ReceivedRequest> {
  let body = '';
  for await (const chunk of message) body += String(chunk);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: message.method ?? '',
    url: new URL(message.url ?? '/', `http://${headers.host}`),
    headers,
    body,
  };
}

// The server verifies with the scheme named by the Authorization header and answers with the result.
function verifyReceived(received: ReceivedRequest): VerifyResult {
  if ((received.headers.authorization ?? '').startsWith('bce-auth-v1/')) {
    return verifyBaiduRequest(
      received,
      (ak) => (ak === baidu.accessKeyId ? baidu.secretAccessKey : undefined),
      now,
    );
  }
  return verifyHuaweiRequest(
    received,
    (ak) => (ak === huawei.accessKeyId ? huawei.secretAccessKey : undefined),
    now,
  );
}

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((message, response) => {
    receive(message).then((received) => response.end(JSON.stringify(verifyReceived(received))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function send(wire: WireRequest): Promise<unknown> {
  const response = await undiciRequest(wire.url, {
    method: wire.method,
    headers: wire.headers,
    body: wire.body === '' ? undefined : wire.body,
  });
  return response.body.json();
}

const path = '/v2/manage/namespaces/team/repos/group$app/tags/%E7%89%88%E6%9C%AC';
const query = '?filter=namespace%3A%3Ateam%7Cmode%3A%3Avisible&tag=b&tag=a&empty=';

describe('signatures sent over HTTP verify on the server', () => {
  it('Huawei SDK-HMAC-SHA256 with $, unicode, filters, repeated keys and a JSON body', async () => {
    const wire: WireRequest = {
      method: 'PATCH',
      url: new URL(`${origin}${path}${query}`),
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'registry-actions-test' },
      body: '{"description":"说明"}',
    };
    signHuaweiRequest(wire, { ...huawei, securityToken: 'tok' }, { now, projectId: 'p1' });
    expect(await send(wire)).toEqual({ ok: true, accessKeyId: huawei.accessKeyId });
  });

  it('Baidu bce-auth-v1 with an STS token and a JSON body', async () => {
    const wire: WireRequest = {
      method: 'POST',
      url: new URL(`${origin}/v1/instances/ccr-1/publiclinks/whitelist${query}`),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '{"ipAddr":"203.0.113.7/32"}',
    };
    signBaiduRequest(wire, { ...baidu, sessionToken: 'sts' }, { now });
    expect(await send(wire)).toEqual({ ok: true, accessKeyId: baidu.accessKeyId });
  });

  it('a Huawei signature for another path is rejected with a reason', async () => {
    const wire: WireRequest = { method: 'GET', url: new URL(`${origin}/v2/a`), headers: {}, body: '' };
    signHuaweiRequest(wire, huawei, { now });
    wire.url = new URL(`${origin}/v2/b`);
    expect(await send(wire)).toEqual({ ok: false, reason: 'signature does not match the request' });
  });
});
