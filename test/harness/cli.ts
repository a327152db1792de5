// Runs the built CLI (dist/cli.js) as a GitLab job, a Jenkins build or a shell would: a child process with
// its own HOME and TMPDIR in a job directory and only the environment given, then reads what it printed,
// the state file it left and the summary it wrote.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refuseStaleDist } from './dist-freshness.ts';
import { spawnCollect } from './node-process.ts';
import { newJobDir, repoRoot } from './runner.ts';

export const CLI = join(repoRoot, 'dist/cli.js');

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr. */
  log: string;
  /** Outputs by action.yml name (json), or by variable name (env lines, sourced with sh). */
  outputs: Record<string, string>;
  /** Exported variables (json `env`, or the `export` lines). */
  exportedEnv: Record<string, string>;
  /** Every state file in the job's registry-actions directory, by file name. */
  state: Record<string, string>;
  summary: string;
  /** Lines starting `error: ` and `warning: `, without the prefix. */
  errors: string[];
  warnings: string[];
}

export interface CliOptions {
  /** Environment of the process besides PATH, HOME and TMPDIR; `undefined` removes one of those. */
  env?: Record<string, string | undefined>;
  /** Job directory (HOME and TMPDIR inside it); a fresh one when absent. */
  jobDir?: string;
  stdin?: string;
  /** Where --summary-file points, read back as `summary`. */
  summaryFile?: string;
  /** The program to run instead of `node dist/cli.js` (e.g. an installed bin). */
  command?: readonly string[];
  cwd?: string;
  timeoutMs?: number;
}

/** The job directory's HOME and TMPDIR. */
export function cliJobEnv(jobDir: string): Record<string, string> {
  const home = join(jobDir, 'home');
  const tmp = join(jobDir, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  return { HOME: home, TMPDIR: tmp };
}

/** The CLI's job directory for this user under the job's TMPDIR. */
export function cliStateDir(jobDir: string): string {
  return join(jobDir, 'tmp', `registry-actions-${process.getuid?.() ?? 0}`);
}

/** Inputs as flags, secrets as REGISTRY_ACTIONS_* variables (as a CI system's masked variables). */
export function cliCommand(
  inputs: Record<string, string>,
  secret: readonly string[] = ['access-key-id', 'secret-access-key'],
) {
  const args = Object.entries(inputs)
    .filter(([name]) => !secret.includes(name))
    .flatMap(([name, value]) => [`--${name}`, value]);
  const env = Object.fromEntries(
    Object.entries(inputs)
      .filter(([name]) => secret.includes(name))
      .map(([name, value]) => [`REGISTRY_ACTIONS_${name.toUpperCase().replace(/-/g, '_')}`, value]),
  );
  return { args, env };
}

/** Runs `registry-actions <args>` and collects what a user would see. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const jobDir = options.jobDir ?? newJobDir();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...cliJobEnv(jobDir) };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const [program, ...programArgs] = options.command ?? [process.execPath, CLI];
  if (options.command === undefined) refuseStaleDist(CLI);
  const { exitCode, stdout, stderr } = await spawnCollect(program!, [...programArgs, ...args], env, options);
  const results = parseResults(stdout);
  const lines = stderr.split('\n');
  const prefixed = (prefix: string) =>
    lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
  return {
    exitCode,
    stdout,
    stderr,
    log: `${stdout}\n${stderr}`,
    ...results,
    state: readStates(cliStateDir(jobDir)),
    summary:
      options.summaryFile && existsSync(options.summaryFile) ? readFileSync(options.summaryFile, 'utf8') : '',
    errors: prefixed('error: '),
    warnings: prefixed('warning: '),
  };
}

/** Outputs from `--format json` or from `--format env` lines, sourced by sh as a script would. */
export function parseResults(stdout: string): Pick<CliRun, 'outputs' | 'exportedEnv'> {
  if (stdout.trim() === '') return { outputs: {}, exportedEnv: {} };
  if (stdout.startsWith('{')) {
    const parsed = JSON.parse(stdout) as { outputs: Record<string, string>; env: Record<string, string> };
    return { outputs: parsed.outputs, exportedEnv: parsed.env };
  }
  return { outputs: sourced(stdout, true), exportedEnv: sourced(stdout, false) };
}

/** The variables a POSIX sh has after `eval` of the lines: all of them, or only those it exports. */
export function sourced(lines: string, all: boolean): Record<string, string> {
  const script = `${all ? 'set -a; ' : ''}eval "$LINES"; unset LINES; env -0`;
  const out = execFileSync('sh', ['-c', script], { env: { LINES: lines }, encoding: 'utf8' });
  const baseline = new Set(
    Object.keys(envOf(execFileSync('sh', ['-c', 'env -0'], { env: {}, encoding: 'utf8' }))),
  );
  return Object.fromEntries(Object.entries(envOf(out)).filter(([name]) => !baseline.has(name)));
}

function envOf(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\0')
      .filter((entry) => entry.includes('='))
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

function readStates(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.state.json'))
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}
