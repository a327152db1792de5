// Runs the built dist/<action>/index.js (and post.js) the way the GitHub Actions runner does:
// INPUT_* variables, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY files,
// RUNNER_TEMP, STATE_* for the post step, and post running even after main failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface StepResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr without `::add-mask::` commands: what stays in the log if the runner masked nothing. */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** Variables exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  summary: string;
  /** Values registered with `::add-mask::`. */
  masks: string[];
  errors: string[];
  warnings: string[];
}

export interface StepOptions {
  action: string;
  entry?: 'main' | 'post';
  /** Input names as in action.yml; the runner's defaults are not applied, pass what you need. */
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** main's saved state, given to post as STATE_* variables. */
  state?: Record<string, string>;
  /** Shared job directory (RUNNER_TEMP, HOME); a fresh one when absent. */
  jobDir?: string;
  /** Kills the step after this long (ms); the step then counts as cancelled (exit code 143). */
  timeoutMs?: number;
}

/** Creates a job directory holding RUNNER_TEMP and a HOME for a simulated job. */
export function newJobDir(): string {
  return mkdtempSync(join(tmpdir(), 'ra-job-'));
}

/** Runs one step (main or post) of a dist action and collects what the runner would see. */
export async function runStep(options: StepOptions): Promise<StepResult> {
  const entry = options.entry ?? 'main';
  const script = join(repoRoot, 'dist', options.action, entry === 'main' ? 'index.js' : 'post.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const jobDir = options.jobDir ?? newJobDir();
  const stepId = `${entry}-${Math.random().toString(36).slice(2, 8)}`;
  const files = {
    GITHUB_OUTPUT: join(jobDir, `${stepId}.output`),
    GITHUB_STATE: join(jobDir, `${stepId}.state`),
    GITHUB_ENV: join(jobDir, `${stepId}.env`),
    GITHUB_STEP_SUMMARY: join(jobDir, `${stepId}.summary.md`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: join(jobDir, 'home'),
    RUNNER_TEMP: join(jobDir, 'temp'),
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_REPOSITORY: 'example/app',
    GITHUB_WORKFLOW: 'ci',
    ...files,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  ensureDirs(env.HOME!, env.RUNNER_TEMP!);

  const { exitCode, stdout, stderr } = await spawnNode(script, env, options.timeoutMs);
  const masks = commandValues(stdout, 'add-mask');
  return {
    exitCode,
    stdout,
    stderr,
    log: `${stdout}\n${stderr}`
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8')),
    exportedEnv: parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    masks,
    errors: commandValues(stdout, 'error'),
    warnings: commandValues(stdout, 'warning'),
  };
}

export interface JobResult {
  main: StepResult;
  post?: StepResult;
}

/**
 * Runs main, then post (when the action has one) with main's state and exported environment,
 * even when main failed: as the runner does for `post-if: always()`.
 */
export async function runJob(options: Omit<StepOptions, 'entry' | 'state'>): Promise<JobResult> {
  const jobDir = options.jobDir ?? newJobDir();
  const main = await runStep({ ...options, jobDir, entry: 'main' });
  if (!existsSync(join(repoRoot, 'dist', options.action, 'post.js'))) return { main };
  const post = await runStep({
    ...options,
    jobDir,
    entry: 'post',
    state: main.state,
    env: { ...options.env, ...main.exportedEnv },
  });
  return { main, post };
}

/** The runner's name mangling: `keep-last` → `INPUT_KEEP-LAST` (spaces become underscores). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses GITHUB_OUTPUT-style files: `name=value` lines and `name<<DELIM` heredocs. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = line.match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      result[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

function commandValues(stdout: string, command: string): string[] {
  const values: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = line.match(new RegExp(`^::${command}(?: [^:]*)?::(.*)$`));
    if (match) values.push(unescapeData(match[1]!));
  }
  return values;
}

function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function ensureDirs(...dirs: string[]): void {
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: code ?? (signal ? 143 : 1), stdout, stderr });
    });
  });
}
