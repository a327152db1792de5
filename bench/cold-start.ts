// Cold start of each bundled entry against bare `node -e 0`, measured side by side, and bundle sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchFigure } from './figures.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = 7;

function medianMs(args: string[], env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  if (median === undefined) throw new Error('cold start: no run finished');
  return median;
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
    const baseline = medianMs(['-e', '0'], env);
    const action = medianMs([join(root, 'dist', entry)], env);
    figures.push({
      name: `cold start dist/${entry} vs node -e 0`,
      value: action / baseline,
      unit: `x (${action.toFixed(0)} ms vs ${baseline.toFixed(0)} ms)`,
      target: '< 3x',
    });
    figures.push({
      name: `bundle size dist/${entry}`,
      value: Math.round(statSync(join(root, 'dist', entry)).size / 1024),
      unit: 'KiB',
    });
  }
  return figures;
}
