// login on CCR (enterprise temporary password, personal long-lived login), run from dist/ against the emulator.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  startEmulator,
} from '../emulator/index.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { ccrEmulatorInputs } from '../support/emulator-inputs.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import { authOf, existsSync, expectNoLeaks, modeOf, readDockerConfig, runLogin } from './login-support.ts';

const bd = DEFAULT_CREDENTIALS.baidu;
const ccrPassword = 'ccr-temporary-password-abcdef012345';
const emulatorForTest = closedAfterEach(startEmulator);
const start = () => emulatorForTest({ seed: { registryCredentials: { ccr: { password: ccrPassword } } } });

function enterprise(e: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...ccrEmulatorInputs(e.url),
    region: 'bd',
    'instance-id': DEFAULT_CCR_INSTANCE.id,
    'user-id': bd.userId,
    ...extra,
  };
}

const calls = (e: Emulator) => e.requests.map((r) => `${r.method} ${r.path}`);

describe('login on CCR enterprise', () => {
  it('gets a temporary password for the public domain, user from the profile, and post removes it', async () => {
    const e = await start();
    const started = Date.now();
    const job = await runLogin(enterprise(e));
    const { main } = job;
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs).toMatchObject({
      registry: DEFAULT_CCR_INSTANCE.publicURL,
      username: bd.dockerUserName,
    });
    const expiresAt = Date.parse(main.outputs['expires-at']!);
    expect(expiresAt - started).toBeGreaterThan(1.9 * 3_600_000);
    expect(expiresAt - started).toBeLessThan(2.1 * 3_600_000);
    expect(main.warnings).toEqual([]);
    expect(calls(e)).toEqual([
      `GET /v1/instances/${DEFAULT_CCR_INSTANCE.id}`,
      'GET /v1/users/profile',
      `POST /v1/instances/${DEFAULT_CCR_INSTANCE.id}/credential`,
    ]);
    expect(e.requests[1]?.query).toEqual({ userId: bd.userId });
    expect(e.state.issuedPasswords).toHaveLength(1);
    const configDir = main.outputs['docker-config']!;
    expect(readDockerConfig(configDir).auths?.[DEFAULT_CCR_INSTANCE.publicURL]).toEqual({
      auth: authOf(bd.dockerUserName, ccrPassword),
    });
    expect(modeOf(join(configDir, 'config.json'))).toBe(0o600);
    expect(main.masks).toContain(ccrPassword);

    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    expect(existsSync(configDir)).toBe(false);
    const secrets = [ccrPassword, bd.secretAccessKey];
    expectNoLeaks(main, secrets, bd.dockerUserName);
    expectNoLeaks(post, secrets, bd.dockerUserName);
  });

  it('uses the private domain, a given user name and duration, and warns about a short lifetime', async () => {
    const e = await start();
    const job = await runLogin(
      enterprise(e, { 'registry-access': 'private', username: 'robot$ci', duration: '1' }),
    );
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs).toMatchObject({
      registry: DEFAULT_CCR_INSTANCE.privateURL,
      username: 'robot$ci',
    });
    expect(calls(e)).not.toContain('GET /v1/users/profile');
    // The action's expires-at and the emulator's own record of the password agree (clocks apart by ms).
    const issued = Date.parse(e.state.issuedPasswords[0]!.expiresAt);
    expect(Math.abs(Date.parse(job.main.outputs['expires-at']!) - issued)).toBeLessThan(5_000);
    expect(job.main.warnings).toHaveLength(1);
    expect(job.main.warnings[0]).toMatch(/expires at .* Raise duration/);
  });

  it('fails on an unknown user before asking for a password that cannot be revoked', async () => {
    const e = await start();
    const job = await runLogin(enterprise(e, { 'user-id': 'someone-else' }));
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toContain('404');
    expect(e.state.issuedPasswords).toEqual([]);
    expect((await job.post()).log).toContain('Nothing to log out');
  });

  it('names instance-id and region when the instance does not exist', async () => {
    const e = await start();
    const job = await runLogin(enterprise(e, { 'instance-id': 'ccr-missing1' }));
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toContain('Check instance-id ccr-missing1 and region bd');
    expect(e.state.issuedPasswords).toEqual([]);
  });

  it('stops before any call when neither username nor user-id names the docker user', async () => {
    const e = await start();
    const { 'user-id': _omitted, ...inputs } = enterprise(e);
    const { main } = await runLogin(inputs);
    expect(main.exitCode).toBe(1);
    expect(main.errors[0]).toContain("Inputs 'username' and 'user-id' are both empty");
    expect(e.requests).toEqual([]);
  });

  it('fails on a wrong secret key with a hint and no retry', async () => {
    const e = await start();
    const job = await runLogin(enterprise(e, { 'secret-access-key': 'bce-wrong-secret-000' }));
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors[0]).toContain('CCR refused the credentials');
    expect(e.requests).toHaveLength(1);
    expectNoLeaks(job.main, ['bce-wrong-secret-000']);
  });
});

describe('login on CCR personal edition', () => {
  it('writes the long-lived login without any API call and says it is long-lived', async () => {
    const e = await start();
    const password = 'personal-registry-password-99';
    const job = await runLogin({ provider: 'ccr', username: 'me', password, endpoint: e.url });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs).toMatchObject({
      registry: 'registry.baidubce.com',
      username: 'me',
      'expires-at': '',
    });
    expect(job.main.log).toContain('long-lived login');
    expect(renderedMarkdown(job.main.summary)).toContain('long-lived');
    expect(e.requests).toEqual([]);
    expect(job.main.masks).toContain(password);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(existsSync(job.main.outputs['docker-config']!)).toBe(false);
    expectNoLeaks(job.main, [password], 'me');
    expectNoLeaks(post, [password], 'me');
  });
});
