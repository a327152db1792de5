// Where a step runs: the GitHub Actions runner, or the registry-actions CLI in a GitLab job, a Jenkins build
// or a shell. Everything an action exchanges with its host besides HTTP (inputs, outputs, state for the
// post step, the job summary, secrets to hide, the log) goes through the current host, so one action code
// serves both front ends. The runner is the default; the CLI installs its own host before an action runs.
import { githubHost } from './github-host.ts';

/** Where log lines go. Text arrives escaped (core/output/log.ts); a sink only frames it. */
export interface LogSink {
  info(text: string): void;
  warning(text: string): void;
  notice(text: string): void;
  debug(text: string): void;
  /** Whether debug lines are shown at all (step debug logging, --debug): callers skip building lines nobody sees. */
  debugShown(): boolean;
  startGroup(title: string): void;
  endGroup(): void;
  /** The step's failure message. */
  failure(message: string): void;
  /** Resolves once the lines written so far are handed on (a sink that cannot hold lines back has none). */
  drained?(): Promise<void>;
}

/** What an action may know about the job it runs in. */
interface JobFacts {
  /** Directory for this job's own files (a per-job DOCKER_CONFIG, backups); undefined: none. */
  tempDir(env: NodeJS.ProcessEnv): string | undefined;
  /** True when the job's end empties `tempDir` by itself (the runner empties RUNNER_TEMP). */
  readonly tempEmptiedAtJobEnd: boolean;
  /** This run in allowlist markers: a token of letters, digits, `.`, `_`, `-`. */
  runId(env: NodeJS.ProcessEnv): string;
  /** How an allowlist entry names the machine a lease is for, e.g. `GitHub Actions runner`. */
  readonly runnerName: string;
}

export interface StepHost {
  /** An input's text (trimmed): the value given, else the action.yml default, else ''. */
  input(name: string): string;
  /** Names of the inputs the step was given, declared or not (defaults not included where known). */
  givenInputs(): string[];
  setOutput(name: string, value: string): void;
  /** A variable for the later steps of the job (DOCKER_CONFIG after login). */
  exportVariable(name: string, value: string): void;
  saveState(key: string, value: string): void;
  /** What main saved under `key`; '' when nothing. */
  getState(key: string): string;
  /** Appends job-summary Markdown (already escaped); dropped where the host has no summary. */
  appendSummary(markdown: string): Promise<void>;
  /** Hides a secret wherever the host could show it (the runner's `add-mask`). */
  hideSecret(value: string): void;
  readonly log: LogSink;
  readonly job: JobFacts;
}

let current: StepHost = githubHost;

/** The host the running step talks to. */
export function stepHost(): StepHost {
  return current;
}

/** Makes `host` the one every later call talks to (the CLI, once, before an action runs). */
export function useStepHost(host: StepHost): void {
  current = host;
}
