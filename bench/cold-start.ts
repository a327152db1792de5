// Cold start of each bundled entry against bare `node -e 0`, measured side by side (alternating, median of
// RUNS each), and the size of each file of dist/<action>/: the entries and the chunk files beside them
// (what an entry imports at first use: undici, @actions/core, @actions/github).
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

/** The chunk files an entry loads at first use: `<id>.index.js` beside index.js, `<id>.post.js` beside post.js. */
function chunksOf(entry: string): string[] {
  const [action = '', file = ''] = entry.split('/');
  return readdirSync(join(root, 'dist', action))
    .filter((name) => name.endsWith(`.${file}`) && /^\d+\./.test(name))
    .sort()
    .map((name) => join(action, name));
}

function sizeFigure(file: string, what: string): BenchFigure {
  const bytes = statSync(join(root, 'dist', file)).size;
  return {
    name: `bundle size dist/${file}`,
    value: bytes / 1e6,
    unit: `MB (${what}; minified, source map beside it)`,
    target: '≤ 1.0 MB',
    met: bytes <= MAX_BYTES,
  };
}

export function benchColdStart(): BenchFigure[] {
  const figures: BenchFigure[] = [];
  // An entry started with no inputs fails fast on input validation: what every step pays before its first
  // request (the chunks an entry loads at first use are not read on that path).
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: '/dev/null', GITHUB_STATE: '/dev/null' };
  for (const entry of distEntries()) {
    const { action, baseline } = sideBySide(join(root, 'dist', entry), env);
    figures.push({
      name: `cold start dist/${entry} (no inputs: fails on input validation) vs node -e 0`,
      value: action / baseline,
      unit: `x (medians of ${RUNS}: ${action.toFixed(0)} ms vs ${baseline.toFixed(0)} ms)`,
      target: '≤ 1.5x',
      met: action / baseline <= 1.5,
    });
    figures.push(sizeFigure(entry, 'entry'));
    for (const chunk of chunksOf(entry)) figures.push(sizeFigure(chunk, 'chunk loaded at first use'));
  }
  return figures;
}
