import { describe, expect, it } from 'vitest';
import {
  leaseWriteAfterFailure,
  mayRemain,
  readSyncWhitelistState,
} from '../../../src/actions/sync-whitelist/state.ts';

describe('leaseWriteAfterFailure', () => {
  it.each([
    { adds: [], write: 'refused', why: 'no add was sent (the calls before it were refused)' },
    { adds: ['refused'], write: 'refused', why: 'the registry answered no' },
    { adds: ['refused', 'refused'], write: 'refused', why: 'every add was refused' },
    { adds: ['unknown'], write: 'unknown', why: 'an add got no clear answer' },
    { adds: ['refused', 'unknown'], write: 'unknown', why: 'a later add got no clear answer' },
    { adds: ['unknown', 'added'], write: 'added', why: 'an add was confirmed' },
    { adds: ['added', 'refused'], write: 'added', why: 'a confirmed add outweighs a later refusal' },
  ] as const)('is $write when $why', ({ adds, write }) => {
    expect(leaseWriteAfterFailure(adds)).toBe(write);
  });
});

describe('mayRemain', () => {
  it('is false for a refused write and for a job that joined without writing', () => {
    const lease = { address: '198.51.100.7', holder: 'h', text: 't' };
    expect(mayRemain({ ...lease, write: 'refused' })).toBe(false);
    expect(mayRemain({ ...lease, write: 'covered' })).toBe(false);
    expect(mayRemain({ ...lease, write: 'unknown' })).toBe(true);
    expect(mayRemain({ ...lease, write: 'added' })).toBe(true);
  });
});

describe('readSyncWhitelistState', () => {
  const lease = { address: '198.51.100.7', holder: 'h', text: 't', write: 'unknown' };

  it('reads back the lease with what became of its write', () => {
    const raw = JSON.stringify({ instanceId: 'ccr-1', owner: 'o', lease });
    expect(readSyncWhitelistState(raw)).toEqual({ instanceId: 'ccr-1', owner: 'o', lease });
  });

  it('rejects a lease whose write outcome it does not know', () => {
    for (const write of [undefined, 'maybe']) {
      const raw = JSON.stringify({ instanceId: 'ccr-1', owner: 'o', lease: { ...lease, write } });
      expect(readSyncWhitelistState(raw)).toBeUndefined();
    }
  });

  it('is undefined when main saved nothing', () => {
    expect(readSyncWhitelistState('')).toBeUndefined();
  });
});
