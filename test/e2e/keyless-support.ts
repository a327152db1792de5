// Keyless e2e setup: an emulator seeded with a GitHub-like identity provider, and a runner ID token
// endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN) whose claims and signing key a test can change.

import { expect } from 'vitest';
import { type Emulator, type EmulatorSeed, startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { type IdTokenServer, startIdTokenServer } from '../support/oidc/id-token-server.ts';
import { githubClaims, type JwtClaims } from '../support/oidc/jwt.ts';
import { generateSigningKey, type SigningKey } from '../support/oidc/keys.ts';

export const IDP_ID = 'github-actions';
export const AUDIENCE = 'huaweicloud-swr';
export const REGION = 'cn-north-4';

/** Inputs that carry a stored secret; a keyless step must be given none of them. */
export const SECRET_INPUTS = [
  'access-key-id',
  'secret-access-key',
  'security-token',
  'iam-username',
  'iam-password',
  'iam-domain',
] as const;

export interface KeylessWorld {
  emulator: Emulator;
  /** The trusted runner endpoint: tokens signed with the key the identity provider holds. */
  runner: IdTokenServer;
  /** A runner endpoint signing with a key IAM does not know. */
  forger: IdTokenServer;
  /** Claim changes for the next ID tokens `runner` issues (reset it after each test). */
  claims: { overrides: JwtClaims; now?: Date };
  close(): Promise<void>;
}

/** Starts the emulator with the identity provider declared in its seed, and both ID token endpoints. */
export async function startKeylessWorld(seed: EmulatorSeed = {}): Promise<KeylessWorld> {
  const key: SigningKey = generateSigningKey();
  const publicKeyPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const emulator = await startEmulator({
    seed: {
      region: REGION,
      oidcProviders: [{ id: IDP_ID, audience: AUDIENCE, publicKeyPem, subjectPattern: '^repo:example/app:' }],
      ...seed,
    },
  });
  const claims: KeylessWorld['claims'] = { overrides: {} };
  const makeClaims = (audience: string) =>
    githubClaims({ audience, overrides: claims.overrides, ...(claims.now && { now: claims.now }) });
  const runner = await startIdTokenServer({ key, claims: makeClaims });
  const forger = await startIdTokenServer({ key: generateSigningKey() });
  return {
    emulator,
    runner,
    forger,
    claims,
    close: async () => {
      await Promise.all([emulator.close(), runner.close(), forger.close()]);
    },
  };
}

/** Keyless inputs for an SWR action against the emulator: idp-id and audience, no stored secret. */
export function keylessInputs(world: KeylessWorld, inputs: Record<string, string>): Record<string, string> {
  return {
    provider: 'swr',
    region: REGION,
    endpoint: world.emulator.url,
    'iam-endpoint': world.emulator.url,
    'idp-id': IDP_ID,
    'oidc-audience': AUDIENCE,
    ...inputs,
  };
}

/** Runs an SWR action from dist/ as the runner runs it, keylessly: asserts no stored secret is among its inputs. */
export function runKeylessStep(
  world: KeylessWorld,
  action: string,
  inputs: Record<string, string>,
): Promise<StepResult> {
  const given = keylessInputs(world, inputs);
  expect(Object.keys(given).filter((name) => (SECRET_INPUTS as readonly string[]).includes(name))).toEqual(
    [],
  );
  return runStep({ action, inputs: given, env: world.runner.env });
}

/** Every ID token and IAM token handed out so far: the secrets a keyless step must never show. */
export function keylessSecrets(world: KeylessWorld): string[] {
  return [...world.runner.issued, ...world.forger.issued, ...world.emulator.state.iamTokens.keys()];
}

/** SWR API calls the emulator saw (IAM's /v3… paths excluded), as `METHOD path authKind`. */
export function swrCalls(world: KeylessWorld): string[] {
  return world.emulator.requests
    .filter((r) => r.path.startsWith('/v2'))
    .map((r) => `${r.method} ${r.path} ${r.authKind}`);
}

/** True when a step printed a JavaScript stack trace (`    at fn (file:line:col)`). */
export function hasStackTrace(step: Pick<StepResult, 'log'>): boolean {
  return /^\s+at .+[:(].*\d+:\d+\)?$/m.test(step.log);
}
