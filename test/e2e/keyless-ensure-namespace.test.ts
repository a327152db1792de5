// ensure-namespace on SWR with keyless GitHub OIDC sign-in, run from dist/ as the runner runs it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StepResult } from '../harness/runner.ts';
import { findLeaks } from '../support/leaks.ts';
import {
  AUDIENCE,
  hasStackTrace,
  type KeylessWorld,
  keylessSecrets,
  runKeylessStep,
  startKeylessWorld,
  swrCalls,
} from './keyless-support.ts';

let world: KeylessWorld;

beforeAll(async () => {
  world = await startKeylessWorld({ swr: { namespaces: [{ name: 'existing' }] } });
});
afterAll(async () => {
  await world.close();
});
afterEach(() => {
  world.emulator.requests.splice(0);
});

function ensure(inputs: Record<string, string>): Promise<StepResult> {
  return runKeylessStep(world, 'ensure-namespace', inputs);
}

describe('ensure-namespace with keyless sign-in (no stored secret)', () => {
  it('creates the namespace, repositories and permissions with an IAM token from the ID token', async () => {
    const step = await ensure({
      namespace: 'keyless-team',
      repositories: 'web visibility=public\ntools/cli',
      permissions: 'bob read id=u-bob',
    });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.outputs.created).toBe('true');
    expect(step.outputs['registry-path']).toBe('swr.cn-north-4.myhuaweicloud.com/keyless-team');
    const namespace = world.emulator.state.swrNamespaces.get('keyless-team');
    expect([...(namespace?.repositories.keys() ?? [])].sort()).toEqual(['tools/cli', 'web']);
    expect(namespace?.repositories.get('web')?.isPublic).toBe(true);
    expect(namespace?.access.get('u-bob')).toMatchObject({ userName: 'bob', auth: 1 });

    expect(world.runner.requests.at(-1)).toEqual({ audience: AUDIENCE, authorized: true });
    const iamCalls = world.emulator.requests.filter((r) => r.path.startsWith('/v3'));
    expect(iamCalls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v3.0/OS-AUTH/id-token/tokens 201',
    ]);
    const calls = swrCalls(world);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => !call.endsWith(' iam-token'))).toEqual([]);

    const idToken = world.runner.issued.at(-1)!;
    const iamTokens = [...world.emulator.state.iamTokens.keys()];
    expect(iamTokens).toHaveLength(1);
    expect(step.masks).toEqual(expect.arrayContaining([idToken, ...iamTokens]));
    expect(findLeaks(step, keylessSecrets(world))).toEqual([]);
    expect(hasStackTrace(step)).toBe(false);
  });

  it('changes nothing on a second run and still signs in keylessly', async () => {
    const step = await ensure({ namespace: 'existing' });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.outputs.created).toBe('false');
    expect(world.emulator.requests.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual([
      '/v3.0/OS-AUTH/id-token/tokens',
    ]);
    expect(findLeaks(step, keylessSecrets(world))).toEqual([]);
  });
});
