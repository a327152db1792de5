// One job as the runner runs it: its steps in order, each `if:` evaluated with GitHub's evaluator over
// the job's contexts and status; `run:` steps in bash with the step's environment; our actions from this
// checkout (node entries through runStep, composite actions step by step with their `inputs` context);
// third-party actions and steps that need the internet or Docker through declared stand-ins; GITHUB_ENV
// and GITHUB_PATH carried to later steps; post steps in reverse order per post-if; job outputs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionDefinition, StepTemplate } from './action-definition.ts';
import { jobContexts, runnerVariables } from './contexts.ts';
import type { Contexts, JobStatus } from './expressions.ts';
import { commandValues, fileCommandFiles, runProcess } from './node-process.ts';
import { runStep, runsWhen, type StepResult } from './runner.ts';
import type { StandIns } from './stand-ins.ts';
import { runnerInputs } from './step-inputs.ts';
import { child, literalString, mappingStrings, type Token, tokenString } from './templates.ts';
import { resolveUses } from './uses.ts';

export interface StepRecord {
  id: string;
  name: string;
  /** `uses:` or the first line of `run:`. */
  what: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** The stand-in that ran instead, if any: `owner/repo` of an action, or `run: <step name>`. */
  standIn?: string;
  /** Steps of a composite action, in order. */
  steps?: StepRecord[];
  /** The post entry of the action, when it ran. */
  post?: { outcome: 'success' | 'failure'; log: string };
  log: string;
  errors: string[];
  warnings: string[];
}

export interface JobRunOptions {
  /** Contexts fixed for the job: github, secrets, vars, inputs, matrix, needs, strategy. */
  contexts: Contexts;
  /** Environment of the runner machine (proxy, CA, ID token endpoint): below every env the workflow sets. */
  machineEnv: Record<string, string>;
  /** Workflow and job `env:`, evaluated. */
  env: Record<string, string>;
  standIns: StandIns;
  jobDir: string;
  /** Called after the post steps, before the runner ends the job's leftover processes. */
  beforeEnd?: (exported: Record<string, string>) => Promise<void>;
}

interface Scope {
  steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }>;
  inputs: Record<string, string> | undefined;
  status: JobStatus;
  records: StepRecord[];
  actionPath?: string;
}

interface PendingPost {
  definition: ActionDefinition;
  with: Record<string, string>;
  stepEnv: Record<string, string>;
  state: Record<string, string>;
  record: StepRecord;
}

/** A job in progress: its environment, exported variables, pending post steps and leftover processes. */
export class JobRun {
  readonly workspace: string;
  readonly exported: Record<string, string> = {};
  readonly paths: string[] = [];
  readonly #posts: PendingPost[] = [];
  readonly #processGroups: number[] = [];
  readonly #options: JobRunOptions;
  status: JobStatus = 'success';

  constructor(options: JobRunOptions) {
    this.#options = options;
    this.workspace = join(options.jobDir, 'workspace');
    mkdirSync(this.workspace, { recursive: true });
  }

  get dir(): string {
    return this.#options.jobDir;
  }

  /** Runs the job's steps, then its post steps; returns the job scope's records and steps context. */
  async run(steps: readonly StepTemplate[]): Promise<Scope> {
    const scope: Scope = {
      steps: {},
      inputs: this.#options.contexts.inputs as Scope['inputs'],
      status: 'success',
      records: [],
    };
    try {
      await this.#runSteps(steps, scope);
      this.status = scope.status;
      await this.#runPosts();
      await this.#options.beforeEnd?.(this.exported);
    } finally {
      this.#endLeftovers();
    }
    return scope;
  }

  /** The contexts a step sees: the job's, the scope's steps and inputs, and the environment so far. */
  contexts(scope: Scope, stepEnv: Record<string, string> = {}): Contexts {
    return {
      ...jobContexts(this.dir, this.#options.contexts),
      env: { ...this.#options.env, ...this.exported, ...stepEnv },
      steps: scope.steps,
      inputs: scope.inputs ?? {},
      job: { status: scope.status },
    };
  }

  async #runSteps(steps: readonly StepTemplate[], scope: Scope): Promise<void> {
    for (const template of steps) {
      const record = await this.#runStep(template, scope);
      scope.records.push(record);
      const id = template.step.id;
      if (id && !id.startsWith('__')) {
        scope.steps[id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.outcome };
      }
      if (record.outcome === 'failure') scope.status = 'failure';
    }
  }

  async #runStep({ step, raw }: StepTemplate, scope: Scope): Promise<StepRecord> {
    const name = step.name ? tokenString(step.name, this.contexts(scope)) : '';
    const uses = 'uses' in step ? step.uses.value : undefined;
    const script = 'run' in step ? step.run : undefined;
    const what = uses ?? tokenString(script, this.contexts(scope), scope.status).trim().split('\n')[0]!;
    const record: StepRecord = {
      id: step.id,
      name,
      what,
      outcome: 'skipped',
      outputs: {},
      log: '',
      errors: [],
      warnings: [],
    };
    const condition = 'if' in step && step.if ? step.if.expression : 'success()';
    if (!runsWhen(condition, this.contexts(scope), scope.status)) return record;
    const stepEnv = mappingStrings('env' in step ? step.env : undefined, this.contexts(scope), scope.status);
    const contexts = this.contexts(scope, stepEnv);
    if (uses !== undefined) {
      const given = mappingStrings(child(raw, 'with'), contexts, scope.status);
      await this.#runUses(uses, given, stepEnv, contexts, record, scope);
    } else {
      const standIn = this.#options.standIns.runSteps?.[name || what];
      if (standIn) {
        record.standIn = `run: ${name || what}`;
        this.#applyStandIn(await standIn.run(this.#call({}, stepEnv)), record);
      } else {
        const shell = literalString(raw, 'shell') ?? 'bash';
        const dir = literalString(raw, 'working-directory');
        await this.#runScript(
          tokenString(script, contexts, scope.status),
          shell,
          dir,
          stepEnv,
          scope,
          record,
        );
      }
    }
    return record;
  }

  async #runUses(
    uses: string,
    given: Record<string, string>,
    stepEnv: Record<string, string>,
    contexts: Contexts,
    record: StepRecord,
    scope: Scope,
  ): Promise<void> {
    const target = resolveUses(uses, this.#options.standIns);
    if (target.kind === 'stand-in') {
      record.standIn = target.key;
      this.#applyStandIn(await target.standIn.run(this.#call(given, stepEnv)), record);
      return;
    }
    const { definition } = target;
    if (definition.runs.kind === 'composite') {
      await this.#runComposite(definition, given, stepEnv, contexts, record, scope);
      return;
    }
    const result = await runStep({
      action: definition.path,
      inputs: given,
      jobDir: this.dir,
      contexts,
      env: this.#stepEnvironment(stepEnv),
    });
    this.#takeResult(result, record);
    if (definition.runs.post) {
      this.#posts.push({ definition, with: given, stepEnv, state: result.state, record });
    }
  }

  async #runComposite(
    definition: ActionDefinition,
    given: Record<string, string>,
    stepEnv: Record<string, string>,
    contexts: Contexts,
    record: StepRecord,
    parent: Scope,
  ): Promise<void> {
    if (definition.runs.kind !== 'composite') return;
    const inputs = runnerInputs(definition, given, contexts);
    if (inputs.unexpected) record.warnings.push(inputs.unexpected);
    const scope: Scope = {
      steps: {},
      inputs: inputs.values,
      status: parent.status,
      records: [],
      actionPath: definition.dir,
    };
    const saved = { ...this.#options.env };
    Object.assign(this.#options.env, stepEnv, { GITHUB_ACTION_PATH: definition.dir });
    try {
      await this.#runSteps(definition.runs.steps, scope);
    } finally {
      this.#options.env = saved;
    }
    record.steps = scope.records;
    record.outcome = scope.status === 'success' ? 'success' : 'failure';
    for (const output of definition.outputs) {
      record.outputs[output.id] = output.value ? tokenString(output.value, this.contexts(scope)) : '';
    }
    record.log = scope.records.map((step) => step.log).join('\n');
  }

  async #runScript(
    text: string,
    shell: string,
    dir: string | undefined,
    stepEnv: Record<string, string>,
    scope: Scope,
    record: StepRecord,
  ): Promise<void> {
    if (shell !== 'bash')
      throw new Error(`shell ${shell} is not modelled (step ${record.name || record.what})`);
    const file = join(this.dir, `script-${Math.random().toString(36).slice(2, 10)}.sh`);
    writeFileSync(file, text);
    const files = fileCommandFiles(this.dir, 'run');
    const contexts = this.contexts(scope, stepEnv);
    const env = {
      ...runnerVariables(this.dir, contexts),
      ...this.#stepEnvironment(stepEnv),
      ...files,
    };
    if (scope.actionPath) env.GITHUB_ACTION_PATH = scope.actionPath;
    const result = await runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], env, files, {
      cwd: dir ? join(this.workspace, dir) : this.workspace,
      onProcessGroup: (pid) => this.#processGroups.push(pid),
    });
    Object.assign(this.exported, result.exportedEnv);
    this.paths.unshift(...result.path);
    record.outcome = result.exitCode === 0 ? 'success' : 'failure';
    record.outputs = result.outputs;
    record.log = `${result.stdout}\n${result.stderr}`;
    record.errors = commandValues(result.stdout, 'error');
    record.warnings = commandValues(result.stdout, 'warning');
  }

  /** The environment of a step: the machine's, then workflow/job env, GITHUB_ENV exports, the step's env. */
  #stepEnvironment(stepEnv: Record<string, string>): Record<string, string> {
    const path = [...this.paths, process.env.PATH ?? ''].filter(Boolean).join(':');
    return { ...this.#options.machineEnv, PATH: path, ...this.#options.env, ...this.exported, ...stepEnv };
  }

  #call(given: Record<string, string>, stepEnv: Record<string, string>) {
    return {
      with: given,
      env: this.#stepEnvironment(stepEnv),
      job: { dir: this.dir, workspace: this.workspace, status: this.status },
    };
  }

  #applyStandIn(
    result: Awaited<ReturnType<NonNullable<StandIns['actions']>[string]['run']>>,
    record: StepRecord,
  ): void {
    Object.assign(this.exported, result.exportedEnv ?? {});
    record.outcome = (result.exitCode ?? 0) === 0 ? 'success' : 'failure';
    record.outputs = result.outputs ?? {};
    record.log = result.log ?? '';
  }

  #takeResult(result: StepResult, record: StepRecord): void {
    Object.assign(this.exported, result.exportedEnv);
    record.outcome = result.exitCode === 0 ? 'success' : 'failure';
    record.outputs = result.outputs;
    record.log = result.log;
    record.errors = result.errors;
    record.warnings = [...result.runnerWarnings, ...result.warnings];
  }

  async #runPosts(): Promise<void> {
    for (const pending of this.#posts.reverse()) {
      const { definition } = pending;
      if (definition.runs.kind !== 'node' || !definition.runs.post) continue;
      const scope: Scope = { steps: {}, inputs: undefined, status: this.status, records: [] };
      if (!runsWhen(definition.runs.postIf, this.contexts(scope, pending.stepEnv), this.status)) continue;
      const result = await runStep({
        action: definition.path,
        entry: 'post',
        inputs: pending.with,
        jobDir: this.dir,
        state: pending.state,
        contexts: this.contexts(scope, pending.stepEnv),
        env: this.#stepEnvironment(pending.stepEnv),
      });
      pending.record.post = { outcome: result.exitCode === 0 ? 'success' : 'failure', log: result.log };
      if (result.exitCode !== 0) this.status = 'failure';
    }
  }

  /** The runner ends what a job's steps left running (a server started with `&`) when the job ends. */
  #endLeftovers(): void {
    for (const pid of this.#processGroups) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

export type { Scope as JobScope, Token };
