// Runs a .gitlab-ci.yml with gitlab-ci-local (npm), the shell executor without images: the pipeline's jobs
// run on this machine as a GitLab shell runner would run them, script then after_script, in a fresh git
// repository holding the file and whatever else the test puts in it.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './runner.ts';

const GITLAB_CI_LOCAL = join(repoRoot, 'node_modules/.bin/gitlab-ci-local');

/** A git repository with `pipeline` as its .gitlab-ci.yml, committed; returns its path and commit. */
export function gitlabProject(pipeline: string): { dir: string; shortSha: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ra-gitlab-'));
  copyFileSync(pipeline, join(dir, '.gitlab-ci.yml'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  git('init', '-q', '-b', 'main');
  git('add', '.gitlab-ci.yml');
  git('commit', '-q', '-m', 'pipeline');
  return { dir, shortSha: git('rev-parse', '--short=8', 'HEAD').trim() };
}

export interface PipelineRun {
  exitCode: number;
  /** gitlab-ci-local's output: each job's commands and their output, and PASS/FAIL per job. */
  log: string;
}

/** Runs the pipeline of `dir`; `variables` as CI/CD variables, `env` as the runner machine's environment. */
export function runPipeline(
  dir: string,
  variables: Record<string, string>,
  env: Record<string, string>,
): Promise<PipelineRun> {
  const args = [
    '--shell-executor-no-image',
    '--no-color',
    ...Object.entries(variables).flatMap(([name, value]) => ['--variable', `${name}=${value}`]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(GITLAB_CI_LOCAL, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, log }));
  });
}
