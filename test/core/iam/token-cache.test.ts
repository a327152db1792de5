import { describe, expect, it } from 'vitest';
import type { IamToken } from '../../../src/core/iam/iam-token.ts';
import { cacheToken } from '../../../src/core/iam/token-cache.ts';

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let time = start;
  return { now: () => new Date(time), advance: (ms: number) => (time += ms) };
}

/** A token source issuing tok-1, tok-2… each valid for lifetimeMs from the clock's now. */
function tokenSource(clock: { now: () => Date }, lifetimeMs: number) {
  const calls: number[] = [];
  const fetch = async (): Promise<IamToken> => {
    calls.push(clock.now().getTime());
    return { value: `tok-${calls.length}`, expiresAt: new Date(clock.now().getTime() + lifetimeMs) };
  };
  return { fetch, calls };
}

const HOUR = 60 * 60 * 1000;

describe('cacheToken', () => {
  it('fetches nothing until first asked, then reuses the token', async () => {
    const clock = manualClock();
    const source = tokenSource(clock, 24 * HOUR);
    const getToken = cacheToken(source.fetch, { now: clock.now });
    expect(source.calls).toHaveLength(0);
    expect(await getToken()).toBe('tok-1');
    clock.advance(23 * HOUR);
    expect(await getToken()).toBe('tok-1');
    expect(source.calls).toHaveLength(1);
  });

  it('refreshes five minutes before expiry', async () => {
    const clock = manualClock();
    const source = tokenSource(clock, 24 * HOUR);
    const getToken = cacheToken(source.fetch, { now: clock.now });
    await getToken();
    clock.advance(24 * HOUR - 5 * 60 * 1000 - 1);
    expect(await getToken()).toBe('tok-1');
    clock.advance(1);
    expect(await getToken()).toBe('tok-2');
  });

  it('reuses a short-lived token for half its lifetime instead of refetching on every call', async () => {
    const clock = manualClock();
    const source = tokenSource(clock, 60 * 1000);
    const getToken = cacheToken(source.fetch, { now: clock.now });
    await getToken();
    clock.advance(29 * 1000);
    expect(await getToken()).toBe('tok-1');
    clock.advance(1000);
    expect(await getToken()).toBe('tok-2');
  });

  it('shares one fetch between concurrent callers', async () => {
    const clock = manualClock();
    const source = tokenSource(clock, HOUR);
    const getToken = cacheToken(source.fetch, { now: clock.now });
    const tokens = await Promise.all([getToken(), getToken(), getToken()]);
    expect(tokens).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(source.calls).toHaveLength(1);
  });

  it('does not remember a failed fetch', async () => {
    let attempts = 0;
    const getToken = cacheToken(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('IAM unavailable');
      return { value: 'tok-ok', expiresAt: new Date(Date.parse('2099-01-01T00:00:00Z')) };
    });
    await expect(getToken()).rejects.toThrow('IAM unavailable');
    expect(await getToken()).toBe('tok-ok');
  });
});
