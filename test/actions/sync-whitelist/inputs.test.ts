import { describe, expect, it } from 'vitest';
import { readSyncWhitelistInputs } from '../../../src/actions/sync-whitelist/inputs.ts';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const base = {
  region: 'bj',
  'instance-id': 'ccr-4k74gw7d',
  'access-key-id': 'bce-test-ak',
  'secret-access-key': 'bce-test-sk',
};
const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  readSyncWhitelistInputs(InputReader.fromRecord({ ...base, ...inputs }), env);

describe('readSyncWhitelistInputs', () => {
  it('reads a runner lease with defaults', () => {
    const inputs = read({ 'runner-ip': 'true' }, { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' });
    expect(inputs).toMatchObject({
      instanceId: 'ccr-4k74gw7d',
      mode: 'add',
      runnerIp: 'detect',
      ipVersion: '4',
      ipLookupUrls: [],
      ipLookupTimeoutMs: 5000,
      owner: 'registry-actions',
      leaseMs: 6 * 3_600_000,
      publicAccess: 'keep',
      restorePublicAccess: false,
      dryRun: false,
      runId: '77-2',
    });
  });

  it('leases the runner address when runner-ip is empty and mode add has nothing else to do', () => {
    expect(read({}).runnerIp).toBe('detect');
    expect(read({ 'runner-ip': '' }).runnerIp).toBe('detect');
  });

  it('leases no runner address when runner-ip is empty and something else is declared', () => {
    expect(read({ entries: '203.0.113.0/24 # office' }).runnerIp).toBe(false);
    expect(read({ 'public-access': 'open' }).runnerIp).toBe(false);
    expect(read({ 'private-links': 'vpc-a1 sbn-b2' }).runnerIp).toBe(false);
    expect(read({ mode: 'sync', entries: '203.0.113.0/24' }).runnerIp).toBe(false);
    expect(read({ mode: 'sweep' }).runnerIp).toBe(false);
  });

  it('takes a given runner address, lookup URLs, lease duration and private links', () => {
    const inputs = read({
      'runner-ip': '::ffff:198.51.100.4',
      'ip-lookup-url': 'https://a.example/ip, http://127.0.0.1:8080/',
      'lease-duration': '1h30m',
      'private-links': 'vpc-a1 sbn-b2 ip=10.0.0.5 dns=false\nvpc-c3 sbn-d4',
    });
    expect(inputs.runnerIp).toMatchObject({ text: '198.51.100.4' });
    expect(inputs.ipLookupUrls).toEqual(['https://a.example/ip', 'http://127.0.0.1:8080/']);
    expect(inputs.leaseMs).toBe(90 * 60_000);
    expect(inputs.privateLinks).toEqual([
      { vpcID: 'vpc-a1', subnetID: 'sbn-b2', ipType: 'manual', ipAddress: '10.0.0.5', autoDnsResolve: false },
      { vpcID: 'vpc-c3', subnetID: 'sbn-d4', ipType: 'auto', ipAddress: '', autoDnsResolve: true },
    ]);
  });

  it.each<[string, Record<string, string>, string[], string]>([
    ['a provider other than ccr', { provider: 'swr', entries: '192.0.2.1' }, ['provider'], 'must be ccr'],
    ['a missing instance', { 'instance-id': '', entries: '192.0.2.1' }, ['instance-id'], 'is required'],
    ['an unknown mode', { mode: 'merge', entries: '192.0.2.1' }, ['mode'], 'one of add, sync, remove, sweep'],
    ['a runner-ip that is no address', { 'runner-ip': 'maybe' }, ['runner-ip'], 'true, false or a single IP'],
    ['a runner-ip network', { 'runner-ip': '198.51.100.0/24' }, ['runner-ip'], 'single IP address'],
    [
      'a bad lookup URL',
      { 'runner-ip': 'true', 'ip-lookup-url': 'ftp://x' },
      ['ip-lookup-url'],
      'must list https URLs',
    ],
    [
      'a plain-http lookup URL off the runner',
      { 'runner-ip': 'true', 'ip-lookup-url': 'http://ip.example/' },
      ['ip-lookup-url'],
      'plain http only for loopback addresses',
    ],
    ['a bad ip-version', { 'runner-ip': 'true', 'ip-version': '5' }, ['ip-version'], 'one of 4, 6, any'],
    [
      'a too short lease',
      { 'runner-ip': 'true', 'lease-duration': '1m' },
      ['lease-duration'],
      'from 5m to 7d',
    ],
    ['an owner with spaces', { 'runner-ip': 'true', owner: 'my team' }, ['owner'], 'up to 32 letters'],
    ['nothing to do', { 'runner-ip': 'false' }, ['entries', 'runner-ip'], 'nothing to do. Set at least one'],
    [
      'remove without entries or runner address',
      { mode: 'remove' },
      ['mode', 'entries', 'runner-ip'],
      "'entries' is empty and 'runner-ip' is false",
    ],
    [
      'sync without entries',
      { mode: 'sync', 'runner-ip': 'true' },
      ['mode', 'entries'],
      'remove every managed entry',
    ],
    [
      'sweep with entries',
      { mode: 'sweep', entries: '192.0.2.1' },
      ['mode', 'entries', 'runner-ip', 'private-links', 'public-access'],
      'only removes expired leases',
    ],
    [
      'remove with private links',
      { mode: 'remove', entries: '192.0.2.1', 'private-links': 'vpc-a sbn-b' },
      ['mode', 'private-links', 'prune-private-links'],
      'does not manage private links',
    ],
    [
      'pruning without declared links',
      { entries: '192.0.2.1', 'prune-private-links': 'true' },
      ['prune-private-links', 'private-links'],
      'unlink every VPC',
    ],
    [
      'restore without a change',
      { entries: '192.0.2.1', 'restore-public-access': 'true' },
      ['restore-public-access', 'public-access'],
      'nothing to restore',
    ],
    ['a bad private link', { 'private-links': 'vpc-a subnet-b' }, ['private-links'], 'not a subnet id'],
    [
      'a manual IPv6 private link',
      { 'private-links': 'vpc-a sbn-b ip=2001:db8::1' },
      ['private-links'],
      'ip=<IPv4 address',
    ],
  ])('refuses %s', (_name, inputs, names, message) => {
    const error = inputErrorOf(() => read(inputs));
    expect(error.inputs).toEqual(names);
    expect(error.message).toContain(message);
    expect(error.message.startsWith(`Input '${names[0]}' `), error.message).toBe(true);
  });

  it('accepts sweep alone', () => {
    expect(read({ mode: 'sweep' }).mode).toBe('sweep');
  });
});
