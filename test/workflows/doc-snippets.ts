// Checks the YAML snippets of the docs that use our actions, against the action.yml files (read with
// GitHub's parser): every `with:` key declared, every required input given, credentials present, every
// `steps.<id>.outputs.<name>` produced by a step of the snippet, and the published name and version pinned.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { type ActionDefinition, loadAction, repoRoot } from '../harness/action-definition.ts';
import { ownActionPath } from '../harness/uses.ts';

export interface Snippet {
  /** `README.md:42`: file and line of the opening fence. */
  where: string;
  text: string;
}

/** The ```yaml blocks of a Markdown file. */
export function yamlBlocks(file: string): Snippet[] {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
  const blocks: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i]!)) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ where: `${file}:${start + 1}`, text: body.join('\n') });
  }
  return blocks;
}

/** Markdown files whose snippets are checked: README.md, actions/*\/README.md, docs/*.md. */
export function documentedFiles(): string[] {
  const actions = readdirSync(join(repoRoot, 'actions')).map((name) => `actions/${name}/README.md`);
  const docs = readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', ...actions, ...docs];
}

type Step = Record<string, unknown>;

/** Steps (mappings with `uses` or `run`) anywhere in a parsed snippet, grouped by the list they are in. */
function stepLists(node: unknown, lists: Step[][] = []): Step[][] {
  if (Array.isArray(node)) {
    const steps = node.filter((item): item is Step => isStep(item));
    if (steps.length > 0) lists.push(steps);
    for (const item of node) stepLists(item, lists);
  } else if (node && typeof node === 'object') {
    if (isStep(node) && !lists.some((list) => list.includes(node as Step))) lists.push([node as Step]);
    for (const value of Object.values(node)) stepLists(value, lists);
  }
  return lists;
}

function isStep(node: unknown): node is Step {
  return !!node && typeof node === 'object' && !Array.isArray(node) && ('uses' in node || 'run' in node);
}

const CREDENTIAL_SETS = [
  ['access-key-id', 'secret-access-key'],
  ['iam-username', 'iam-password', 'iam-domain'],
  ['idp-id'],
];
/** The vendors' variables, which the actions read when no credential input is given. */
const CREDENTIAL_VARIABLES = /^(HUAWEICLOUD_SDK_AK|CLOUD_SDK_AK|BCE_ACCESS_KEY_ID)$/;
export const PUBLISHED_VERSION = `v${(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version}`;

/** Problems of one snippet; an empty list when it is right. */
export function snippetProblems(snippet: Snippet): string[] {
  const problems: string[] = [];
  let documents: unknown[];
  try {
    documents = parseAllDocuments(snippet.text).map((document) => {
      if (document.errors.length > 0) throw new Error(document.errors[0]!.message);
      return document.toJS() as unknown;
    });
  } catch (error) {
    return [`${snippet.where}: not valid YAML: ${(error as Error).message}`];
  }
  for (const steps of documents.flatMap((document) => stepLists(document))) {
    const outputsById = new Map<string, ActionDefinition | 'run'>();
    for (const step of steps) {
      const id = typeof step.id === 'string' ? step.id : undefined;
      const definition = typeof step.uses === 'string' ? ourAction(step.uses, snippet, problems) : undefined;
      if (id) outputsById.set(id, definition ?? 'run');
      if (definition) problems.push(...stepProblems(step, definition, snippet));
      problems.push(...outputReferences(step, outputsById, snippet));
    }
  }
  return problems;
}

function ourAction(uses: string, snippet: Snippet, problems: string[]): ActionDefinition | undefined {
  if (!/registry-actions|^\.\//.test(uses)) return undefined;
  const path = ownActionPath(uses);
  if (path === undefined) {
    problems.push(
      `${snippet.where}: "${uses}" is not registry-actions/registry-actions[/actions/<name>]@<ref>`,
    );
    return undefined;
  }
  const ref = uses.split('@')[1];
  if (ref !== undefined && ref !== PUBLISHED_VERSION) {
    problems.push(`${snippet.where}: "${uses}" pins ${ref}, not the released ${PUBLISHED_VERSION}`);
  }
  return loadAction(path);
}

function stepProblems(step: Step, definition: ActionDefinition, snippet: Snippet): string[] {
  const problems: string[] = [];
  const given = (step.with ?? {}) as Record<string, unknown>;
  const declared = new Set(definition.inputs.map((input) => input.id));
  const label = `${snippet.where}: ${String(step.uses)}`;
  for (const key of Object.keys(given)) {
    if (!declared.has(key)) problems.push(`${label}: input '${key}' is not declared`);
  }
  for (const input of definition.inputs) {
    if (input.required && !(input.id in given))
      problems.push(`${label}: required input '${input.id}' is missing`);
  }
  const env = (step.env ?? {}) as Record<string, unknown>;
  const keyless = CREDENTIAL_SETS.some((set) => set.every((name) => name in given));
  const personal = 'username' in given && 'password' in given;
  const fromEnv = Object.keys(env).some((name) => CREDENTIAL_VARIABLES.test(name));
  const needsCredentials = definition.inputs.some((input) => input.id === 'access-key-id');
  if (needsCredentials && !keyless && !personal && !fromEnv) problems.push(`${label}: no credentials`);
  return problems;
}

function outputReferences(
  step: Step,
  outputsById: Map<string, ActionDefinition | 'run'>,
  snippet: Snippet,
): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(step);
  for (const [, id, output] of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
    const source = outputsById.get(id!);
    if (source === undefined) problems.push(`${snippet.where}: steps.${id} is not a step of the snippet`);
    else if (source !== 'run' && !source.outputs.some((candidate) => candidate.id === output)) {
      problems.push(`${snippet.where}: ${source.path} has no output '${output}'`);
    }
  }
  return problems;
}
