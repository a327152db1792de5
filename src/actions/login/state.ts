// What main hands to post: the Docker config change to undo. No secret (see DockerLoginRecord).
import { readJsonState, saveJsonState } from '../../core/action/saved-state.ts';
import { type DockerLoginRecord, isDockerLoginRecord } from '../../core/docker/docker-login-record.ts';

export interface LoginState {
  registry: string;
  /** `logout: false` keeps the login after the job. */
  logout: boolean;
  record: DockerLoginRecord;
}

const KEY = 'login';

/** Saves the state for post. */
export function saveLoginState(state: LoginState): void {
  saveJsonState(KEY, state);
}

/** The state main saved; undefined when main wrote no login (it failed first, or nothing ran). */
export function readLoginState(raw?: string): LoginState | undefined {
  return readJsonState(KEY, isLoginState, raw);
}

function isLoginState(value: unknown): value is LoginState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.registry === 'string' && typeof v.logout === 'boolean' && isDockerLoginRecord(v.record);
}
