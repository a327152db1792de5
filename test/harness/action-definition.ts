// An action.yml read as the runner reads it, with GitHub's own action parser (schema-checked):
// declared inputs with their default tokens, outputs, and how it runs (node entries or composite steps).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { actionParser, workflowParser } from './github-parser.ts';
import { child, children, type Token } from './templates.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

type ActionTemplate = import('@actions/workflow-parser/actions/action-template').ActionTemplate;
export type InputDefinition = NonNullable<ActionTemplate['inputs']>[number];
export type OutputDefinition = NonNullable<ActionTemplate['outputs']>[number];
export type ParsedStep = import('@actions/workflow-parser/model/workflow-template').Step;

export interface NodeRuns {
  kind: 'node';
  main: string;
  pre?: string;
  /** Condition of the pre step; the runner's default is always(). */
  preIf: string;
  post?: string;
  /** Condition of the post step; the runner's default is always(). */
  postIf: string;
}

/** A composite step: the parser's view (id, if, uses/run, env) and its raw token (with, shell, working-directory). */
export interface StepTemplate {
  step: ParsedStep;
  raw: Token;
}

export interface CompositeRuns {
  kind: 'composite';
  steps: StepTemplate[];
}

export interface ActionDefinition {
  /** Absolute directory holding the action.yml. */
  dir: string;
  /** Its path from the repository root, e.g. `actions/prune-tags` or `.`. */
  path: string;
  name: string;
  inputs: InputDefinition[];
  outputs: OutputDefinition[];
  runs: NodeRuns | CompositeRuns;
}

const cache = new Map<string, ActionDefinition>();

/**
 * The definition of a dist action by name (`login`, `prune-tags`…: actions/<name>/action.yml), or of the
 * action.yml in a directory given relative to the repository root (`.`, `actions/publish`).
 */
export function loadAction(nameOrPath: string): ActionDefinition {
  const byName = join(repoRoot, 'actions', nameOrPath);
  const dir = existsSync(join(byName, 'action.yml')) ? byName : resolve(repoRoot, nameOrPath);
  const cached = cache.get(dir);
  if (cached) return cached;
  const definition = parseActionFile(dir);
  cache.set(dir, definition);
  return definition;
}

function parseActionFile(dir: string): ActionDefinition {
  const file = join(dir, 'action.yml');
  const path = relative(repoRoot, dir) || '.';
  const parsed = actionParser.parseAction(
    { name: join(path, 'action.yml'), content: readFileSync(file, 'utf8') },
    new workflowParser.NoOperationTraceWriter(),
  );
  const template = parsed.value
    ? actionParser.convertActionTemplate(parsed.context, parsed.value)
    : undefined;
  const errors = parsed.context.errors.getErrors();
  if (!template || errors.length > 0) {
    throw new Error(`${file} does not pass GitHub's action schema: ${errors.map(String).join('; ')}`);
  }
  return {
    dir,
    path,
    name: template.name,
    inputs: template.inputs ?? [],
    outputs: template.outputs ?? [],
    runs: runsOf(template, parsed.value as Token),
  };
}

function runsOf(template: ActionTemplate, root: Token): NodeRuns | CompositeRuns {
  const runs = template.runs;
  if (runs.using === 'composite') {
    const raw = children(child(root, 'runs'), 'steps');
    return { kind: 'composite', steps: runs.steps.map((step, index) => ({ step, raw: raw[index]! })) };
  }
  if (runs.using === 'docker') throw new Error(`${template.name}: docker actions are not modelled`);
  const node: NodeRuns = {
    kind: 'node',
    main: runs.main,
    preIf: runs.preIf ?? 'always()',
    postIf: runs.postIf ?? 'always()',
  };
  if (runs.pre) node.pre = runs.pre;
  if (runs.post) node.post = runs.post;
  return node;
}
