import type { InputReader } from '../action/input-reader.ts';
import { InputError } from '../errors/errors.ts';

/** One access key set as read, before it is given its vendor's field names. */
export interface KeySet {
  accessKeyId: string;
  secretAccessKey: string;
  /** Huawei security token or Baidu session token (temporary credentials). */
  token?: string;
  /** Where it came from, for logs: "inputs access-key-id, secret-access-key". */
  source: string;
}

/** Environment variable names of one vendor family (e.g. HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN). */
export interface KeyEnvNames {
  accessKeyId: string;
  secretAccessKey: string;
  token: string;
}

const KEY_INPUTS = {
  accessKeyId: 'access-key-id',
  secretAccessKey: 'secret-access-key',
  token: 'security-token',
} as const;

/** The AK/SK inputs, masked; undefined when none is set, InputError when the set is partial. */
export function readKeyInputs(reader: InputReader): KeySet | undefined {
  const accessKeyId = reader.secret(KEY_INPUTS.accessKeyId);
  const secretAccessKey = reader.secret(KEY_INPUTS.secretAccessKey);
  const token = reader.secret(KEY_INPUTS.token);
  if (!accessKeyId && !secretAccessKey && !token) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    const missing = accessKeyId ? KEY_INPUTS.secretAccessKey : KEY_INPUTS.accessKeyId;
    const given = [
      accessKeyId && 'access-key-id',
      secretAccessKey && 'secret-access-key',
      token && 'security-token',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new InputError(
      missing,
      `Input '${missing}' is missing: ${given} ${given.includes(' and ') ? 'are' : 'is'} set, ` +
        'and AK/SK credentials need both access-key-id and secret-access-key.',
    );
  }
  return withToken(
    { accessKeyId, secretAccessKey, source: 'inputs access-key-id, secret-access-key' },
    token,
  );
}

/**
 * One family of environment variables, masked; undefined when none is set, InputError when partial.
 * Called only once the AK/SK inputs are known to be empty, so each read falls through to the variable.
 */
export function readKeyEnv(reader: InputReader, names: KeyEnvNames): KeySet | undefined {
  const accessKeyId = reader.secret(KEY_INPUTS.accessKeyId, [names.accessKeyId]);
  const secretAccessKey = reader.secret(KEY_INPUTS.secretAccessKey, [names.secretAccessKey]);
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    const [set, missing] = accessKeyId
      ? [names.accessKeyId, names.secretAccessKey]
      : [names.secretAccessKey, names.accessKeyId];
    throw new InputError(
      missing,
      `Environment variable ${missing} is not set while ${set} is; set both, or give the inputs ` +
        'access-key-id and secret-access-key instead.',
    );
  }
  const token = reader.secret(KEY_INPUTS.token, [names.token]);
  const source = `environment ${names.accessKeyId}, ${names.secretAccessKey}`;
  return withToken({ accessKeyId, secretAccessKey, source }, token);
}

function withToken(set: KeySet, token: string | undefined): KeySet {
  return token ? { ...set, token } : set;
}
