// Shared pieces of the fault matrix: one row type, a job run against a faulted emulator, and the
// checks every row makes (clean outcome, no stack trace, post step ran).
import { expect } from 'vitest';
import { type Emulator, type EmulatorSeed, type FaultConfig, startEmulator } from '../../emulator/index.ts';
import { type JobResult, newJobDir, runJob, type StepResult } from '../../harness/runner.ts';

/** What a row expects of main: success after riding out the fault, or a failure whose error says this. */
export type Expected = 'succeeds' | RegExp;

/** One row of an action's fault matrix. */
export interface FaultRow {
  fault: string;
  faults: FaultConfig;
  expected: Expected;
  /** Why the row expects what it does (read as documentation). */
  because: string;
  /** Waits past the client's own 30 s header timeout. */
  slow?: boolean;
}

/** Vitest time allowed for a row: hangs wait for the client's 30 s header timeout. */
export function rowTimeout(row: FaultRow): number {
  return row.slow ? 90_000 : 30_000;
}

/** Starts the emulator with the seed and the row's faults; runs main and post (post even after a failure). */
export async function runFaultJob(
  seed: EmulatorSeed,
  row: FaultRow,
  job: { action: string; inputs: (emu: Emulator) => Record<string, string>; jobDir?: string },
): Promise<{ emu: Emulator; result: JobResult }> {
  const emu = await startEmulator({ seed, faults: row.faults });
  try {
    const result = await runJob({
      action: job.action,
      inputs: job.inputs(emu),
      jobDir: job.jobDir ?? newJobDir(),
    });
    return { emu, result };
  } catch (error) {
    await emu.close();
    throw error;
  }
}

/** A JavaScript stack frame, raw or inside a `::debug::` command (newlines escaped as %0A). */
const STACK_FRAME = /(?:^|\n|%0A)\s+at \S.*:\d+:\d+\)?/;

/** Asserts main ended as the row expects: exit 0, or exit 1 with one `::error::` matching the row. */
export function expectOutcome(main: StepResult, expected: Expected): void {
  if (expected === 'succeeds') {
    expect(main.exitCode, main.log).toBe(0);
    expect(main.errors).toEqual([]);
    return;
  }
  expect(main.exitCode, main.log).toBe(1);
  expect(main.errors, main.log).toHaveLength(1);
  expect(main.errors[0]).toMatch(expected);
}

/** Asserts no stack trace reached the step's log (not even as debug output). */
export function expectNoStackTrace(step: StepResult): void {
  expect(`${step.stdout}\n${step.stderr}`).not.toMatch(STACK_FRAME);
}

/** Asserts the post step ran and ended cleanly (it warns rather than fails). */
export function expectPostRan(post: StepResult | undefined): asserts post is StepResult {
  expect(post, 'post step').toBeDefined();
  expect(post?.exitCode, post?.log).toBe(0);
  expect(post?.errors).toEqual([]);
}

/** Asserts the post step ran, ended cleanly and logged no stack trace. */
export function expectCleanPost(post: StepResult | undefined): asserts post is StepResult {
  expectPostRan(post);
  expectNoStackTrace(post);
}
