// A workflow run, test-only: GitHub's workflow parser (which also checks the schema) reads the file, and
// each job runs as the runner runs it (test/harness/job.ts) in the order `needs` gives: job `if:`
// evaluated with GitHub's evaluator over github, needs, vars and inputs; `env` at workflow and job level;
// `strategy.matrix` expanded; job `outputs`; reusable workflows (`uses:` of a job) run with their
// `workflow_call` inputs (typed, with defaults) and secrets, and give back their declared outputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type StepTemplate } from './action-definition.ts';
import { defaultGithub, type GithubContext } from './contexts.ts';
import type { Contexts } from './expressions.ts';
import { workflowParser } from './github-parser.ts';
import { JobRun, type StepRecord } from './job.ts';
import { newJobDir, runsWhen } from './runner.ts';
import type { StandIns } from './stand-ins.ts';
import { child, children, mappingStrings, type Token, tokenString, tokenValue } from './templates.ts';
import { ownWorkflowPath } from './uses.ts';

type WorkflowTemplate = import('@actions/workflow-parser/model/workflow-template').WorkflowTemplate;
type WorkflowJob = import('@actions/workflow-parser/model/workflow-template').WorkflowJob;

export type JobResultName = 'success' | 'failure' | 'skipped';

export interface JobRecord {
  result: JobResultName;
  outputs: Record<string, string>;
  steps: StepRecord[];
  /** Jobs of a called reusable workflow. */
  called?: Record<string, JobRecord>;
  /** One record per matrix combination, when the job has a matrix. */
  matrix?: Array<{ values: Record<string, unknown>; record: JobRecord }>;
}

export interface WorkflowRun {
  jobs: Record<string, JobRecord>;
  /** `workflow_call` outputs, for a reusable workflow. */
  outputs: Record<string, string>;
  /** success when no job failed. */
  conclusion: 'success' | 'failure';
}

export interface WorkflowRunOptions {
  /** Path from the repository root, e.g. `examples/workflows/swr-aksk.yml`. */
  file: string;
  /** The workflow text, when it does not come from the file (a README snippet). */
  content?: string;
  /** github context fields: event_name, event payload, ref, sha… (the rest as in contexts.ts). */
  github?: Partial<GithubContext>;
  /** workflow_dispatch inputs or workflow_call inputs given by the caller. */
  inputs?: Record<string, unknown>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  standIns: StandIns;
  /** Environment of the runner machine: proxy and CA of the test internet, registries.conf… */
  machineEnv?: Record<string, string>;
  /** Token endpoint the runner provides to jobs granted `id-token: write`. */
  idToken?: { url: string; token: string };
  /** Set when a caller's job runs this workflow (its `workflow_call` inputs apply). */
  called?: boolean;
  /** Whether the caller's job holds `id-token: write` (a called workflow without permissions inherits it). */
  callerIdToken?: boolean;
  /** Called at the end of each job, before its leftover processes end (to read a server it started). */
  afterJob?: (job: string, exported: Record<string, string>) => Promise<void>;
}

/** Parses a workflow with GitHub's parser; schema errors throw, listing every message. */
export async function parseWorkflowFile(
  file: string,
  content?: string,
): Promise<{ template: WorkflowTemplate; root: Token }> {
  const text = content ?? readFileSync(join(repoRoot, file), 'utf8');
  const parsed = workflowParser.parseWorkflow(
    { name: file, content: text },
    new workflowParser.NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors();
  if (!parsed.value || errors.length > 0) {
    throw new Error(`${file} does not pass GitHub's workflow schema: ${errors.map(String).join('; ')}`);
  }
  const template = await workflowParser.convertWorkflowTemplate(parsed.context, parsed.value);
  const problems = [
    ...parsed.context.errors.getErrors(),
    ...(template.errors ?? []).map((error) => error.Message),
  ];
  if (problems.length > 0) throw new Error(`${file}: ${problems.map(String).join('; ')}`);
  return { template, root: parsed.value as Token };
}

/** Runs every job of a workflow (in `needs` order) against whatever the test started. */
export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRun> {
  const { template, root } = await parseWorkflowFile(options.file, options.content);
  const github = defaultGithub('', {
    ...options.github,
    workflow: String(tokenValue(child(root, 'name'), {}) ?? options.file),
  });
  const inputs = workflowInputs(root, options);
  const base: Contexts = { github, inputs, vars: options.vars ?? {}, secrets: options.secrets ?? {} };
  const workflowEnv = mappingStrings(child(root, 'env'), base);
  const jobs: Record<string, JobRecord> = {};
  const pending = [...template.jobs];
  while (pending.length > 0) {
    const index = pending.findIndex((job) => (job.needs ?? []).every((need) => need.value in jobs));
    if (index === -1)
      throw new Error(
        `${options.file}: jobs ${pending.map((job) => job.id.value).join(', ')} wait on each other`,
      );
    const [job] = pending.splice(index, 1) as [WorkflowJob];
    jobs[job.id.value] = await runWorkflowJob(job, child(child(root, 'jobs'), job.id.value), root, jobs, {
      ...options,
      base,
      workflowEnv,
    });
  }
  const jobsContext = Object.fromEntries(
    Object.entries(jobs).map(([id, job]) => [id, { result: job.result, outputs: job.outputs }]),
  );
  const callOutputs = child(child(child(root, 'on'), 'workflow_call'), 'outputs');
  const outputs: Record<string, string> = {};
  for (const [id, spec] of Object.entries(rawMapping(callOutputs))) {
    outputs[id] = tokenString(child(spec, 'value'), { ...base, jobs: jobsContext });
  }
  const failed = Object.values(jobs).some((job) => job.result === 'failure');
  return { jobs, outputs, conclusion: failed ? 'failure' : 'success' };
}

interface JobEnvironment extends WorkflowRunOptions {
  base: Contexts;
  workflowEnv: Record<string, string>;
}

async function runWorkflowJob(
  job: WorkflowJob,
  raw: Token | undefined,
  root: Token,
  done: Record<string, JobRecord>,
  options: JobEnvironment,
): Promise<JobRecord> {
  const needs = Object.fromEntries(
    (job.needs ?? []).map((need) => [
      need.value,
      { result: done[need.value]!.result, outputs: done[need.value]!.outputs },
    ]),
  );
  const needsFailed = Object.values(needs).some((need) => need.result !== 'success');
  const contexts: Contexts = { ...options.base, needs };
  if (!runsWhen(job.if.expression, contexts, needsFailed ? 'failure' : 'success')) {
    return { result: 'skipped', outputs: {}, steps: [] };
  }
  if (job.type === 'reusableWorkflowJob') {
    return runCalledWorkflow(job, contexts, { ...options, callerIdToken: grantsIdToken(root, raw, false) });
  }
  const combinations = matrixOf(job.strategy as Token | undefined, contexts);
  if (combinations === undefined) return runOneJob(job, raw, root, contexts, {}, options);
  const records = [];
  for (const values of combinations) {
    records.push({ values, record: await runOneJob(job, raw, root, contexts, values, options) });
  }
  const failed = records.some(({ record }) => record.result === 'failure');
  return {
    result: failed ? 'failure' : 'success',
    outputs: records.at(-1)?.record.outputs ?? {},
    steps: [],
    matrix: records,
  };
}

async function runOneJob(
  job: Extract<WorkflowJob, { type: 'job' }>,
  raw: Token | undefined,
  root: Token,
  outer: Contexts,
  matrix: Record<string, unknown>,
  options: JobEnvironment,
): Promise<JobRecord> {
  const jobDir = newJobDir();
  const github = {
    ...(outer.github as GithubContext),
    job: job.id.value,
    workspace: join(jobDir, 'workspace'),
  };
  const contexts: Contexts = { ...outer, github, matrix, strategy: {}, env: options.workflowEnv };
  const env = { ...options.workflowEnv, ...mappingStrings(job.env, contexts) };
  const machineEnv = { ...options.machineEnv };
  if (options.idToken && grantsIdToken(root, raw, options.callerIdToken ?? false)) {
    machineEnv.ACTIONS_ID_TOKEN_REQUEST_URL = options.idToken.url;
    machineEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN = options.idToken.token;
  }
  const afterJob = options.afterJob;
  const run = new JobRun({
    contexts,
    machineEnv,
    env,
    standIns: options.standIns,
    jobDir,
    ...(afterJob && { beforeEnd: (exported: Record<string, string>) => afterJob(job.id.value, exported) }),
  });
  const rawSteps = children(raw, 'steps');
  const steps: StepTemplate[] = job.steps.map((step, index) => ({ step, raw: rawSteps[index]! }));
  const scope = await run.run(steps);
  const outputs = mappingStrings(job.outputs, run.contexts(scope));
  return { result: run.status === 'success' ? 'success' : 'failure', outputs, steps: scope.records };
}

async function runCalledWorkflow(
  job: Extract<WorkflowJob, { type: 'reusableWorkflowJob' }>,
  contexts: Contexts,
  options: JobEnvironment,
): Promise<JobRecord> {
  const file = ownWorkflowPath(job.ref.value);
  if (!file) throw new Error(`reusable workflow ${job.ref.value} is not one of this repository's`);
  const inputs = (tokenValue(job['input-values'], contexts) ?? {}) as Record<string, unknown>;
  const secrets = job['inherit-secrets']
    ? (options.secrets ?? {})
    : mappingStrings(job['secret-values'], contexts);
  const called = await runWorkflow({ ...options, file, content: undefined, inputs, secrets, called: true });
  const result = called.conclusion === 'success' ? 'success' : 'failure';
  return { result, outputs: called.outputs, steps: [], called: called.jobs };
}

/** workflow_dispatch or workflow_call inputs: given values, else defaults, typed as declared. */
function workflowInputs(root: Token, options: WorkflowRunOptions): Record<string, unknown> {
  const given = options.inputs ?? {};
  const trigger = options.called ? 'workflow_call' : options.github?.event_name;
  if (trigger !== 'workflow_call' && trigger !== 'workflow_dispatch') {
    if (Object.keys(given).length > 0)
      throw new Error(`${options.file}: inputs need workflow_dispatch or a caller`);
    return {};
  }
  const declared = rawMapping(child(child(child(root, 'on'), trigger), 'inputs'));
  const inputs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const type = String(tokenValue(child(spec, 'type'), {}) ?? 'string');
    const value =
      name in given ? given[name] : tokenValue(child(spec, 'default'), { github: options.github ?? {} });
    if (value === undefined && tokenValue(child(spec, 'required'), {}) === true) {
      throw new Error(`${options.file}: required input '${name}' was not given`);
    }
    inputs[name] = typed(type, value);
  }
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`${options.file}: input '${name}' is not declared`);
  }
  return inputs;
}

function typed(type: string, value: unknown): unknown {
  if (type === 'boolean') return value === undefined ? false : value === true || value === 'true';
  if (type === 'number') return value === undefined ? 0 : Number(value);
  return value === undefined ? '' : String(value);
}

function grantsIdToken(root: Token, job: Token | undefined, inherited: boolean): boolean {
  const permissions = child(job, 'permissions') ?? child(root, 'permissions');
  if (permissions === undefined) return inherited;
  const value = tokenValue(permissions, {});
  if (value === 'write-all') return true;
  return (
    typeof value === 'object' && value !== null && (value as Record<string, unknown>)['id-token'] === 'write'
  );
}

function matrixOf(
  strategy: Token | undefined,
  contexts: Contexts,
): Array<Record<string, unknown>> | undefined {
  const value = tokenValue(strategy, contexts) as { matrix?: Record<string, unknown> } | undefined;
  const matrix = value?.matrix;
  if (!matrix) return undefined;
  let combinations: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude' || !Array.isArray(values)) continue;
    combinations = combinations.flatMap((combination) =>
      values.map((item) => ({ ...combination, [key]: item })),
    );
  }
  const excluded = (matrix.exclude as Array<Record<string, unknown>> | undefined) ?? [];
  combinations = combinations.filter(
    (combination) => !excluded.some((rule) => Object.entries(rule).every(([k, v]) => combination[k] === v)),
  );
  for (const extra of (matrix.include as Array<Record<string, unknown>> | undefined) ?? [])
    combinations.push(extra);
  return combinations;
}

function rawMapping(token: Token | undefined): Record<string, Token> {
  const result: Record<string, Token> = {};
  if (!token || !workflowParser.isMapping(token)) return result;
  for (const { key, value } of token) result[String(tokenValue(key, {}))] = value;
  return result;
}
