import { describe, expect, it } from 'vitest';
import { planPrivateLinks } from '../../../src/actions/sync-whitelist/plan-private-links.ts';
import { planPublicAccess, restoreActionFor } from '../../../src/actions/sync-whitelist/public-access.ts';
import { addressesChanged } from '../../../src/actions/sync-whitelist/report.ts';

describe('planPublicAccess', () => {
  it.each([
    ['closed', 'open', 'open'],
    ['opened', 'open', undefined],
    ['opened', 'close', 'close'],
    ['closed', 'close', undefined],
    ['opening', 'open', 'open'],
    ['closed', 'keep', undefined],
  ] as const)('status %s, wish %s → %s', (status, wish, action) => {
    expect(planPublicAccess(status, wish)).toBe(action);
  });

  it('restores what was read before the change', () => {
    expect(restoreActionFor('closed')).toBe('close');
    expect(restoreActionFor('opened')).toBe('open');
  });
});

describe('planPrivateLinks', () => {
  const existing = {
    vpcID: 'vpc-a',
    subnetID: 'sbn-a',
    serviceNetID: '',
    status: 'success',
    ipAddress: '10.0.0.2',
  };
  const wanted = {
    vpcID: 'vpc-b',
    subnetID: 'sbn-b',
    ipType: 'auto' as const,
    ipAddress: '',
    autoDnsResolve: true,
  };

  it('creates missing links and keeps undeclared ones unless pruning', () => {
    expect(planPrivateLinks([existing], [wanted], false).map((c) => [c.kind, c.link.vpcID])).toEqual([
      ['create', 'vpc-b'],
      ['keep', 'vpc-a'],
    ]);
    expect(planPrivateLinks([existing], [wanted], true).map((c) => [c.kind, c.link.vpcID])).toEqual([
      ['create', 'vpc-b'],
      ['delete', 'vpc-a'],
    ]);
    expect(planPrivateLinks([existing], [{ ...wanted, vpcID: 'vpc-a', subnetID: 'sbn-a' }], true)).toEqual([
      { kind: 'keep', link: existing, reason: 'present (status success)' },
    ]);
  });
});

describe('addressesChanged', () => {
  it('lists normalised addresses let in and shut out, with a new lease', () => {
    const item = (ipAddr: string) => ({ ipAddr, description: '' });
    const result = addressesChanged(
      [
        { kind: 'add', item: item('203.0.113.0/24'), reason: '' },
        { kind: 'delete', item: item('198.51.100.1/32'), reason: '' },
        { kind: 'replace', item: item('198.51.100.2/32'), replaces: [item('198.51.100.2')], reason: '' },
        { kind: 'keep', item: item('192.0.2.1'), reason: '' },
      ],
      { address: '198.51.100.7', created: true, deleted: false },
    );
    expect(result).toEqual({ added: ['203.0.113.0/24', '198.51.100.7'], removed: ['198.51.100.1'] });
  });
});
