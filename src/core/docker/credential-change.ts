import { nodeCrypto } from '../node/builtins.ts';
import { isRecord } from '../types/is-record.ts';

/**
 * What adding one registry login changed in a config.json, so that removing it restores the rest.
 * Holds no secret: our `auth` only as a SHA-256 digest (to recognise our entry later); an entry we
 * replaced is kept apart, in a 0600 backup file.
 */
export interface CredentialChange {
  /** The `auths` key written. */
  registry: string;
  /** SHA-256 (hex) of the `auth` value written. */
  authDigest: string;
  /** An entry existed under this key and was replaced (its content is in the backup). */
  replacedEntry: boolean;
  /** `auths` did not exist before. */
  createdAuths: boolean;
  /** A `credHelpers` entry for the registry that would have shadowed the new login. */
  removedCredHelper?: string;
  /** A `credsStore` that would have shadowed the new login (for the Docker CLI). */
  removedCredsStore?: string;
  /** Registries the removed credsStore holds, pointed at it through `credHelpers` instead. */
  addedCredHelpers: string[];
  /** `credHelpers` did not exist before. */
  createdCredHelpers: boolean;
}

/** SHA-256 hex digest of an `auth` value. */
export function digestAuth(auth: string): string {
  return nodeCrypto().createHash('sha256').update(auth).digest('hex');
}

/** Type guard for a CredentialChange read back from saved state. */
export function isCredentialChange(value: unknown): value is CredentialChange {
  if (!isRecord(value)) return false;
  const optionalString = (x: unknown) => x === undefined || typeof x === 'string';
  return (
    typeof value.registry === 'string' &&
    typeof value.authDigest === 'string' &&
    typeof value.replacedEntry === 'boolean' &&
    typeof value.createdAuths === 'boolean' &&
    optionalString(value.removedCredHelper) &&
    optionalString(value.removedCredsStore) &&
    Array.isArray(value.addedCredHelpers) &&
    value.addedCredHelpers.every((host) => typeof host === 'string') &&
    typeof value.createdCredHelpers === 'boolean'
  );
}
