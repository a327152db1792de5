import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HuaweiAuth } from '../../../src/core/auth/credentials.ts';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import { connectSwr, swrHint, swrSigningCredentials } from '../../../src/providers/swr/connect.ts';
import type { SwrConnection } from '../../../src/providers/swr/connection.ts';
import { createSwrNamespace } from '../../../src/providers/swr/namespaces.ts';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '../../emulator/index.ts';
import { registerOidcProvider } from '../../emulator/routes/iam-oidc.ts';
import { captureMasks } from '../../support/oidc/capture-masks.ts';
import { type IdTokenServer, startIdTokenServer } from '../../support/oidc/id-token-server.ts';
import { generateSigningKey } from '../../support/oidc/keys.ts';

const HW = DEFAULT_CREDENTIALS.huawei;
const AKSK: HuaweiAuth = {
  method: 'aksk',
  credentials: { accessKeyId: HW.accessKeyId, secretAccessKey: HW.secretAccessKey },
  source: 'inputs access-key-id, secret-access-key',
};
const PASSWORD: HuaweiAuth = {
  method: 'password',
  username: HW.userName,
  password: HW.password,
  domain: HW.domainName,
  source: 'inputs iam-username, iam-password',
};
const OIDC: HuaweiAuth = { method: 'oidc', idpId: 'idp-github', audience: 'swr', source: 'GitHub OIDC' };

let emulator: Emulator;
let idServer: IdTokenServer;

beforeAll(async () => {
  const key = generateSigningKey();
  emulator = await startEmulator();
  registerOidcProvider(emulator.state, { id: 'idp-github', audience: 'swr', publicKey: key.publicKey });
  idServer = await startIdTokenServer({ key });
});
afterAll(async () => {
  await Promise.all([emulator.close(), idServer.close()]);
});
afterEach(() => {
  emulator.requests.splice(0);
  emulator.state.swrNamespaces.clear();
  forgetSecrets();
});

function connection(auth: HuaweiAuth): SwrConnection {
  const url = new URL(emulator.url);
  return { provider: 'swr', region: 'cn-north-4', endpoint: url, iamEndpoint: url, auth };
}

const connectOptions = { http: { retry: { maxAttempts: 1 } } };

/** Connects, creates two namespaces, and reports which paths were called and how SWR saw the caller. */
async function useSwr(auth: HuaweiAuth, options: { signing?: boolean } = {}) {
  const getIdToken = (audience?: string) => idTokenFor(audience);
  const api = await connectSwr(connection(auth), {
    ...connectOptions,
    ...options,
    env: idServer.env,
    getIdToken,
  });
  await createSwrNamespace(api, `ns-${auth.method}-a`);
  await createSwrNamespace(api, `ns-${auth.method}-b`);
  return emulator.requests.map(
    (request) => `${request.method} ${request.path} ${request.status} ${request.authKind}`,
  );
}

/** Asks the local runner endpoint, as core.getIDToken would. */
async function idTokenFor(audience?: string): Promise<string> {
  const url = `${idServer.url}${audience ? `&audience=${encodeURIComponent(audience)}` : ''}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${idServer.requestToken}` } });
  const body = (await response.json()) as { value: string };
  return body.value;
}

describe('connectSwr', () => {
  it('signs every call with the AK/SK', async () => {
    expect(await useSwr(AKSK)).toEqual([
      'POST /v2/manage/namespaces 201 huawei-signature',
      'POST /v2/manage/namespaces 201 huawei-signature',
    ]);
  });

  it('gets one IAM token by password, on first use, and sends it on every call', async () => {
    expect(await useSwr(PASSWORD)).toEqual([
      'POST /v3/auth/tokens 201 none',
      'POST /v2/manage/namespaces 201 iam-token',
      'POST /v2/manage/namespaces 201 iam-token',
    ]);
  });

  it('signs in keyless with the GitHub ID token', async () => {
    expect(await useSwr(OIDC)).toEqual([
      'POST /v3.0/OS-AUTH/id-token/tokens 201 none',
      'POST /v2/manage/namespaces 201 iam-token',
      'POST /v2/manage/namespaces 201 iam-token',
    ]);
    expect(idServer.requests.at(-1)).toEqual({ audience: 'swr', authorized: true });
  });

  it('exchanges the token once for temporary AK/SK when calls must be signed', async () => {
    expect(await useSwr({ ...OIDC }, { signing: true })).toEqual([
      'POST /v3.0/OS-AUTH/id-token/tokens 201 none',
      'POST /v3.0/OS-CREDENTIAL/securitytokens 201 none',
      'POST /v2/manage/namespaces 201 huawei-signature',
      'POST /v2/manage/namespaces 201 huawei-signature',
    ]);
  });

  it('masks the temporary AK/SK and security token handed out for signing', async () => {
    const { result, masks } = await captureMasks(() =>
      swrSigningCredentials(connection(PASSWORD), { ...connectOptions }),
    );
    expect(result.securityToken).toBeDefined();
    expect(masks).toEqual(
      expect.arrayContaining([result.accessKeyId, result.secretAccessKey, result.securityToken]),
    );
  });

  it('explains a rejected AK/SK', async () => {
    const wrong: HuaweiAuth = {
      ...AKSK,
      credentials: { accessKeyId: HW.accessKeyId, secretAccessKey: 'not-the-sk' },
    };
    const api = await connectSwr(connection(wrong), connectOptions);
    const error = await createSwrNamespace(api, 'ns-denied').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).hint).toBe(
      'SWR rejected the AK/SK from inputs access-key-id, secret-access-key: check that the AK exists and ' +
        'is enabled and that the SK belongs to it (a temporary AK/SK also needs security-token), and that ' +
        'the runner clock is right.',
    );
  });

  it('explains a wrong IAM password with the inputs to check', async () => {
    const wrong: HuaweiAuth = { ...PASSWORD, password: 'not-the-password' };
    const api = await connectSwr(connection(wrong), connectOptions);
    const error = await createSwrNamespace(api, 'ns-denied').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).provider).toBe('IAM');
    expect((error as ApiError).hint).toContain('Check iam-username, iam-password and iam-domain');
    expect((error as ApiError).message).not.toContain('not-the-password');
  });
});

describe('swrHint', () => {
  const defaultEndpoint: SwrConnection = { provider: 'swr', region: 'cn-north-4', auth: AKSK };
  const base: SwrConnection = { ...defaultEndpoint, endpoint: new URL('https://swr.internal.example.com') };
  const swrUrl = new URL('https://swr-api.cn-north-4.myhuaweicloud.com');
  const error = (status: number, method: string, path: string, message = 'refused', code?: string) =>
    new ApiError({
      provider: 'SWR',
      operation: 'test',
      method,
      path,
      status,
      providerMessage: message,
      ...(code && { code }),
    });

  it.each([
    ['POST', '/v2/manage/utils/secret', 'swr::createLoginSecret'],
    ['POST', '/v2/manage/namespaces', 'swr:namespace:createNamespace'],
    ['DELETE', '/v2/manage/namespaces/team/repos/app/tags/v1', 'swr:repo:deleteRepoTag'],
    ['GET', '/v2/manage/namespaces/team/repos/a$b/tags', 'swr:repo:listRepoTags'],
  ])('names the IAM action a 403 on %s %s needs', (method, path, action) => {
    expect(swrHint(error(403, method, path), base, swrUrl)).toBe(
      `The credentials were accepted but lack the IAM action ${action}: grant it to the IAM user or user ` +
        'group (a policy such as SWR Admin or a custom policy), or an organization permission in SWR.',
    );
  });

  it('tells an expired security token apart from a wrong key', () => {
    const temporary = connection({
      ...AKSK,
      credentials: { ...AKSK.credentials, securityToken: 'st' },
    } as HuaweiAuth);
    const expired = error(
      401,
      'GET',
      '/v2/manage/namespaces',
      'The security token has expired.',
      'APIGW.0301',
    );
    expect(swrHint(expired, temporary, swrUrl)).toContain(
      'The security token of the temporary AK/SK has expired',
    );
  });

  it('points at the region when the default endpoint does not resolve', () => {
    const dns = error(
      0,
      'GET',
      '/v2/manage/namespaces',
      'getaddrinfo ENOTFOUND swr-api.cn-nowhere-9.myhuaweicloud.com',
    );
    expect(swrHint(dns, { ...defaultEndpoint, region: 'cn-nowhere-9' }, swrUrl)).toContain(
      'check that region "cn-nowhere-9" is an SWR region',
    );
    expect(swrHint(dns, base, swrUrl)).toContain('check the endpoint input');
  });
});
