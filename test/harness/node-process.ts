// One node entry of an action run as the runner runs it: a child process with the step's environment and
// fresh GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY files, read back afterwards.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  /** Directories added through GITHUB_PATH. */
  path: string[];
  summary: string;
}

/** The file-command files of one step, created empty in the job directory. */
export function fileCommandFiles(jobDir: string, label: string): Record<string, string> {
  const stepId = `${label}-${Math.random().toString(36).slice(2, 8)}`;
  const files = {
    GITHUB_OUTPUT: join(jobDir, `${stepId}.output`),
    GITHUB_STATE: join(jobDir, `${stepId}.state`),
    GITHUB_ENV: join(jobDir, `${stepId}.env`),
    GITHUB_PATH: join(jobDir, `${stepId}.path`),
    GITHUB_STEP_SUMMARY: join(jobDir, `${stepId}.summary.md`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return files;
}

/** Runs a program with exactly `env`, then reads the file commands it wrote. */
export async function runProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  files: Record<string, string>,
  options: SpawnOptions = {},
): Promise<ProcessResult> {
  const { exitCode, stdout, stderr } = await spawnCollect(command, args, env, options);
  const read = (name: string) => readFileSync(files[name]!, 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommand(read('GITHUB_OUTPUT')),
    state: parseFileCommand(read('GITHUB_STATE')),
    exportedEnv: parseFileCommand(read('GITHUB_ENV')),
    path: read('GITHUB_PATH')
      .split('\n')
      .filter((line) => line.trim() !== ''),
    summary: read('GITHUB_STEP_SUMMARY'),
  };
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

/** Values of one workflow command (`::error::…`, `::warning file=…::…`) in a step's stdout. */
export function commandValues(stdout: string, command: string): string[] {
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

export interface SpawnOptions {
  timeoutMs?: number;
  cwd?: string;
  /** Text on the process's stdin (end-of-file at once when absent). */
  stdin?: string;
  /** Called with the pid of a process started in its own process group (e.g. to end its leftovers later). */
  onProcessGroup?: (pid: number) => void;
}

/** Runs a program with exactly `env` and collects its exit code, stdout and stderr. */
export function spawnCollect(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  options: SpawnOptions,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const detached = options.onProcessGroup !== undefined;
    const child = spawn(command, [...args], {
      env,
      cwd: options.cwd,
      detached,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Without stdin text the process reads end-of-file at once, as from /dev/null. A process that exits
    // before reading its stdin closes the pipe; the write then fails with EPIPE, which changes nothing
    // about its result (the exit code and output still arrive through 'close').
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
    if (detached && child.pid !== undefined) options.onProcessGroup?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: code ?? (signal ? 143 : 1), stdout, stderr });
    });
  });
}
