// ensure-namespace, prune-tags and sync-whitelist through the CLI (dist/cli.js) against the emulator: the
// same decisions as on a runner, outputs on stdout, the post step of sync-whitelist from its state file,
// also after a failed main, and input errors with exit code 2 before any call.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '../emulator/index.ts';
import { type CliRun, cliCommand, cliStateDir, runCli } from '../harness/cli.ts';
import { newJobDir } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';
import {
  type Fixture,
  fixturesClosedAfterEach,
  instanceId,
  WHITELIST_PATH,
  whitelist,
} from './sync-whitelist-support.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bce = DEFAULT_CREDENTIALS.baidu;
const emulatorForTest = closedAfterEach(startEmulator);
const startSyncFixture = fixturesClosedAfterEach();

async function cli(
  action: string,
  inputs: Record<string, string>,
  extra: string[] = [],
  jobDir = newJobDir(),
) {
  const { args, env } = cliCommand(inputs);
  return runCli([action, ...args, ...extra], { env, jobDir });
}

function expectClean(run: CliRun, secrets: readonly string[]): void {
  expect(findLeaks(run, secrets)).toEqual([]);
  for (const line of run.log.split('\n')) expect(line, line).not.toMatch(/^\s*::|##\[/);
}

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const tag = (name: string, digest: string, days: number) => ({
  tag: name,
  digest,
  size: 100,
  created: ago(days),
  updated: ago(days),
});

describe('registry-actions ensure-namespace', () => {
  it('creates the namespace with its repositories, then finds nothing to change', async () => {
    const e = await emulatorForTest({ seed: { region: 'cn-north-4' } });
    const inputs = {
      ...swrEmulatorInputs(e.url),
      namespace: 'team-cli',
      repositories: 'web visibility=public',
    };
    const run = await cli('ensure-namespace', inputs, ['--format', 'json']);
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({
      created: 'true',
      namespace: 'team-cli',
      'registry-path': 'swr.cn-north-4.myhuaweicloud.com/team-cli',
    });
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      { action: 'create namespace', target: 'team-cli', detail: 'does not exist' },
      { action: 'create repository', target: 'team-cli/web', detail: 'public, category other' },
    ]);
    expect(e.state.swrNamespaces.get('team-cli')?.repositories.get('web')?.isPublic).toBe(true);
    expectClean(run, [hw.secretAccessKey]);

    const again = await cli('ensure-namespace', inputs);
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs).toMatchObject({ CREATED: 'false', CHANGES: '[]' });
  });

  it('fails check-only on a missing namespace with exit code 1, and refuses a bad name with 2', async () => {
    const e = await emulatorForTest({ seed: { region: 'cn-north-4' } });
    const check = await cli('ensure-namespace', {
      ...swrEmulatorInputs(e.url),
      namespace: 'absent',
      'check-only': 'true',
    });
    expect(check.exitCode, check.log).toBe(1);
    expect(check.errors).toHaveLength(1);
    const calls = e.requests.length;
    const bad = await cli('ensure-namespace', { ...swrEmulatorInputs(e.url), namespace: 'Bad_Name!' });
    expect(bad.exitCode, bad.log).toBe(2);
    expect(bad.errors[0]).toMatch(/^Input 'namespace'/);
    expect(e.requests.length).toBe(calls);
    const post = await cli('ensure-namespace', { ...swrEmulatorInputs(e.url), namespace: 'x' }, ['--post']);
    expect(post.exitCode).toBe(2);
    expect(post.errors).toEqual([
      'ensure-namespace has no post step, so it takes neither --post nor --state-file.',
    ]);
  });
});

describe('registry-actions prune-tags', () => {
  const seed = {
    region: 'cn-north-4',
    swr: {
      namespaces: [
        {
          name: 'team',
          repositories: [
            {
              name: 'web',
              tags: [
                tag('latest', 'sha256:aaa', 0),
                tag('v1', 'sha256:bbb', 1),
                tag('ci-1', 'sha256:ccc', 40),
                tag('ci-2', 'sha256:ddd', 41),
                tag('ci-3', 'sha256:aaa', 42),
              ],
            },
          ],
        },
      ],
    },
  };
  const rules = { namespace: 'team', repositories: 'web', 'older-than': '30d', 'keep-last': '0' };
  const tagsOf = (e: Emulator) =>
    [...(e.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])].sort();

  it('shows the plan on a dry run, then deletes what it selects and never an image a kept tag needs', async () => {
    const e = await emulatorForTest({ seed });
    const inputs = { ...swrEmulatorInputs(e.url), ...rules };
    const dry = await cli('prune-tags', inputs, ['--dry-run', '--format', 'json']);
    expect(dry.exitCode, dry.log).toBe(0);
    expect(dry.outputs).toMatchObject({ deleted: '[]', 'planned-count': '2' });
    expect(e.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(dry.stderr).toMatch(/would delete\s+ci-1/);

    const real = await cli('prune-tags', inputs);
    expect(real.exitCode, real.log).toBe(0);
    expect(JSON.parse(real.outputs.DELETED!).sort()).toEqual(['web:ci-1', 'web:ci-2']);
    expect(real.outputs.DELETED_COUNT).toBe('2');
    expect(tagsOf(e)).toEqual(['ci-3', 'latest', 'v1']);
    expect(real.stderr).toMatch(/ci-3\s+protected: shares digest sha256:aaa with kept tag latest/);
    expectClean(real, [hw.secretAccessKey]);
  });

  it('shows each request as a debug line with --debug, and no debug line without it', async () => {
    const e = await emulatorForTest({ seed });
    const inputs = { ...swrEmulatorInputs(e.url), ...rules };
    const quiet = await cli('prune-tags', inputs, ['--dry-run']);
    expect(quiet.exitCode, quiet.log).toBe(0);
    expect(quiet.stderr).not.toMatch(/^debug: /m);

    const before = e.requests.length;
    const debug = await cli('prune-tags', inputs, ['--dry-run', '--debug']);
    expect(debug.exitCode, debug.log).toBe(0);
    const logged = debug.stderr
      .split('\n')
      .filter((line) => line.startsWith('debug: '))
      .map((line) => line.replace(/ \(attempt 1, \d+ ms\)$/, ''));
    const served = e.requests.slice(before).map((r) => `debug: ${r.method} ${r.path} → ${r.status}`);
    expect(served.length).toBeGreaterThan(0);
    expect(logged.sort()).toEqual(served.sort());
    expectClean(debug, [hw.secretAccessKey]);
  });

  it('refuses a bad rule with exit code 2 before any call, naming the input', async () => {
    const e = await emulatorForTest({ seed });
    const run = await cli('prune-tags', { ...swrEmulatorInputs(e.url), ...rules, 'keep-last': 'ten' });
    expect(run.exitCode, run.log).toBe(2);
    expect(run.errors).toEqual(['Input \'keep-last\' must be a whole number ≥ 0, got "ten".']);
    expect(e.requests).toEqual([]);
    expect(tagsOf(e)).toHaveLength(5);
  });

  it('fails with exit code 1 and deletes nothing when a listing keeps failing', async () => {
    const e = await emulatorForTest({ seed });
    e.setFaults({
      routes: [
        { method: 'GET', path: '/v2/manage/namespaces/team/repos/web/tags', error: true, errorStatus: 503 },
      ],
    });
    const run = await cli('prune-tags', { ...swrEmulatorInputs(e.url), ...rules });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(tagsOf(e)).toHaveLength(5);
  });
});

describe('registry-actions sync-whitelist', () => {
  const base = (f: Fixture) => ({
    ...ccrEmulatorInputs(f.emu.url),
    'instance-id': instanceId,
    'ip-lookup-url': f.lookup.url,
  });
  const leaseOf = (f: Fixture) => whitelist(f).filter((entry) => entry.ipAddr.startsWith('198.51.100.7'));

  it('leases the runner address for a GitLab job, and --post in after_script releases it', async () => {
    const f = await startSyncFixture({ whitelist: [{ ipAddr: '203.0.113.0/24', description: 'office' }] });
    const jobDir = newJobDir();
    const { args, env } = cliCommand(base(f));
    const main = await runCli(['sync-whitelist', ...args, '--runner-ip', 'true'], {
      jobDir,
      env: { ...env, CI_JOB_ID: '7001' },
    });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs.RUNNER_IP).toBe('198.51.100.7');
    expect(leaseOf(f)[0]?.description).toMatch(
      /^GitLab CI job \(registry-actions lease v1 until \S+: gitlab-7001\.[0-9a-f]{6}\)$/,
    );
    expect(Object.keys(main.state)).toEqual(['sync-whitelist-gitlab-7001.state.json']);
    expectClean(main, [bce.secretAccessKey]);

    // after_script: the credentials from the CI variables again, the state file found by CI_JOB_ID.
    const post = await runCli(['sync-whitelist', '--post', ...args], {
      jobDir,
      env: { ...env, CI_JOB_ID: '7001' },
    });
    expect(post.exitCode, post.log).toBe(0);
    expect(post.stderr).toContain('Runner lease for 198.51.100.7 released');
    expect(whitelist(f)).toEqual([{ ipAddr: '203.0.113.0/24', description: 'office' }]);
    expect(post.state).toEqual({});
    expectClean(post, [bce.secretAccessKey]);
  });

  it('releases the lease and restores public access in the post step after main failed later on', async () => {
    const f = await startSyncFixture({ status: 'closed' });
    f.emu.setFaults({ routes: [{ method: 'POST', path: '/v1/instances/*/privatelinks', error: true }] });
    const jobDir = newJobDir();
    const stateFile = join(jobDir, 'sync.state.json');
    const inputs = {
      ...base(f),
      'runner-ip': 'true',
      'public-access': 'open',
      'restore-public-access': 'true',
      'private-links': 'vpc-aaa111 sbn-bbb222',
    };
    const main = await cli('sync-whitelist', inputs, ['--state-file', stateFile], jobDir);
    expect(main.exitCode).toBe(1);
    expect(main.errors.join('\n')).toContain('link vpc-aaa111/sbn-bbb222 to instance');
    expect(f.emu.state.ccrInstances.get(instanceId)!.publicLinkStatus).toBe('opened');
    expect(leaseOf(f)).toHaveLength(1);
    expect(existsSync(stateFile)).toBe(true);

    f.emu.setFaults({});
    const post = await cli('sync-whitelist', base(f), ['--post', '--state-file', stateFile], jobDir);
    expect(post.exitCode, post.log).toBe(0);
    expect(post.stderr).toContain('last holder left');
    expect(post.stderr).toContain(`Public access of ${instanceId} restored: closed again`);
    expect(leaseOf(f)).toEqual([]);
    expect(f.emu.state.ccrInstances.get(instanceId)!.publicLinkStatus).toBe('closed');
    expect(existsSync(stateFile)).toBe(false);
    expect(readdirSync(jobDir)).not.toContain('sync.state.json');
  });

  it('refuses bad input with exit code 2 before any call, and leaves no state for a post step', async () => {
    const f = await startSyncFixture();
    const jobDir = newJobDir();
    const run = await cli(
      'sync-whitelist',
      { ...base(f), 'runner-ip': 'true', 'lease-duration': '3 weeks' },
      [],
      jobDir,
    );
    expect(run.exitCode, run.log).toBe(2);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^Input 'lease-duration'/);
    expect(f.emu.requests).toEqual([]);
    expect(run.state).toEqual({});
    const post = await cli('sync-whitelist', base(f), ['--post'], jobDir);
    expect(post.exitCode, post.log).toBe(0);
    expect(post.stderr).toContain('Nothing to undo');
    expect(f.emu.requests).toEqual([]);
  });

  it('keeps the state file when the post step fails, so it can run again', async () => {
    const f = await startSyncFixture();
    const jobDir = newJobDir();
    const main = await cli('sync-whitelist', { ...base(f), 'runner-ip': 'true' }, [], jobDir);
    expect(main.exitCode, main.log).toBe(0);
    f.emu.setFaults({ routes: [{ path: WHITELIST_PATH, error: true, errorStatus: 503 }] });
    const failed = await cli('sync-whitelist', base(f), ['--post'], jobDir);
    expect(failed.exitCode, failed.log).toBe(0);
    expect(failed.warnings.join('\n')).toMatch(/Could not release the runner lease for 198\.51\.100\.7/);
    expect(failed.stderr).toContain('.state.json is kept: run registry-actions sync-whitelist --post');
    expect(Object.keys(failed.state)).toEqual(['sync-whitelist-shell.state.json']);
    f.emu.setFaults({});
    const again = await cli('sync-whitelist', base(f), ['--post'], jobDir);
    expect(again.exitCode, again.log).toBe(0);
    expect(leaseOf(f)).toEqual([]);
    expect(existsSync(cliStateDir(jobDir))).toBe(true);
    expect(again.state).toEqual({});
  });
});
