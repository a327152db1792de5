// Jobs behind one address run the real lease loop against a simulated allowlist while a scheduler picks,
// event by event, which request lands, which answer returns and which job wakes: every interleaving
// fast-check generates (requests passing each other, delayed deletes, answers lost or failed) must keep
// the address allowed while any job runs, keep every running job counted, and leave at most one lease
// entry that stays until its expiry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runLease } from '../../../src/actions/sync-whitelist/lease.ts';
import type { LeaseStatus } from '../../../src/actions/sync-whitelist/lease-plan.ts';
import { parseHostAddress } from '../../../src/core/net/ip-network.ts';
import { ccrInstanceAllowlist } from '../../../src/providers/ccr/instance-allowlist.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';
import { checkPoll, ownLeases, type RunningJob } from '../../quality/support/lease-watch.ts';
import { LeaseWorld, type RequestFate } from './support/lease-sim.ts';

const ADDRESS = '198.51.100.7';
const OWNER = 'registry-actions';
const LEASE_MS = 6 * 3_600_000;
/** Far more events than any run needs; a run that does not end by then is stuck. */
const MAX_EVENTS = 50_000;
/** Longer than the clock moves while a schedule's bursts hold one job back (sleeps of others are ≤1.5 s). */
const STALL_MS = 1_800_000;

interface Outcome {
  join?: LeaseStatus | 'gave-up';
  leave?: LeaseStatus | 'gave-up';
}

/**
 * Runs of one job's events in a row: while one job moves, every request of the others stays where it
 * is (on its way, or its answer on its way back), so requests overtake each other by whole rewrites.
 */
type Burst = { job: number; events: number };

/** Plays one schedule (bursts, then oldest event first); returns the broken invariants and the allowlist. */
async function play(jobs: number, bursts: Burst[], fates: RequestFate[], rules = {}) {
  const world = new LeaseWorld({ fates, rules });
  const running = new Map<string, RunningJob>();
  const outcomes: Outcome[] = Array.from({ length: jobs }, () => ({}));
  const problems = new Set<string>();
  const lease = (job: string, goal: 'join' | 'leave') =>
    runLease(
      ccrInstanceAllowlist(world.client(job), 'ccr-1'),
      { network: parseHostAddress(ADDRESS)!, holder: job, owner: OWNER, text: 'runner', leaseMs: LEASE_MS },
      goal,
      // Time moves only while jobs sleep; no schedule holds a job back for as long as STALL_MS.
      {
        now: () => world.now,
        sleep: world.sleep(job),
        random: () => 0.5,
        timing: { staleSwapMs: STALL_MS },
        budgetMs: Infinity,
      },
    );
  const finished = Array.from({ length: jobs }, async (_, index) => {
    const job = `1001-1.j${index}`;
    const joined = await lease(job, 'join');
    outcomes[index]!.join = joined.status;
    // An unprotected job runs too (main succeeds with a warning): its address must not go either.
    if (joined.status === 'listed' || joined.status === 'covered' || joined.status === 'unprotected') {
      running.set(job, { holder: job, mainStartedAt: world.now.getTime() });
      check();
    }
    await world.gate(job);
    running.delete(job);
    outcomes[index]!.leave = (await lease(job, 'leave')).status;
  });
  const check = () => {
    const context = { address: ADDRESS, owner: OWNER, leaseMs: LEASE_MS, now: world.now.getTime() };
    for (const violation of checkPoll(world.allowlist, [...running.values()], context))
      problems.add(violation);
  };
  let done = false;
  const all = Promise.all(finished).then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  const order = bursts.flatMap(({ job, events }) => Array<number>(events).fill(job % jobs));
  for (let event = 0; !done; event++) {
    if (event >= MAX_EVENTS || world.pending.length === 0) {
      problems.add(`stuck after ${event} events`);
      break;
    }
    const wanted = order[event] === undefined ? -1 : world.next(`1001-1.j${order[event]}`);
    await world.step(Math.max(wanted, 0));
    check();
  }
  if (done) await all;
  return { problems: [...problems], outcomes, allowlist: world.allowlist };
}

/** Every job joined and left; what stays is at most one lease with unnamed holders (kept until its expiry). */
function expectOutcomes(outcomes: Outcome[], allowlist: WhitelistItem[]): void {
  for (const outcome of outcomes) {
    expect(['listed', 'covered']).toContain(outcome.join);
    expect(['released', 'kept']).toContain(outcome.leave);
  }
  const left = ownLeases(allowlist, { address: ADDRESS, owner: OWNER });
  expect(allowlist).toHaveLength(left.length);
  expect(left.length).toBeLessThanOrEqual(1);
  if (left.length > 0) expect(left[0]!.mark.overflow).toBeGreaterThan(0);
}

/** Schedules per property; LEASE_PROPERTY_RUNS=20000 searches further (minutes). */
const RUNS = Number(process.env.LEASE_PROPERTY_RUNS ?? 300);
const TIMEOUT = 60_000 + RUNS * 100;

const schedule = fc.record({
  jobs: fc.integer({ min: 1, max: 5 }),
  bursts: fc.array(fc.record({ job: fc.nat({ max: 4 }), events: fc.integer({ min: 1, max: 12 }) }), {
    maxLength: 80,
  }),
});

describe('lease loop under every interleaving', () => {
  it(
    'keeps the address allowed and every running job counted; at most one lease stays, until its expiry',
    async () => {
      await fc.assert(
        fc.asyncProperty(schedule, async ({ jobs, bursts }) => {
          const { problems, outcomes, allowlist } = await play(jobs, bursts, []);
          expect(problems).toEqual([]);
          expectOutcomes(outcomes, allowlist);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'does the same when requests fail with a 500 or are applied with their answer lost',
    async () => {
      const fates = fc.array(fc.constantFrom<RequestFate>('ok', 'ok', 'ok', 'error', 'lost-answer'), {
        maxLength: 60,
      });
      await fc.assert(
        fc.asyncProperty(schedule, fates, async ({ jobs, bursts }, fateList) => {
          const { problems, outcomes, allowlist } = await play(jobs, bursts, fateList);
          expect(problems).toEqual([]);
          expectOutcomes(outcomes, allowlist);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it('removes the lease when jobs come and go one after another (nothing left)', async () => {
    // Scheduler always runs the oldest event: no overlap beyond what the jobs' own order gives.
    const { problems, allowlist } = await play(3, [], []);
    expect(problems).toEqual([]);
    expect(allowlist).toEqual([]);
  });

  it.each(['same-entry', 'bare-only'] as const)(
    'never leaves the address out when the API keeps one entry per host (%s)',
    async (hostForms) => {
      await fc.assert(
        fc.asyncProperty(schedule, async ({ jobs, bursts }) => {
          const { problems, allowlist } = await play(jobs, bursts, [], { hostForms });
          expect(problems.filter((problem) => problem !== 'unprotected')).toEqual([]);
          expect(allowlist.length).toBeLessThanOrEqual(1);
        }),
        { numRuns: 150 },
      );
    },
    TIMEOUT,
  );
});
