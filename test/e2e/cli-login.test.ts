// login through the CLI (dist/cli.js), as a GitLab job, a Jenkins build or a shell runs it, against the
// emulator: main prints sourceable outputs with the per-job DOCKER_CONFIG to export, records what to undo
// in a 0600 state file, and `--post` / `logout` undoes exactly that.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, startEmulator } from '../emulator/index.ts';
import { type CliRun, cliStateDir, runCli } from '../harness/cli.ts';
import { newJobDir } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { findLeaks } from '../support/leaks.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import { authOf, readDockerConfig, writeHomeConfig } from './login-support.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const registry = 'swr.cn-north-4.myhuaweicloud.com';
const swrUser = 'cn-north-4@CLILOGIN';
const swrPassword = 'swr-cli-password-0123456789abcdef';
const emulatorForTest = closedAfterEach(startEmulator);
const start = () =>
  emulatorForTest({
    seed: {
      region: 'cn-north-4',
      registryCredentials: { swr: { username: swrUser, password: swrPassword } },
    },
  });

/** Where the emulator is, as flags; the keys come from the vendor's variables, as on a build machine. */
const at = (url: string) => [
  '--provider',
  'swr',
  '--region',
  'cn-north-4',
  '--endpoint',
  url,
  '--iam-endpoint',
  url,
];
const vendorKeys = { HUAWEICLOUD_SDK_AK: hw.accessKeyId, HUAWEICLOUD_SDK_SK: hw.secretAccessKey };
const secrets = [swrPassword, hw.secretAccessKey];

/** No workflow command and no raw control character reaches the terminal. */
function expectPlainTerminal(run: CliRun): void {
  for (const line of run.log.split('\n')) expect(line, line).not.toMatch(/^\s*::|##\[/);
  expect(run.log).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}

describe('registry-actions login', () => {
  it('logs in, prints sourceable lines exporting a per-job DOCKER_CONFIG, and logout undoes it', async () => {
    const e = await start();
    const jobDir = newJobDir();
    const home = join(jobDir, 'home');
    const before = writeHomeConfig(home, { auths: { 'ghcr.io': { auth: 'b3RoZXI6bG9naW4=' } } });
    const main = await runCli(['login', ...at(e.url)], { jobDir, env: vendorKeys });
    expect(main.exitCode, main.log).toBe(0);
    // Sourced by sh: only DOCKER_CONFIG is exported, the other outputs are plain variables.
    const configDir = main.exportedEnv.DOCKER_CONFIG!;
    expect(Object.keys(main.exportedEnv)).toEqual(['DOCKER_CONFIG']);
    expect(main.outputs).toMatchObject({ REGISTRY: registry, USERNAME: swrUser, DOCKER_CONFIG: configDir });
    expect(main.stdout).toMatch(/^export DOCKER_CONFIG=/m);
    expect(configDir.startsWith(cliStateDir(jobDir))).toBe(true);
    expect(readDockerConfig(configDir).auths).toEqual({
      'ghcr.io': { auth: 'b3RoZXI6bG9naW4=' },
      [registry]: { auth: authOf(swrUser, swrPassword) },
    });
    expect(statSync(join(configDir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(statSync(cliStateDir(jobDir)).mode & 0o777).toBe(0o700);
    const stateFile = join(cliStateDir(jobDir), 'login-shell.state.json');
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    expect(main.stderr).toContain(`Logged in to ${registry} as ${swrUser}`);
    expect(main.stderr).toContain(`registry-actions login --post --state-file ${stateFile}`);
    expect(main.errors).toEqual([]);
    expectPlainTerminal(main);
    expect(findLeaks(main, secrets, swrUser)).toEqual([]);

    const post = await runCli(['logout'], { jobDir });
    expect(post.exitCode, post.log).toBe(0);
    expect(post.stderr).toContain(`Logged out of ${registry}.`);
    expect(existsSync(configDir)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
    expect(readDockerConfig(join(home, '.docker')).auths).toEqual({
      'ghcr.io': { auth: 'b3RoZXI6bG9naW4=' },
    });
    expect(before).toBe(join(home, '.docker', 'config.json'));
    expectPlainTerminal(post);
  });

  it("finds its state in a GitLab after_script by the job's CI_JOB_ID, and keeps parallel jobs apart", async () => {
    const e = await start();
    const jobDir = newJobDir();
    const [jobA, jobB] = await Promise.all(
      ['101', '102'].map((id) =>
        runCli(['login', ...at(e.url), '--format', 'json'], {
          jobDir,
          env: { ...vendorKeys, CI_JOB_ID: id },
        }),
      ),
    );
    expect(jobA!.exitCode, jobA!.log).toBe(0);
    expect(jobB!.exitCode, jobB!.log).toBe(0);
    expect(jobA!.outputs['docker-config']).not.toBe(jobB!.outputs['docker-config']);
    expect(jobA!.exportedEnv.DOCKER_CONFIG).toBe(jobA!.outputs['docker-config']);
    expect(
      readdirSync(cliStateDir(jobDir))
        .filter((name) => name.endsWith('.state.json'))
        .sort(),
    ).toEqual(['login-gitlab-101.state.json', 'login-gitlab-102.state.json']);
    // after_script: a new shell, nothing exported by the script, the same CI_JOB_ID.
    const afterA = await runCli(['login', '--post'], { jobDir, env: { CI_JOB_ID: '101' } });
    expect(afterA.exitCode, afterA.log).toBe(0);
    expect(existsSync(jobA!.outputs['docker-config']!)).toBe(false);
    expect(readDockerConfig(jobB!.outputs['docker-config']!).auths?.[registry]).toBeDefined();
  });

  it('refuses a second login over a state file whose post has not run, calling nothing', async () => {
    const e = await start();
    const jobDir = newJobDir();
    const first = await runCli(['login', ...at(e.url)], { jobDir, env: vendorKeys });
    expect(first.exitCode, first.log).toBe(0);
    const calls = e.requests.length;
    const second = await runCli(['login', ...at(e.url)], { jobDir, env: vendorKeys });
    expect(second.exitCode).toBe(2);
    expect(second.errors[0]).toMatch(/login-shell\.state\.json still holds what an earlier login recorded/);
    expect(second.stdout).toBe('');
    expect(e.requests.length).toBe(calls);
  });

  it('takes secrets from a file or stdin without a warning, and warns about one given as a plain flag', async () => {
    const e = await start();
    const keyFile = join(newJobDir(), 'sk');
    writeFileSync(keyFile, `${hw.secretAccessKey}\n`, { mode: 0o600 });
    const ak = ['--access-key-id-file', '-'];
    const fromFile = await runCli(['login', ...at(e.url), ...ak, '--secret-access-key-file', keyFile], {
      stdin: hw.accessKeyId,
    });
    expect(fromFile.exitCode, fromFile.log).toBe(0);
    expect(fromFile.warnings).toEqual([]);

    const plain = await runCli(['login', ...at(e.url), ...ak, '--secret-access-key', hw.secretAccessKey], {
      stdin: hw.accessKeyId,
    });
    expect(plain.exitCode, plain.log).toBe(0);
    expect(plain.warnings).toEqual([
      '--secret-access-key puts a secret into the shell history and the process list; give it with ' +
        '--secret-access-key-file FILE (- for stdin) or the environment variable ' +
        'REGISTRY_ACTIONS_SECRET_ACCESS_KEY instead.',
    ]);
    expect(findLeaks(plain, secrets, swrUser)).toEqual([]);

    const fromEnv = await runCli(['login', ...at(e.url)], {
      env: {
        REGISTRY_ACTIONS_ACCESS_KEY_ID: hw.accessKeyId,
        REGISTRY_ACTIONS_SECRET_ACCESS_KEY: hw.secretAccessKey,
      },
    });
    expect(fromEnv.exitCode, fromEnv.log).toBe(0);
    expect(fromEnv.warnings).toEqual([]);
  });

  it('fails input errors with exit code 2 and the same messages, before any call', async () => {
    const e = await start();
    const cases: Array<{ args: string[]; error: string }> = [
      {
        args: ['login', '--provider', 'swr', '--endpoint', e.url],
        error: "Input 'region' is required but was empty.",
      },
      {
        args: ['login', ...at(e.url), '--logout', 'maybe'],
        error: 'Input \'logout\' must be true or false, got "maybe".',
      },
      {
        args: ['login', ...at(e.url), '--log-out'],
        error: '--log-out is not an input of login; did you mean --logout?',
      },
      {
        args: ['login', ...at(e.url), '--region'],
        error: '--region needs a value: --region <value> or --region=<value>.',
      },
      { args: ['loggin'], error: "'loggin' is not an action of registry-actions; did you mean 'login'?" },
      {
        args: ['login', ...at(e.url), '--instance-id', 'ccr-x'],
        error: "Input 'instance-id' cannot be used with provider swr.",
      },
    ];
    for (const { args, error } of cases) {
      const run = await runCli(args, { env: vendorKeys });
      expect(run.exitCode, `${args.join(' ')}\n${run.log}`).toBe(2);
      expect(run.errors).toEqual([error]);
      expect(run.stdout).toBe('');
      expect(run.state).toEqual({});
    }
    expect(e.requests).toEqual([]);
  });

  it('fails a rejected call with exit code 1, and the post step then has nothing to undo', async () => {
    const e = await start();
    const jobDir = newJobDir();
    const main = await runCli(['login', ...at(e.url)], {
      jobDir,
      env: { HUAWEICLOUD_SDK_AK: hw.accessKeyId, HUAWEICLOUD_SDK_SK: 'not-the-secret-key' },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.errors[0]).toMatch(/POST \/v2\/manage\/utils\/secret/);
    expect(main.state).toEqual({});
    const post = await runCli(['logout'], { jobDir });
    expect(post.exitCode, post.log).toBe(0);
    expect(post.stderr).toContain('Nothing to log out');
  });

  it('writes the job summary only when asked, and json on request', async () => {
    const e = await start();
    const jobDir = newJobDir();
    const summaryFile = join(jobDir, 'summary.md');
    const run = await runCli(['login', ...at(e.url), '--format', 'json', '--summary-file', summaryFile], {
      jobDir,
      env: vendorKeys,
      summaryFile,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      outputs: {
        registry,
        username: swrUser,
        'docker-config': run.exportedEnv.DOCKER_CONFIG,
        'expires-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        logins: expect.any(String),
      },
      env: { DOCKER_CONFIG: run.exportedEnv.DOCKER_CONFIG },
    });
    expect(JSON.parse(run.outputs.logins!)).toEqual([
      { registry, username: swrUser, 'expires-at': run.outputs['expires-at'] },
    ]);
    expect(renderedMarkdown(run.summary)).toContain(registry);
    expect(findLeaks(run, secrets, swrUser)).toEqual([]);
  });
});
