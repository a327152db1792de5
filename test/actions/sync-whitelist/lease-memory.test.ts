import { describe, expect, it } from 'vitest';
import { readCurrentEntries } from '../../../src/actions/sync-whitelist/current-entries.ts';
import {
  EMPTY_MEMORY,
  LEASE_TIMING,
  type LeaseMemory,
  observe,
  type Swap,
} from '../../../src/actions/sync-whitelist/lease-memory.ts';
import { viewLease } from '../../../src/actions/sync-whitelist/lease-view.ts';
import { parseHostAddress } from '../../../src/core/net/ip-network.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';

const network = parseHostAddress('198.51.100.7')!;
const entry = (ipAddr: string, version: number, holders: string): WhitelistItem => ({
  ipAddr,
  description: `runner (registry-actions lease v${version} until 2025-06-01T18:00Z: ${holders})`,
});
const view = (...items: WhitelistItem[]) => viewLease(readCurrentEntries(items, 'registry-actions'), network);
const old = entry('198.51.100.7', 1, 'a');
const mine = entry('198.51.100.7/32', 2, 'a me');
const swap: Swap = { item: mine, base: old, closing: false, reason: 'joined', ends: 'listed', sentAt: 0 };
const memory = (extra: Partial<LeaseMemory>): LeaseMemory => ({ ...EMPTY_MEMORY, ...extra });

describe('observe', () => {
  it('adopts an add that got no answer once its entry shows up', () => {
    const unsettled = { kind: 'add' as const, items: [mine], swap, at: 0, answered: false };
    const next = observe(memory({ unsettled }), view(old, mine), 1000);
    expect(next.mine).toEqual(swap);
    expect(next.unsettled).toBeUndefined();
  });

  it('waits for an unanswered delete until its entries are gone, or until it can no longer land', () => {
    const unsettled = { kind: 'delete' as const, items: [old], at: 0, answered: false };
    expect(observe(memory({ unsettled }), view(old, mine), 1000).unsettled).toEqual(unsettled);
    const gone = observe(memory({ unsettled }), view(mine), 1000);
    expect(gone.unsettled).toBeUndefined();
    expect(gone.removed).toEqual([old]);
    expect(observe(memory({ unsettled }), view(old, mine), LEASE_TIMING.settleMs).unsettled).toBeUndefined();
  });

  it('forgets its entry once others rewrote it, remembering it as landed', () => {
    const next = observe(memory({ mine: swap }), view(entry('198.51.100.7', 3, 'a me b')), 1000);
    expect(next.mine).toBeUndefined();
    expect(next.landed).toEqual(swap);
  });

  it('times how long the same two entries stand, and counts rounds lost to other writers', () => {
    const first = observe(EMPTY_MEMORY, view(old, mine), 1000);
    expect(first.pair?.since).toBe(1000);
    const again = observe(first, view(old, mine), 5000);
    expect(again.pair?.since).toBe(1000);
    expect(again.contention).toBe(2);
    expect(observe(again, view(mine, entry('198.51.100.7', 3, 'x')), 6000).pair?.since).toBe(6000);
    expect(observe(again, view(mine), 7000).pair).toBeUndefined();
  });

  it('takes a host spelling as refused after two duplicate refusals the list never explained', () => {
    const conflict: Swap = { ...swap };
    const once = observe(memory({ conflict }), view(old), 0);
    expect(once.refused).toEqual([]);
    const twice = observe({ ...once, conflict }, view(old), 0);
    expect(twice.refused).toEqual(['198.51.100.7/32']);
    // Refused because another job's entry stood there: contention, not evidence.
    expect(
      observe(memory({ conflict }), view(old, entry('198.51.100.7/32', 2, 'a b')), 0).duplicateRefusals,
    ).toEqual({});
  });
});
