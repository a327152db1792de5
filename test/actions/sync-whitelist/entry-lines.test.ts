import { describe, expect, it } from 'vitest';
import { parseEntryLines } from '../../../src/actions/sync-whitelist/entry-lines.ts';
import { InputError } from '../../../src/core/errors/errors.ts';

const parse = (lines: string[], allowAny = false) => parseEntryLines(lines, { input: 'entries', allowAny });

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.inputs).toEqual(['entries']);
      return error.message;
    }
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseEntryLines', () => {
  it('reads addresses and CIDRs with optional descriptions, normalised', () => {
    const { entries, notes } = parse([
      '203.0.113.0/24 # office',
      '198.51.100.7/32',
      '::ffff:192.0.2.1 #  vpn  ',
    ]);
    expect(entries.map((entry) => [entry.network.text, entry.text])).toEqual([
      ['203.0.113.0/24', 'office'],
      ['198.51.100.7', ''],
      ['192.0.2.1', 'vpn'],
    ]);
    expect(notes).toEqual(['IPv4-mapped IPv6 "::ffff:192.0.2.1" read as IPv4']);
  });

  it('reports every bad line at once', () => {
    const message = messageOf(() => parse(['203.0.113.5/24', 'office', '10.0.0.0/8']));
    expect(message).toContain('"203.0.113.5/24" has host bits set after /24; did you mean 203.0.113.0/24?');
    expect(message).toContain('"office" is not an IPv4 or IPv6 address or CIDR');
  });

  it('refuses duplicates, also when written differently', () => {
    expect(messageOf(() => parse(['198.51.100.7', '198.51.100.7/32 # again']))).toContain(
      '"198.51.100.7/32 # again": duplicates "198.51.100.7" (both are 198.51.100.7)',
    );
    expect(messageOf(() => parse(['192.0.2.1', '::ffff:192.0.2.1']))).toContain('duplicates');
  });

  it('refuses the whole internet unless allow-any is set', () => {
    expect(messageOf(() => parse(['0.0.0.0/0']))).toContain('set allow-any: true');
    expect(messageOf(() => parse(['::/0']))).toContain('whole internet');
    expect(parse(['0.0.0.0/0', '::/0'], true).entries).toHaveLength(2);
  });

  it('refuses descriptions that would confuse the marker or are too long', () => {
    expect(messageOf(() => parse(['192.0.2.1 # a (b)']))).toContain('parentheses');
    expect(messageOf(() => parse([`192.0.2.1 # ${'x'.repeat(65)}`]))).toContain('longer than 64');
  });
});
