// prune-tags on SWR with keyless GitHub OIDC sign-in, run from dist/ as the runner runs it.
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../emulator/index.ts';
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

const DAY = 24 * 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
let world: KeylessWorld | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

const seed: EmulatorSeed = {
  swr: {
    namespaces: [
      {
        name: 'team',
        repositories: [
          {
            name: 'web',
            tags: [
              {
                tag: 'ci-1',
                digest: 'sha256:c1',
                size: 3000,
                created: ago(40 * DAY),
                updated: ago(40 * DAY),
              },
              {
                tag: 'ci-2',
                digest: 'sha256:c2',
                size: 4000,
                created: ago(35 * DAY),
                updated: ago(35 * DAY),
              },
              { tag: 'ci-3', digest: 'sha256:c3', size: 5000, created: ago(2 * DAY), updated: ago(2 * DAY) },
              { tag: 'latest', digest: 'sha256:c3', size: 5000, created: ago(DAY), updated: ago(DAY) },
            ],
          },
        ],
      },
    ],
  },
};

const tagsOf = (w: KeylessWorld) =>
  [...(w.emulator.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])].sort();

function prune(w: KeylessWorld, inputs: Record<string, string>): Promise<StepResult> {
  return runKeylessStep(w, 'prune-tags', { namespace: 'team', repositories: 'web', ...inputs });
}

describe('prune-tags with keyless sign-in (no stored secret)', () => {
  it('deletes the old tags with an IAM token from the ID token, masking both tokens', async () => {
    world = await startKeylessWorld(seed);
    const step = await prune(world, { keep: 'latest', 'older-than': '30d' });
    expect(step.exitCode, step.log).toBe(0);
    expect(tagsOf(world)).toEqual(['ci-3', 'latest']);
    expect(JSON.parse(step.outputs.deleted!).sort()).toEqual(['web:ci-1', 'web:ci-2']);
    expect(step.outputs['reclaimed-bytes']).toBe('7000');

    expect(world.runner.requests).toEqual([{ audience: AUDIENCE, authorized: true }]);
    const calls = swrCalls(world);
    expect(calls).toContain('DELETE /v2/manage/namespaces/team/repos/web/tags/ci-1 iam-token');
    expect(calls.filter((call) => !call.endsWith(' iam-token'))).toEqual([]);
    // One ID token exchange serves the whole run: the IAM token is cached, not re-requested per call.
    expect(world.emulator.requests.filter((r) => r.path.startsWith('/v3')).map((r) => r.path)).toEqual([
      '/v3.0/OS-AUTH/id-token/tokens',
    ]);

    const secrets = keylessSecrets(world);
    expect(secrets).toHaveLength(2);
    expect(step.masks).toEqual(expect.arrayContaining(secrets));
    expect(findLeaks(step, secrets)).toEqual([]);
    expect(hasStackTrace(step)).toBe(false);
  });

  it('plans without deleting in a dry run, still keyless', async () => {
    world = await startKeylessWorld(seed);
    const step = await prune(world, { 'older-than': '30d', 'keep-last': '0', 'dry-run': 'true' });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.outputs['planned-count']).toBe('2');
    expect(tagsOf(world)).toEqual(['ci-1', 'ci-2', 'ci-3', 'latest']);
    expect(world.emulator.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(findLeaks(step, keylessSecrets(world))).toEqual([]);
  });
});
