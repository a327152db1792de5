// `npm run bench`: every benchmark, one line per figure, ratios measured side by side in this run;
// the same figures go to bench/results.json for machines.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchColdStart } from './cold-start.ts';
import { type BenchFigure, formatFigure } from './figures.ts';

const root = resolve(import.meta.dirname, '..');

type Bench = { name: string; module: string; exportName: string };
const benches: Bench[] = [
  { name: 'prune-tags', module: './prune.ts', exportName: 'benchPrune' },
  { name: 'requests per run', module: './requests.ts', exportName: 'benchRequests' },
  { name: 'lease load', module: './lease-load.ts', exportName: 'benchLeaseLoad' },
];

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
  const all: BenchFigure[] = [];
  const report = (figures: BenchFigure[]) => {
    for (const figure of figures) console.log(formatFigure(figure));
    all.push(...figures);
  };
  report(benchColdStart());
  for (const bench of benches) {
    const path = join(import.meta.dirname, bench.module);
    if (!existsSync(path)) {
      console.log(`${bench.name}: not available (${bench.module} missing)`);
      continue;
    }
    const module = (await import(path)) as Record<string, () => Promise<BenchFigure[]>>;
    const measure = module[bench.exportName];
    if (!measure) throw new Error(`${bench.module} exports no ${bench.exportName}`);
    report(await measure());
  }
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(all, null, 2)}\n`);
  console.log(`\n${all.length} figures written to bench/results.json`);
}

await main();
