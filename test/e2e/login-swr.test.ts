// login on SWR, run from dist/ as the runner runs it, against the emulator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '../emulator/index.ts';
import { newJobDir } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs, swrPasswordEmulatorInputs } from '../support/emulator-inputs.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import {
  authOf,
  existsSync,
  expectNoLeaks,
  modeOf,
  readDockerConfig,
  runLogin,
  writeHomeConfig,
} from './login-support.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const registry = 'swr.cn-north-4.myhuaweicloud.com';
const swrUser = 'cn-north-4@EMUFIXEDLOGIN';
const swrPassword = 'swr-temp-password-0123456789abcdef';
const emulatorForTest = closedAfterEach(startEmulator);
const start = () =>
  emulatorForTest({
    seed: {
      region: 'cn-north-4',
      registryCredentials: { swr: { username: swrUser, password: swrPassword } },
    },
  });

function swrInputs(e: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return { ...swrEmulatorInputs(e.url), ...extra };
}

const secrets = [swrPassword, hw.secretAccessKey, hw.password];

describe('login on SWR', () => {
  it('writes a per-job docker config, exports DOCKER_CONFIG, and post removes it', async () => {
    const e = await start();
    const started = Date.now();
    const job = await runLogin(swrInputs(e));
    const { main } = job;
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs).toMatchObject({ registry, username: swrUser });
    const configDir = main.outputs['docker-config']!;
    expect(main.exportedEnv.DOCKER_CONFIG).toBe(configDir);
    expect(configDir.startsWith(join(job.jobDir, 'temp'))).toBe(true);
    expect(readDockerConfig(configDir).auths?.[registry]).toEqual({ auth: authOf(swrUser, swrPassword) });
    expect(modeOf(join(configDir, 'config.json'))).toBe(0o600);
    const expiresAt = Date.parse(main.outputs['expires-at']!);
    expect(expiresAt - started).toBeGreaterThan(5.9 * 3_600_000);
    expect(main.warnings).toEqual([]);
    expect(main.log).toContain(`Logged in to ${registry} as ${swrUser}`);
    expect(renderedMarkdown(main.summary)).toContain(registry);
    expect(main.masks).toEqual(expect.arrayContaining([swrPassword, authOf(swrUser, swrPassword)]));
    expect(main.outputs.password).toBeUndefined();
    expect(e.requests.map((r) => `${r.method} ${r.path} ${r.query.projectname}`)).toEqual([
      'POST /v2/manage/utils/secret cn-north-4',
    ]);
    expect(existsSync(join(job.jobDir, 'home', '.docker', 'config.json'))).toBe(false);

    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    expect(post.log).toContain(`Logged out of ${registry}`);
    expect(existsSync(configDir)).toBe(false);
    expectNoLeaks(main, secrets, swrUser);
    expectNoLeaks(post, secrets, swrUser);
  });

  it('signs in with an IAM password and logs in the same way', async () => {
    const e = await start();
    const job = await runLogin(swrPasswordEmulatorInputs(e.url));
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.masks).toContain(hw.password);
    expect(e.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v3/auth/tokens',
      'POST /v2/manage/utils/secret',
    ]);
    expect(readDockerConfig(job.main.outputs['docker-config']!).auths?.[registry]?.auth).toBe(
      authOf(swrUser, swrPassword),
    );
    expectNoLeaks(job.main, secrets, swrUser);
    expectNoLeaks(await job.post(), secrets, swrUser);
  });

  it("keeps the user's ~/.docker/config.json untouched and carries its other logins into the job", async () => {
    const e = await start();
    const jobDir = newJobDir();
    const homeConfig = writeHomeConfig(join(jobDir, 'home'), {
      auths: { 'ghcr.io': { auth: 'Z2g6dG9rZW4=' }, [registry]: { auth: 'b2xkOm9sZA==' } },
      credHelpers: { [registry]: 'huaweicloud' },
    });
    const before = readFileSync(homeConfig, 'utf8');
    const job = await runLogin(swrInputs(e), { jobDir });
    expect(job.main.exitCode, job.main.log).toBe(0);
    const config = readDockerConfig(job.main.outputs['docker-config']!);
    expect(config.auths).toEqual({
      'ghcr.io': { auth: 'Z2g6dG9rZW4=' },
      [registry]: { auth: authOf(swrUser, swrPassword) },
    });
    expect(config.credHelpers).toEqual({});
    expect(job.main.log).toContain('credHelpers sent');
    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    expect(readFileSync(homeConfig, 'utf8')).toBe(before);
    expect(existsSync(job.main.outputs['docker-config']!)).toBe(false);
  });

  it('restores the replaced entry when a second login in the job used the same config', async () => {
    const e = await start();
    const jobDir = newJobDir();
    const first = await runLogin(swrInputs(e), { jobDir });
    const configDir = first.main.outputs['docker-config']!;
    // A later step logs in to the same registry again, with the login SWR hands out by then.
    e.state.registryCredentials.swr = { username: swrUser, password: 'swr-second-password-77' };
    const again = await runLogin(swrInputs(e), { jobDir, env: first.main.exportedEnv });
    expect(again.main.exitCode, again.main.log).toBe(0);
    expect(again.main.outputs['docker-config']).toBe(configDir);
    expect(again.main.exportedEnv).toEqual({});
    expect(readDockerConfig(configDir).auths?.[registry]?.auth).toBe(
      authOf(swrUser, 'swr-second-password-77'),
    );

    // Post steps run in reverse order.
    expect((await again.post()).exitCode).toBe(0);
    expect(readDockerConfig(configDir).auths?.[registry]?.auth).toBe(authOf(swrUser, swrPassword));
    expect((await first.post()).exitCode).toBe(0);
    expect(existsSync(configDir)).toBe(false);
  });

  it('keeps the login with logout: false', async () => {
    const e = await start();
    const job = await runLogin(swrInputs(e, { logout: 'false' }));
    expect(job.main.exitCode, job.main.log).toBe(0);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log).toContain('logout is false: keeping the login');
    expect(readDockerConfig(job.main.outputs['docker-config']!).auths?.[registry]).toBeDefined();
  });

  it('says that a job directory login ends with the job even with logout: false (the runner empties RUNNER_TEMP)', async () => {
    const e = await start();
    const job = await runLogin(swrInputs(e, { logout: 'false' }));
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.log).not.toContain('after the job');
    expect(job.main.log).toMatch(/until the runner empties RUNNER_TEMP at the end of the job.*DOCKER_CONFIG/);
    const post = await job.post();
    expect(post.log).toMatch(/until the runner empties RUNNER_TEMP/);
  });

  it('outputs the password only when asked, masked', async () => {
    const e = await start();
    const job = await runLogin(swrInputs(e, { 'output-password': 'true' }));
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.password).toBe(swrPassword);
    expect(job.main.masks).toContain(swrPassword);
    expectNoLeaks({ ...job.main, outputs: {} }, secrets, swrUser);
  });

  it('fails on rejected credentials without retrying, and post has nothing to undo', async () => {
    const e = await start();
    const job = await runLogin(swrInputs(e, { 'secret-access-key': 'wrong-secret-key-000000' }));
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/SWR .*401.*SWR rejected the AK\/SK/);
    expect(e.requests.filter((r) => r.path === '/v2/manage/utils/secret')).toHaveLength(1);
    expect(job.main.state).toEqual({});
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log).toContain('Nothing to log out');
    expectNoLeaks(job.main, ['wrong-secret-key-000000']);
  });

  it('rejects bad inputs before any API call', async () => {
    const e = await start();
    const bad: Array<Record<string, string>> = [
      { duration: '3' },
      { logout: 'sometimes' },
      { region: 'nowhere' },
      { registry: 'bad/host' },
    ];
    for (const extra of bad) {
      const job = await runLogin(swrInputs(e, extra));
      expect(job.main.exitCode).toBe(1);
      expect(job.main.errors).toHaveLength(1);
    }
    expect(e.requests).toEqual([]);
  });
});
