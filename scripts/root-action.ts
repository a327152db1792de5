// Writes the root action.yml (the login action at the repository's top, `uses: registry-actions/registry-actions@…`)
// from actions/login/action.yml: the same file but for the bundle paths, which are relative to the action's
// folder. `node scripts/root-action.ts` writes it; `--check` fails when it differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

const HEADER =
  '# Generated from actions/login/action.yml by scripts/root-action.ts (npm run docs): do not edit.\n';

/** The root action.yml for the login action's `yaml`: its bundle paths (`../../dist/…`) made root-relative. */
export function rootActionYaml(yaml: string): string {
  const paths = /^( {2}(?:pre|main|post): )\.\.\/\.\.\/dist\//gm;
  const found = yaml.match(paths) ?? [];
  if (found.length === 0) throw new Error('actions/login/action.yml names no ../../dist/ bundle in runs');
  return HEADER + yaml.replace(paths, '$1dist/');
}

function main(): void {
  const check = process.argv.includes('--check');
  const text = rootActionYaml(readFileSync(join(root, 'actions/login/action.yml'), 'utf8'));
  const target = join(root, 'action.yml');
  if (check) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('action.yml differs from actions/login/action.yml (run: npm run docs).');
      process.exit(1);
    }
    console.log('action.yml is fresh');
    return;
  }
  writeFileSync(target, text);
  console.log('action.yml written');
}

if (import.meta.filename === process.argv[1]) main();
