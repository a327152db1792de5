// ensure-namespace on CCR (enterprise and personal), run from dist/ as the runner runs it, against the emulator.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
} from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { ccrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';

const bce = DEFAULT_CREDENTIALS.baidu;
const instanceId = DEFAULT_CCR_INSTANCE.id;
const emulatorForTest = closedAfterEach(startEmulator);
const start = (seed: EmulatorSeed = {}) => emulatorForTest({ seed });

function ensure(e: Emulator, inputs: Record<string, string>): Promise<StepResult> {
  return runStep({ action: 'ensure-namespace', inputs: { ...ccrEmulatorInputs(e.url), ...inputs } });
}

const writes = (e: Emulator) => e.requests.filter((request) => request.method !== 'GET');
const projects = (e: Emulator) => e.state.ccrInstances.get(instanceId)!.projects;

describe('ensure-namespace on CCR enterprise', () => {
  it('creates the project with public as the API string, and outputs the instance registry path', async () => {
    const e = await start();
    const result = await ensure(e, { 'instance-id': instanceId, namespace: 'team-a', public: 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs.created).toBe('true');
    expect(result.outputs['registry-path']).toBe(`${DEFAULT_CCR_INSTANCE.publicURL}/team-a`);
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { action: 'create namespace', target: 'team-a', detail: 'public' },
    ]);
    expect(projects(e).get('team-a')?.isPublic).toBe(true);
    expect(result.masks).toContain(bce.secretAccessKey);
    expect(findLeaks(result, [bce.secretAccessKey])).toEqual([]);
  });

  it.each([
    ['items (the recorded choice)', 'items', ['GET /v1/instances/ccr-emu00001/projects 200']],
    [
      'another key (fallback to the namespace detail)',
      'projects',
      ['GET /v1/instances/ccr-emu00001/projects 200', 'GET /v1/instances/ccr-emu00001/projects/team 200'],
    ],
  ])('finds an existing namespace when the project list names its array %s', async (_, key, reads) => {
    const e = await start({
      ccrForms: { projectListKey: key },
      ccr: { instances: [{ ...DEFAULT_CCR_INSTANCE, projects: [{ name: 'team' }] }] },
    });
    const result = await ensure(e, { 'instance-id': instanceId, namespace: 'team' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs.created).toBe('false');
    const lookups = e.requests.filter((r) => r.path.includes('/projects'));
    expect(lookups.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(reads);
    expect(writes(e)).toEqual([]);
  });

  it('makes no write call on a re-run', async () => {
    const e = await start();
    expect((await ensure(e, { 'instance-id': instanceId, namespace: 'team-a' })).exitCode).toBe(0);
    e.requests.splice(0);
    const again = await ensure(e, { 'instance-id': instanceId, namespace: 'team-a' });
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs.created).toBe('false');
    expect(again.outputs.changes).toBe('[]');
    expect(writes(e)).toEqual([]);
  });

  it('lets 10 parallel runs race: exactly one create, all succeed', async () => {
    const e = await start();
    e.setFaults({ routes: [{ method: 'POST', path: '/v1/instances/*/projects', latencyMs: 800 }] });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => ensure(e, { 'instance-id': instanceId, namespace: 'team-a' })),
    );
    for (const result of results) expect(result.exitCode, result.log).toBe(0);
    const creates = e.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/projects'));
    expect(creates.filter((r) => r.status === 200)).toHaveLength(1);
    expect(creates.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    expect(results.filter((r) => r.outputs.created === 'true')).toHaveLength(1);
    expect([...projects(e).keys()]).toEqual(['team-a']);
  });

  it('warns about a visibility it cannot change, and fails on it in check-only mode', async () => {
    const seed: EmulatorSeed = {
      ccr: { instances: [{ id: instanceId, projects: [{ name: 'team-a', public: false }] }] },
    };
    const e = await start(seed);
    const applied = await ensure(e, { 'instance-id': instanceId, namespace: 'team-a', public: 'true' });
    expect(applied.exitCode, applied.log).toBe(0);
    expect(applied.warnings[0]).toContain('is private but declared public');
    const gate = await ensure(e, {
      'instance-id': instanceId,
      namespace: 'team-a',
      public: 'true',
      'check-only': 'true',
    });
    expect(gate.exitCode).toBe(1);
    expect(gate.errors[0]).toContain('check-only: namespace team-a differs from the declaration (1)');
    expect(writes(e)).toEqual([]);
  });

  it('rejects a name of digits only before any call', async () => {
    const e = await start();
    const result = await ensure(e, { 'instance-id': instanceId, namespace: '2024' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toBe(
      `Input 'namespace' "2024" is not a CCR namespace name: it must not consist of digits only.`,
    );
    expect(e.requests).toEqual([]);
  });
});

describe('ensure-namespace on CCR personal', () => {
  const seed: EmulatorSeed = {
    ccr: {
      personalProjects: [
        {
          id: 501,
          name: 'team-a',
          type: 'private',
          repoCount: 0,
          members: [{ userId: 'u1', userName: 'alice', role: 'admin' }],
        },
        { id: 502, name: 'team-ab', type: 'public', repoCount: 3 },
      ],
    },
  };

  it('finds an existing namespace by exact name and changes nothing', async () => {
    const e = await start(seed);
    const result = await ensure(e, { namespace: 'team-a' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs.created).toBe('false');
    expect(result.outputs['registry-path']).toBe('registry.baidubce.com/team-a');
    expect(writes(e)).toEqual([]);
  });

  it('fails for a missing namespace, saying to create it in the console', async () => {
    const e = await start(seed);
    const result = await ensure(e, { namespace: 'team' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('CCR personal namespace team does not exist');
    expect(result.errors[0]).toContain('Create it in the CCR console');
    expect(writes(e)).toEqual([]);
  });

  it('lists the members in a check-only run', async () => {
    const e = await start(seed);
    const result = await ensure(e, { namespace: 'team-a', 'check-only': 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.log).toContain('members of team-a: alice (admin)');
  });

  it('deletes an empty namespace with state absent, and refuses one with repositories unless forced', async () => {
    const e = await start(seed);
    const refused = await ensure(e, { namespace: 'team-ab', state: 'absent' });
    expect(refused.exitCode).toBe(1);
    expect(refused.errors[0]).toContain('namespace team-ab still holds 3 repositories');
    expect(e.state.ccrPersonalProjects.has(502)).toBe(true);

    const deleted = await ensure(e, { namespace: 'team-a', state: 'absent' });
    expect(deleted.exitCode, deleted.log).toBe(0);
    expect(JSON.parse(deleted.outputs.changes!)).toEqual([
      { action: 'delete namespace', target: 'team-a', detail: 'empty' },
    ]);
    expect(e.state.ccrPersonalProjects.has(501)).toBe(false);

    const forced = await ensure(e, { namespace: 'team-ab', state: 'absent', force: 'true' });
    expect(forced.exitCode, forced.log).toBe(0);
    expect(e.state.ccrPersonalProjects.has(502)).toBe(false);
    expect(writes(e).map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /v1/ccr/projects/501',
      'DELETE /v1/ccr/projects/502',
    ]);
  });
});
