// Adds and removes one registry login in a Docker config.json, daemon-free: docker, buildx, podman,
// buildah, skopeo, crane and kaniko all read this file (through DOCKER_CONFIG).
import { join } from 'node:path';
import { nodeCrypto, nodeFsPromises } from '../node/builtins.ts';
import { maskSecret } from '../redact/secrets.ts';
import { isRecord } from '../types/is-record.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readConfigFile } from './config-file.ts';
import { chooseConfigLocation } from './config-location.ts';
import { listStoreRegistries } from './credential-store.ts';
import { encodeAuth, serializeDockerConfig } from './docker-config.ts';
import type { DockerLoginRecord } from './docker-login-record.ts';
import { createIsolatedConfig, ensureConfigDir, removeIsolatedConfig } from './isolated-config.ts';
import { planAddCredential, planRemoveCredential } from './plan-credential.ts';

export interface DockerLoginRequest {
  /** `auths` key: host[:port]. */
  registry: string;
  username: string;
  password: string;
}

export interface DockerLoginContext {
  /** The environment, for DOCKER_CONFIG. */
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** The job's own directory, for a per-job config (RUNNER_TEMP on a runner); undefined: none. */
  jobTempDir?: string | undefined;
  /** Where a replaced entry is backed up (0600) until logout: the job's directory where there is one. */
  backupDir: string;
  listStore?: (store: string) => Promise<string[] | undefined>;
}

export interface DockerLoginResult {
  record: DockerLoginRecord;
  /** What else changed in the config, for the log. */
  notes: string[];
}

/** Writes the login into the job's config.json (creating the job's own directory when needed). */
export async function addDockerLogin(
  request: DockerLoginRequest,
  context: DockerLoginContext,
): Promise<DockerLoginResult> {
  const auth = maskSecret(encodeAuth(request.username, request.password));
  const location = chooseConfigLocation(context.env, context.homeDir, context.jobTempDir);
  let configDir: string;
  let isolated: DockerLoginRecord['isolated'];
  if (location.kind === 'isolated') {
    isolated = await createIsolatedConfig(location.parent, location.seedDir);
    configDir = isolated.dir;
  } else {
    configDir = location.dir;
    await ensureConfigDir(configDir);
  }
  const configPath = join(configDir, 'config.json');
  const current = await readConfigFile(configPath);
  const storeRegistries = current.config.credsStore
    ? await (context.listStore ?? listStoreRegistries)(current.config.credsStore)
    : undefined;
  const plan = planAddCredential(current.config, { registry: request.registry, auth, storeRegistries });
  let backupFile: string | undefined;
  if (plan.previousEntry !== undefined) {
    backupFile = join(
      context.backupDir,
      `docker-login-backup-${nodeCrypto().randomBytes(6).toString('hex')}.json`,
    );
    await ensureConfigDir(context.backupDir);
    await writeFileAtomic(backupFile, JSON.stringify(plan.previousEntry));
  }
  await writeFileAtomic(configPath, serializeDockerConfig(plan.config));
  const record: DockerLoginRecord = {
    configDir,
    exportDockerConfig: location.kind === 'isolated',
    createdFile: !current.exists,
    change: plan.change,
    ...(isolated ? { isolated } : {}),
    ...(backupFile ? { backupFile } : {}),
  };
  return { record, notes: plan.notes };
}

async function readBackup(file: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (file === undefined) return undefined;
  const parsed: unknown = JSON.parse(await nodeFsPromises().readFile(file, 'utf8'));
  return isRecord(parsed) ? parsed : undefined;
}

/** Undoes one recorded login; returns what was done, for the log. */
export async function removeDockerLogin(record: DockerLoginRecord): Promise<string[]> {
  const { rm } = nodeFsPromises();
  const configPath = join(record.configDir, 'config.json');
  const current = await readConfigFile(configPath);
  if (!current.exists) {
    // The backup holds the replaced credential: it goes whatever became of the config.
    if (record.backupFile) await rm(record.backupFile, { force: true });
    return [`${configPath} is gone; nothing to remove.`];
  }
  const previousEntry = await readBackup(record.backupFile);
  const plan = planRemoveCredential(current.config, record.change, previousEntry);
  const emptied = Object.keys(plan.config).length === 0;
  if (record.createdFile && emptied) await rm(configPath, { force: true });
  else await writeFileAtomic(configPath, serializeDockerConfig(plan.config));
  if (record.backupFile) await rm(record.backupFile, { force: true });
  if (record.isolated && (await removeIsolatedConfig(record.isolated))) {
    plan.notes.push(`Removed this job's Docker config directory ${record.configDir}.`);
  }
  return plan.notes;
}
