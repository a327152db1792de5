import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { resolveBaiduAuth } from '../../../src/core/auth/resolve-baidu.ts';
import { InputError } from '../../../src/core/errors/errors.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import { captureMasks } from '../../support/oidc/capture-masks.ts';

afterEach(() => forgetSecrets());

const resolve = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  resolveBaiduAuth(InputReader.fromRecord(inputs, env));

const BCE_ENV = { BCE_ACCESS_KEY_ID: 'AK-ENV', BCE_SECRET_ACCESS_KEY: 'SK-ENV', BCE_SESSION_TOKEN: 'ST-ENV' };

describe('resolveBaiduAuth', () => {
  it('prefers the inputs, with security-token as the STS session token', () => {
    const auth = resolve(
      { 'access-key-id': 'AK-IN', 'secret-access-key': 'SK-IN', 'security-token': 'ST-IN' },
      BCE_ENV,
    );
    expect(auth).toEqual({
      method: 'aksk',
      credentials: { accessKeyId: 'AK-IN', secretAccessKey: 'SK-IN', sessionToken: 'ST-IN' },
      source: 'inputs access-key-id, secret-access-key (temporary, with session token)',
    });
  });

  it('falls back to BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY / BCE_SESSION_TOKEN', () => {
    expect(resolve({ auth: 'aksk' }, BCE_ENV).credentials).toEqual({
      accessKeyId: 'AK-ENV',
      secretAccessKey: 'SK-ENV',
      sessionToken: 'ST-ENV',
    });
  });

  it('names the missing half of a partial set', () => {
    expect(() => resolve({}, { BCE_ACCESS_KEY_ID: 'AK' })).toThrow(
      'Environment variable BCE_SECRET_ACCESS_KEY is not set while BCE_ACCESS_KEY_ID is',
    );
    expect(() => resolve({ 'secret-access-key': 'SK' })).toThrow("Input 'access-key-id' is missing");
  });

  it('refuses password and OIDC sign-in, which CCR does not have', () => {
    expect(() => resolve({ auth: 'oidc' }, BCE_ENV)).toThrow(
      `Input 'auth' must be auto or aksk for provider ccr (Baidu CCR signs every call with AK/SK), got "oidc".`,
    );
  });

  it('lists what it tried when nothing fits', () => {
    const error = (() => {
      try {
        resolve({}, { HUAWEICLOUD_SDK_AK: 'x', HUAWEICLOUD_SDK_SK: 'y' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      "Inputs 'access-key-id' and 'secret-access-key' are empty, and no other Baidu Cloud credentials were " +
        'found. Tried, in order: inputs access-key-id + secret-access-key; ' +
        'environment BCE_ACCESS_KEY_ID + BCE_SECRET_ACCESS_KEY. Set one of them.',
    );
  });

  it('masks the keys and the session token as they are read', async () => {
    const { masks } = await captureMasks(() => resolve({}, BCE_ENV));
    expect(masks).toEqual(expect.arrayContaining(['AK-ENV', 'SK-ENV', 'ST-ENV']));
  });
});
