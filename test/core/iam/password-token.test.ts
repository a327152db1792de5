import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { createApiClient } from '../../../src/core/http/client.ts';
import { iamHint } from '../../../src/core/iam/iam-hint.ts';
import { requestPasswordToken } from '../../../src/core/iam/password-token.ts';
import { cacheToken } from '../../../src/core/iam/token-cache.ts';
import { forgetSecrets, redact } from '../../../src/core/redact/secrets.ts';
import { captureMasks } from '../../support/oidc/capture-masks.ts';

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: unknown;
}

/** A local IAM stand-in: issues iam-token-N for emu-user/secret, 401 otherwise. */
const seen: Seen[] = [];
let baseUrl = '';
const server = createServer(async (req: IncomingMessage, res) => {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  const body: unknown = JSON.parse(text || 'null');
  seen.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body });
  const password = JSON.stringify(body).includes('"password":"secret-pw"');
  res.setHeader('Content-Type', 'application/json');
  if (!password) {
    res.writeHead(401).end(
      JSON.stringify({
        error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
      }),
    );
    return;
  }
  res.setHeader('X-Subject-Token', `iam-token-${seen.length}`);
  res
    .writeHead(201)
    .end(JSON.stringify({ token: { expires_at: '2030-01-02T03:04:05.000000Z', methods: ['password'] } }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
  forgetSecrets();
});

const iam = () => createApiClient({ provider: 'IAM', baseUrl, hintFor: iamHint, retry: { maxAttempts: 1 } });
const user = { username: 'emu-user', password: 'secret-pw', domain: 'emu-domain' };

describe('requestPasswordToken', () => {
  it('posts the password method scoped to the region project and reads token and expiry', async () => {
    const token = await requestPasswordToken(iam(), user, 'cn-north-4');
    expect(token).toEqual({ value: 'iam-token-1', expiresAt: new Date('2030-01-02T03:04:05.000Z') });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/v3/auth/tokens',
        contentType: 'application/json',
        body: {
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'emu-user', password: 'secret-pw', domain: { name: 'emu-domain' } } },
            },
            scope: { project: { name: 'cn-north-4' } },
          },
        },
      },
    ]);
  });

  it('masks the token as soon as it arrives', async () => {
    const { result, masks } = await captureMasks(() => requestPasswordToken(iam(), user, 'cn-north-4'));
    expect(masks).toContain(result.value);
    expect(redact(`X-Auth-Token: ${result.value}`)).toBe('X-Auth-Token: ***');
  });

  it('turns a refused password into an ApiError that says which inputs to check', async () => {
    const error = await requestPasswordToken(iam(), { ...user, password: 'bad-pw-123' }, 'cn-north-4').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toContain('"The username or password is wrong."');
    expect((error as ApiError).hint).toBe(
      'Check iam-username, iam-password and iam-domain (the account name, not the user name); ' +
        'a locked or disabled IAM user is also refused.',
    );
    expect((error as ApiError).message).not.toContain('bad-pw-123');
  });

  it('is called once for many requests when cached', async () => {
    const client = iam();
    const getToken = cacheToken(() => requestPasswordToken(client, user, 'cn-north-4'));
    const tokens = await Promise.all([getToken(), getToken()]);
    expect(await getToken()).toBe('iam-token-1');
    expect(tokens).toEqual(['iam-token-1', 'iam-token-1']);
    expect(seen).toHaveLength(1);
  });
});
