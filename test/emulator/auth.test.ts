import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { call, iamToken } from './test-client.ts';

let emulator: Emulator;
let clock = new Date('2025-03-01T10:00:00Z');

async function start(seed = {}) {
  clock = new Date('2025-03-01T10:00:00Z');
  emulator = await startEmulator({ seed, now: () => clock });
  return emulator;
}

afterEach(async () => {
  await emulator?.close();
});

const passwordBody = (password: string) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: 'emu-user', password, domain: { name: 'emu-domain' } } },
    },
    scope: { project: { name: 'cn-north-4' } },
  },
});

describe('IAM password tokens', () => {
  it('issues a token in X-Subject-Token with expires_at 24 hours ahead', async () => {
    const { url } = await start();
    const result = await call(url, {
      method: 'POST',
      path: '/v3/auth/tokens',
      body: passwordBody('emu-Passw0rd!'),
    });
    expect(result.status).toBe(201);
    expect(result.headers['x-subject-token']).toMatch(/^MII/);
    expect(result.json).toMatchObject({
      token: {
        expires_at: '2025-03-02T10:00:00.000Z',
        methods: ['password'],
        project: { name: 'cn-north-4' },
      },
    });
  });

  it('answers a wrong password with 401 and the IAM error body', async () => {
    const { url } = await start();
    const result = await call(url, { method: 'POST', path: '/v3/auth/tokens', body: passwordBody('wrong') });
    expect(result.status).toBe(401);
    expect(result.json).toEqual({
      error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
    });
    expect(result.headers['x-subject-token']).toBeUndefined();
  });

  it('rejects a token once its configured lifetime has passed', async () => {
    const { url } = await start({ tokenLifetimeSeconds: 60 });
    const token = await iamToken(url);
    const before = await call(url, { path: '/v2/manage/namespaces', auth: 'token', token });
    expect(before.status).toBe(200);
    clock = new Date(clock.getTime() + 61_000);
    const after = await call(url, { path: '/v2/manage/namespaces', auth: 'token', token });
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ error_code: 'APIGW.0307' });
  });
});

describe('IAM projects', () => {
  it('lists the project of a region for a signed request', async () => {
    const { url } = await start();
    const result = await call(url, {
      path: '/v3/projects',
      query: { name: 'cn-north-4' },
      auth: 'huawei',
      signedAt: clock,
    });
    expect(result.json).toMatchObject({
      projects: [{ name: 'cn-north-4', id: 'emu-project-id-0000000000000000001' }],
    });
    expect((await call(url, { path: '/v3/projects' })).status).toBe(401);
  });
});

describe('API auth', () => {
  it('answers an SWR request without credentials with 401 and the SWR error body', async () => {
    const { url } = await start();
    const result = await call(url, { path: '/v2/manage/namespaces' });
    expect(result.status).toBe(401);
    expect(result.json).toEqual([
      {
        errorCode: 'SVCSTG.SWR.401000',
        errorMessage: expect.stringContaining('Authentication failed'),
        detail: '',
      },
    ]);
  });

  it('accepts an SDK-HMAC-SHA256 signature with the emulator keys and records the auth kind', async () => {
    const { url } = await start();
    const result = await call(url, { path: '/v2/manage/namespaces', auth: 'huawei', signedAt: clock });
    expect(result.status).toBe(200);
    expect(emulator.requests.at(-1)).toMatchObject({
      path: '/v2/manage/namespaces',
      status: 200,
      authKind: 'huawei-signature',
    });
  });

  it('rejects a Huawei signature made with the wrong secret key', async () => {
    const { url } = await start();
    const keys = { accessKeyId: 'HWEMUAK00000000000001', secretAccessKey: 'not-the-secret' };
    const result = await call(url, { path: '/v2/manage/namespaces', auth: 'huawei', keys, signedAt: clock });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error_code: 'APIGW.0301' });
  });

  it('rejects a Huawei signature made outside the clock skew window', async () => {
    const { url } = await start();
    const signedAt = new Date(clock.getTime() - 20 * 60_000);
    const result = await call(url, { path: '/v2/manage/namespaces', auth: 'huawei', signedAt });
    expect(result.status).toBe(401);
    expect(String((result.json as { error_msg: string }).error_msg)).toMatch(/skew/);
  });

  it('rejects an unknown Huawei access key', async () => {
    const { url } = await start();
    const keys = { accessKeyId: 'OTHERAK', secretAccessKey: 'hw-emu-secret-key-0123456789' };
    const result = await call(url, { path: '/v2/manage/namespaces', auth: 'huawei', keys, signedAt: clock });
    expect(result.status).toBe(401);
    expect((result.json as { error_msg: string }).error_msg).toContain('AK not found');
  });

  it('accepts a bce-auth-v1 signature and answers with x-bce-request-id', async () => {
    const { url } = await start();
    const result = await call(url, { path: '/v1/instances', auth: 'baidu', signedAt: clock });
    expect(result.status).toBe(200);
    expect(result.headers['x-bce-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.at(-1)?.authKind).toBe('baidu-signature');
  });

  it('rejects a tampered Baidu request with 401 and the Baidu error body', async () => {
    const { url } = await start();
    const keys = { accessKeyId: 'bce-emu-ak-00000001', secretAccessKey: 'wrong' };
    const result = await call(url, { path: '/v1/instances', auth: 'baidu', keys, signedAt: clock });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({
      code: 'SignatureDoesNotMatch',
      requestId: result.headers['x-bce-request-id'],
    });
  });

  it('rejects an expired Baidu signature as RequestExpired', async () => {
    const { url } = await start();
    const signedAt = new Date(clock.getTime() - 3 * 3_600_000);
    const result = await call(url, { path: '/v1/instances', auth: 'baidu', signedAt });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ code: 'RequestExpired' });
  });

  it('rejects a CCR request signed with a Huawei token', async () => {
    const { url } = await start();
    const token = await iamToken(url);
    const result = await call(url, { path: '/v1/instances', auth: 'token', token });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ code: 'AccessDenied' });
  });
});
