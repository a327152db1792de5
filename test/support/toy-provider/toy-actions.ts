// The shipped actions with the toy provider plugged in: each action's own action.yml (same inputs,
// defaults and outputs, so the runner harness builds the step exactly as for dist/), whose main runs the
// action's source with the toy provider in its table (entries/), and whose post is the action's own.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../../harness/runner.ts';

export type ToyAction = 'login' | 'prune-tags' | 'ensure-namespace' | 'sync-whitelist';

/** A folder holding `name`'s action.yml with its entries pointed at the toy-enabled source. */
export function toyAction(name: ToyAction): string {
  const definition = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8'));
  definition.runs.main = join(import.meta.dirname, 'entries', `${name}.ts`);
  // A post step that reconnects has a toy entry of its own; login's post only reads its saved state.
  const toyPost = join(import.meta.dirname, 'entries', `${name}-post.ts`);
  const post = existsSync(toyPost) ? toyPost : join(repoRoot, 'src/actions', name, 'post.ts');
  if (existsSync(post)) definition.runs.post = post;
  const dir = mkdtempSync(join(tmpdir(), `ra-toy-${name}-`));
  writeFileSync(join(dir, 'action.yml'), stringify(definition));
  return dir;
}
