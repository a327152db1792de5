import { describe, expect, it } from 'vitest';
import {
  formatDescription,
  formatMinute,
  isValidOwner,
  MAX_DESCRIPTION_LENGTH,
  type Mark,
  parseDescription,
} from '../../../src/actions/sync-whitelist/marker.ts';

const until = new Date('2025-06-01T13:00:00Z');

describe('ownership marker', () => {
  it('writes a declared entry readably and reads it back', () => {
    const description = formatDescription('office', {
      kind: 'permanent',
      owner: 'registry-actions',
      runId: '1001-1',
    });
    expect(description).toBe('office (registry-actions run 1001-1)');
    expect(parseDescription(description)).toEqual({
      text: 'office',
      mark: { kind: 'permanent', owner: 'registry-actions', runId: '1001-1' },
    });
  });

  it('writes a lease with version, expiry and holders, and reads it back', () => {
    const mark: Mark = {
      kind: 'lease',
      owner: 'ci',
      version: 3,
      until,
      holders: ['1001-1.k3f9', '1002-1.a8c2'],
      overflow: 0,
    };
    const description = formatDescription('GitHub Actions runner', mark);
    expect(description).toBe(
      'GitHub Actions runner (ci lease v3 until 2025-06-01T13:00Z: 1001-1.k3f9 1002-1.a8c2)',
    );
    expect(parseDescription(description)).toEqual({ text: 'GitHub Actions runner', mark });
  });

  it('folds the oldest holders into +N when the description would grow too long', () => {
    const holders = Array.from(
      { length: 20 },
      (_, index) => `12345678901-1.h${String(index).padStart(3, '0')}`,
    );
    const description = formatDescription('runner', {
      kind: 'lease',
      owner: 'o',
      version: 1,
      until,
      holders,
      overflow: 2,
    });
    expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    const parsed = parseDescription(description);
    if (parsed.mark?.kind !== 'lease') throw new Error('expected a lease');
    expect(parsed.mark.holders.at(-1)).toBe('12345678901-1.h019');
    expect(parsed.mark.holders.length + parsed.mark.overflow).toBe(22);
  });

  it.each([
    '',
    'office ip',
    'office (registry-actions)',
    '(registry-actions lease v1 until tomorrow: a)',
    '(registry-actions lease v1 until 2025-06-01T13:00Z: a b (c))',
    '(registry-actions lease v1 until 2025-06-01T13:00Z: a +x)',
  ])('treats %j as having no marker', (description) => {
    expect(parseDescription(description).mark).toBeUndefined();
  });

  it('rounds expiry up to the minute', () => {
    expect(formatMinute(new Date('2025-06-01T12:59:00.001Z'))).toBe('2025-06-01T13:00Z');
    expect(formatMinute(new Date('2025-06-01T13:00:00Z'))).toBe('2025-06-01T13:00Z');
  });

  it('accepts owner names that read as one token', () => {
    expect(isValidOwner('registry-actions')).toBe(true);
    expect(isValidOwner('team.ci_2')).toBe(true);
    expect(isValidOwner('two words')).toBe(false);
    expect(isValidOwner('-dash')).toBe(false);
    expect(isValidOwner('x'.repeat(33))).toBe(false);
  });
});
