// `npm run bench`: every benchmark, one line per figure (ok / short against its target), ratios measured
// side by side in this run; the same figures go to bench/results.json for machines and, as a table, to
// the performance section of README.md.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { distStaleness } from '../scripts/source-hash.ts';
import { benchColdStart } from './cold-start.ts';
import { type BenchFigure, formatFigure } from './figures.ts';
import { benchTable, writeBenchTable } from './readme-table.ts';

const root = resolve(import.meta.dirname, '..');

type Bench = { name: string; module: string; exportName: string };
const benches: Bench[] = [
  { name: 'prune-tags', module: './prune.ts', exportName: 'benchPrune' },
  { name: 'requests per run', module: './requests.ts', exportName: 'benchRequests' },
  { name: 'lease load', module: './lease-load.ts', exportName: 'benchLeaseLoad' },
];

async function main(): Promise<void> {
  const stale = distStaleness(root);
  if (stale !== undefined) throw new Error(stale);
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
  const machine = `${cpus().length} cores, Node ${process.versions.node}`;
  const table = benchTable(all, `on ${new Date().toISOString().slice(0, 10)} (${machine})`);
  const inReadme = writeBenchTable(join(root, 'README.md'), table);
  const short = all.filter((f) => f.met === false).length;
  console.log(
    `\n${all.length} figures written to bench/results.json${inReadme ? ' and README.md' : ''}; ${short} short of target`,
  );
}

await main();
