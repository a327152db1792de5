import { describe, expect, it } from 'vitest';
import { readCurrentEntries } from '../../../src/actions/sync-whitelist/current-entries.ts';
import {
  EMPTY_MEMORY,
  type LeaseMemory,
  type Swap,
} from '../../../src/actions/sync-whitelist/lease-memory.ts';
import {
  CONTENDED_ROUNDS,
  type LeaseGoal,
  type LeaseRequest,
  planLeaseStep,
} from '../../../src/actions/sync-whitelist/lease-plan.ts';
import { parseHostAddress } from '../../../src/core/net/ip-network.ts';
import type { WhitelistItem } from '../../../src/providers/seam/allowlist.ts';

const now = new Date('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;
const BARE = '198.51.100.7';
const SLASH = '198.51.100.7/32';
const request = (holder: string, extra: Partial<LeaseRequest> = {}): LeaseRequest => ({
  network: parseHostAddress(BARE)!,
  holder,
  owner: 'registry-actions',
  text: 'runner',
  now,
  leaseMs: 6 * HOUR,
  ...extra,
});
const lease = (ipAddr: string, version: number, until: string, holders: string): WhitelistItem => ({
  ipAddr,
  description: `runner (registry-actions lease v${version} until ${until}: ${holders})`,
});
const LATER = '2025-06-01T18:00Z';
const plan = (goal: LeaseGoal, holder: string, items: WhitelistItem[], memory: Partial<LeaseMemory> = {}) =>
  planLeaseStep(readCurrentEntries(items, 'registry-actions'), request(holder), goal, {
    ...EMPTY_MEMORY,
    ...memory,
  });
const swap = (item: WhitelistItem, base?: WhitelistItem, extra: Partial<Swap> = {}): Swap => ({
  item,
  closing: false,
  reason: 'r',
  ends: 'listed',
  sentAt: now.getTime(),
  ...(base ? { base } : {}),
  ...extra,
});

describe('joining', () => {
  it.each([
    {
      case: 'no lease: a new one under the usual spelling, lasting the lease duration',
      items: [],
      item: lease(BARE, 1, LATER, 'me'),
      base: undefined,
    },
    {
      case: 'a lease: the next version, naming this job, under the other spelling, over the old one',
      items: [lease(BARE, 3, '2025-06-01T17:00Z', 'a')],
      item: lease(SLASH, 4, LATER, 'a me'),
      base: lease(BARE, 3, '2025-06-01T17:00Z', 'a'),
    },
    {
      case: 'a lease lasting longer: its expiry is kept',
      items: [lease(SLASH, 1, '2025-06-02T00:00Z', 'a')],
      item: lease(BARE, 2, '2025-06-02T00:00Z', 'a me'),
      base: lease(SLASH, 1, '2025-06-02T00:00Z', 'a'),
    },
    {
      case: 'an expired lease: renewed for this job alone',
      items: [lease(BARE, 2, '2025-06-01T11:00Z', 'gone +3')],
      item: lease(SLASH, 3, LATER, 'me'),
      base: lease(BARE, 2, '2025-06-01T11:00Z', 'gone +3'),
    },
    {
      case: 'a lease with unnamed holders that ends too soon: extended, naming this job',
      items: [lease(BARE, 5, '2025-06-01T13:00Z', 'a +4')],
      item: lease(SLASH, 6, LATER, 'a me +4'),
      base: lease(BARE, 5, '2025-06-01T13:00Z', 'a +4'),
    },
  ])('writes, for $case', ({ items, item, base }) => {
    const step = plan('join', 'me', items);
    expect(step).toMatchObject({ kind: 'add', swap: { item, closing: false } });
    expect(step.kind === 'add' && step.swap.base).toEqual(base);
  });

  it('writes nothing when a lease kept until its expiry already lasts the lease duration', () => {
    expect(plan('join', 'me', [lease(BARE, 5, '2025-06-01T18:05Z', 'a +4')])).toEqual({
      kind: 'done',
      status: 'covered',
      reason: expect.stringContaining('joined without a rewrite: the lease is kept until 2025-06-01T18:05Z'),
    });
  });

  it('makes the lease one kept until its expiry when it lost too many rounds to other jobs', () => {
    const step = plan('join', 'me', [lease(BARE, 1, LATER, 'a')], { contention: CONTENDED_ROUNDS });
    expect(step.kind === 'add' && step.swap.item.description).toContain(': a me +1)');
  });

  it.each([
    { ipAddr: BARE, description: 'office' },
    { ipAddr: '198.51.100.0/24', description: 'range (registry-actions run 1-1)' },
    { ipAddr: BARE, description: '(other-team run 5-1)' },
  ])('needs no lease when $ipAddr "$description" lets the address in', (item) => {
    expect(plan('join', 'me', [item])).toMatchObject({ kind: 'done', status: 'not-needed' });
  });

  it("takes its own lease under the free spelling beside another owner's lease", () => {
    const foreign = { ipAddr: BARE, description: '(other-team lease v1 until 2030-01-01T00:00Z: z)' };
    expect(plan('join', 'me', [foreign])).toMatchObject({ kind: 'add', swap: { item: { ipAddr: SLASH } } });
  });

  it('cannot be named, and says so, when the other spelling is held by another owner', () => {
    const foreign = { ipAddr: BARE, description: '(other-team lease v1 until 2030-01-01T00:00Z: z)' };
    const step = plan('join', 'me', [foreign, lease(SLASH, 1, LATER, 'a')]);
    expect(step).toMatchObject({ kind: 'done', status: 'unprotected' });
    expect(step.kind === 'done' && step.reason).toContain(`${BARE} is held by another entry`);
  });

  it('relies on the expiry when the API takes one spelling only: nobody can remove the lease earlier', () => {
    const step = plan('join', 'me', [lease(BARE, 1, LATER, 'a')], { refused: [SLASH] });
    expect(step).toMatchObject({ kind: 'done', status: 'covered' });
  });

  it('is done when it is already named', () => {
    expect(plan('join', 'me', [lease(BARE, 1, LATER, 'a me')])).toMatchObject({ status: 'listed' });
  });
});

describe('a swap in progress', () => {
  const old = lease(BARE, 1, LATER, 'a');
  const mine = lease(SLASH, 2, LATER, 'a me');

  it('waits while another job holds both spellings, then clears the older one it left behind', () => {
    const items = [old, lease(SLASH, 2, LATER, 'a b')];
    expect(plan('join', 'me', items).kind).toBe('wait');
    const pair = { key: 'x', since: now.getTime() - 180_000 };
    // The pair key is the loop's: recompute it through a stale `since` for the same entries.
    const key = JSON.stringify(items.map((item) => [item.ipAddr, item.description]));
    expect(plan('join', 'me', items, { pair: { ...pair, key } })).toMatchObject({
      kind: 'delete',
      items: [old],
      why: 'break',
    });
  });

  it('commits its own: deletes the old entry when it is still the version planned on', () => {
    expect(plan('join', 'me', [old, mine], { mine: swap(mine, old) })).toEqual({
      kind: 'delete',
      items: [old],
      why: 'commit',
      reason: 'r',
    });
  });

  it('closes a lease by deleting both entries in one request', () => {
    const closing = lease(SLASH, 2, '2025-06-01T12:00Z', '');
    const step = plan('leave', 'a', [old, closing], { mine: swap(closing, old, { closing: true }) });
    expect(step).toMatchObject({ kind: 'delete', items: [old, closing], why: 'close' });
  });

  it('never deletes its entry once another was written on top of it (that one carries this job)', () => {
    const onTop = lease(BARE, 3, LATER, 'me b');
    expect(plan('join', 'me', [onTop, mine], { mine: swap(mine, old) })).toMatchObject({ kind: 'wait' });
    // Its writer deletes ours; then this job is named on the lease.
    expect(plan('join', 'me', [onTop], { landed: swap(mine, old) })).toMatchObject({ status: 'listed' });
    // Written on top means ours stood alone: the lease it replaced was gone (closed), so `a` had left.
    const withA = lease(BARE, 3, LATER, 'a me b');
    expect(plan('join', 'me', [withA], { landed: swap(mine, old) })).toMatchObject({
      kind: 'add',
      swap: { item: lease(SLASH, 4, LATER, 'me b'), base: withA },
    });
  });

  it('waits beside an entry that does not carry its change, and takes its own back if it stays', () => {
    const cycled = lease(BARE, 3, LATER, 'a c');
    const items = [cycled, mine];
    expect(plan('join', 'me', items, { mine: swap(mine, old) }).kind).toBe('wait');
    const key = JSON.stringify(items.map((item) => [item.ipAddr, item.description]));
    const stood = { key, since: now.getTime() - 90_000 };
    expect(plan('join', 'me', items, { mine: swap(mine, old), pair: stood })).toMatchObject({
      kind: 'delete',
      items: [mine],
      why: 'abort',
    });
  });

  it('takes off holders copied from a lease that was closed before its add landed', () => {
    const landedLate = lease(SLASH, 2, LATER, 'gone me');
    const step = plan('join', 'me', [landedLate], { mine: swap(landedLate, lease(BARE, 1, LATER, 'gone')) });
    expect(step).toMatchObject({
      kind: 'add',
      swap: { item: lease(BARE, 3, LATER, 'me'), base: landedLate },
    });
  });

  it('keeps those holders when it deleted the old entry itself (its commit landed unanswered)', () => {
    const base = lease(BARE, 1, LATER, 'a');
    const step = plan('join', 'me', [mine], { mine: swap(mine, base), removed: [base] });
    expect(step).toEqual({ kind: 'done', status: 'listed', reason: 'r' });
  });

  it('waits for an earlier request that got no answer', () => {
    const unsettled = { kind: 'add' as const, items: [mine], at: now.getTime(), answered: false };
    expect(plan('join', 'me', [old], { unsettled }).kind).toBe('wait');
  });
});

describe('leaving and sweeping', () => {
  it('closes the lease under both spellings when the last holder leaves', () => {
    const current = lease(BARE, 4, LATER, 'me');
    expect(plan('leave', 'me', [current])).toMatchObject({
      kind: 'add',
      swap: { item: lease(SLASH, 5, '2025-06-01T12:00Z', ''), base: current, closing: true },
    });
  });

  it('rewrites the lease without this job while others hold it', () => {
    const current = lease(BARE, 2, LATER, 'a me b');
    expect(plan('leave', 'me', [current])).toMatchObject({
      kind: 'add',
      swap: { item: lease(SLASH, 3, LATER, 'a b'), base: current, closing: false },
    });
  });

  it.each([
    { case: 'has unnamed holders', items: [lease(BARE, 2, LATER, 'a me +3')], status: 'released' },
    { case: 'does not name this job', items: [lease(BARE, 2, LATER, 'a')], status: 'released' },
    { case: 'is gone', items: [], status: 'released' },
  ])('writes nothing when the lease $case', ({ items, status }) => {
    expect(plan('leave', 'me', items)).toMatchObject({ kind: 'done', status });
  });

  it('keeps a lease it cannot close safely when the API takes one spelling only', () => {
    expect(plan('leave', 'me', [lease(BARE, 1, LATER, 'me')], { refused: [SLASH] })).toMatchObject({
      kind: 'done',
      status: 'kept',
    });
  });

  it('closes an expired lease (sweep, or the next job leaving) and keeps a live one', () => {
    const expired = lease(BARE, 7, '2025-06-01T11:00Z', 'a b');
    expect(plan('sweep', '', [expired])).toMatchObject({
      kind: 'add',
      swap: { base: expired, closing: true },
    });
    expect(plan('leave', 'c', [expired])).toMatchObject({ kind: 'add', swap: { closing: true } });
    expect(plan('sweep', '', [lease(BARE, 7, LATER, 'a')])).toMatchObject({ kind: 'done', status: 'kept' });
  });

  it('closes a lease nobody holds (a closing that never finished)', () => {
    const emptied = lease(SLASH, 3, LATER, '');
    expect(plan('leave', 'me', [emptied])).toMatchObject({
      kind: 'add',
      swap: { base: emptied, closing: true },
    });
  });
});
