// login from the registry host alone, and several registries in one step (`registries`), run from dist/
// as the runner runs it, against the emulator.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  startEmulator,
} from '../emulator/index.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import { authOf, existsSync, expectNoLeaks, readDockerConfig, runLogin } from './login-support.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bd = DEFAULT_CREDENTIALS.baidu;
const ccrPassword = 'ccr-temporary-password-hosts-0123';
const emulatorForTest = closedAfterEach(startEmulator);
const start = () => emulatorForTest({ seed: { registryCredentials: { ccr: { password: ccrPassword } } } });
const calls = (e: Emulator) =>
  e.requests.map((r) => `${r.method} ${r.path}${r.query.projectname ? ` ${r.query.projectname}` : ''}`);

/** Only what points the step at the emulator: no provider, region or instance-id. */
const at = (e: Emulator) => ({ endpoint: e.url, 'iam-endpoint': e.url });
const huaweiKeys = { 'access-key-id': hw.accessKeyId, 'secret-access-key': hw.secretAccessKey };
const baiduKeys = { 'access-key-id': bd.accessKeyId, 'secret-access-key': bd.secretAccessKey };
/** Both vendors' keys in their environment variables, as a step logging in to both gives them. */
const vendorEnv = {
  HUAWEICLOUD_SDK_AK: hw.accessKeyId,
  HUAWEICLOUD_SDK_SK: hw.secretAccessKey,
  BCE_ACCESS_KEY_ID: bd.accessKeyId,
  BCE_SECRET_ACCESS_KEY: bd.secretAccessKey,
};
const secrets = [hw.secretAccessKey, bd.secretAccessKey, ccrPassword];

describe('login from the registry host', () => {
  it('logs in to swr.<region>.myhuaweicloud.com with no provider or region', async () => {
    const e = await start();
    const registry = 'swr.ap-southeast-1.myhuaweicloud.com';
    const job = await runLogin({ registry, ...huaweiKeys, ...at(e) });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.registry).toBe(registry);
    expect(calls(e)).toEqual(['POST /v2/manage/utils/secret ap-southeast-1']);
    const auth = readDockerConfig(job.main.outputs['docker-config']!).auths?.[registry];
    expect(auth?.auth).toBeDefined();
    expect((await job.post()).exitCode).toBe(0);
  });

  it.each<[string, string]>([
    [DEFAULT_CCR_INSTANCE.publicURL, 'public'],
    [DEFAULT_CCR_INSTANCE.privateURL, 'VPC'],
  ])(
    'logs in to the CCR instance domain %s (%s) with no provider, region or instance-id',
    async (registry) => {
      const e = await start();
      const job = await runLogin({ registry, ...baiduKeys, 'user-id': bd.userId, ...at(e) });
      expect(job.main.exitCode, job.main.log).toBe(0);
      expect(job.main.outputs).toMatchObject({ registry, username: bd.dockerUserName });
      expect(calls(e)).toEqual([
        'GET /v1/users/profile',
        `POST /v1/instances/${DEFAULT_CCR_INSTANCE.id}/credential`,
      ]);
      expect(readDockerConfig(job.main.outputs['docker-config']!).auths?.[registry]).toEqual({
        auth: authOf(bd.dockerUserName, ccrPassword),
      });
      expectNoLeaks(job.main, secrets, bd.dockerUserName);
    },
  );

  it("takes the SWR keys from the vendor's environment variables when no key input is given", async () => {
    const e = await start();
    const registry = 'swr.cn-south-1.myhuaweicloud.com';
    const job = await runLogin(
      { registry, ...at(e) },
      { env: { HUAWEICLOUD_SDK_AK: hw.accessKeyId, HUAWEICLOUD_SDK_SK: hw.secretAccessKey } },
    );
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(calls(e)).toEqual(['POST /v2/manage/utils/secret cn-south-1']);
    expect(job.main.outputs.username).toMatch(/^cn-south-1@/);
    expectNoLeaks(job.main, secrets);
  });

  it('logs in to registry.baidubce.com (CCR personal) with only a user name and password', async () => {
    const e = await start();
    const job = await runLogin({
      registry: 'registry.baidubce.com',
      username: 'me',
      password: 'personal-pw-99',
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(e.requests).toEqual([]);
    expect(job.main.outputs).toMatchObject({
      registry: 'registry.baidubce.com',
      username: 'me',
      'expires-at': '',
    });
    expect(readDockerConfig(job.main.outputs['docker-config']!).auths?.['registry.baidubce.com']).toEqual({
      auth: authOf('me', 'personal-pw-99'),
    });
    expect(job.main.log).toContain('long-lived login');
    expectNoLeaks(job.main, ['personal-pw-99']);
  });

  it('accepts provider, region, instance-id and registry-access given as well when they agree with the host', async () => {
    const e = await start();
    const registry = DEFAULT_CCR_INSTANCE.privateURL;
    const job = await runLogin({
      registry,
      provider: 'ccr',
      region: 'bd',
      'instance-id': DEFAULT_CCR_INSTANCE.id,
      'registry-access': 'private',
      username: 'ci-bot',
      ...baiduKeys,
      ...at(e),
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs).toMatchObject({ registry, username: 'ci-bot' });
    expect(calls(e)).toEqual([`POST /v1/instances/${DEFAULT_CCR_INSTANCE.id}/credential`]);
  });

  it.each([
    [
      { provider: 'swr', registry: DEFAULT_CCR_INSTANCE.publicURL },
      'Input \'provider\' is "swr", but registry ccr-emu00001-pub.cnc.bd.baidubce.com is a CCR registry (provider ccr)',
    ],
    [
      { region: 'cn-north-4', registry: 'swr.cn-south-1.myhuaweicloud.com' },
      'Input \'region\' is "cn-north-4", but registry swr.cn-south-1.myhuaweicloud.com is region cn-south-1',
    ],
    [
      { 'instance-id': 'ccr-other001', registry: DEFAULT_CCR_INSTANCE.privateURL, 'user-id': bd.userId },
      'Input \'instance-id\' is "ccr-other001", but registry ccr-emu00001-vpc.cnc.bd.baidubce.com is instance-id ccr-emu00001',
    ],
    [
      { registry: 'registry.example.com' },
      "Input 'provider' is empty and registry registry.example.com is not a host the action recognizes",
    ],
  ])('refuses inputs that contradict the host before any call: %o', async (inputs, message) => {
    const e = await start();
    const job = await runLogin({ ...huaweiKeys, ...at(e), ...inputs });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toContain(message);
    expect(e.requests).toEqual([]);
    expect(job.main.state).toEqual({});
  });
});

describe('login to several registries in one step', () => {
  const registries = [
    'swr.cn-north-4.myhuaweicloud.com',
    'swr.cn-south-1.myhuaweicloud.com',
    DEFAULT_CCR_INSTANCE.publicURL,
  ];

  it("logs in to each, keys from the vendors' variables, lists them in outputs and summary; post removes all", async () => {
    const e = await start();
    const job = await runLogin(
      { registries: registries.join('\n'), username: 'ci-bot', ...at(e) },
      { env: vendorEnv },
    );
    const { main } = job;
    expect(main.exitCode, main.log).toBe(0);
    expect(calls(e)).toEqual([
      'POST /v2/manage/utils/secret cn-north-4',
      'POST /v2/manage/utils/secret cn-south-1',
      `POST /v1/instances/${DEFAULT_CCR_INSTANCE.id}/credential`,
    ]);
    const configDir = main.outputs['docker-config']!;
    expect(Object.keys(readDockerConfig(configDir).auths ?? {}).sort()).toEqual([...registries].sort());
    expect(readDockerConfig(configDir).auths?.[DEFAULT_CCR_INSTANCE.publicURL]).toEqual({
      auth: authOf('ci-bot', ccrPassword),
    });
    const logins = JSON.parse(main.outputs.logins!) as Array<Record<string, string>>;
    expect(logins.map((login) => login.registry)).toEqual(registries);
    expect(logins[0]!.username).toMatch(/^cn-north-4@/);
    expect(logins[1]!.username).toMatch(/^cn-south-1@/);
    expect(logins[2]!.username).toBe('ci-bot');
    for (const login of logins) expect(Date.parse(login['expires-at']!)).toBeGreaterThan(Date.now());
    expect(main.outputs.registry).toBe(registries[0]);
    const summary = renderedMarkdown(main.summary);
    expect(summary).toContain('login: 3 registries');
    for (const registry of registries) expect(summary).toContain(registry);
    for (const registry of registries) expect(main.log).toContain(`Logged in to ${registry}`);
    expectNoLeaks(main, secrets);

    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    for (const registry of registries) expect(post.log).toContain(`Logged out of ${registry}`);
    expect(existsSync(configDir)).toBe(false);
    expectNoLeaks(post, secrets);
  });

  it('mixes an SWR region with CCR personal, keeps every login with logout false and says so in post', async () => {
    const e = await start();
    const both = ['swr.cn-north-4.myhuaweicloud.com', 'registry.baidubce.com'];
    const job = await runLogin(
      { registries: both.join('\n'), username: 'me', password: 'personal-pw-99', logout: 'false', ...at(e) },
      { env: { HUAWEICLOUD_SDK_AK: hw.accessKeyId, HUAWEICLOUD_SDK_SK: hw.secretAccessKey } },
    );
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(calls(e)).toEqual(['POST /v2/manage/utils/secret cn-north-4']);
    const logins = JSON.parse(job.main.outputs.logins!) as Array<Record<string, string>>;
    expect(logins.map((login) => [login.registry, login['expires-at'] === ''])).toEqual([
      [both[0], false],
      [both[1], true],
    ]);
    expect(logins[1]!.username).toBe('me');
    const configDir = job.main.outputs['docker-config']!;
    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    for (const registry of both)
      expect(post.log).toContain(`keeping the login; the login to ${registry} stays in`);
    expect(Object.keys(readDockerConfig(configDir).auths ?? {}).sort()).toEqual([...both].sort());
    expectNoLeaks(job.main, [hw.secretAccessKey, 'personal-pw-99']);
  });

  it('writes nothing when one registry cannot be logged in to', async () => {
    const e = await start();
    const job = await runLogin(
      {
        registries: `swr.cn-north-4.myhuaweicloud.com\nccr-missing1-pub.cnc.bd.baidubce.com`,
        username: 'ci-bot',
        ...at(e),
      },
      { env: vendorEnv },
    );
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toContain('ccr-missing1');
    expect(job.main.state).toEqual({});
    expect(job.main.exportedEnv).toEqual({});
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log).toContain('Nothing to log out');
  });

  it('refuses a host it does not recognize and one set of keys for two providers, before any call', async () => {
    const e = await start();
    const unknown = await runLogin(
      { registries: 'swr.cn-north-4.myhuaweicloud.com\nregistry.example.com', ...at(e) },
      { env: vendorEnv },
    );
    expect(unknown.main.exitCode).toBe(1);
    expect(unknown.main.errors.join('\n')).toContain(
      'line 2 "registry.example.com" is not a registry host the action recognizes',
    );
    const shared = await runLogin({
      registries: registries.join(','),
      ...huaweiKeys,
      username: 'ci-bot',
      ...at(e),
    });
    expect(shared.main.exitCode).toBe(1);
    expect(shared.main.errors.join('\n')).toContain('HUAWEICLOUD_SDK_AK');
    expect(e.requests).toEqual([]);
  });
});
