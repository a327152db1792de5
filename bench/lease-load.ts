// Runner leases under load: 8, 16, 32 and 64 jobs behind one IP run dist/sync-whitelist main and post
// against an emulator answering in 60-120 ms, a watcher polling the allowlist every 10 ms
// (test/quality/support/lease-load.ts). Per job count: mains failed, polls that saw a running job's
// address missing, lease entries left once every post ran, and API requests per job.
// Exported for bench/run.ts; `node bench/lease-load.ts [jobs…]` runs it alone.
import { runLeaseLoad, startLoadEmulator } from '../test/quality/support/lease-load.ts';
import { type BenchFigure, formatFigure } from './figures.ts';

const JOB_COUNTS = [8, 16, 32, 64];

/** One load run per job count, each on a fresh emulator. */
export async function benchLeaseLoad(counts: readonly number[] = JOB_COUNTS): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const jobs of counts) {
    const emu = await startLoadEmulator({ seed: jobs });
    try {
      const result = await runLeaseLoad(emu, { jobs, seed: jobs });
      const name = `lease load ${jobs} jobs behind one IP`;
      figures.push(
        { name: `${name}: mains failed`, value: result.mainsFailed, unit: `of ${jobs}`, target: '0' },
        {
          name: `${name}: polls with the address missing`,
          value: result.violations.gap,
          unit: `of ${result.polls} polls`,
          target: '0',
        },
        {
          name: `${name}: running jobs not protected`,
          value: result.violations.unprotected,
          unit: `of ${result.polls} polls`,
          target: '0',
        },
        {
          name: `${name}: lease entries left after every post`,
          value: result.leftovers.length,
          unit: 'entries',
          target: '0, or 1 expiring within lease-duration',
        },
        {
          name: `${name}: requests per job`,
          value: Math.round((result.requests / jobs) * 10) / 10,
          unit: 'requests',
          target: 'main and post together; 7 for a job alone',
        },
      );
    } finally {
      await emu.close();
    }
  }
  return figures;
}

if (import.meta.filename === process.argv[1]) {
  const counts = process.argv.slice(2).map(Number).filter(Number.isInteger);
  for (const figure of await benchLeaseLoad(counts.length > 0 ? counts : JOB_COUNTS))
    console.log(formatFigure(figure));
}
