// sync-whitelist runner leases, run from dist/ as the runner runs it, against the emulator.
import { describe, expect, it } from 'vitest';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import {
  bce,
  type Fixture,
  fixturesClosedAfterEach,
  instanceId,
  job,
  leaks,
  step,
  WHITELIST_PATH,
  whitelist,
  writes,
} from './sync-whitelist-support.ts';

const start = fixturesClosedAfterEach();
let fixture: Fixture | undefined;

const office = { ipAddr: '203.0.113.0/24', description: 'office ip' };
const leaseOf = (f: Fixture, address: string) =>
  whitelist(f).filter((entry) => entry.ipAddr === address || entry.ipAddr === `${address}/32`);

describe('sync-whitelist runner lease', () => {
  it('adds the runner address for the job and removes it in the post step, leaving hand-made entries', async () => {
    fixture = await start({ whitelist: [office] });
    const { main, post } = await job(fixture, { 'runner-ip': 'true' });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs['runner-ip']).toBe('198.51.100.7');
    expect(JSON.parse(main.outputs.added!)).toEqual(['198.51.100.7']);
    const entries = JSON.parse(main.outputs.entries!) as Array<{ ipAddr: string; description: string }>;
    expect(entries).toContainEqual(office);
    expect(entries.find((entry) => entry.ipAddr === '198.51.100.7')?.description).toMatch(
      /^GitHub Actions runner \(registry-actions lease v1 until \d{4}-\d\d-\d\dT\d\d:\d\dZ: 1001-1\.[0-9a-f]{6}\)$/,
    );
    expect(main.log).toContain('Runner address 198.51.100.7 (reported by http://127.0.0.1:');
    expect(renderedMarkdown(main.summary)).toContain('Runner lease: held by this job');
    expect(post.exitCode, post.log).toBe(0);
    expect(post.log).toContain('Runner lease for 198.51.100.7 released');
    expect(whitelist(fixture)).toEqual([office]);
    expect(main.masks).toContain(bce.secretAccessKey);
    for (const result of [main, post]) expect(leaks(result)).toEqual([]);
  });

  it('releases the lease in the post step after main failed later on', async () => {
    fixture = await start();
    fixture.emu.setFaults({
      routes: [{ method: 'POST', path: `/v1/instances/*/privatelinks`, error: true }],
    });
    const { main, post } = await job(fixture, {
      'runner-ip': 'true',
      'private-links': 'vpc-aaa111 sbn-bbb222',
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors.join('\n')).toContain('link vpc-aaa111/sbn-bbb222 to instance');
    const added = fixture.emu.requests.filter((r) => r.method === 'POST' && r.path === WHITELIST_PATH);
    // Main's lease, then post's closing version (added beside it, both deleted in one request).
    expect(added.map((r) => r.status)).toEqual([200, 200]);
    expect(main.state['sync-whitelist']).toContain('"address":"198.51.100.7"');
    expect(post.exitCode, post.log).toBe(0);
    expect(leaseOf(fixture, '198.51.100.7')).toHaveLength(0);
    expect(post.log).toContain('last holder left');
  });

  it('takes no lease when the address is already allowed by hand, and the post step leaves it', async () => {
    const handMade = { ipAddr: '198.51.100.7', description: 'build box' };
    fixture = await start({ whitelist: [handMade] });
    const { main, post } = await job(fixture, { 'runner-ip': 'true' });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.log).toContain('not needed: already allowed by 198.51.100.7 (build box)');
    expect(main.outputs.added).toBe('[]');
    expect(post.log).toContain('Nothing to undo');
    expect(whitelist(fixture)).toEqual([handMade]);
    expect(writes(fixture)).toEqual([]);
  });

  it('keeps the address for a parallel job behind the same IP until the last one leaves', async () => {
    fixture = await start({ whitelist: [office] });
    // Slow writes widen the race between the two jobs.
    fixture.emu.setFaults({ routes: [{ path: `${WHITELIST_PATH}`, latencyMs: 150 }] });
    const inputs = { 'runner-ip': 'true' };
    const [a, b] = await Promise.all([
      step(fixture, inputs, { env: { GITHUB_RUN_ID: '3001' } }),
      step(fixture, inputs, { env: { GITHUB_RUN_ID: '3002' } }),
    ]);
    expect(a.exitCode, a.log).toBe(0);
    expect(b.exitCode, b.log).toBe(0);
    const [entry, ...others] = leaseOf(fixture, '198.51.100.7');
    expect(others).toEqual([]);
    expect(entry!.description).toMatch(/: (3001-1\.\w+ 3002-1\.\w+|3002-1\.\w+ 3001-1\.\w+)\)$/);

    const postA = await step(fixture, inputs, { entry: 'post', state: a.state });
    expect(postA.exitCode, postA.log).toBe(0);
    expect(postA.log).toContain('still held by 3002-1.');
    expect(leaseOf(fixture, '198.51.100.7')).toHaveLength(1);

    const postB = await step(fixture, inputs, { entry: 'post', state: b.state });
    expect(postB.log).toContain('last holder left');
    expect(whitelist(fixture)).toEqual([office]);
  });

  it('never leaves the address out while jobs join and leave: each rewrite adds before it deletes', async () => {
    fixture = await start();
    const inputs = { 'runner-ip': 'true' };
    const a = await step(fixture, inputs, { env: { GITHUB_RUN_ID: '4001' } });
    const b = await step(fixture, inputs, { env: { GITHUB_RUN_ID: '4002' } });
    await step(fixture, inputs, { entry: 'post', state: a.state });
    const calls = writes(fixture).map((request) => request.method);
    // a adds; b adds the other form, then deletes the old; a's post adds the other form again, then deletes.
    expect(calls).toEqual(['POST', 'POST', 'DELETE', 'POST', 'DELETE']);
    expect(leaseOf(fixture, '198.51.100.7')).toHaveLength(1);
    await step(fixture, inputs, { entry: 'post', state: b.state });
    expect(whitelist(fixture)).toEqual([]);
  });

  it('lets three whole jobs run at once and leaves nothing behind', async () => {
    fixture = await start({ whitelist: [office] });
    fixture.emu.setFaults({ routes: [{ path: WHITELIST_PATH, latencyMs: 100 }] });
    const results = await Promise.all(
      ['5001', '5002', '5003'].map((run) => job(fixture!, { 'runner-ip': 'true' }, { GITHUB_RUN_ID: run })),
    );
    for (const { main, post } of results) {
      expect(main.exitCode, main.log).toBe(0);
      expect(post.exitCode, post.log).toBe(0);
      expect(post.warnings).toEqual([]);
    }
    expect(whitelist(fixture)).toEqual([office]);
  });

  it('joins a lease kept until its expiry without writing, when that expiry lasts the lease duration', async () => {
    const crowd = {
      ipAddr: '198.51.100.7/32',
      description:
        'GitHub Actions runner (registry-actions lease v9 until 2099-01-01T00:00Z: 7001-1.aaaaaa +12)',
    };
    fixture = await start({ whitelist: [crowd] });
    const { main, post } = await job(fixture, { 'runner-ip': 'true' });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.log).toContain(
      'without being named: joined without a rewrite: the lease is kept until 2099-01-01T00:00Z',
    );
    expect(JSON.parse(main.outputs.added!)).toEqual([]);
    expect(post.exitCode, post.log).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(writes(fixture)).toEqual([]);
    expect(whitelist(fixture)).toEqual([crowd]);
  });

  it('retries a failing delete in the post step', async () => {
    fixture = await start();
    const main = await step(fixture, { 'runner-ip': 'true' });
    fixture.emu.setFaults({ routes: [{ method: 'DELETE', path: WHITELIST_PATH, error: { next: 2 } }] });
    const post = await step(fixture, { 'runner-ip': 'true' }, { entry: 'post', state: main.state });
    expect(post.exitCode, post.log).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(whitelist(fixture)).toEqual([]);
    expect(fixture.emu.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([
      500, 500, 200,
    ]);
  });

  it('warns and names what is left behind when the post step cannot remove the lease', async () => {
    fixture = await start();
    const main = await step(fixture, { 'runner-ip': 'true' });
    const holder = /as (1001-1\.[0-9a-f]+)/.exec(main.log)?.[1];
    fixture.emu.setFaults({ routes: [{ method: 'DELETE', path: WHITELIST_PATH, error: true }] });
    const post = await step(fixture, { 'runner-ip': 'true' }, { entry: 'post', state: main.state });
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toHaveLength(1);
    expect(post.warnings[0]).toContain(
      `Could not release the runner lease for 198.51.100.7 on instance ${instanceId}`,
    );
    // It began closing the lease (its closing version under the other text) and could not delete either.
    expect(post.warnings[0]).toContain(
      `Left behind: allowlist entry 198.51.100.7 (listed as 198.51.100.7 and 198.51.100.7/32) listing ${holder}`,
    );
    expect(post.warnings[0]).toContain('mode: sweep');
    expect(leaseOf(fixture, '198.51.100.7').map((entry) => entry.ipAddr)).toEqual([
      '198.51.100.7',
      '198.51.100.7/32',
    ]);
  });

  it('warns of every undo left behind and succeeds when the post step cannot connect', async () => {
    fixture = await start({ status: 'closed' });
    const inputs = { 'runner-ip': 'true', 'public-access': 'open', 'restore-public-access': 'true' };
    const main = await step(fixture, inputs);
    expect(main.exitCode, main.log).toBe(0);
    const holder = /as (1001-1\.[0-9a-f]+)/.exec(main.log)?.[1];
    const post = await step(
      fixture,
      { ...inputs, 'access-key-id': '', 'secret-access-key': '' },
      { entry: 'post', state: main.state },
    );
    expect(post.exitCode, post.log).toBe(0);
    expect(post.warnings).toHaveLength(2);
    expect(post.warnings[0]).toContain(`Left behind: allowlist entry 198.51.100.7 listing ${holder}`);
    expect(post.warnings[0]).toContain('mode: sweep');
    expect(post.warnings[1]).toContain('Left behind: public access open; close it');
    expect(leaseOf(fixture, '198.51.100.7')).toHaveLength(1);
  });

  it('uses an address given as runner-ip without asking a lookup service', async () => {
    fixture = await start();
    fixture.lookup.url = 'http://127.0.0.1:9/'; // nothing listens there
    const { main } = await job(fixture, {
      'runner-ip': '192.0.2.44',
      'ip-lookup-url': 'http://127.0.0.1:9/',
    });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs['runner-ip']).toBe('192.0.2.44');
    expect(main.log).toContain('Runner address 192.0.2.44 (given as runner-ip)');
  });

  it('fails clearly, before any API call, when no lookup service answers', async () => {
    fixture = await start();
    const result = await step(fixture, {
      'runner-ip': 'true',
      'ip-lookup-url': 'http://127.0.0.1:9/a, http://127.0.0.1:9/b',
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain(
      "Could not detect the runner's public IPv4 address: http://127.0.0.1:9/a failed",
    );
    expect(result.errors[0]).toContain('http://127.0.0.1:9/b failed');
    expect(fixture.emu.requests).toEqual([]);
  });
});
