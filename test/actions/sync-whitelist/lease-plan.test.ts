import { describe, expect, it } from 'vitest';
import { readCurrentEntries } from '../../../src/actions/sync-whitelist/current-entries.ts';
import {
  holdsLease,
  type LeaseRequest,
  type LeaseStep,
  planJoin,
  planRelease,
} from '../../../src/actions/sync-whitelist/lease-plan.ts';
import { parseHostAddress } from '../../../src/core/net/ip-network.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';

const now = new Date('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;
const request = (holder: string, extra: Partial<LeaseRequest> = {}): LeaseRequest => ({
  network: parseHostAddress('198.51.100.7')!,
  holder,
  owner: 'registry-actions',
  text: 'GitHub Actions runner',
  now,
  leaseMs: 6 * HOUR,
  ...extra,
});
const lease = (ipAddr: string, version: number, until: string, holders: string): WhitelistItem => ({
  ipAddr,
  description: `GitHub Actions runner (registry-actions lease v${version} until ${until}: ${holders})`,
});
const entries = (...items: WhitelistItem[]) => readCurrentEntries(items, 'registry-actions');

/** Applies a step to a list the way the executor does (write new, then delete replaced). */
function apply(items: WhitelistItem[], step: LeaseStep): WhitelistItem[] {
  if (step.kind === 'write') {
    const gone = new Set(step.replaces.map((item) => item.ipAddr));
    return [...items.filter((item) => !gone.has(item.ipAddr)), step.item];
  }
  if (step.kind === 'delete') return items.filter((item) => !step.items.includes(item));
  return items;
}

describe('planJoin', () => {
  it('creates a lease listing this job, expiring after the lease duration', () => {
    expect(planJoin([], request('1001-1.aaaa'))).toEqual({
      kind: 'write',
      item: {
        ipAddr: '198.51.100.7',
        description: 'GitHub Actions runner (registry-actions lease v1 until 2025-06-01T18:00Z: 1001-1.aaaa)',
      },
      replaces: [],
      reason: 'new lease',
    });
  });

  it('joins an existing lease under the other form, so the address is never absent', () => {
    const current = lease('198.51.100.7', 1, '2025-06-01T18:00Z', '1001-1.aaaa');
    const step = planJoin(entries(current), request('1002-1.bbbb', { leaseMs: 7 * HOUR }));
    expect(step).toEqual({
      kind: 'write',
      item: {
        ipAddr: '198.51.100.7/32',
        description:
          'GitHub Actions runner (registry-actions lease v2 until 2025-06-01T19:00Z: 1001-1.aaaa 1002-1.bbbb)',
      },
      replaces: [current],
      reason: 'joined the lease of 1001-1.aaaa',
    });
  });

  it('keeps the later expiry when joining a lease that lasts longer', () => {
    const step = planJoin(entries(lease('198.51.100.7/32', 4, '2025-06-02T00:00Z', 'x')), request('y'));
    expect(step.kind === 'write' && step.item).toEqual({
      ipAddr: '198.51.100.7',
      description: 'GitHub Actions runner (registry-actions lease v5 until 2025-06-02T00:00Z: x y)',
    });
  });

  it('drops the holders of an expired lease when renewing it', () => {
    const step = planJoin(entries(lease('198.51.100.7', 2, '2025-06-01T11:00Z', 'old +3')), request('new'));
    expect(step).toMatchObject({ kind: 'write', reason: 'renewed an expired lease' });
    expect(step.kind === 'write' && step.item.description).toContain(
      'lease v3 until 2025-06-01T18:00Z: new)',
    );
  });

  it('needs no lease when the address is already allowed by a hand-made, declared or wider entry', () => {
    for (const item of [
      { ipAddr: '198.51.100.7', description: 'office' },
      { ipAddr: '198.51.100.0/24', description: 'range (registry-actions run 1-1)' },
      { ipAddr: '198.51.100.7', description: '(other-team run 5-1)' },
    ]) {
      expect(planJoin(entries(item), request('me'))).toMatchObject({
        kind: 'none',
        reason: expect.stringContaining('already allowed by'),
      });
    }
  });

  it("takes its own lease beside another owner's lease, which that owner's post step removes", () => {
    const foreign = {
      ipAddr: '198.51.100.7',
      description: '(other-team lease v1 until 2030-01-01T00:00Z: z)',
    };
    expect(planJoin(entries(foreign), request('me'))).toMatchObject({
      kind: 'write',
      item: { ipAddr: '198.51.100.7/32' },
      replaces: [],
      reason: 'new lease',
    });
  });

  it("rewrites its own lease in place when another owner's lease holds the other form", () => {
    const foreign = {
      ipAddr: '198.51.100.7',
      description: '(other-team lease v1 until 2030-01-01T00:00Z: z)',
    };
    const own = lease('198.51.100.7/32', 1, '2025-06-01T18:00Z', 'a');
    const join = planJoin(entries(foreign, own), request('b'));
    expect(join).toMatchObject({ kind: 'write', item: { ipAddr: '198.51.100.7/32' }, replaces: [own] });
    const release = planRelease(
      entries(foreign, lease('198.51.100.7/32', 1, '2025-06-01T18:00Z', 'a b')),
      request('b'),
    );
    expect(release).toMatchObject({ kind: 'write', item: { ipAddr: '198.51.100.7/32' } });
  });

  it('waits while another job is mid-rewrite, and resolves from the newest version when forced', () => {
    const old = lease('198.51.100.7', 1, '2025-06-01T18:00Z', 'a');
    const newer = lease('198.51.100.7/32', 2, '2025-06-01T18:00Z', 'a b');
    expect(planJoin(entries(old, newer), request('c')).kind).toBe('wait');
    const forced = planJoin(entries(old, newer), request('c', { force: true }));
    expect(forced).toMatchObject({ kind: 'write', replaces: [old, newer] });
    expect(forced.kind === 'write' && forced.item.description).toContain(
      'lease v3 until 2025-06-01T18:00Z: a b c)',
    );
  });

  it('does nothing when this job already holds the lease', () => {
    expect(planJoin(entries(lease('198.51.100.7', 1, '2025-06-01T18:00Z', 'me')), request('me')).kind).toBe(
      'none',
    );
  });
});

describe('planRelease', () => {
  it('deletes the entry when the last holder leaves', () => {
    const current = lease('198.51.100.7', 1, '2025-06-01T18:00Z', 'me');
    expect(planRelease(entries(current), request('me'))).toEqual({
      kind: 'delete',
      items: [current],
      reason: 'last holder left',
    });
  });

  it('rewrites the entry without this job while others still hold it', () => {
    const current = lease('198.51.100.7', 2, '2025-06-01T18:00Z', 'a me b');
    const step = planRelease(entries(current), request('me'));
    expect(step).toMatchObject({
      kind: 'write',
      replaces: [current],
      reason: 'left the lease; still held by a, b',
    });
    expect(step.kind === 'write' && step.item).toEqual({
      ipAddr: '198.51.100.7/32',
      description: 'GitHub Actions runner (registry-actions lease v3 until 2025-06-01T18:00Z: a b)',
    });
  });

  it('keeps the entry for holders that were folded into +N', () => {
    const step = planRelease(entries(lease('198.51.100.7', 2, '2025-06-01T18:00Z', 'me +2')), request('me'));
    expect(step.kind === 'write' && step.item.description).toContain(': +2)');
  });

  it('leaves an entry it is not listed on, and reports when it expires', () => {
    expect(
      planRelease(entries(lease('198.51.100.7', 2, '2025-06-01T18:00Z', 'other')), request('me')),
    ).toEqual({
      kind: 'none',
      reason: 'this job is not listed on the lease; it expires at 2025-06-01T18:00Z',
    });
    expect(planRelease(entries({ ipAddr: '198.51.100.7', description: 'office' }), request('me')).kind).toBe(
      'none',
    );
  });
});

describe('two jobs behind one address', () => {
  it('keep the address allowed until the last one leaves, in any order', () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      let items: WhitelistItem[] = [];
      items = apply(items, planJoin(entries(...items), request('a')));
      items = apply(items, planJoin(entries(...items), request('b')));
      expect(holdsLease(entries(...items), request('a'))).toBe(true);
      expect(holdsLease(entries(...items), request('b'))).toBe(true);
      items = apply(items, planRelease(entries(...items), request(order[0]!)));
      expect(items).toHaveLength(1);
      expect(holdsLease(entries(...items), request(order[1]!))).toBe(true);
      items = apply(items, planRelease(entries(...items), request(order[1]!)));
      expect(items).toEqual([]);
    }
  });
});
