import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { resolveHuaweiAuth } from '../../../src/core/auth/resolve-huawei.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { captureMasks } from '../../support/oidc/capture-masks.ts';

afterEach(() => forgetSecrets());

const AKSK = { 'access-key-id': 'AK-IN', 'secret-access-key': 'SK-IN' };
const PASSWORD = { 'iam-username': 'ci-bot', 'iam-password': 'Pa55word!', 'iam-domain': 'acme' };
const HUAWEI_ENV = { HUAWEICLOUD_SDK_AK: 'AK-ENV', HUAWEICLOUD_SDK_SK: 'SK-ENV' };
const CLOUD_ENV = { CLOUD_SDK_AK: 'AK-CLOUD', CLOUD_SDK_SK: 'SK-CLOUD' };

function resolve(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return resolveHuaweiAuth(InputReader.fromRecord(inputs, env));
}

/** A short label of the resolved credentials: method and where the AK came from. */
function label(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): string {
  const auth = resolve(inputs, env);
  if (auth.method === 'aksk') return `aksk ${auth.credentials.accessKeyId}`;
  if (auth.method === 'password') return `password ${auth.username}@${auth.domain}`;
  return `oidc ${auth.idpId}`;
}

describe('resolveHuaweiAuth order', () => {
  it.each([
    [
      'AK/SK inputs beat everything else',
      { ...AKSK, ...PASSWORD, 'idp-id': 'idp1' },
      HUAWEI_ENV,
      'aksk AK-IN',
    ],
    [
      'password inputs beat idp-id and the environment',
      { ...PASSWORD, 'idp-id': 'idp1' },
      HUAWEI_ENV,
      'password ci-bot@acme',
    ],
    ['idp-id beats the environment', { 'idp-id': 'idp1' }, HUAWEI_ENV, 'oidc idp1'],
    ['HUAWEICLOUD_SDK_* beats CLOUD_SDK_*', {}, { ...HUAWEI_ENV, ...CLOUD_ENV }, 'aksk AK-ENV'],
    ['CLOUD_SDK_* is the last fallback', {}, CLOUD_ENV, 'aksk AK-CLOUD'],
    [
      'auth: aksk skips password inputs and reads the environment',
      { auth: 'aksk', ...PASSWORD },
      HUAWEI_ENV,
      'aksk AK-ENV',
    ],
    [
      'auth: password ignores AK/SK inputs',
      { auth: 'password', ...AKSK, ...PASSWORD },
      {},
      'password ci-bot@acme',
    ],
    ['auth: oidc ignores AK/SK inputs', { auth: 'oidc', ...AKSK, 'idp-id': 'idp1' }, {}, 'oidc idp1'],
  ])('%s', (_name, inputs, env, expected) => {
    expect(label(inputs, env)).toBe(expected);
  });

  it('keeps the security token with the AK/SK it came with, never mixing sources', () => {
    const fromInputs = resolve(
      { ...AKSK, 'security-token': 'TOKEN-IN' },
      { HUAWEICLOUD_SDK_SECURITY_TOKEN: 'TOKEN-ENV' },
    );
    expect(fromInputs).toMatchObject({ credentials: { accessKeyId: 'AK-IN', securityToken: 'TOKEN-IN' } });
    const inputsWithoutToken = resolve(AKSK, { HUAWEICLOUD_SDK_SECURITY_TOKEN: 'TOKEN-ENV' });
    expect(inputsWithoutToken).toEqual({
      method: 'aksk',
      credentials: { accessKeyId: 'AK-IN', secretAccessKey: 'SK-IN' },
      source: 'inputs access-key-id, secret-access-key',
    });
    const fromEnv = resolve({}, { ...HUAWEI_ENV, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'TOKEN-ENV' });
    expect(fromEnv).toMatchObject({ credentials: { accessKeyId: 'AK-ENV', securityToken: 'TOKEN-ENV' } });
    expect(fromEnv.source).toBe(
      'environment HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (temporary, with security token)',
    );
  });

  it('passes the OIDC audience through when given', () => {
    expect(resolve({ 'idp-id': 'idp1', 'oidc-audience': 'huaweicloud' })).toEqual({
      method: 'oidc',
      idpId: 'idp1',
      audience: 'huaweicloud',
      source: 'GitHub OIDC via identity provider idp1',
    });
  });
});

describe('resolveHuaweiAuth errors', () => {
  it('lists everything it tried when nothing fits', () => {
    const error = inputErrorOf(() => resolve({}));
    expect(error.message).toBe(
      "Inputs 'access-key-id' and 'secret-access-key' are empty, and no other Huawei Cloud credentials were " +
        'found. Tried, in order: inputs access-key-id + secret-access-key; ' +
        'inputs iam-username + iam-password + iam-domain; input idp-id (keyless GitHub OIDC); ' +
        'environment HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK; environment CLOUD_SDK_AK + CLOUD_SDK_SK. ' +
        'Set one of them (for keyless sign-in with GitHub OIDC see docs/keyless.md).',
    );
  });

  it.each([
    [{ 'access-key-id': 'AK' }, {}, 'secret-access-key', "Input 'secret-access-key' is missing"],
    [
      { 'secret-access-key': 'SK', 'security-token': 'T' },
      {},
      'access-key-id',
      "Input 'access-key-id' is missing",
    ],
    [{ 'security-token': 'T' }, HUAWEI_ENV, 'access-key-id', 'security-token is set'],
    [{ 'iam-username': 'u' }, {}, 'iam-password', "Inputs 'iam-password' and 'iam-domain' are missing"],
    [{ 'iam-username': 'u', 'iam-password': 'p' }, {}, 'iam-domain', "Input 'iam-domain' is missing"],
    [
      {},
      { HUAWEICLOUD_SDK_AK: 'AK' },
      'HUAWEICLOUD_SDK_SK',
      'HUAWEICLOUD_SDK_SK is not set while HUAWEICLOUD_SDK_AK is',
    ],
    [{}, { CLOUD_SDK_SK: 'SK' }, 'CLOUD_SDK_AK', 'CLOUD_SDK_AK is not set while CLOUD_SDK_SK is'],
    [{ auth: 'oidc' }, HUAWEI_ENV, 'idp-id', "Input 'idp-id' is required with auth: oidc"],
    [
      { auth: 'password' },
      HUAWEI_ENV,
      'iam-username',
      "Input 'auth' is password but 'iam-username', 'iam-password' and 'iam-domain' are empty",
    ],
    [{ auth: 'aksk', ...PASSWORD }, {}, 'access-key-id', "Input 'auth' is aksk but no AK/SK was found"],
    [{ auth: 'token' }, {}, 'auth', "Input 'auth' must be one of auto, aksk, password, oidc"],
  ])('a partial or mismatched set %j (env %j) names %s', (inputs, env, input, text) => {
    const error = inputErrorOf(() => resolve(inputs, env));
    expect(error.inputs).toContain(input);
    expect(error.message).toContain(text);
  });
});

describe('resolveHuaweiAuth masking', () => {
  it('masks AK, SK, security token and password the moment they are read', async () => {
    const { masks } = await captureMasks(() => resolve({ ...AKSK, 'security-token': 'TOKEN-IN' }));
    expect(masks).toEqual(expect.arrayContaining(['AK-IN', 'SK-IN', 'TOKEN-IN']));
    const password = await captureMasks(() => resolve(PASSWORD));
    expect(password.masks).toContain('Pa55word!');
    expect(password.masks).not.toContain('ci-bot');
    const env = await captureMasks(() => resolve({}, CLOUD_ENV));
    expect(env.masks).toEqual(expect.arrayContaining(['AK-CLOUD', 'SK-CLOUD']));
  });
});
