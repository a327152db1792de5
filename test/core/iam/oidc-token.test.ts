import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HuaweiAuth } from '../../../src/core/auth/credentials.ts';
import { fetchIamToken } from '../../../src/core/auth/huawei-authenticator.ts';
import { ApiError, InputError } from '../../../src/core/errors/errors.ts';
import { createApiClient } from '../../../src/core/http/client.ts';
import { fetchGithubIdToken } from '../../../src/core/iam/github-id-token.ts';
import { iamHint } from '../../../src/core/iam/iam-hint.ts';
import { requestSecurityToken } from '../../../src/core/iam/security-token.ts';
import { forgetSecrets, redact } from '../../../src/core/redact/secrets.ts';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { registerOidcProvider } from '../../emulator/routes/iam-oidc.ts';
import { captureMasks } from '../../support/oidc/capture-masks.ts';
import { type IdTokenServer, startIdTokenServer } from '../../support/oidc/id-token-server.ts';
import { githubClaims, type JwtClaims } from '../../support/oidc/jwt.ts';
import { generateSigningKey } from '../../support/oidc/keys.ts';

const AUDIENCE = 'huaweicloud-swr';
const key = generateSigningKey();
let emulator: Emulator;
let idServer: IdTokenServer;
let forgedServer: IdTokenServer;
/** Claim changes for the next ID token the runner endpoint issues. */
let overrides: JwtClaims = {};
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator();
  registerOidcProvider(emulator.state, {
    id: 'idp-github',
    audience: AUDIENCE,
    publicKey: key.publicKey,
    subjectPattern: /^repo:example\/app:/,
  });
  const claims = (audience: string) => githubClaims({ audience, overrides });
  idServer = await startIdTokenServer({ key, claims });
  forgedServer = await startIdTokenServer({ key: generateSigningKey() });
});
afterAll(async () => {
  await Promise.all([emulator.close(), idServer.close(), forgedServer.close()]);
});
afterEach(() => {
  overrides = {};
  process.env = { ...savedEnv };
  forgetSecrets();
});

/** Points @actions/core's getIDToken at a local runner endpoint, as the runner's env would. */
function useRunner(server: IdTokenServer): void {
  Object.assign(process.env, server.env);
}

const iam = () =>
  createApiClient({ provider: 'IAM', baseUrl: emulator.url, hintFor: iamHint, retry: { maxAttempts: 1 } });
const oidc = (idpId = 'idp-github', audience = AUDIENCE): HuaweiAuth => ({
  method: 'oidc',
  idpId,
  audience,
  source: 'test',
});
const signIn = (auth = oidc()) =>
  fetchIamToken(auth as Exclude<HuaweiAuth, { method: 'aksk' }>, { iam: iam(), region: 'cn-north-4' });

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (error instanceof ApiError) return error;
  throw new Error(`expected an ApiError, got ${String(error)}`);
}

describe('keyless sign-in: GitHub ID token → IAM token', () => {
  it('requests the ID token for the audience and exchanges it for a masked IAM token', async () => {
    useRunner(idServer);
    const { result: token, masks } = await captureMasks(() => signIn());
    expect(token.value).toMatch(/^MII/);
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(idServer.requests.at(-1)).toEqual({ audience: AUDIENCE, authorized: true });
    expect(masks).toContain(token.value);
    expect(redact(token.value)).toBe('***');
    expect(emulator.state.iamTokens.get(token.value)?.userName).toBe(
      'idp-github/repo:example/app:ref:refs/heads/main',
    );
  });

  it.each([
    ['audience', { aud: 'someone-else' }, "set oidc-audience to the identity provider's client ID"],
    [
      'issuer',
      { iss: 'https://issuer.example.com' },
      'must have the issuer https://token.actions.githubusercontent.com',
    ],
    ['expiry', { exp: Math.floor(Date.now() / 1000) - 3600 }, 'check the runner clock'],
    ['mapping', { sub: 'repo:other/repo:ref:refs/heads/main' }, 'no mapping rule'],
  ])('says which check failed: %s', async (_check, claims, hint) => {
    useRunner(idServer);
    overrides = claims;
    const error = await apiErrorOf(signIn());
    expect(error.provider).toBe('IAM');
    expect(error.hint).toContain(hint);
  });

  it('says the signature check failed for a token signed with another key', async () => {
    useRunner(forgedServer);
    const error = await apiErrorOf(signIn());
    expect(error.status).toBe(401);
    expect(error.providerMessage).toContain('signature is invalid');
    expect(error.hint).toContain("IAM could not verify the ID token's signature");
  });

  it('points at idp-id when IAM has no such identity provider', async () => {
    useRunner(idServer);
    const error = await apiErrorOf(signIn(oidc('idp-unknown')));
    expect(error.status).toBe(404);
    expect(error.hint).toBe(
      'Check idp-id: no IAM identity provider has that id in this account (and iam-endpoint, if set).',
    );
  });
});

describe('fetchGithubIdToken', () => {
  it('names the permissions block to add when the job may not request an ID token', async () => {
    const error = await fetchGithubIdToken(AUDIENCE, { env: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      "Input 'idp-id' asks for keyless sign-in, which needs a GitHub OIDC ID token, but this job may not request one " +
        '(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). Add this to the job ' +
        '(or the workflow):\npermissions:\n  id-token: write\n  contents: read\n' +
        'Pull requests from forks never receive an ID token; use AK/SK secrets there or skip the step.',
    );
  });

  it('reports a refused request to the runner endpoint with the permission to check', async () => {
    useRunner(idServer);
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'not-the-runner-token';
    await expect(fetchGithubIdToken(AUDIENCE)).rejects.toThrow(
      /^Could not get a GitHub OIDC ID token for audience huaweicloud-swr: .*401.*"id-token: write"/s,
    );
    expect(idServer.requests.at(-1)).toEqual({ audience: AUDIENCE, authorized: false });
  });
});

describe('requestSecurityToken', () => {
  it('exchanges the IAM token for temporary AK/SK and masks all three values', async () => {
    useRunner(idServer);
    const token = await signIn();
    const { result: temporary, masks } = await captureMasks(() => requestSecurityToken(iam(), token.value));
    expect(temporary.accessKeyId).toBe(emulator.state.credentials.huawei.accessKeyId);
    expect(temporary.securityToken).toMatch(/^emu-sts-/);
    expect(masks).toEqual(
      expect.arrayContaining([temporary.accessKeyId, temporary.secretAccessKey, temporary.securityToken]),
    );
  });

  it('is refused for an unknown token', async () => {
    const error = await apiErrorOf(requestSecurityToken(iam(), 'MIInot-a-token'));
    expect(error.status).toBe(401);
    expect(error.hint).toContain('IAM would not issue temporary AK/SK for this token');
  });
});
