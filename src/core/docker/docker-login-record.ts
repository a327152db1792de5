import { isRecord } from '../types/is-record.ts';
import { type CredentialChange, isCredentialChange } from './credential-change.ts';
import type { IsolatedConfig } from './isolated-config.ts';

/** What addDockerLogin did, saved from main to post so logout undoes exactly that. No secrets. */
export interface DockerLoginRecord {
  /** The DOCKER_CONFIG directory written. */
  configDir: string;
  /** Later steps must get DOCKER_CONFIG=configDir (a job directory this login created). */
  exportDockerConfig: boolean;
  /** config.json did not exist before: logout deletes it again when it is left empty. */
  createdFile: boolean;
  change: CredentialChange;
  /** The job directory, when this login created it. */
  isolated?: IsolatedConfig;
  /** 0600 backup of the entry this login replaced. */
  backupFile?: string;
}

function isIsolatedConfig(value: unknown): value is IsolatedConfig {
  if (!isRecord(value)) return false;
  return (
    typeof value.dir === 'string' &&
    typeof value.seedDigest === 'string' &&
    Array.isArray(value.links) &&
    value.links.every((link) => typeof link === 'string')
  );
}

/** Type guard for a DockerLoginRecord read back from saved state. */
export function isDockerLoginRecord(value: unknown): value is DockerLoginRecord {
  if (!isRecord(value)) return false;
  return (
    typeof value.configDir === 'string' &&
    typeof value.exportDockerConfig === 'boolean' &&
    typeof value.createdFile === 'boolean' &&
    isCredentialChange(value.change) &&
    (value.isolated === undefined || isIsolatedConfig(value.isolated)) &&
    (value.backupFile === undefined || typeof value.backupFile === 'string')
  );
}
