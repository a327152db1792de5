// Cold start of each bundled entry against bare `node -e 0`, measured side by side (alternating, median of
// RUNS each), and the size of each entry bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BenchFigure, median } from './figures.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = 15;
const MAX_BYTES = 1_000_000;

function timeMs(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Medians of the entry and of `node -e 0`, run in turn so both see the same machine load. */
function sideBySide(entry: string, env: NodeJS.ProcessEnv): { action: number; baseline: number } {
  const action: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timeMs(['-e', '0'], env));
    action.push(timeMs([entry], env));
  }
  return { action: median(action), baseline: median(baseline) };
}

/** Entries under dist/: `<action>/index.js` and `<action>/post.js`. */
function distEntries(): string[] {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist)
    .flatMap((name) => ['index.js', 'post.js'].map((file) => join(name, file)))
    .filter((entry) => existsSync(join(dist, entry)));
}

export function benchColdStart(): BenchFigure[] {
  const figures: BenchFigure[] = [];
  // An entry started with no inputs fails fast on input validation: that is the start-up cost alone.
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: '/dev/null', GITHUB_STATE: '/dev/null' };
  for (const entry of distEntries()) {
    const { action, baseline } = sideBySide(join(root, 'dist', entry), env);
    figures.push({
      name: `cold start dist/${entry} vs node -e 0`,
      value: action / baseline,
      unit: `x (medians of ${RUNS}: ${action.toFixed(0)} ms vs ${baseline.toFixed(0)} ms)`,
      target: '≤ 1.5x',
      met: action / baseline <= 1.5,
    });
    const bytes = statSync(join(root, 'dist', entry)).size;
    figures.push({
      name: `bundle size dist/${entry}`,
      value: bytes / 1e6,
      unit: 'MB (minified; source map beside it)',
      target: '≤ 1.0 MB',
      met: bytes <= MAX_BYTES,
    });
  }
  return figures;
}
