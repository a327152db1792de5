// Shared steps of the login e2e tests: run main and post of dist/login as the runner would.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { newJobDir, runStep, type StepResult } from '../harness/runner.ts';
import { findLeaks } from '../support/leaks.ts';

export interface LoginRun {
  jobDir: string;
  main: StepResult;
  /** Runs the post step with main's state and exported environment. */
  post(extraEnv?: Record<string, string>): Promise<StepResult>;
}

/** Runs login's main step in a job directory (optionally with a shared HOME and extra environment). */
export async function runLogin(
  inputs: Record<string, string>,
  options: { jobDir?: string; env?: Record<string, string | undefined> } = {},
): Promise<LoginRun> {
  const jobDir = options.jobDir ?? newJobDir();
  const main = await runStep({ action: 'login', inputs, jobDir, env: options.env ?? {} });
  return {
    jobDir,
    main,
    post: (extraEnv = {}) =>
      runStep({
        action: 'login',
        entry: 'post',
        inputs,
        jobDir,
        state: main.state,
        env: { ...options.env, ...main.exportedEnv, ...extraEnv },
      }),
  };
}

/** The parsed config.json in a directory. */
export function readDockerConfig(dir: string): {
  auths?: Record<string, { auth?: string }>;
  [key: string]: unknown;
} {
  return JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
}

/** Mode bits of a file. */
export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/** base64 of user:password, as in config.json. */
export function authOf(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

/** Asserts no form of any secret reached log, outputs, state, env or summary (each was masked). */
export function expectNoLeaks(step: StepResult, secrets: readonly string[], username?: string): void {
  expect(findLeaks(step, secrets, username)).toEqual([]);
}

/** Writes HOME/.docker/config.json of a job HOME; returns its path. */
export function writeHomeConfig(home: string, config: unknown): string {
  mkdirSync(join(home, '.docker'), { recursive: true });
  const path = join(home, '.docker', 'config.json');
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config));
  return path;
}

export { existsSync };
