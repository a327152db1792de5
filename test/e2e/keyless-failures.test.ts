// Keyless sign-in that must fail: each bad ID token (or a job without `id-token: write`) stops the
// step before any SWR call, with an ::error:: naming the check that failed, exit code 1, no stack trace.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runStep } from '../harness/runner.ts';
import { findLeaks } from '../support/leaks.ts';
import {
  hasStackTrace,
  type KeylessWorld,
  keylessInputs,
  keylessSecrets,
  startKeylessWorld,
  swrCalls,
} from './keyless-support.ts';

let world: KeylessWorld;

beforeAll(async () => {
  world = await startKeylessWorld({
    swr: { namespaces: [{ name: 'team', repositories: [{ name: 'web' }] }] },
  });
});
afterAll(async () => {
  await world.close();
});
afterEach(() => {
  world.emulator.requests.splice(0);
  world.claims.overrides = {};
  delete world.claims.now;
});

interface FailureCase {
  name: string;
  /** Sets up the bad token; returns the step's environment (the runner's ID token variables or none). */
  arrange: () => Record<string, string> | undefined;
  inputs?: Record<string, string>;
  /** What IAM (or the action) says about the failed check, and the action's next step. */
  error: RegExp[];
  /** Whether the ID token reaches IAM (false: the step stops before asking for one). */
  reachesIam: boolean;
}

const cases: FailureCase[] = [
  {
    name: 'bad signature (a key IAM does not hold)',
    arrange: () => world.forger.env,
    error: [/The id_token signature is invalid/, /IAM could not verify the ID token's signature/],
    reachesIam: true,
  },
  {
    name: 'expired token',
    arrange: () => {
      world.claims.now = new Date(Date.now() - 3_600_000);
      return world.runner.env;
    },
    error: [/The id_token has expired/, /The ID token was outside its validity period/],
    reachesIam: true,
  },
  {
    name: 'wrong audience (oidc-audience is not the client ID)',
    arrange: () => world.runner.env,
    inputs: { 'oidc-audience': 'sts.amazonaws.com' },
    error: [/audience \(aud\) sts\.amazonaws\.com does not match/, /The ID token audience did not match/],
    reachesIam: true,
  },
  {
    name: 'wrong issuer',
    arrange: () => {
      world.claims.overrides = { iss: 'https://issuer.example' };
      return world.runner.env;
    },
    error: [/issuer \(iss\) https:\/\/issuer\.example does not match/, /The ID token issuer did not match/],
    reachesIam: true,
  },
  {
    name: 'no mapping rule for the workflow (another repository)',
    arrange: () => {
      world.claims.overrides = { sub: 'repo:someone/fork:ref:refs/heads/main' };
      return world.runner.env;
    },
    error: [/No mapping rule/, /identity conversion rules/],
    reachesIam: true,
  },
  {
    name: 'missing id-token: write (ACTIONS_ID_TOKEN_REQUEST_* absent)',
    arrange: () => undefined,
    error: [/ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set/, /id-token: write/],
    reachesIam: false,
  },
];

const actions = {
  'ensure-namespace': { namespace: 'team', repositories: 'web\napi' },
  'prune-tags': { namespace: 'team', repositories: 'web', 'older-than': '1d' },
};

describe.each(Object.entries(actions))('%s with a rejected keyless sign-in', (action, actionInputs) => {
  it.each(cases)('fails on $name before any SWR call', async (failure) => {
    const tokensBefore = world.emulator.state.iamTokens.size;
    const env = failure.arrange();
    const step = await runStep({
      action,
      inputs: keylessInputs(world, { ...actionInputs, ...failure.inputs }),
      ...(env && { env }),
    });

    expect(step.exitCode).toBe(1);
    expect(step.errors).toHaveLength(1);
    for (const pattern of failure.error) expect(step.errors[0]).toMatch(pattern);
    expect(swrCalls(world)).toEqual([]);
    expect(world.emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
      failure.reachesIam ? [expect.stringMatching(/^POST \/v3\.0\/OS-AUTH\/id-token\/tokens 40[13]$/)] : [],
    );
    expect(world.emulator.state.iamTokens.size).toBe(tokensBefore);
    expect(hasStackTrace(step)).toBe(false);
    expect(findLeaks(step, keylessSecrets(world))).toEqual([]);
  });
});

describe('the stack trace check', () => {
  it('recognises a Node stack trace in a log', () => {
    const log =
      'Error: boom\n    at run (file:///dist/prune-tags/index.js:10:5)\n    at main (node:internal:1:1)';
    expect(hasStackTrace({ log })).toBe(true);
    expect(hasStackTrace({ log: '::error::at most 5 namespaces' })).toBe(false);
  });
});
