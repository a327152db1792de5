import type { InputReader } from '../action/input-reader.ts';
import { InputError } from '../errors/errors.ts';
import type { BaiduAuth } from './credentials.ts';
import { type KeyEnvNames, type KeySet, readKeyEnv, readKeyInputs } from './key-set.ts';

/** The variables of Baidu's CLI and SDKs. */
const BAIDU_ENV: KeyEnvNames = {
  accessKeyId: 'BCE_ACCESS_KEY_ID',
  secretAccessKey: 'BCE_SECRET_ACCESS_KEY',
  token: 'BCE_SESSION_TOKEN',
};

/**
 * Resolves Baidu credentials: the inputs access-key-id / secret-access-key (+ security-token as the
 * STS session token), else BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY (+ BCE_SESSION_TOKEN).
 */
export function resolveBaiduAuth(reader: InputReader): BaiduAuth {
  const method = reader.optional('auth')?.toLowerCase() ?? 'auto';
  if (method !== 'auto' && method !== 'aksk') {
    throw new InputError(
      'auth',
      `Input 'auth' must be auto or aksk for provider ccr (Baidu CCR signs every call with AK/SK), got "${method}".`,
    );
  }
  const keys = readKeyInputs(reader) ?? readKeyEnv(reader, BAIDU_ENV);
  if (keys) return baiduAuth(keys);
  throw new InputError(
    ['access-key-id', 'secret-access-key'],
    "Inputs 'access-key-id' and 'secret-access-key' are empty, and no other Baidu Cloud credentials were " +
      'found. Tried, in order: inputs access-key-id + secret-access-key; ' +
      'environment BCE_ACCESS_KEY_ID + BCE_SECRET_ACCESS_KEY. Set one of them.',
  );
}

function baiduAuth(keys: KeySet): BaiduAuth {
  const credentials = { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
  return {
    method: 'aksk',
    credentials: keys.token ? { ...credentials, sessionToken: keys.token } : credentials,
    source: keys.token ? `${keys.source} (temporary, with session token)` : keys.source,
  };
}
