// Seeded OIDC identity providers: checked, served by the IAM route, kept by snapshots and reseeds.
import { afterEach, describe, expect, it } from 'vitest';
import { githubClaims, type JwtClaims, signJwt } from '../support/oidc/jwt.ts';
import { generateSigningKey, publicJwk, type SigningKey } from '../support/oidc/keys.ts';
import { type Emulator, startEmulator } from './index.ts';
import { buildState } from './seed-build.ts';
import { parseSeed } from './seed-parse.ts';
import type { OidcProviderSeed } from './seed-types.ts';
import { snapshotState } from './state-snapshot.ts';
import { call } from './test-client.ts';

const AUDIENCE = 'huaweicloud-swr';
const key = generateSigningKey();
const pem = (k: SigningKey) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function provider(extra: Partial<OidcProviderSeed> = {}): OidcProviderSeed {
  return { id: 'github-actions', audience: AUDIENCE, publicKeyPem: pem(key), ...extra };
}

/** POST /v3.0/OS-AUTH/id-token/tokens with a token signed by `signer` and the given claim overrides. */
async function exchange(url: string, overrides: JwtClaims = {}, signer = key, idpId = 'github-actions') {
  const idToken = signJwt(githubClaims({ audience: AUDIENCE, overrides }), signer);
  const answer = await call(url, {
    method: 'POST',
    path: '/v3.0/OS-AUTH/id-token/tokens',
    headers: { 'X-Idp-Id': idpId },
    body: { auth: { id_token: { id: idToken }, scope: { project: { name: 'cn-north-4' } } } },
  });
  const error = (answer.json as { error?: { message?: string } } | undefined)?.error;
  return { status: answer.status, token: answer.headers['x-subject-token'], message: error?.message };
}

describe('seed oidcProviders', () => {
  it('serves keyless sign-in for a provider given as PEM, with a usable IAM token', async () => {
    emulator = await startEmulator({ seed: parseSeed({ oidcProviders: [provider()] }) });
    const { status, token } = await exchange(emulator.url);
    expect(status).toBe(201);
    const namespaces = await call(emulator.url, { path: '/v2/manage/namespaces', auth: 'token', token });
    expect(namespaces.status).toBe(200);
  });

  it('accepts the key as a JWK, as an issuer publishes it', async () => {
    const jwkKey = generateSigningKey();
    const seed = parseSeed({
      oidcProviders: [{ id: 'jwk-idp', audience: AUDIENCE, publicKeyJwk: publicJwk(jwkKey) }],
    });
    emulator = await startEmulator({ seed });
    expect((await exchange(emulator.url, {}, jwkKey, 'jwk-idp')).status).toBe(201);
    expect((await exchange(emulator.url, {}, key, 'jwk-idp')).message).toMatch(/signature is invalid/);
  });

  it('checks the seeded issuer and subject pattern', async () => {
    const seed = parseSeed({
      oidcProviders: [provider({ issuer: 'https://idp.example', subjectPattern: '^repo:example/app:' })],
    });
    emulator = await startEmulator({ seed });
    expect((await exchange(emulator.url)).message).toMatch(/issuer \(iss\).*does not match/);
    const trusted = { iss: 'https://idp.example' };
    expect((await exchange(emulator.url, trusted)).status).toBe(201);
    const other = await exchange(emulator.url, { ...trusted, sub: 'repo:evil/app:ref:refs/heads/main' });
    expect(other).toMatchObject({ status: 403, message: expect.stringMatching(/No mapping rule/) });
  });

  it('answers 404 for an identity provider the seed does not declare', async () => {
    emulator = await startEmulator({ seed: parseSeed({ oidcProviders: [provider()] }) });
    const answer = await exchange(emulator.url, {}, key, 'unknown-idp');
    expect(answer).toMatchObject({ status: 404, message: expect.stringContaining('unknown-idp') });
  });

  it('keeps providers through a snapshot fed back as a seed, and through the admin reseed', async () => {
    const seed = parseSeed({ oidcProviders: [provider({ subjectPattern: '^repo:' })] });
    const snapshot = snapshotState(buildState(seed, new Date()));
    expect(snapshot.oidcProviders).toEqual([provider({ subjectPattern: '^repo:' })]);
    emulator = await startEmulator();
    expect((await exchange(emulator.url)).status).toBe(404);
    const reseeded = await call(emulator.url, {
      method: 'PUT',
      path: '/__admin/seed',
      body: JSON.parse(JSON.stringify(snapshot)),
    });
    expect(reseeded.status).toBeLessThan(300);
    expect((await exchange(emulator.url)).status).toBe(201);
  });

  it.each([
    [{ oidcProviders: {} }, 'oidcProviders must be an array'],
    [{ oidcProviders: [{ audience: 'a', publicKeyPem: 'x' }] }, 'oidcProviders[0].id must be a string'],
    [{ oidcProviders: [{ id: 'a', publicKeyPem: 'x' }] }, 'oidcProviders[0].audience must be a string'],
    [{ oidcProviders: [{ id: 'a', audience: 'b' }] }, 'exactly one of publicKeyPem and publicKeyJwk'],
    [
      { oidcProviders: [{ id: 'a', audience: 'b', publicKeyPem: 'not a key' }] },
      'oidcProviders[0].publicKeyPem is not an RSA public key',
    ],
    [
      { oidcProviders: [{ id: 'a', audience: 'b', publicKeyJwk: { kty: 'oct', k: 'AAAA' } }] },
      'oidcProviders[0].publicKeyJwk is not an RSA public key',
    ],
    [{ oidcProviders: [provider({ subjectPattern: '(' })] }, 'subjectPattern is not a regular expression'],
    [{ oidcProviders: [provider(), provider()] }, 'oidcProviders[1].id github-actions is given twice'],
  ])('refuses a bad provider: %j', (seed, message) => {
    expect(() => parseSeed(seed)).toThrow(message);
  });
});
