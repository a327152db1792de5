// Stand-ins: what runs in place of a step that needs the internet, a Docker daemon or a third-party
// action. Each one is declared by the test that uses it, saying what it replaces and what it does instead.
import type { JobStatus } from './expressions.ts';

/** What a stand-in gets: the step's evaluated `with:` and environment, and the job it runs in. */
export interface StandInCall {
  with: Record<string, string>;
  env: Record<string, string>;
  job: { dir: string; workspace: string; status: JobStatus };
}

/** What a stand-in reports, as the real step would: exit code, outputs, exported variables, log. */
export interface StandInResult {
  exitCode?: number;
  outputs?: Record<string, string>;
  exportedEnv?: Record<string, string>;
  log?: string;
}

export interface StandIn {
  /** What the stand-in does instead of the real step, for the test's list of stand-ins. */
  does: string;
  run(call: StandInCall): Promise<StandInResult> | StandInResult;
}

/**
 * The stand-ins of a run: third-party actions by `owner/repo[/path]` (any ref), and `run:` steps by
 * their `name:` (steps that need the internet or a Docker daemon).
 */
export interface StandIns {
  actions?: Record<string, StandIn>;
  runSteps?: Record<string, StandIn>;
}

/** `docker/build-push-action@v6` → `docker/build-push-action`. */
export function actionKey(uses: string): string {
  return uses.replace(/@.*$/, '');
}
