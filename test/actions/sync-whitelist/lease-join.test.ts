// Main's runner lease against the emulator when it cannot be taken part in: a job whose address is
// allowed still succeeds, with a warning naming what allows it; a job whose address nothing allows fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSyncWhitelistInputs } from '../../../src/actions/sync-whitelist/inputs.ts';
import { takeLease } from '../../../src/actions/sync-whitelist/lease-join.ts';
import type { SyncWhitelistState } from '../../../src/actions/sync-whitelist/state.ts';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { parseHostAddress } from '../../../src/core/net/ip-network.ts';
import { connectCcr } from '../../../src/providers/ccr/connect.ts';
import { ccrInstanceAllowlist } from '../../../src/providers/ccr/instance-allowlist.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';
import { DEFAULT_CCR_INSTANCE, type FaultConfig, startEmulator } from '../../emulator/index.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { ccrEmulatorConnection } from '../../support/emulator-connections.ts';

const instanceId = DEFAULT_CCR_INSTANCE.id;
const RUNNER = '198.51.100.7';
const start = closedAfterEach(startEmulator);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs main's lease with no time to wait; returns what it logged, how it ended and the state for post. */
async function join(whitelist: WhitelistItem[], faults: FaultConfig = {}) {
  const emu = await start({
    seed: { ccr: { instances: [{ id: instanceId, publicLinks: { status: 'opened', whitelist } }] } },
    faults,
  });
  const inputs = readSyncWhitelistInputs(
    InputReader.fromRecord({
      region: 'bj',
      'instance-id': instanceId,
      'runner-ip': RUNNER,
      'access-key-id': 'unused',
      'secret-access-key': 'unused',
    }),
    { GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1' },
  );
  const api = await connectCcr(ccrEmulatorConnection(emu.url), { http: { retry: { maxAttempts: 1 } } });
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split(/\r?\n/));
    return true;
  });
  const state: SyncWhitelistState = { instanceId, owner: 'registry-actions' };
  const outcome = await takeLease(
    ccrInstanceAllowlist(api, instanceId),
    inputs,
    parseHostAddress(RUNNER)!,
    whitelist,
    state,
    {
      budgetMs: 0,
      sleep: async () => {},
    },
  ).catch((error: unknown) => error);
  vi.restoreAllMocks();
  return { outcome, state, warnings: lines.filter((line) => line.startsWith('::warning::')) };
}

const lease = (ipAddr: string, version: number, holders: string) => ({
  ipAddr,
  description: `GitHub Actions runner (registry-actions lease v${version} until 2099-01-01T00:00Z: ${holders})`,
});

describe('takeLease when the lease cannot be updated', () => {
  it('succeeds with a warning naming the entries that allow the address when another rewrite never ends', async () => {
    // Both texts listed: another job's rewrite, which this job has no time left to wait out.
    const stuck = [lease(RUNNER, 1, '5-1.aaaaaa'), lease(`${RUNNER}/32`, 2, '5-1.aaaaaa 6-1.bbbbbb')];
    const { outcome, state, warnings } = await join(stuck);
    expect(outcome).toMatchObject({ address: RUNNER, held: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `Could not join the runner lease of ${RUNNER} on instance ${instanceId} as 9-1.`,
    );
    expect(warnings[0]).toContain('another job is rewriting the lease');
    expect(warnings[0]).toContain(`The address is allowed for now by ${RUNNER} "${stuck[0]!.description}"`);
    expect(warnings[0]).toContain('this job is not counted on it, so it may be removed before this job ends');
    // Nothing of this job's was written: post only tidies up.
    expect(state.lease?.write).toBe('covered');
  });

  it('fails naming the address when nothing lets it in and the lease cannot be written', async () => {
    const { outcome, warnings } = await join([], {
      routes: [{ method: 'POST', path: '/v1/instances/*/publiclinks/whitelist', error: true }],
    });
    expect(outcome).toMatchObject({ name: 'LeaseError', address: RUNNER });
    expect(String(outcome)).toContain(`Could not take the runner lease of ${RUNNER} for 9-1.`);
    expect(warnings).toEqual([]);
  });
});
