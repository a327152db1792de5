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
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.dir === 'string' &&
    typeof v.seedDigest === 'string' &&
    Array.isArray(v.links) &&
    v.links.every((link) => typeof link === 'string')
  );
}

/** Type guard for a DockerLoginRecord read back from saved state. */
export function isDockerLoginRecord(value: unknown): value is DockerLoginRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.configDir === 'string' &&
    typeof v.exportDockerConfig === 'boolean' &&
    typeof v.createdFile === 'boolean' &&
    isCredentialChange(v.change) &&
    (v.isolated === undefined || isIsolatedConfig(v.isolated)) &&
    (v.backupFile === undefined || typeof v.backupFile === 'string')
  );
}
