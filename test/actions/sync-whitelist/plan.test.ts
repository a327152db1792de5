import { describe, expect, it } from 'vitest';
import { readCurrentEntries } from '../../../src/actions/sync-whitelist/current-entries.ts';
import { parseEntryLines } from '../../../src/actions/sync-whitelist/entry-lines.ts';
import {
  type PlanContext,
  planWhitelist,
  type WhitelistMode,
} from '../../../src/actions/sync-whitelist/plan.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';

const now = new Date('2025-06-01T12:00:00Z');
const context = (mode: WhitelistMode): PlanContext => ({
  mode,
  owner: 'registry-actions',
  runId: '2002-1',
  now,
});
const declared = (...lines: string[]) =>
  parseEntryLines(lines, { input: 'entries', allowAny: false }).entries;

const handMade: WhitelistItem = { ipAddr: '192.0.2.10', description: 'office ip' };
const ours = (ipAddr: string, text = ''): WhitelistItem => ({
  ipAddr,
  description: `${text ? `${text} ` : ''}(registry-actions run 1001-1)`,
});
const lease = (ipAddr: string, until: string, holders = 'a'): WhitelistItem => ({
  ipAddr,
  description: `GitHub Actions runner (registry-actions lease v1 until ${until}: ${holders})`,
});
const otherOwner: WhitelistItem = { ipAddr: '198.51.100.99', description: '(other-team run 5-1)' };

function summary(items: WhitelistItem[], lines: string[], mode: WhitelistMode) {
  return planWhitelist(readCurrentEntries(items, 'registry-actions'), declared(...lines), context(mode)).map(
    (change) => {
      if (change.kind === 'skip') return `skip ${change.ipAddr}: ${change.reason}`;
      const replaced =
        change.kind === 'replace' ? ` (replacing ${change.replaces.map((i) => i.ipAddr).join(', ')})` : '';
      return `${change.kind} ${change.item.ipAddr}${replaced}: ${change.reason}`;
    },
  );
}

describe('planWhitelist', () => {
  it('adds missing declared entries with the owner marker and run id', () => {
    const changes = planWhitelist([], declared('203.0.113.0/24 # office'), context('add'));
    expect(changes).toEqual([
      {
        kind: 'add',
        item: { ipAddr: '203.0.113.0/24', description: 'office (registry-actions run 2002-1)' },
        reason: 'declared, missing',
      },
    ]);
  });

  it.each<[string, WhitelistMode, WhitelistItem[], string[], string[]]>([
    [
      'add keeps what is present, hand-made or not, and never removes',
      'add',
      [handMade, ours('203.0.113.0/24', 'office'), ours('198.51.100.1')],
      ['192.0.2.10 # office ip', '203.0.113.0/24 # new text'],
      ['keep 192.0.2.10: present, not managed by registry-actions', 'keep 203.0.113.0/24: present'],
    ],
    [
      'sync removes managed entries no longer declared; hand-made, foreign, unreadable and leases stay',
      'sync',
      [
        handMade,
        otherOwner,
        ours('198.51.100.1'),
        lease('198.51.100.2', '2025-06-01T10:00Z'),
        { ipAddr: 'garbage', description: '(registry-actions run 1-1)' },
      ],
      ['203.0.113.0/24'],
      [
        'add 203.0.113.0/24: declared, missing',
        'delete 198.51.100.1: managed by registry-actions, no longer declared',
      ],
    ],
    [
      'sync rewrites a managed entry whose description changed, under the other form of a single host',
      'sync',
      [ours('198.51.100.1', 'old'), ours('203.0.113.0/24', 'office')],
      ['198.51.100.1 # new', '203.0.113.0/24 # office'],
      [
        'replace 198.51.100.1/32 (replacing 198.51.100.1): description changed',
        'keep 203.0.113.0/24: present',
      ],
    ],
    [
      'a hand-made network that lets a declared address or network in counts as present',
      'add',
      [
        { ipAddr: '198.51.100.0/24', description: 'office lan' },
        lease('203.0.113.0/24', '2030-01-01T00:00Z'),
      ],
      ['198.51.100.17', '198.51.100.128/25', '198.51.0.0/16', '203.0.113.5'],
      [
        'keep 198.51.100.0/24: covers declared 198.51.100.17; present, not managed by registry-actions',
        'keep 198.51.100.0/24: covers declared 198.51.100.128/25; present, not managed by registry-actions',
        'add 198.51.0.0/16: declared, missing',
        'add 203.0.113.5: declared, missing',
      ],
    ],
    [
      'a declaration takes over an address held by a runner lease',
      'add',
      [lease('198.51.100.3', '2025-06-01T13:00Z')],
      ['198.51.100.3'],
      ['replace 198.51.100.3/32 (replacing 198.51.100.3): declared; was a runner lease'],
    ],
    [
      "a declared address held only by another owner's runner lease gets its own entry beside it",
      'add',
      [{ ipAddr: '198.51.100.6', description: '(other-team lease v1 until 2030-01-01T00:00Z: z)' }],
      ['198.51.100.6'],
      ['add 198.51.100.6/32: declared, missing'],
    ],
    [
      "taking over this owner's runner lease leaves another owner's lease for the address alone",
      'add',
      [
        { ipAddr: '198.51.100.6', description: '(other-team lease v1 until 2030-01-01T00:00Z: z)' },
        lease('198.51.100.6/32', '2025-06-01T13:00Z'),
      ],
      ['198.51.100.6'],
      ['replace 198.51.100.6/32 (replacing 198.51.100.6/32): declared; was a runner lease'],
    ],
    [
      'remove deletes managed entries (in any form) and expired leases, and leaves hand-made ones',
      'remove',
      [handMade, ours('198.51.100.1/32'), lease('198.51.100.4', '2025-06-01T11:59Z')],
      ['192.0.2.10', '198.51.100.1', '198.51.100.4', '198.51.100.5'],
      [
        'keep 192.0.2.10: not managed by registry-actions; left as is',
        'delete 198.51.100.1/32: declared for removal',
        'delete 198.51.100.4: declared for removal',
        'skip 198.51.100.5: not present',
      ],
    ],
    [
      'remove leaves a runner lease that live jobs still hold',
      'remove',
      [lease('198.51.100.4', '2025-06-01T13:00Z', '1-1.a 2-1.b +3')],
      ['198.51.100.4'],
      [
        'keep 198.51.100.4: runner lease still held by 1-1.a, 2-1.b and 3 more until 2025-06-01T13:00Z; not removed',
      ],
    ],
    [
      'sweep removes only managed leases whose expiry has passed',
      'sweep',
      [
        handMade,
        ours('198.51.100.1'),
        lease('198.51.100.2', '2025-06-01T11:59Z'),
        lease('198.51.100.3', '2025-06-01T12:01Z'),
        { ipAddr: '198.51.100.4', description: 'x (other-team lease v1 until 2020-01-01T00:00Z: a)' },
      ],
      [],
      ['delete 198.51.100.2: lease expired at 2025-06-01T11:59Z'],
    ],
  ])('%s', (_name, mode, items, lines, expected) => {
    expect(summary(items, lines, mode)).toEqual(expected);
  });

  it('warns, naming the holders, when remove leaves a lease that jobs still hold', () => {
    const items = [lease('198.51.100.4/32', '2025-06-01T13:00Z', '1-1.a 2-1.b')];
    const changes = planWhitelist(
      readCurrentEntries(items, 'registry-actions'),
      declared('198.51.100.4'),
      context('remove'),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'keep',
        warning:
          'Not removing 198.51.100.4/32: it is a runner lease still held by 1-1.a, 2-1.b until ' +
          '2025-06-01T13:00Z, and removing it would cut those jobs off. Their post steps remove it when the ' +
          'last one ends; after the expiry, mode: sweep removes it.',
      }),
    ]);
  });

  it('never plans to delete or replace an entry without this owner’s marker, whatever the mode', () => {
    const items = [
      handMade,
      otherOwner,
      { ipAddr: '203.0.113.0/24', description: 'office (registry-actions)' },
    ];
    for (const mode of ['add', 'sync', 'remove', 'sweep'] as const) {
      const lines = mode === 'sweep' ? [] : ['192.0.2.10', '198.51.100.99', '203.0.113.0/24', '10.0.0.0/8'];
      const changes = planWhitelist(
        readCurrentEntries(items, 'registry-actions'),
        declared(...lines),
        context(mode),
      );
      const touched = changes.flatMap((change) =>
        change.kind === 'delete'
          ? [change.item.ipAddr]
          : change.kind === 'replace'
            ? change.replaces.map((i) => i.ipAddr)
            : [],
      );
      expect(touched, mode).toEqual([]);
    }
  });
});
