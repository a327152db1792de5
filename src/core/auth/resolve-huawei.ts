import { inputLabel, quoteInputs } from '../action/input-names.ts';
import type { InputReader } from '../action/input-reader.ts';
import { InputError } from '../errors/errors.ts';
import { AUTH_METHODS, type HuaweiAuth } from './credentials.ts';
import { type KeyEnvNames, type KeySet, readKeyEnv, readKeyInputs } from './key-set.ts';

/** Huawei SDK variables first, then the shorter names some Huawei tools use. */
const HUAWEI_ENV: readonly KeyEnvNames[] = [
  {
    accessKeyId: 'HUAWEICLOUD_SDK_AK',
    secretAccessKey: 'HUAWEICLOUD_SDK_SK',
    token: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  },
  { accessKeyId: 'CLOUD_SDK_AK', secretAccessKey: 'CLOUD_SDK_SK', token: 'CLOUD_SDK_SECURITY_TOKEN' },
];

const PASSWORD_INPUTS = ['iam-username', 'iam-password', 'iam-domain'] as const;

const TRIED =
  'inputs access-key-id + secret-access-key; inputs iam-username + iam-password + iam-domain; ' +
  'input idp-id (keyless GitHub OIDC); environment HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK; ' +
  'environment CLOUD_SDK_AK + CLOUD_SDK_SK';

/**
 * Resolves Huawei credentials. With `auth: auto` the first match wins, in this order:
 * AK/SK inputs, IAM password inputs, `idp-id` (OIDC), HUAWEICLOUD_SDK_* and then CLOUD_SDK_* variables.
 * `auth: aksk | password | oidc` uses only that method. Secrets are masked as they are read.
 */
export function resolveHuaweiAuth(reader: InputReader): HuaweiAuth {
  const method = reader.oneOf('auth', AUTH_METHODS, { default: 'auto' });
  if (method === 'password') return passwordAuth(reader) ?? missingPassword();
  if (method === 'oidc') return oidcAuth(reader) ?? missingIdpId();
  const keys = readKeyInputs(reader);
  if (keys) return akskAuth(keys);
  if (method === 'auto') {
    const chosen = passwordAuth(reader) ?? oidcAuth(reader);
    if (chosen) return chosen;
  }
  for (const names of HUAWEI_ENV) {
    const fromEnv = readKeyEnv(reader, names);
    if (fromEnv) return akskAuth(fromEnv);
  }
  if (method === 'aksk') {
    throw new InputError(
      ['access-key-id', 'secret-access-key'],
      "Input 'auth' is aksk but no AK/SK was found: set the inputs 'access-key-id' and 'secret-access-key', " +
        'or the environment variables HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.',
    );
  }
  throw new InputError(
    ['access-key-id', 'secret-access-key', ...PASSWORD_INPUTS, 'idp-id'],
    "Inputs 'access-key-id' and 'secret-access-key' are empty, and no other Huawei Cloud credentials were " +
      `found. Tried, in order: ${TRIED}. Set one of them ` +
      '(for keyless sign-in with GitHub OIDC see docs/keyless.md).',
  );
}

function akskAuth(keys: KeySet): HuaweiAuth {
  const credentials = { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
  return {
    method: 'aksk',
    credentials: keys.token ? { ...credentials, securityToken: keys.token } : credentials,
    source: keys.token ? `${keys.source} (temporary, with security token)` : keys.source,
  };
}

/** The IAM password trio; undefined when none is set, InputError naming what is missing. */
function passwordAuth(reader: InputReader): HuaweiAuth | undefined {
  const username = reader.optional('iam-username');
  const password = reader.secret('iam-password');
  const domain = reader.optional('iam-domain');
  if (!username && !password && !domain) return undefined;
  const values = { 'iam-username': username, 'iam-password': password, 'iam-domain': domain };
  const missing = PASSWORD_INPUTS.filter((name) => !values[name]);
  if (missing.length > 0 || !username || !password || !domain) {
    throw new InputError(
      missing,
      `${inputLabel(missing)} ${missing.length > 1 ? 'are' : 'is'} missing: IAM password sign-in needs ` +
        'iam-username, iam-password and iam-domain (the account name).',
    );
  }
  return { method: 'password', username, password, domain, source: 'inputs iam-username, iam-password' };
}

function missingPassword(): never {
  throw new InputError(
    [...PASSWORD_INPUTS],
    `Input 'auth' is password but ${quoteInputs(PASSWORD_INPUTS)} are empty; set all three.`,
  );
}

/** OIDC when `idp-id` is set; with `auth: oidc` a missing `idp-id` is an error. */
function oidcAuth(reader: InputReader): HuaweiAuth | undefined {
  const idpId = reader.optional('idp-id');
  if (!idpId) return undefined;
  const audience = reader.optional('oidc-audience');
  const auth: HuaweiAuth = { method: 'oidc', idpId, source: `GitHub OIDC via identity provider ${idpId}` };
  return audience ? { ...auth, audience } : auth;
}

function missingIdpId(): never {
  throw new InputError(
    'idp-id',
    "Input 'idp-id' is required with auth: oidc: the id of the IAM identity provider that trusts " +
      'GitHub (see docs/keyless.md).',
  );
}
