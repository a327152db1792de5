// The post step from saved state, against the emulator: what it releases, and when it warns of a lease left behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeaseLoopOptions } from '../../../src/actions/sync-whitelist/lease.ts';
import { formatDescription } from '../../../src/actions/sync-whitelist/marker.ts';
import { releaseWhitelist } from '../../../src/actions/sync-whitelist/release.ts';
import type { LeaseWrite, SyncWhitelistState } from '../../../src/actions/sync-whitelist/state.ts';
import { connectCcr } from '../../../src/providers/ccr/connect.ts';
import { ccrInstanceAllowlist } from '../../../src/providers/ccr/instance-allowlist.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';
import { DEFAULT_CCR_INSTANCE, type FaultConfig, startEmulator } from '../../emulator/index.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { ccrEmulatorConnection } from '../../support/emulator-connections.ts';

const instanceId = DEFAULT_CCR_INSTANCE.id;
const RUNNER = '198.51.100.7';
const HOLDER = '1001-1.abc123';
const office = { ipAddr: '10.0.0.0/8', description: 'office' };
const leaseEntry = {
  ipAddr: RUNNER,
  description: formatDescription('GitHub Actions runner', {
    kind: 'lease',
    owner: 'registry-actions',
    version: 1,
    until: new Date(Date.now() + 3_600_000),
    holders: [HOLDER],
    overflow: 0,
  }),
};

const start = closedAfterEach(startEmulator);
afterEach(() => {
  vi.restoreAllMocks();
});

function stateWith(write: LeaseWrite): SyncWhitelistState {
  return {
    instanceId,
    owner: 'registry-actions',
    lease: { address: RUNNER, holder: HOLDER, text: 'GitHub Actions runner', write },
  };
}

/** Runs post against an emulator holding `whitelist`; returns its warnings, info lines and the list after. */
async function post(
  state: SyncWhitelistState,
  whitelist: WhitelistItem[],
  faults: FaultConfig = {},
  connectError?: Error,
  loop: LeaseLoopOptions = {},
) {
  const emu = await start({
    seed: { ccr: { instances: [{ id: instanceId, publicLinks: { status: 'opened', whitelist } }] } },
    faults,
  });
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split(/\r?\n/));
    return true;
  });
  await releaseWhitelist({
    state,
    connect: () =>
      connectError
        ? Promise.reject(connectError)
        : connectCcr(ccrEmulatorConnection(emu.url), { http: { retry: { maxAttempts: 1 } } }).then((api) =>
            ccrInstanceAllowlist(api, instanceId),
          ),
    loop: { sleep: async () => {}, random: () => 0, ...loop },
  });
  vi.restoreAllMocks();
  return {
    warnings: lines.filter((line) => line.startsWith('::warning::')),
    info: lines.filter((line) => line !== '' && !line.startsWith('::')),
    whitelist: emu.state.ccrInstances.get(instanceId)!.whitelist.map((entry) => ({ ...entry })),
    requests: emu.requests.length,
  };
}

describe('releaseWhitelist', () => {
  it('releases a lease main confirmed, deleting the entry it held alone', async () => {
    const result = await post(stateWith('added'), [office, leaseEntry]);
    expect(result.warnings).toEqual([]);
    expect(result.whitelist).toEqual([office]);
    expect(result.info.join('\n')).toContain(`Runner lease for ${RUNNER} released (${HOLDER})`);
  });

  it('touches nothing and warns of nothing when main’s lease write was refused', async () => {
    const result = await post(stateWith('refused'), [office]);
    expect(result.warnings).toEqual([]);
    expect(result.requests).toBe(0);
    expect(result.info).toContain(
      `Runner lease for ${RUNNER}: nothing to release; the registry refused main's lease write (or the calls before it), so this job added nothing.`,
    );
  });

  it('names the entry left behind, in one well-formed sentence, when a confirmed lease cannot be released', async () => {
    const result = await post(stateWith('added'), [office, leaseEntry], { unauthorized: true });
    expect(result.warnings).toHaveLength(1);
    const warning = result.warnings[0]!;
    expect(warning).toContain(
      `Could not release the runner lease for ${RUNNER} on instance ${instanceId}: CCR`,
    );
    expect(warning).toContain(`Left behind: allowlist entry ${RUNNER} listing ${HOLDER}; it stays until`);
    expect(warning).not.toMatch(/\.\./);
    expect(result.whitelist).toEqual([office, leaseEntry]);
  });

  it('says the entry may be left behind when main’s write got no clear answer', async () => {
    const result = await post(stateWith('unknown'), [office, leaseEntry], { unauthorized: true });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(
      `Possibly left behind (main's lease write got no clear answer): allowlist entry ${RUNNER} listing ${HOLDER}`,
    );
    expect(result.warnings[0]).not.toMatch(/\.\./);
  });

  it('finds nothing to release, without a warning, when main’s unclear write never landed', async () => {
    const result = await post(stateWith('unknown'), [office]);
    expect(result.warnings).toEqual([]);
    expect(result.whitelist).toEqual([office]);
    expect(result.info.join('\n')).toContain('no lease entry left for this address');
  });

  it('restores public access without a single doubled period in its warning when that fails', async () => {
    const state: SyncWhitelistState = { instanceId, owner: 'registry-actions', restorePublicAccess: 'close' };
    const result = await post(state, [office], { unauthorized: true });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(`Could not restore public access of instance ${instanceId} (close)`);
    expect(result.warnings[0]).toContain('Left behind: public access open');
    expect(result.warnings[0]).not.toMatch(/\.\./);
  });

  it('warns once per undo, naming what is left behind, and succeeds when it cannot even connect', async () => {
    const state: SyncWhitelistState = { ...stateWith('added'), restorePublicAccess: 'close' };
    const result = await post(state, [office, leaseEntry], {}, new Error('no credentials for CCR'));
    expect(result.warnings).toHaveLength(2);
    const [lease, access] = result.warnings;
    expect(lease).toContain(
      `Could not release the runner lease for ${RUNNER} on instance ${instanceId}: no credentials for CCR.`,
    );
    expect(lease).toContain(`Left behind: allowlist entry ${RUNNER} listing ${HOLDER}`);
    expect(lease).toContain('mode: sweep');
    expect(access).toContain(`Could not restore public access of instance ${instanceId} (close)`);
    expect(access).toContain('Left behind: public access open');
    expect(result.requests).toBe(0);
  });

  it('still restores public access after every read of the lease failed', async () => {
    const state: SyncWhitelistState = { ...stateWith('added'), restorePublicAccess: 'close' };
    // No time left for the lease after its first read failed.
    const faults = {
      routes: [{ method: 'GET', path: `/v1/instances/${instanceId}/publiclinks`, error: { next: 1 } }],
    };
    const result = await post(state, [office, leaseEntry], faults, undefined, { budgetMs: 0 });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(`Left behind: allowlist entry ${RUNNER} listing ${HOLDER}`);
    expect(result.info.join('\n')).toContain(`Public access of ${instanceId} restored: closed again.`);
  });
});
