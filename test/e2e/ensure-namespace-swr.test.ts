// ensure-namespace on SWR, run from dist/ as the runner runs it, against the emulator.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type Emulator, type EmulatorSeed, startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const emulatorForTest = closedAfterEach(startEmulator);
const start = (seed: EmulatorSeed = {}) => emulatorForTest({ seed });

function ensure(e: Emulator, inputs: Record<string, string>): Promise<StepResult> {
  return runStep({ action: 'ensure-namespace', inputs: { ...swrEmulatorInputs(e.url), ...inputs } });
}

const writes = (e: Emulator) => e.requests.filter((request) => request.method !== 'GET');

function expectNoLeaks(result: StepResult): void {
  expect(result.masks).toContain(hw.secretAccessKey);
  expect(findLeaks(result, [hw.secretAccessKey])).toEqual([]);
}

const declaration = {
  namespace: 'team-a',
  repositories: 'web visibility=public category=app_server description="Web front end"\ntools/cli',
  permissions: 'bob read id=u-bob',
};

describe('ensure-namespace on SWR', () => {
  it('creates the namespace with its repositories and permissions, and reports what it did', async () => {
    const e = await start();
    const result = await ensure(e, declaration);
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs.created).toBe('true');
    expect(result.outputs.namespace).toBe('team-a');
    expect(result.outputs['registry-path']).toBe('swr.cn-north-4.myhuaweicloud.com/team-a');
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { action: 'create namespace', target: 'team-a', detail: 'does not exist' },
      {
        action: 'create repository',
        target: 'team-a/web',
        detail: 'public, category app_server, description "Web front end"',
      },
      { action: 'create repository', target: 'team-a/tools/cli', detail: 'private, category other' },
      { action: 'grant permission', target: 'bob', detail: 'read' },
    ]);
    const ns = e.state.swrNamespaces.get('team-a');
    expect(ns?.owner).toBe(hw.domainName);
    expect(ns?.repositories.get('web')).toMatchObject({
      isPublic: true,
      category: 'app_server',
      description: 'Web front end',
    });
    expect(ns?.repositories.get('tools/cli')).toMatchObject({ isPublic: false, category: 'other' });
    expect(ns?.access.get('u-bob')).toEqual({ userId: 'u-bob', userName: 'bob', auth: 1 });
    expect(renderedMarkdown(result.summary)).toContain('| create repository | `team-a/web` |');
    expect(renderedMarkdown(result.summary)).toContain('namespace created');
    expectNoLeaks(result);
  });

  it('makes no write call when run again with the same declaration', async () => {
    const e = await start();
    expect((await ensure(e, declaration)).exitCode).toBe(0);
    e.requests.splice(0);
    const again = await ensure(e, declaration);
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs.created).toBe('false');
    expect(again.outputs.changes).toBe('[]');
    expect(again.log).toContain('namespace team-a is as declared: nothing to change');
    expect(e.requests.length).toBeGreaterThan(0);
    expect(writes(e)).toEqual([]);
  });

  it('lets 10 parallel runs race: exactly one create, all succeed', async () => {
    const e = await start();
    // Slow creates keep the runs inside the race window: most see "absent" and all try to create.
    e.setFaults({ routes: [{ method: 'POST', path: '/v2/manage/namespaces', latencyMs: 800 }] });
    const results = await Promise.all(Array.from({ length: 10 }, () => ensure(e, declaration)));
    for (const result of results) expect(result.exitCode, result.log).toBe(0);
    const creates = e.requests.filter((r) => r.method === 'POST' && r.path === '/v2/manage/namespaces');
    expect(creates.filter((r) => r.status === 201)).toHaveLength(1);
    expect(creates.filter((r) => r.status !== 201).every((r) => r.status === 409)).toBe(true);
    expect(results.filter((r) => r.outputs.created === 'true')).toHaveLength(1);
    const losers = results.filter((r) => r.log.includes('namespace team-a already exists'));
    expect(losers).toHaveLength(creates.length - 1);
    expect([...e.state.swrNamespaces.keys()]).toEqual(['team-a']);
    expect([...e.state.swrNamespaces.get('team-a')!.repositories.keys()].sort()).toEqual([
      'tools/cli',
      'web',
    ]);
    expect(e.state.swrNamespaces.get('team-a')!.access.get('u-bob')?.auth).toBe(1);
  });

  it('updates differing repository attributes and permissions, pruning undeclared users', async () => {
    const e = await start({
      swr: {
        namespaces: [
          {
            name: 'team-a',
            repositories: [{ name: 'web', isPublic: false, category: 'linux', description: 'keep me' }],
            permissions: [
              { user_id: 'u-bob', user_name: 'bob', auth: 1 },
              { user_id: 'u-eve', user_name: 'eve', auth: 3 },
            ],
          },
        ],
      },
    });
    const result = await ensure(e, {
      namespace: 'team-a',
      repositories: 'web visibility=public',
      permissions: 'bob manage',
      'prune-permissions': 'true',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs.created).toBe('false');
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { action: 'update repository', target: 'team-a/web', detail: 'visibility private → public' },
      { action: 'update permission', target: 'bob', detail: 'read → manage' },
      { action: 'revoke permission', target: 'eve', detail: 'edit' },
    ]);
    const ns = e.state.swrNamespaces.get('team-a')!;
    expect(ns.repositories.get('web')).toMatchObject({
      isPublic: true,
      category: 'linux',
      description: 'keep me',
    });
    expect([...ns.access.values()]).toEqual([{ userId: 'u-bob', userName: 'bob', auth: 7 }]);
  });

  it('rejects a bad namespace name before any call, naming each broken rule', async () => {
    const e = await start();
    const result = await ensure(e, { namespace: '9Team--x' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      `Input 'namespace' "9Team--x" is not an SWR organization (namespace) name: it may contain only ` +
        'lowercase letters, digits, ".", "_" and "-", got "T"; it must start with a lowercase letter; ' +
        'it has "--": separators (._-) may not stand next to each other, except "__".',
    ]);
    expect(e.requests).toEqual([]);
  });

  it('names the quota when the account already has 5 namespaces', async () => {
    const e = await start({ swr: { namespaces: ['n1', 'n2', 'n3', 'n4', 'n5'].map((name) => ({ name })) } });
    const result = await ensure(e, { namespace: 'n6' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('SVCSTG.SWR.4000097');
    expect(result.errors[0]).toContain('quota of 5 organizations');
    expect(e.state.swrNamespaces.has('n6')).toBe(false);
  });

  it('fails clearly when another account owns the name', async () => {
    const e = await start({ swr: { namespaces: [{ name: 'taken', owner: 'someone-else' }] } });
    const result = await ensure(e, { namespace: 'taken', repositories: 'web' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain(
      'SWR namespace "taken" already exists but is not visible to these credentials',
    );
    expect(result.errors[0]).toContain('another account most likely owns it');
    expect(writes(e).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v2/manage/namespaces 409',
    ]);
  });

  it('names shared repositories when another account owns the name but shares repositories with us', async () => {
    const e = await start({
      swr: { namespaces: [{ name: 'lent', owner: 'someone-else', sharedWith: ['emu-domain'] }] },
    });
    const result = await ensure(e, { namespace: 'lent', repositories: 'web' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain(
      'SWR namespace "lent" already exists, and these credentials see it only through shared repositories',
    );
    expect(e.requests.map((r) => r.query.filter).filter(Boolean)).toEqual([
      'namespace::lent',
      'namespace::lent',
      'namespace::lent|mode::visible',
    ]);
    expect(writes(e).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v2/manage/namespaces 409',
    ]);
  });

  it('blocks a grant to a new user without id, changing nothing', async () => {
    const e = await start();
    const result = await ensure(e, { namespace: 'team-a', permissions: 'dan read' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('add id=<IAM user id>');
    expect(writes(e)).toEqual([]);
    expect(renderedMarkdown(result.summary)).toContain('Nothing was changed');
  });
});

describe('ensure-namespace on SWR: check-only gate and dry run', () => {
  const seed: EmulatorSeed = {
    swr: {
      namespaces: [
        {
          name: 'team-a',
          repositories: [{ name: 'web', isPublic: false }],
          permissions: [{ user_id: 'u-bob', user_name: 'bob', auth: 1 }],
        },
      ],
    },
  };

  it('fails listing every difference, and writes nothing', async () => {
    const e = await start(seed);
    const result = await ensure(e, {
      namespace: 'team-a',
      repositories: 'web visibility=public\napi',
      permissions: 'bob edit',
      'check-only': 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toBe(
      'check-only: namespace team-a differs from the declaration (3):\n' +
        '- update repository team-a/web: visibility private → public\n' +
        '- create repository team-a/api: private, category other\n' +
        '- update permission bob: read → edit',
    );
    expect(renderedMarkdown(result.summary)).toContain('❌ Check only: 3 differences from the declaration.');
    expect(renderedMarkdown(result.summary)).toContain(
      '| update permission | `bob` | read → edit | differs |',
    );
    expect(result.outputs.created).toBe('false');
    expect(writes(e)).toEqual([]);
  });

  it('passes when the registry matches', async () => {
    const e = await start(seed);
    const result = await ensure(e, {
      namespace: 'team-a',
      repositories: 'web visibility=private',
      permissions: 'bob read',
      'check-only': 'true',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(renderedMarkdown(result.summary)).toContain(
      '✅ Check only: the registry matches the declaration.',
    );
  });

  it('fails for a missing namespace without creating it', async () => {
    const e = await start();
    const result = await ensure(e, { namespace: 'absent-ns', 'check-only': 'true' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('- create namespace absent-ns: does not exist');
    expect(e.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('shows the plan in a dry run and changes nothing', async () => {
    const e = await start(seed);
    const result = await ensure(e, { namespace: 'team-a', repositories: 'api', 'dry-run': 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.log).toContain('  - create repository team-a/api: private, category other');
    expect(renderedMarkdown(result.summary)).toContain(
      'Dry run: 1 change would be made; nothing was changed.',
    );
    expect(JSON.parse(result.outputs.changes!)).toHaveLength(1);
    expect(writes(e)).toEqual([]);
  });
});

describe('ensure-namespace on SWR: state absent', () => {
  const seed: EmulatorSeed = {
    swr: {
      namespaces: [
        {
          name: 'preview-7',
          repositories: [
            { name: 'web', tags: [{ tag: 'v1' }, { tag: 'v2' }] },
            { name: 'tools/cli', tags: [{ tag: 'latest' }] },
          ],
        },
      ],
    },
  };

  it('refuses to delete a namespace that holds repositories, naming them', async () => {
    const e = await start(seed);
    const result = await ensure(e, { namespace: 'preview-7', state: 'absent' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('namespace preview-7 still holds 2 repositories (tools/cli, web)');
    expect(result.errors[0]).toContain('force: true');
    expect(writes(e)).toEqual([]);
    expect(e.state.swrNamespaces.has('preview-7')).toBe(true);
  });

  it('with force and dry-run, lists what would go and deletes nothing', async () => {
    const e = await start(seed);
    const result = await ensure(e, {
      namespace: 'preview-7',
      state: 'absent',
      force: 'true',
      'dry-run': 'true',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { action: 'delete repository', target: 'preview-7/tools/cli', detail: 'with 1 tag' },
      { action: 'delete repository', target: 'preview-7/web', detail: 'with 2 tags' },
      { action: 'delete namespace', target: 'preview-7', detail: 'after its 2 repositories' },
    ]);
    expect(writes(e)).toEqual([]);
  });

  it('with force, deletes images, repositories and then the namespace; a re-run does nothing', async () => {
    const e = await start(seed);
    const result = await ensure(e, { namespace: 'preview-7', state: 'absent', force: 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(e.state.swrNamespaces.has('preview-7')).toBe(false);
    expect(writes(e).map((r) => `${r.method} ${r.path}`)).toContain(
      'DELETE /v2/manage/namespaces/preview-7/repos/tools$cli',
    );
    e.requests.splice(0);
    const again = await ensure(e, { namespace: 'preview-7', state: 'absent', force: 'true' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.changes).toBe('[]');
    expect(writes(e)).toEqual([]);
  });
});
