// Many jobs behind one IP lease it at once: each job runs the built dist/sync-whitelist main, holds the
// address for a while, then runs post, as the runner does; mains start staggered and posts come in a
// shuffled order. The emulator answers with latency and jitter (so requests land out of order) while a
// watcher polls the allowlist and checks the invariants of every poll (lease-watch.ts).
import { setTimeout as delay } from 'node:timers/promises';
import { readSyncWhitelistState } from '../../../src/actions/sync-whitelist/state.ts';
import { seededRandom } from '../../emulator/faults.ts';
import { DEFAULT_CCR_INSTANCE, type Emulator, startEmulator } from '../../emulator/index.ts';
import type { WhitelistRules } from '../../emulator/whitelist-rules.ts';
import { newJobDir, runStep, type StepResult } from '../../harness/runner.ts';
import { ccrEmulatorInputs } from '../../support/emulator-inputs.ts';
import {
  type AllowlistEntry,
  checkPoll,
  ownLeases,
  type PollViolation,
  type RunningJob,
} from './lease-watch.ts';

export const LOAD_ADDRESS = '198.51.100.7';
export const LOAD_OWNER = 'registry-actions';
const instanceId = DEFAULT_CCR_INSTANCE.id;

export interface LeaseLoadOptions {
  jobs: number;
  /** Seeds the schedule and the emulator's jitter: the same seed gives the same plan. */
  seed: number;
  /** Every API call waits this long before the emulator acts on it… */
  latencyMs?: number;
  /** …plus up to this much more, drawn per request. */
  jitterMs?: number;
  /** The watcher reads the allowlist this often. */
  pollMs?: number;
  /** Mains start at random moments within this window. */
  startSpreadMs?: number;
  /** Each job holds the address for a random time up to this long between main and post. */
  holdMs?: number;
  /** lease-duration input of every job. */
  leaseDuration?: string;
  leaseMs?: number;
}

export interface LeaseLoadResult {
  jobs: number;
  mainsFailed: number;
  postsFailed: number;
  /** First error line of each failed step. */
  failures: string[];
  /** Warnings of the mains. */
  mainWarnings: string[];
  /** Warnings of the posts. */
  postWarnings: string[];
  polls: number;
  /** Polls per broken invariant; `gap` counts polls that saw a running job's address missing. */
  violations: Record<PollViolation, number>;
  /** This owner's lease entries for the address once every post has run. */
  leftovers: AllowlistEntry[];
  requests: number;
}

const DEFAULTS = {
  latencyMs: 60,
  jitterMs: 60,
  pollMs: 10,
  startSpreadMs: 3_000,
  holdMs: 4_000,
  leaseDuration: '5m',
  leaseMs: 5 * 60_000,
};

/** Starts the emulator of a load run: one instance, public access open, latency and jitter on every call. */
export function startLoadEmulator(
  options: Pick<LeaseLoadOptions, 'seed' | 'latencyMs' | 'jitterMs'> & {
    whitelistRules?: Partial<WhitelistRules>;
  },
) {
  return startEmulator({
    seed: {
      ...(options.whitelistRules ? { whitelistRules: options.whitelistRules } : {}),
      ccr: { instances: [{ id: instanceId, publicLinks: { status: 'opened', whitelist: [] } }] },
    },
    faults: {
      seed: options.seed,
      latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
      latencyJitterMs: options.jitterMs ?? DEFAULTS.jitterMs,
    },
  });
}

/** The inputs of every job's step: the emulator, this instance, the shared address, the lease duration. */
export function loadInputs(emu: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...ccrEmulatorInputs(emu.url),
    'instance-id': instanceId,
    'runner-ip': LOAD_ADDRESS,
    ...extra,
  };
}

interface JobTrack {
  mainStartedAt?: number;
  running?: RunningJob;
  postStarted: boolean;
}

/** Runs every job of the plan against `emu` while the watcher polls; resolves once every post ended. */
export async function runLeaseLoad(emu: Emulator, options: LeaseLoadOptions): Promise<LeaseLoadResult> {
  const settings = { ...DEFAULTS, ...options };
  const random = seededRandom(settings.seed);
  const inputs = loadInputs(emu, { 'lease-duration': settings.leaseDuration });
  const tracks: JobTrack[] = Array.from({ length: settings.jobs }, () => ({ postStarted: false }));
  const plan = tracks.map(() => ({
    startAt: Math.floor(random() * settings.startSpreadMs),
    holdMs: Math.floor(random() * settings.holdMs),
  }));
  emu.requests.splice(0);
  const watcher = watch(emu, tracks, settings);
  const results = await Promise.all(
    plan.map(async ({ startAt, holdMs }, index) => {
      const track = tracks[index]!;
      await delay(startAt);
      const jobDir = newJobDir();
      track.mainStartedAt = Date.now();
      const main = await step(inputs, jobDir);
      const holder = readSyncWhitelistState(main.state['sync-whitelist'])?.lease?.holder;
      if (main.exitCode === 0 && holder) track.running = { holder, mainStartedAt: track.mainStartedAt };
      await delay(holdMs);
      track.postStarted = true;
      const post = await step(inputs, jobDir, main.state);
      return { main, post };
    }),
  );
  const { polls, violations } = await watcher.stop();
  const failed = (result: StepResult) => result.exitCode !== 0;
  return {
    jobs: settings.jobs,
    mainsFailed: results.filter(({ main }) => failed(main)).length,
    postsFailed: results.filter(({ post }) => failed(post)).length,
    failures: results.flatMap(({ main, post }) =>
      [main, post].filter(failed).map((r) => r.errors[0] ?? `exit ${r.exitCode}: ${r.stderr.slice(0, 200)}`),
    ),
    mainWarnings: results.flatMap(({ main }) => main.warnings),
    postWarnings: results.flatMap(({ post }) => post.warnings),
    polls,
    violations,
    leftovers: ownLeases(allowlist(emu), { address: LOAD_ADDRESS, owner: LOAD_OWNER }).map((l) => l.entry),
    requests: emu.requests.length,
  };
}

function step(inputs: Record<string, string>, jobDir: string, state?: Record<string, string>) {
  return runStep({
    action: 'sync-whitelist',
    inputs,
    jobDir,
    timeoutMs: 600_000,
    ...(state ? { entry: 'post' as const, state } : {}),
  });
}

/** The allowlist as the emulator holds it now. */
export function allowlist(emu: Emulator): AllowlistEntry[] {
  return (emu.state.ccrInstances.get(instanceId)?.whitelist ?? []).map((entry) => ({ ...entry }));
}

/** Polls the allowlist until stopped, counting the polls that break each invariant. */
function watch(emu: Emulator, tracks: readonly JobTrack[], settings: typeof DEFAULTS) {
  const violations: Record<PollViolation, number> = { gap: 0, unprotected: 0, 'expiry-too-late': 0 };
  let polls = 0;
  const poll = () => {
    polls++;
    const running = tracks.flatMap((track) => (track.running && !track.postStarted ? [track.running] : []));
    const context = { address: LOAD_ADDRESS, owner: LOAD_OWNER, leaseMs: settings.leaseMs, now: Date.now() };
    for (const violation of checkPoll(allowlist(emu), running, context)) violations[violation]++;
  };
  const timer = setInterval(poll, settings.pollMs);
  return {
    async stop() {
      clearInterval(timer);
      poll();
      return { polls, violations };
    },
  };
}
