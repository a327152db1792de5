// Generates the inputs/outputs tables of each action's README from its action.yml.
// `node scripts/action-docs.ts` rewrites them; `--check` fails when a README is stale (run by .ci/run).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const BEGIN = '<!-- action-docs:begin (generated from action.yml by scripts/action-docs.ts) -->';
const END = '<!-- action-docs:end -->';

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: unknown;
}
interface ActionMetadata {
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: string }>;
}

/** Markdown tables for one action's inputs and outputs. */
export function renderTables(metadata: ActionMetadata): string {
  const cell = (text: unknown) =>
    String(text ?? '')
      .trim()
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\|/g, '\\|');
  const lines = ['### Inputs', '', '| name | required | default | description |', '|---|---|---|---|'];
  for (const [name, input] of Object.entries(metadata.inputs ?? {})) {
    const fallback = input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``;
    lines.push(
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`,
    );
  }
  lines.push('', '### Outputs', '', '| name | description |', '|---|---|');
  for (const [name, output] of Object.entries(metadata.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  }
  return lines.join('\n');
}

/** Replaces the generated block of a README (appending one when absent). */
export function withTables(readme: string, tables: string): string {
  const block = `${BEGIN}\n${tables}\n${END}`;
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) return `${readme.trimEnd()}\n\n${block}\n`;
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

function actionDirs(): string[] {
  const dir = join(root, 'actions');
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const dir of actionDirs()) {
    const metadataPath = join(dir, 'action.yml');
    if (!existsSync(metadataPath)) continue;
    const readmePath = join(dir, 'README.md');
    const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
    const updated = withTables(
      readme,
      renderTables(parse(readFileSync(metadataPath, 'utf8')) as ActionMetadata),
    );
    if (updated === readme) continue;
    if (check) stale.push(readmePath);
    else writeFileSync(readmePath, updated);
  }
  if (stale.length > 0) {
    console.error(`Stale action docs (run: node scripts/action-docs.ts):\n${stale.join('\n')}`);
    process.exit(1);
  }
  console.log(check ? 'action docs are fresh' : 'action docs written');
}

if (import.meta.filename === process.argv[1]) main();
