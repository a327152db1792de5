// sync-whitelist declared entries, sweep, public access and private links, run from dist/ against the emulator.
import { describe, expect, it } from 'vitest';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import {
  type Fixture,
  fixturesClosedAfterEach,
  instanceId,
  job,
  leaks,
  step,
  whitelist,
  writes,
} from './sync-whitelist-support.ts';

const start = fixturesClosedAfterEach();
let fixture: Fixture | undefined;

const handMade = { ipAddr: '192.0.2.10', description: 'office ip' };
const foreign = { ipAddr: '192.0.2.20', description: 'vpn (other-team run 9-1)' };
const instance = (f: Fixture) => f.emu.state.ccrInstances.get(instanceId)!;

describe('sync-whitelist declared entries', () => {
  it('adds declared entries with the marker, and a re-run writes nothing', async () => {
    fixture = await start({ whitelist: [handMade] });
    const inputs = {
      mode: 'add',
      entries: '203.0.113.0/24 # office\n198.51.100.9/32\n192.0.2.10 # office ip',
    };
    const first = await step(fixture, inputs);
    expect(first.exitCode, first.log).toBe(0);
    expect(JSON.parse(first.outputs.added!)).toEqual(['203.0.113.0/24', '198.51.100.9']);
    expect(whitelist(fixture)).toEqual([
      handMade,
      { ipAddr: '203.0.113.0/24', description: 'office (registry-actions run 1001-1)' },
      { ipAddr: '198.51.100.9', description: '(registry-actions run 1001-1)' },
    ]);
    expect(first.log).toContain('keep 192.0.2.10 "office ip": present, not managed by registry-actions');
    expect(renderedMarkdown(first.summary)).toContain(
      '| add | `203.0.113.0/24` | office (registry-actions run 1001-1) | declared, missing |',
    );
    expect(leaks(first)).toEqual([]);

    fixture.emu.requests.splice(0);
    const again = await step(fixture, inputs);
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs.added).toBe('[]');
    expect(writes(fixture)).toEqual([]);
  });

  it('sync removes only its own entries that are no longer declared', async () => {
    fixture = await start({
      whitelist: [
        handMade,
        foreign,
        { ipAddr: '203.0.113.0/24', description: 'office (registry-actions run 1000-1)' },
        { ipAddr: '198.51.100.1', description: 'old (registry-actions run 1000-1)' },
      ],
    });
    const result = await step(fixture, {
      mode: 'sync',
      entries: '203.0.113.0/24 # office\n198.51.100.2 # new',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(JSON.parse(result.outputs.added!)).toEqual(['198.51.100.2']);
    expect(JSON.parse(result.outputs.removed!)).toEqual(['198.51.100.1']);
    expect(whitelist(fixture)).toEqual([
      handMade,
      foreign,
      { ipAddr: '203.0.113.0/24', description: 'office (registry-actions run 1000-1)' },
      { ipAddr: '198.51.100.2', description: 'new (registry-actions run 1001-1)' },
    ]);
  });

  it('remove deletes declared entries it owns and leaves hand-made ones', async () => {
    fixture = await start({
      whitelist: [handMade, { ipAddr: '198.51.100.1/32', description: '(registry-actions run 1000-1)' }],
    });
    const result = await step(fixture, { mode: 'remove', entries: '198.51.100.1\n192.0.2.10' });
    expect(result.exitCode, result.log).toBe(0);
    expect(JSON.parse(result.outputs.removed!)).toEqual(['198.51.100.1']);
    expect(result.log).toContain('keep 192.0.2.10 "office ip": not managed by registry-actions; left as is');
    expect(whitelist(fixture)).toEqual([handMade]);
  });

  it('remove leaves a runner lease that jobs still hold, with a warning naming them', async () => {
    const live = {
      ipAddr: '198.51.100.4',
      description:
        'GitHub Actions runner (registry-actions lease v2 until 2999-01-01T00:00Z: 1-1.aaaaaa 2-1.bbbbbb)',
    };
    fixture = await start({ whitelist: [live] });
    const result = await step(fixture, { mode: 'remove', entries: '198.51.100.4' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(
      'Not removing 198.51.100.4: it is a runner lease still held by 1-1.aaaaaa, 2-1.bbbbbb until 2999-01-01T00:00Z',
    );
    expect(JSON.parse(result.outputs.removed!)).toEqual([]);
    expect(whitelist(fixture)).toEqual([live]);
  });

  it('sweep removes only expired leases of this owner', async () => {
    const expired = {
      ipAddr: '198.51.100.3',
      description: 'GitHub Actions runner (registry-actions lease v2 until 2020-01-01T00:00Z: 1-1.aaaaaa)',
    };
    const live = {
      ipAddr: '198.51.100.4',
      description: 'GitHub Actions runner (registry-actions lease v1 until 2999-01-01T00:00Z: 2-1.bbbbbb)',
    };
    const declared = { ipAddr: '198.51.100.5', description: '(registry-actions run 1-1)' };
    const otherExpired = {
      ipAddr: '198.51.100.6',
      description: '(other-team lease v1 until 2020-01-01T00:00Z: 3-1.c)',
    };
    fixture = await start({ whitelist: [handMade, expired, live, declared, otherExpired] });
    const result = await step(fixture, { mode: 'sweep' });
    expect(result.exitCode, result.log).toBe(0);
    expect(JSON.parse(result.outputs.removed!)).toEqual(['198.51.100.3']);
    expect(whitelist(fixture)).toEqual([handMade, live, declared, otherExpired]);
  });

  it('refuses bad entries before any API call, naming every problem', async () => {
    fixture = await start();
    const result = await step(fixture, {
      entries: '203.0.113.5/24\n0.0.0.0/0\n198.51.100.1\n198.51.100.1/32',
    });
    expect(result.exitCode).toBe(1);
    const error = result.errors[0]!;
    expect(error).toContain("Input 'entries' has invalid lines");
    expect(error).toContain('did you mean 203.0.113.0/24?');
    expect(error).toContain('set allow-any: true');
    expect(error).toContain('duplicates "198.51.100.1"');
    expect(fixture.emu.requests).toEqual([]);
  });

  it('changes nothing in a dry run and shows the plan', async () => {
    fixture = await start({ status: 'closed', whitelist: [handMade] });
    const result = await step(fixture, {
      entries: '203.0.113.0/24',
      'runner-ip': 'true',
      'public-access': 'open',
      'dry-run': 'true',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(writes(fixture)).toEqual([]);
    expect(result.log).toContain('Would open public access');
    expect(result.log).toContain('Runner lease for 198.51.100.7: would be written (new lease)');
    expect(JSON.parse(result.outputs.entries!).map((e: { ipAddr: string }) => e.ipAddr)).toEqual([
      '192.0.2.10',
      '203.0.113.0/24',
      '198.51.100.7',
    ]);
    const summary = renderedMarkdown(result.summary);
    expect(summary).toContain('dry run: nothing was changed');
    expect(summary).toContain('Public access: would be opened by this run (it is closed)');
    expect(summary).toContain('Would add: `203.0.113.0/24`; would remove: none');
    // Nothing was added or opened, and the outputs say so.
    expect(result.outputs.added).toBe('[]');
    expect(result.outputs.removed).toBe('[]');
    expect(result.outputs['public-access']).toBe('closed');
    expect(result.state).toEqual({});
  });

  it('counts a hand-made network that already lets a declared address in as present', async () => {
    const lan = { ipAddr: '198.51.100.0/24', description: 'office lan' };
    fixture = await start({ whitelist: [lan] });
    const result = await step(fixture, { mode: 'add', entries: '198.51.100.17 # build host' });
    expect(result.exitCode, result.log).toBe(0);
    expect(writes(fixture)).toEqual([]);
    expect(whitelist(fixture)).toEqual([lan]);
    expect(result.outputs.added).toBe('[]');
    expect(result.log).toContain(
      'keep 198.51.100.0/24 "office lan": covers declared 198.51.100.17; present, not managed by registry-actions',
    );
  });
});

describe('sync-whitelist public access and private links', () => {
  it('opens public access for the job and closes it again in the post step', async () => {
    fixture = await start({ status: 'closed' });
    const { main, post } = await job(fixture, {
      'runner-ip': 'true',
      'public-access': 'open',
      'restore-public-access': 'true',
    });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs['public-access']).toBe('opened');
    expect(post.exitCode, post.log).toBe(0);
    expect(post.log).toContain(`Public access of ${instanceId} restored: closed again`);
    expect(instance(fixture).publicLinkStatus).toBe('closed');
    expect(whitelist(fixture)).toEqual([]);
  });

  it('closes public access, confirms it once done and warns that the lease it takes has no effect', async () => {
    fixture = await start({ status: 'opened' });
    const { main, post } = await job(fixture, { 'runner-ip': 'true', 'public-access': 'close' });
    expect(main.exitCode, main.log).toBe(0);
    expect(instance(fixture).publicLinkStatus).toBe('closed');
    const close = main.log.indexOf(`Will close public access of ${instanceId} (now opened).`);
    const closed = main.log.indexOf(`Closed public access of ${instanceId} (it was opened).`);
    expect(close).toBeGreaterThanOrEqual(0);
    expect(closed).toBeGreaterThan(close);
    expect(main.warnings.join('\n')).toContain(
      `This run closes public access of ${instanceId}, so the allowlist entries and the runner lease it writes take no effect`,
    );
    expect(main.outputs['public-access']).toBe('closed');
    expect(renderedMarkdown(main.summary)).toContain('Public access: closed by this run (it was opened)');
    expect(post.exitCode, post.log).toBe(0);
    expect(whitelist(fixture)).toEqual([]);
  });

  it('does not warn about closing when the run only removes entries', async () => {
    fixture = await start({ status: 'opened' });
    const result = await step(fixture, { mode: 'remove', entries: '203.0.113.9', 'public-access': 'close' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.log).toContain(`Closed public access of ${instanceId} (it was opened).`);
    expect(result.warnings).toEqual([]);
  });

  it('leaves public access open after the job unless asked to restore it', async () => {
    fixture = await start({ status: 'closed' });
    const { post } = await job(fixture, { 'public-access': 'open' });
    expect(post.log).toContain('Nothing to undo');
    expect(instance(fixture).publicLinkStatus).toBe('opened');
  });

  it('warns when the allowlist is managed while public access is closed', async () => {
    fixture = await start({ status: 'closed' });
    const result = await step(fixture, { entries: '203.0.113.0/24' });
    expect(result.warnings.join('\n')).toContain(
      'is closed: the allowlist takes effect only once it is opened',
    );
  });

  it('creates missing private links and deletes undeclared ones only when pruning', async () => {
    fixture = await start({}, {});
    instance(fixture).privateLinks.push({
      vpcID: 'vpc-old1',
      subnetID: 'sbn-old1',
      ipType: 'auto',
      ipAddress: '192.168.0.2',
      autoDnsResolve: true,
      status: 'success',
    });
    const inputs = { 'private-links': 'vpc-new1 sbn-new1 ip=192.168.1.5 dns=false' };
    const first = await step(fixture, inputs);
    expect(first.exitCode, first.log).toBe(0);
    expect(first.log).toContain('keep vpc-old1/sbn-old1: not declared; kept (prune-private-links is false)');
    expect(
      instance(fixture).privateLinks.map((l) => [l.vpcID, l.ipType, l.ipAddress, l.autoDnsResolve]),
    ).toEqual([
      ['vpc-old1', 'auto', '192.168.0.2', true],
      ['vpc-new1', 'manual', '192.168.1.5', false],
    ]);
    fixture.emu.requests.splice(0);
    const pruned = await step(fixture, { ...inputs, 'prune-private-links': 'true' });
    expect(pruned.exitCode, pruned.log).toBe(0);
    expect(writes(fixture).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /v1/instances/${instanceId}/privatelinks`,
    ]);
    expect(instance(fixture).privateLinks.map((l) => l.vpcID)).toEqual(['vpc-new1']);
  });
});
