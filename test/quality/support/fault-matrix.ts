// One test per fault-matrix row: start the emulator with the row's faults, run the job, make the checks
// every row makes on main, hand the rest to the action's own checks, and always close the emulator.
import { it } from 'vitest';
import type { Emulator, EmulatorSeed } from '../../emulator/index.ts';
import type { StepResult } from '../../harness/runner.ts';
import { expectNoStackTrace, expectOutcome, type FaultRow, rowTimeout, runFaultJob } from './fault-job.ts';

/** The job every row of a matrix runs; `prepare` runs first in each row (it may name the job directory). */
export interface FaultMatrixJob<C extends { jobDir?: string }> {
  seed: EmulatorSeed;
  action: string;
  inputs: (emu: Emulator) => Record<string, string>;
  prepare?: () => C;
}

/** What one row's checks see. */
export interface FaultRowRun<C> {
  row: FaultRow;
  emu: Emulator;
  main: StepResult;
  post: StepResult | undefined;
  context: C;
}

/** Defines one test per row, named by the fault, the outcome and why; `check` adds the action's checks. */
export function itEachFaultRow<C extends { jobDir?: string } = Record<never, never>>(
  matrix: FaultRow[],
  job: FaultMatrixJob<C>,
  check: (run: FaultRowRun<C>) => void,
): void {
  for (const row of matrix) {
    const outcome = row.expected === 'succeeds' ? 'succeeds' : 'fails cleanly';
    it(`${row.fault}: ${outcome} (${row.because})`, { timeout: rowTimeout(row) }, async () => {
      const context = job.prepare ? job.prepare() : ({} as C);
      const { emu, result } = await runFaultJob(job.seed, row, {
        action: job.action,
        inputs: job.inputs,
        jobDir: context.jobDir,
      });
      try {
        expectOutcome(result.main, row.expected);
        expectNoStackTrace(result.main);
        check({ row, emu, main: result.main, post: result.post, context });
      } finally {
        await emu.close();
      }
    });
  }
}
