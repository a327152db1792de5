import { describe, expect, it } from 'vitest';
import { chooseSwrLogin } from '../../../src/providers/swr/login.ts';

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
