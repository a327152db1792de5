// Secret-leak scan: every action run end to end (main and post) from dist/ with known secrets; none of
// them, nor their base64 (alone and as user:secret) or percent-encoded forms, may appear in the log,
// outputs, state, GITHUB_ENV or job summary, and main must have masked each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
} from '../emulator/index.ts';
import { registerOidcProvider } from '../emulator/routes/iam-oidc.ts';
import { runJob, type StepResult } from '../harness/runner.ts';
import { findLeaks } from '../support/leaks.ts';
import { type IdTokenServer, startIdTokenServer } from '../support/oidc/id-token-server.ts';
import { generateSigningKey } from '../support/oidc/keys.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bce = DEFAULT_CREDENTIALS.baidu;
const instanceId = DEFAULT_CCR_INSTANCE.id;

const SECRETS = {
  huaweiSecurityToken: 'hw-security-token-Zq7xK2pLmN4vR8sT',
  baiduSessionToken: 'bce-session-token-Yw3cH9dJ6fG1kQ5u',
  swrLoginPassword: 'swr-login-secret-Pa55w0rd-8c1e2f',
  ccrTemporaryPassword: 'ccr-temp-password-Mx8Vq2Lz7Rk4',
};
const SWR_USER = 'cn-north-4@EMULOGINUSER';

/** Temporary credentials everywhere: Huawei and Baidu keys need their tokens, registries hand out known passwords. */
const seed: EmulatorSeed = {
  region: 'cn-north-4',
  credentials: {
    huawei: { securityToken: SECRETS.huaweiSecurityToken },
    baidu: { sessionToken: SECRETS.baiduSessionToken },
  },
  registryCredentials: {
    swr: { username: SWR_USER, password: SECRETS.swrLoginPassword },
    ccr: { password: SECRETS.ccrTemporaryPassword },
  },
  swr: { namespaces: [{ name: 'team', repositories: [{ name: 'web', tags: [{ tag: 'v1' }] }] }] },
  ccr: { instances: [{ id: instanceId, publicLinks: { status: 'opened', whitelist: [] } }] },
};

let emu: Emulator;
let idServer: IdTokenServer;

beforeAll(async () => {
  const key = generateSigningKey();
  emu = await startEmulator({ seed });
  registerOidcProvider(emu.state, {
    id: 'github-actions',
    audience: 'registry-actions',
    publicKey: key.publicKey,
  });
  idServer = await startIdTokenServer({ key });
});
afterAll(async () => {
  await Promise.all([emu.close(), idServer.close()]);
});

type Sign = 'temporary AK/SK' | 'IAM password' | 'GitHub OIDC' | 'Baidu STS';

/** Inputs (and environment) for one way of signing in. */
function signIn(sign: Sign): { inputs: Record<string, string>; env: Record<string, string> } {
  const huawei = { provider: 'swr', region: 'cn-north-4', endpoint: emu.url, 'iam-endpoint': emu.url };
  switch (sign) {
    case 'temporary AK/SK':
      return {
        inputs: {
          ...huawei,
          'access-key-id': hw.accessKeyId,
          'secret-access-key': hw.secretAccessKey,
          'security-token': SECRETS.huaweiSecurityToken,
        },
        env: {},
      };
    case 'IAM password':
      return {
        inputs: {
          ...huawei,
          'iam-username': hw.userName,
          'iam-password': hw.password,
          'iam-domain': hw.domainName,
        },
        env: {},
      };
    case 'GitHub OIDC':
      return {
        inputs: { ...huawei, 'idp-id': 'github-actions', 'oidc-audience': 'registry-actions' },
        env: idServer.env,
      };
    case 'Baidu STS':
      return {
        inputs: {
          provider: 'ccr',
          region: 'bj',
          endpoint: emu.url,
          'instance-id': instanceId,
          'access-key-id': bce.accessKeyId,
          'secret-access-key': bce.secretAccessKey,
          'security-token': SECRETS.baiduSessionToken,
        },
        env: {},
      };
  }
}

/** The secrets a sign-in method puts into a run (tokens it receives are added after the run). */
const signInSecrets: Record<Sign, string[]> = {
  'temporary AK/SK': [hw.secretAccessKey, SECRETS.huaweiSecurityToken],
  'IAM password': [hw.password],
  'GitHub OIDC': [],
  'Baidu STS': [bce.secretAccessKey, SECRETS.baiduSessionToken],
};

interface LeakCase {
  action: string;
  sign: Sign;
  inputs: Record<string, string>;
  /** Secrets the action itself receives (registry passwords). */
  received: string[];
  /** The user name paired with a secret in `user:secret` (docker auth). */
  username?: string;
}

const cases: LeakCase[] = [
  {
    action: 'login',
    sign: 'temporary AK/SK',
    inputs: {},
    received: [SECRETS.swrLoginPassword],
    username: SWR_USER,
  },
  {
    action: 'login',
    sign: 'IAM password',
    inputs: {},
    received: [SECRETS.swrLoginPassword],
    username: SWR_USER,
  },
  {
    action: 'login',
    sign: 'GitHub OIDC',
    inputs: {},
    received: [SECRETS.swrLoginPassword],
    username: SWR_USER,
  },
  {
    action: 'login',
    sign: 'Baidu STS',
    inputs: { 'output-password': 'false', 'user-id': bce.userId },
    received: [SECRETS.ccrTemporaryPassword],
    username: bce.dockerUserName,
  },
  {
    action: 'ensure-namespace',
    sign: 'temporary AK/SK',
    inputs: { namespace: 'team-a', repositories: 'web' },
    received: [],
  },
  { action: 'ensure-namespace', sign: 'IAM password', inputs: { namespace: 'team-b' }, received: [] },
  { action: 'ensure-namespace', sign: 'Baidu STS', inputs: { namespace: 'team-c' }, received: [] },
  {
    action: 'prune-tags',
    sign: 'temporary AK/SK',
    inputs: { namespace: 'team', repositories: 'web', 'keep-last': '0', include: 'v1' },
    received: [],
  },
  {
    action: 'prune-tags',
    sign: 'GitHub OIDC',
    inputs: { namespace: 'team', repositories: 'web', 'keep-last': '10' },
    received: [],
  },
  {
    action: 'sync-whitelist',
    sign: 'Baidu STS',
    inputs: { 'runner-ip': '198.51.100.7', entries: '203.0.113.0/24 # office' },
    received: [],
  },
];

/** Tokens the emulator issued during a run (IAM tokens, and the ID tokens the runner endpoint handed out). */
function issuedSince(iamBefore: ReadonlySet<string>, idBefore: number): string[] {
  return [...emu.state.iamTokens.keys()]
    .filter((t) => !iamBefore.has(t))
    .concat(idServer.issued.slice(idBefore));
}

function expectClean(step: StepResult, secrets: string[], username: string | undefined): void {
  expect(findLeaks(step, secrets, username)).toEqual([]);
  if (username) expect(findLeaks(step, secrets)).toEqual([]);
}

describe('secret-leak scan', () => {
  for (const c of cases) {
    it(`${c.action} signed in with ${c.sign}: no secret in any form, main and post, each one masked`, async () => {
      const iamBefore = new Set(emu.state.iamTokens.keys());
      const idBefore = idServer.issued.length;
      const { inputs, env } = signIn(c.sign);
      const { main, post } = await runJob({ action: c.action, inputs: { ...inputs, ...c.inputs }, env });
      expect(main.exitCode, main.log).toBe(0);
      const issued = issuedSince(iamBefore, idBefore);
      if (c.sign === 'GitHub OIDC' || c.sign === 'IAM password') expect(issued.length).toBeGreaterThan(0);
      const secrets = [...signInSecrets[c.sign], ...c.received, ...issued];
      expect(main.masks).toEqual(expect.arrayContaining(secrets));
      expectClean(main, secrets, c.username);
      if (post) {
        expect(post.exitCode, post.log).toBe(0);
        expectClean(post, secrets, c.username);
      }
    });
  }

  it('login with output-password sets the password only as a masked output', async () => {
    const { inputs, env } = signIn('Baidu STS');
    const { main } = await runJob({
      action: 'login',
      inputs: { ...inputs, 'output-password': 'true', 'user-id': bce.userId },
      env,
    });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs.password).toBe(SECRETS.ccrTemporaryPassword);
    expect(main.masks).toContain(SECRETS.ccrTemporaryPassword);
    expectClean({ ...main, outputs: {} }, [SECRETS.ccrTemporaryPassword], bce.dockerUserName);
  });

  it('a wrong secret key is masked and absent from the failure message', async () => {
    const wrong = 'wrong-secret-key-Tq9Wm3Xc';
    const { inputs } = signIn('temporary AK/SK');
    const { main } = await runJob({
      action: 'ensure-namespace',
      inputs: { ...inputs, namespace: 'team', 'secret-access-key': wrong },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors.join('\n')).toMatch(/401/);
    expect(main.masks).toContain(wrong);
    expectClean(main, [wrong, SECRETS.huaweiSecurityToken], undefined);
  });

  // A cut-off answer of a credential endpoint must not be quoted in the error: nothing could have
  // masked the secret in it yet. The emulator cuts the body in half, so a quoted excerpt would show a fragment.
  const cutOffCases = [
    {
      name: 'CCR temporary password',
      sign: 'Baidu STS',
      path: '/v1/instances/*/credential',
      secret: SECRETS.ccrTemporaryPassword,
    },
    {
      name: 'SWR login secret',
      sign: 'temporary AK/SK',
      path: '/v2/manage/utils/secret',
      secret: SECRETS.swrLoginPassword,
    },
  ] as const;
  for (const c of cutOffCases) {
    it(`a cut-off ${c.name} answer fails without any fragment of the secret`, async () => {
      emu.setFaults({ routes: [{ path: c.path, malformedJson: true }] });
      try {
        const { inputs, env } = signIn(c.sign);
        const docker: Record<string, string> = c.sign === 'Baidu STS' ? { 'user-id': bce.userId } : {};
        const { main } = await runJob({ action: 'login', inputs: { ...inputs, ...docker }, env });
        expect(main.exitCode).toBe(1);
        expect(main.errors.join('\n')).toContain('not shown: this response carries a credential');
        const auth = Buffer.from(`${SWR_USER}:${c.secret}`).toString('base64');
        for (const fragment of [c.secret.slice(0, 8), c.secret.slice(-8), auth.slice(0, 12)]) {
          expect(main.log).not.toContain(fragment);
        }
      } finally {
        emu.setFaults({});
      }
    });
  }
});
