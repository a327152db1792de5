// Generates src/actions/<name>/action-metadata.ts from actions/<name>/action.yml for every bundled action,
// so the bundles (and the CLI) read the declared inputs and defaults from one place.
// `node scripts/action-metadata.ts` writes them; `--check` fails when one is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ActionMetadata, InputMetadata } from '../src/core/action/action-metadata.ts';

const root = resolve(import.meta.dirname, '..');

interface RawInput {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}
interface RawAction {
  description?: unknown;
  inputs?: Record<string, RawInput>;
  outputs?: Record<string, { description?: unknown }>;
}

/** The metadata of one action.yml, in declaration order. */
export function actionMetadata(name: string, yamlText: string): ActionMetadata {
  const raw = (parse(yamlText) ?? {}) as RawAction;
  const inputs: Record<string, InputMetadata> = {};
  for (const [input, spec] of Object.entries(raw.inputs ?? {})) {
    const entry: InputMetadata = {
      description: String(spec?.description ?? '').trim(),
      required: spec?.required === true || spec?.required === 'true',
    };
    if (spec?.default !== undefined && spec.default !== null) entry.default = String(spec.default);
    inputs[input] = entry;
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [output, spec] of Object.entries(raw.outputs ?? {})) {
    outputs[output] = { description: String(spec?.description ?? '').trim() };
  }
  return { name, description: String(raw.description ?? '').trim(), inputs, outputs };
}

/** The TypeScript module for one action's metadata, formatted as the repository's formatter would. */
export function metadataModule(metadata: ActionMetadata): string {
  const source = [
    `// Generated from actions/${metadata.name}/action.yml by scripts/action-metadata.ts: do not edit.`,
    "import type { ActionMetadata } from '../../core/action/action-metadata.ts';",
    '',
    `export const actionMetadata: ActionMetadata = ${JSON.stringify(metadata, null, 2)};`,
    '',
  ].join('\n');
  return format(source, `src/actions/${metadata.name}/action-metadata.ts`);
}

function format(source: string, path: string): string {
  const biome = join(root, 'node_modules/.bin/biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${path}`], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`biome could not format ${path}: ${result.stderr}`);
  return result.stdout;
}

/** Bundled actions: a src/actions/<name> directory with an actions/<name>/action.yml. */
export function bundledActions(): string[] {
  const sources = join(root, 'src/actions');
  return readdirSync(sources)
    .filter((name) => existsSync(join(root, 'actions', name, 'action.yml')))
    .sort();
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const name of bundledActions()) {
    const target = join(root, 'src/actions', name, 'action-metadata.ts');
    const text = metadataModule(
      actionMetadata(name, readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')),
    );
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current === text) continue;
    if (check) stale.push(relative(root, target));
    else writeFileSync(target, text);
  }
  if (stale.length > 0) {
    console.error(`Stale action metadata (run: npm run docs):\n${stale.join('\n')}`);
    process.exit(1);
  }
  console.log(check ? 'action metadata is fresh' : 'action metadata written');
}

if (import.meta.filename === process.argv[1]) main();
