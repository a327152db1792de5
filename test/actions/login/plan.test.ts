import { describe, expect, it } from 'vitest';
import { expiryWarning, formatRemaining } from '../../../src/actions/login/plan.ts';

const now = new Date('2026-01-01T10:00:00Z');

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
