import { describe, expect, it } from 'vitest';
import {
  chooseCcrRegistry,
  chooseSwrLogin,
  expiryWarning,
  formatRemaining,
} from '../../../src/actions/login/plan.ts';
import { InputError } from '../../../src/core/errors/errors.ts';

const now = new Date('2026-01-01T10:00:00Z');

describe('chooseSwrLogin', () => {
  const login = (host: string | undefined, username = 'cn-north-4@AK') =>
    host ? { host, username, password: 'pw' } : { username, password: 'pw' };

  it("picks the region's registry and SWR's 6-hour lifetime", () => {
    const chosen = chooseSwrLogin(
      { logins: [login('swr.other.example'), login('swr.cn-north-4.myhuaweicloud.com', 'right')] },
      'cn-north-4',
      now,
    );
    expect(chosen).toMatchObject({ registry: 'swr.cn-north-4.myhuaweicloud.com', username: 'right' });
    expect(chosen.expiresAt?.toISOString()).toBe('2026-01-01T16:00:00.000Z');
  });

  it('uses the host the registry input names when the secret is for it, and an expiry header when sent', () => {
    const expiresAt = new Date('2026-01-01T12:00:00Z');
    const secret = { logins: [login('127.0.0.1:5000')], expiresAt };
    const chosen = chooseSwrLogin(secret, 'cn-north-4', now, '127.0.0.1:5000');
    expect(chosen.registry).toBe('127.0.0.1:5000');
    expect(chosen.expiresAt).toEqual(expiresAt);
    expect(chosen.expirySource).toBe('X-Swr-Expireat header');
  });

  it("refuses a secret for any other host than the region's registry or the registry input", () => {
    expect(() => chooseSwrLogin({ logins: [login('ghcr.io')] }, 'cn-north-4', now)).toThrow(
      /the login is for "ghcr\.io", not for swr\.cn-north-4\.myhuaweicloud\.com; nothing was written/,
    );
    expect(() =>
      chooseSwrLogin({ logins: [login('ghcr.io')] }, 'cn-north-4', now, 'mirror.example.com'),
    ).toThrow(/not for swr\.cn-north-4\.myhuaweicloud\.com or mirror\.example\.com/);
  });

  it('falls back to swr.<region>.myhuaweicloud.com for a secret naming no host; the registry input wins', () => {
    expect(chooseSwrLogin({ logins: [login(undefined)] }, 'ap-southeast-1', now).registry).toBe(
      'swr.ap-southeast-1.myhuaweicloud.com',
    );
    expect(
      chooseSwrLogin(
        { logins: [login('swr.cn-north-4.myhuaweicloud.com')] },
        'cn-north-4',
        now,
        'mirror.example.com',
      ).registry,
    ).toBe('mirror.example.com');
  });
});

describe('chooseCcrRegistry', () => {
  const detail = {
    info: { publicURL: 'ccr-x-pub.cnc.bj.baidubce.com', privateURL: 'ccr-x-vpc.cnc.bj.baidubce.com' },
  };

  it.each([
    ['public', 'ccr-x-pub.cnc.bj.baidubce.com'],
    ['private', 'ccr-x-vpc.cnc.bj.baidubce.com'],
  ] as const)('%s access → %s', (access, host) => {
    expect(chooseCcrRegistry(detail, access, 'ccr-x')).toBe(host);
  });

  it('names the custom domains when the wanted domain is missing', () => {
    const call = () =>
      chooseCcrRegistry(
        { info: { customDomains: [{ domainName: 'registry.example.com' }] } },
        'private',
        'ccr-x',
      );
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      /^Input 'registry-access' is private, but instance ccr-x reports no private registry domain/,
    );
    expect(call).toThrow('Its custom domains: registry.example.com');
  });
});

describe('expiryWarning', () => {
  const login = (minutes: number) => ({
    registry: 'r.io',
    username: 'u',
    password: 'p',
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });

  it('warns when less than an hour is left', () => {
    expect(expiryWarning(login(59), now, 'Raise duration.')).toMatch(
      /expires at .* \(in 59 minutes\).*Raise duration\./,
    );
  });

  it('stays quiet with an hour or more, and for long-lived logins', () => {
    expect(expiryWarning(login(60), now, '')).toBeUndefined();
    expect(expiryWarning({ registry: 'r.io', username: 'u', password: 'p' }, now, '')).toBeUndefined();
  });

  it('formats the remaining time', () => {
    expect(formatRemaining(new Date(now.getTime() + 330 * 60_000), now)).toBe('5 h 30 min');
    expect(formatRemaining(new Date(now.getTime() + 5 * 60_000), now)).toBe('5 min');
  });
});
