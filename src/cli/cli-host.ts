// The CLI as a step's host: inputs from flags, files and REGISTRY_ACTIONS_* variables (resolved before),
// outputs and exported variables kept for stdout, state in a 0600 file for the post step, the job summary
// into --summary-file, secrets never printed (nothing to mask), the log as plain lines on stderr.
import { appendFileSync } from 'node:fs';
import type { LogSink, StepHost } from '../core/host/step-host.ts';
import { ensureJobDirectory } from './job-directory.ts';
import type { JobIdentity } from './job-identity.ts';
import type { StepResults } from './output-format.ts';
import { readStateFile, writeStateFile } from './state-file.ts';

export interface CliHostOptions {
  /** Every declared input's text: the value given, else its default, else ''. */
  inputs: ReadonlyMap<string, string>;
  /** Names of the inputs given by flag, file or environment variable. */
  given: readonly string[];
  /** Where main saves state and post reads it; undefined for actions without a post step. */
  stateFile: string | undefined;
  summaryFile: string | undefined;
  log: LogSink;
  job: JobIdentity;
  /** The job directory (per-job docker configs); created on first use. */
  jobDirectory: string;
}

/** A StepHost for one CLI run, with what the step set. */
export class CliHost implements StepHost {
  readonly log: LogSink;
  readonly job: StepHost['job'];
  readonly results: StepResults & { outputs: Map<string, string>; exported: Map<string, string> } = {
    outputs: new Map(),
    exported: new Map(),
  };
  readonly #options: CliHostOptions;
  readonly #state: Map<string, string>;

  constructor(options: CliHostOptions) {
    this.#options = options;
    this.log = options.log;
    this.#state = options.stateFile ? readStateFile(options.stateFile) : new Map();
    const { jobDirectory } = options;
    this.job = {
      tempDir: () => ensureJobDirectory(jobDirectory),
      tempEmptiedAtJobEnd: false,
      runId: () => options.job.runId,
      runnerName: options.job.runnerName,
    };
  }

  input(name: string): string {
    return (this.#options.inputs.get(name) ?? '').trim();
  }

  givenInputs(): string[] {
    return [...this.#options.given];
  }

  setOutput(name: string, value: string): void {
    this.results.outputs.set(name, value);
  }

  exportVariable(name: string, value: string): void {
    this.results.exported.set(name, value);
  }

  saveState(key: string, value: string): void {
    const file = this.#options.stateFile;
    if (file === undefined) throw new Error(`no state file for state '${key}'`);
    this.#state.set(key, value);
    writeStateFile(file, this.#state);
  }

  getState(key: string): string {
    return this.#state.get(key) ?? '';
  }

  async appendSummary(markdown: string): Promise<void> {
    if (this.#options.summaryFile) appendFileSync(this.#options.summaryFile, `${markdown}\n`);
  }

  /** Nothing to do: the CLI never prints a secret, so there is nothing to hide. */
  hideSecret(): void {}
}
