// What main hands to post: the Docker config changes to undo, one per registry. No secret (see DockerLoginRecord).
import { isAbsolute, relative, resolve } from 'node:path';
import { readJsonState, saveJsonState } from '../../core/action/saved-state.ts';
import { type DockerLoginRecord, isDockerLoginRecord } from '../../core/docker/docker-login-record.ts';
import { stepHost } from '../../core/host/step-host.ts';
import { isRecord } from '../../core/types/is-record.ts';

/** One registry's login as written into the Docker config. */
export interface SavedLogin {
  registry: string;
  record: DockerLoginRecord;
}

export interface LoginState {
  /** In the order written; post removes them in reverse. */
  logins: SavedLogin[];
  /** `logout: false` keeps the logins after the job. */
  logout: boolean;
}

const KEY = 'login';

/** The job directory the host empties when the job ends (RUNNER_TEMP on a runner), if there is one. */
export function emptiedJobDir(env: NodeJS.ProcessEnv): string | undefined {
  const { job } = stepHost();
  return job.tempEmptiedAtJobEnd ? job.tempDir(env) : undefined;
}

/**
 * Where a login kept by `logout: false` lives on. RUNNER_TEMP (where the job directory is) is emptied by
 * the runner when the job ends, so a login there cannot outlive the job.
 */
export function keptLoginNote(registry: string, configDir: string, runnerTemp: string | undefined): string {
  const inside = runnerTemp ? relative(resolve(runnerTemp), resolve(configDir)) : '..';
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return `the login to ${registry} stays in ${configDir} after the job.`;
  }
  return (
    `the login to ${registry} stays in ${configDir} until the runner empties RUNNER_TEMP at the end ` +
    'of the job. To keep a login for later jobs, set DOCKER_CONFIG to a lasting directory before this step.'
  );
}

/** Saves the state for post. */
export function saveLoginState(state: LoginState): void {
  saveJsonState(KEY, state);
}

/** The state main saved; undefined when main wrote no login (it failed first, or nothing ran). */
export function readLoginState(raw?: string): LoginState | undefined {
  return readJsonState(KEY, isLoginState, raw);
}

function isSavedLogin(value: unknown): value is SavedLogin {
  if (!isRecord(value)) return false;
  return typeof value.registry === 'string' && isDockerLoginRecord(value.record);
}

function isLoginState(value: unknown): value is LoginState {
  if (!isRecord(value)) return false;
  return typeof value.logout === 'boolean' && Array.isArray(value.logins) && value.logins.every(isSavedLogin);
}
