// The contexts and GITHUB_* / RUNNER_* variables of a simulated job, consistent with each other.
import { join } from 'node:path';
import type { Contexts } from './expressions.ts';

export interface GithubContext {
  repository: string;
  repository_owner: string;
  run_id: string;
  run_number: string;
  run_attempt: string;
  job: string;
  workflow: string;
  event_name: string;
  event: Record<string, unknown>;
  sha: string;
  ref: string;
  ref_name: string;
  actor: string;
  server_url: string;
  api_url: string;
  workspace: string;
  token: string;
  action_path?: string;
  [key: string]: unknown;
}

/** A push to main of example/app, run 1001 attempt 1, job `build` of workflow `ci`. */
export function defaultGithub(jobDir: string, overrides: Partial<GithubContext> = {}): GithubContext {
  return {
    repository: 'example/app',
    repository_owner: 'example',
    run_id: '1001',
    run_number: '7',
    run_attempt: '1',
    job: 'build',
    workflow: 'ci',
    event_name: 'push',
    event: {},
    sha: '3f786850e387550fdab836ed7e6dc881de23001b',
    ref: 'refs/heads/main',
    ref_name: 'main',
    actor: 'octocat',
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    workspace: join(jobDir, 'workspace'),
    token: 'ghs_harnessTokenNotARealOne0000000000',
    ...overrides,
  };
}

/** The runner context of a Linux runner whose temp directory is inside the job directory. */
export function defaultRunner(jobDir: string): Record<string, string> {
  return {
    os: 'Linux',
    arch: 'X64',
    name: 'harness',
    temp: join(jobDir, 'temp'),
    tool_cache: join(jobDir, 'tools'),
  };
}

/** Every context filled in: the given ones over the defaults of a job in `jobDir`. */
export function jobContexts(jobDir: string, given: Contexts = {}): Contexts {
  return {
    env: {},
    secrets: {},
    vars: {},
    steps: {},
    inputs: {},
    job: { status: 'success' },
    matrix: {},
    needs: {},
    strategy: {},
    ...given,
    github: { ...defaultGithub(jobDir), ...(given.github as object | undefined) },
    runner: { ...defaultRunner(jobDir), ...(given.runner as object | undefined) },
  };
}

/** The variables the runner sets for every step, from the github and runner contexts. */
export function runnerVariables(jobDir: string, contexts: Contexts): Record<string, string> {
  const github = contexts.github as GithubContext;
  const runner = contexts.runner as Record<string, string>;
  return {
    CI: 'true',
    HOME: join(jobDir, 'home'),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: github.repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_NUMBER: github.run_number,
    GITHUB_RUN_ATTEMPT: github.run_attempt,
    GITHUB_JOB: github.job,
    GITHUB_WORKFLOW: github.workflow,
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_SHA: github.sha,
    GITHUB_REF: github.ref,
    GITHUB_REF_NAME: github.ref_name,
    GITHUB_ACTOR: github.actor,
    GITHUB_SERVER_URL: github.server_url,
    GITHUB_API_URL: github.api_url,
    GITHUB_WORKSPACE: github.workspace,
    RUNNER_OS: runner.os ?? 'Linux',
    RUNNER_ARCH: runner.arch ?? 'X64',
    RUNNER_TEMP: runner.temp ?? join(jobDir, 'temp'),
  };
}
