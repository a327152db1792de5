// What main hands to post: the Docker config change to undo. No secret (see DockerLoginRecord).
import * as core from '@actions/core';
import { type DockerLoginRecord, isDockerLoginRecord } from '../../core/docker/docker-login-record.ts';

export interface LoginState {
  registry: string;
  /** `logout: false` keeps the login after the job. */
  logout: boolean;
  record: DockerLoginRecord;
}

const KEY = 'login';

/** Saves the state for post (core.saveState, JSON). */
export function saveLoginState(state: LoginState): void {
  core.saveState(KEY, JSON.stringify(state));
}

/** The state main saved; undefined when main wrote no login (it failed first, or nothing ran). */
export function readLoginState(raw: string = core.getState(KEY)): LoginState | undefined {
  if (raw.trim() === '') return undefined;
  const parsed: unknown = JSON.parse(raw);
  return isLoginState(parsed) ? parsed : undefined;
}

function isLoginState(value: unknown): value is LoginState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.registry === 'string' && typeof v.logout === 'boolean' && isDockerLoginRecord(v.record);
}
