// Runner leases under load (issue: 32 parallel jobs behind one IP). Many jobs behind one address run the
// built dist/sync-whitelist main and post through the runner harness (mains staggered, posts shuffled),
// the emulator answers in 60-120 ms so requests overtake each other, and a watcher polls the allowlist
// every 10 ms. Per poll: a running job's address is never missing, every running job is counted on the
// lease, and no lease runs longer than its duration. After every post: no lease entry, or one kept until
// its expiry within the lease duration, which mode: sweep removes once expired (seen with the step's
// clock 7 minutes ahead; the jobs lease for 5 minutes). Mains never warn; a post that cannot finish its
// release within its budget while other jobs keep rewriting the lease may leave it with a warning naming
// the entry, which then is that one expiring leftover (an expiring entry over a gap, by design). Not a
// timed test: nothing asserts how long it takes.
// LEASE_LOAD_REPEAT=5 repeats each size with other schedules.
import { describe, expect, it } from 'vitest';
import { parseDescription } from '../../src/actions/sync-whitelist/marker.ts';
import type { Emulator } from '../emulator/index.ts';
import type { WhitelistRules } from '../emulator/whitelist-rules.ts';
import { runStep } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { clockAhead } from './support/faketime.ts';
import {
  allowlist,
  type LeaseLoadResult,
  LOAD_ADDRESS,
  loadInputs,
  runLeaseLoad,
  startLoadEmulator,
} from './support/lease-load.ts';

const REPEAT = Number(process.env.LEASE_LOAD_REPEAT ?? 1);
const LEASE_MS = 5 * 60_000;
const start = closedAfterEach(startLoadEmulator);

/** The one warning a post may give: the lease stays, named, until it expires and a sweep removes it. */
const LEFT_EXPIRING = new RegExp(
  `^Could not release the runner lease for ${LOAD_ADDRESS.replaceAll('.', '\\.')} on instance \\S+: another job is ` +
    `rewriting the lease\\. Left behind: allowlist entry ${LOAD_ADDRESS.replaceAll('.', '\\.')} .*it stays until ` +
    'its lease expires and a scheduled run with mode: sweep removes it',
);

function expectNoBrokenInvariant(result: LeaseLoadResult): void {
  expect(result.failures).toEqual([]);
  expect(result.mainsFailed).toBe(0);
  expect(result.postsFailed).toBe(0);
  expect(result.mainWarnings).toEqual([]);
  for (const warning of result.postWarnings) expect(warning).toMatch(LEFT_EXPIRING);
  expect(result.polls).toBeGreaterThan(result.jobs);
  expect(result.violations).toEqual({ gap: 0, unprotected: 0, 'expiry-too-late': 0 });
}

/** mode: sweep with the step's clock `offset` ahead of now. */
function sweep(emu: Emulator, offset?: string) {
  return runStep({
    action: 'sync-whitelist',
    inputs: loadInputs(emu, { mode: 'sweep', 'runner-ip': 'false' }),
    ...(offset ? { env: clockAhead(offset) } : {}),
  });
}

describe('runner leases of many jobs behind one IP', () => {
  for (const jobs of [32, 64]) {
    for (let run = 1; run <= REPEAT; run++) {
      it(`${jobs} jobs (schedule ${run}): never a gap, every job counted, at most one expiring leftover`, async () => {
        const emu = await start({ seed: jobs * 10 + run });
        const result = await runLeaseLoad(emu, { jobs, seed: jobs * 10 + run });
        expectNoBrokenInvariant(result);
        expect(result.leftovers.length).toBeLessThanOrEqual(1);
        // A post that warned left the lease behind: it is the leftover the sweep below removes.
        if (result.postWarnings.length > 0) expect(result.leftovers).toHaveLength(1);
        const [left] = result.leftovers;
        if (!left) return;
        const mark = parseDescription(left.description).mark;
        expect(mark?.kind === 'lease' && mark.until.getTime() - Date.now()).toBeLessThanOrEqual(
          LEASE_MS + 60_000,
        );
        // Not expired yet: a sweep keeps it. Once expired: the sweep removes it, and only it.
        expect((await sweep(emu)).exitCode).toBe(0);
        expect(allowlist(emu)).toEqual([left]);
        const later = await sweep(emu, '+7m');
        expect(later.exitCode, later.log).toBe(0);
        expect(later.log).toContain('lease expired at');
        expect(allowlist(emu)).toEqual([]);
      }, 1_200_000);
    }
  }

  it.each<Partial<WhitelistRules>>([
    { hostForms: 'same-entry' },
    { hostForms: 'bare-only' },
    { deleteAbsent: 'not-found' },
  ])(
    'keeps the address allowed for 8 jobs when the API treats the spellings as %j',
    async (rules) => {
      const emu = await start({ seed: 8, whitelistRules: rules });
      const result = await runLeaseLoad(emu, { jobs: 8, seed: 8 });
      expect(result.failures).toEqual([]);
      expect(result.violations.gap).toBe(0);
      expect(result.leftovers.length).toBeLessThanOrEqual(1);
    },
    600_000,
  );
});
