// Runs the built actions the way the GitHub Actions runner does. The step is built from the action's
// metadata (GitHub's own action parser): every declared input as INPUT_<NAME> (the step's value, else the
// default with its expressions evaluated by GitHub's evaluator, else ''), undeclared `with:` keys passed on
// with the runner's "Unexpected input(s)" warning; GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV /
// GITHUB_STEP_SUMMARY files; RUNNER_TEMP; STATE_* for post; pre and post per pre-if / post-if.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAction, type NodeRuns, repoRoot } from './action-definition.ts';
import { jobContexts, runnerVariables } from './contexts.ts';
import { refuseStaleDist } from './dist-freshness.ts';
import { type Contexts, evaluateCondition, type JobStatus } from './expressions.ts';
import { commandValues, fileCommandFiles, runProcess } from './node-process.ts';
import { inputVariable, runnerInputs } from './step-inputs.ts';

export { parseFileCommand } from './node-process.ts';
export { inputVariable } from './step-inputs.ts';
export { repoRoot };

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
  /** Warnings the runner itself adds to the step (unexpected inputs); also at the top of `log`. */
  runnerWarnings: string[];
  /** The INPUT_* variables the action was given. */
  inputs: Record<string, string>;
}

export interface StepOptions {
  /** A dist action by name (`login`, `prune-tags`…), or a directory with an action.yml (`.`). */
  action: string;
  entry?: 'pre' | 'main' | 'post';
  /**
   * The step's `with:` (names as in action.yml). As on the runner, a declared input left out gets its
   * action.yml default; a key the action does not declare is passed on with the runner's warning.
   */
  inputs?: Record<string, string>;
  /** Extra environment; `undefined` removes a variable the runner would set. */
  env?: Record<string, string | undefined>;
  /** main's saved state, given to post as STATE_* variables. */
  state?: Record<string, string>;
  /** Shared job directory (RUNNER_TEMP, HOME); a fresh one when absent. */
  jobDir?: string;
  /** Kills the step after this long (ms); the step then counts as cancelled (exit code 143). */
  timeoutMs?: number;
  /** Contexts for defaults and conditions (github, env, secrets, vars, steps, inputs, job, runner…). */
  contexts?: Contexts;
  /** The Node.js binary that runs the step; the runner's own Node 24 when absent. */
  node?: string;
}

/** Creates a job directory holding RUNNER_TEMP and a HOME for a simulated job. */
export function newJobDir(): string {
  return mkdtempSync(join(tmpdir(), 'ra-job-'));
}

/** Runs one entry (pre, main or post) of a node action and collects what the runner would see. */
export async function runStep(options: StepOptions): Promise<StepResult> {
  const definition = loadAction(options.action);
  const runs = nodeRuns(definition.runs, definition.path);
  const entry = options.entry ?? 'main';
  const script = entry === 'main' ? runs.main : entry === 'pre' ? runs.pre : runs.post;
  if (script === undefined) throw new Error(`${definition.path}/action.yml has no ${entry} entry`);
  refuseStaleDist(resolve(definition.dir, script));
  const jobDir = options.jobDir ?? newJobDir();
  const contexts = jobContexts(jobDir, options.contexts);
  const given = runnerInputs(definition, options.inputs ?? {}, contexts);
  const files = fileCommandFiles(jobDir, entry);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...runnerVariables(jobDir, contexts),
    ...files,
  };
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(given.values)) inputs[inputVariable(name)] = value;
  Object.assign(env, inputs);
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  for (const dir of [env.HOME, env.RUNNER_TEMP]) if (dir) mkdirSync(dir, { recursive: true });

  const result = await runProcess(
    options.node ?? process.execPath,
    [resolve(definition.dir, script)],
    env,
    files,
    options,
  );
  // The runner reports unexpected inputs once, when the step starts (not again for its post).
  const runnerWarnings = entry === 'main' && given.unexpected ? [given.unexpected] : [];
  const log = [...runnerWarnings.map((warning) => `##[warning]${warning}`), result.stdout, result.stderr]
    .join('\n')
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    log,
    outputs: result.outputs,
    state: result.state,
    exportedEnv: result.exportedEnv,
    summary: result.summary,
    masks: commandValues(result.stdout, 'add-mask'),
    errors: commandValues(result.stdout, 'error'),
    warnings: commandValues(result.stdout, 'warning'),
    runnerWarnings,
    inputs,
  };
}

export interface JobResult {
  /** The pre entry, when the action has one and its pre-if held. */
  pre?: StepResult;
  main: StepResult;
  /** The post entry, when the action has one and its post-if held (default always()). */
  post?: StepResult;
}

/**
 * Runs an action as one step of a job: pre (per pre-if), main, then post (per post-if, evaluated with the
 * job's status after main) with the state main saved and the environment it exported.
 */
export async function runJob(options: Omit<StepOptions, 'entry' | 'state'>): Promise<JobResult> {
  const jobDir = options.jobDir ?? newJobDir();
  const definition = loadAction(options.action);
  const runs = nodeRuns(definition.runs, definition.path);
  const contexts = jobContexts(jobDir, options.contexts);
  let env = { ...options.env };
  let state: Record<string, string> = {};
  let pre: StepResult | undefined;
  if (runs.pre && runsWhen(runs.preIf, contexts, 'success')) {
    pre = await runStep({ ...options, jobDir, entry: 'pre' });
    env = { ...env, ...pre.exportedEnv };
    state = { ...pre.state };
  }
  const main =
    pre && pre.exitCode !== 0
      ? skippedStep()
      : await runStep({ ...options, jobDir, env, state, entry: 'main' });
  const status = jobStatus(pre, main);
  const result: JobResult = pre ? { pre, main } : { main };
  if (runs.post && runsWhen(runs.postIf, { ...contexts, job: { status } }, status)) {
    result.post = await runStep({
      ...options,
      jobDir,
      entry: 'post',
      state: { ...state, ...main.state },
      env: { ...env, ...main.exportedEnv },
    });
  }
  return result;
}

/** A condition as the runner evaluates it: without a status function it means `success() && (…)`. */
export function runsWhen(condition: string, contexts: Contexts, status: JobStatus): boolean {
  const hasStatusFunction = /\b(success|failure|cancelled|always)\s*\(/i.test(condition);
  return evaluateCondition(hasStatusFunction ? condition : `success() && (${condition})`, contexts, status);
}

function jobStatus(pre: StepResult | undefined, main: StepResult): JobStatus {
  if (main.exitCode === 143) return 'cancelled';
  return (pre?.exitCode ?? 0) !== 0 || main.exitCode !== 0 ? 'failure' : 'success';
}

function nodeRuns(runs: ReturnType<typeof loadAction>['runs'], path: string): NodeRuns {
  if (runs.kind !== 'node')
    throw new Error(`${path} is a composite action: run it in a job (test/harness/job.ts)`);
  return runs;
}

function skippedStep(): StepResult {
  return {
    exitCode: 0,
    stdout: '',
    stderr: '',
    log: '',
    outputs: {},
    state: {},
    exportedEnv: {},
    summary: '',
    masks: [],
    errors: [],
    warnings: [],
    runnerWarnings: [],
    inputs: {},
  };
}
