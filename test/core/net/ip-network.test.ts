import { describe, expect, it } from 'vitest';
import {
  alternateForm,
  isAnyNetwork,
  networkCovers,
  parseHostAddress,
  parseNetwork,
} from '../../../src/core/net/ip-network.ts';

const strict = (text: string) => parseNetwork(text, { rejectHostBits: true });
const lenient = (text: string) => parseNetwork(text, { rejectHostBits: false });

function textOf(text: string): string {
  const result = strict(text);
  if (!result.ok) throw new Error(result.reason);
  return result.network.text;
}

describe('parseNetwork', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7/32', '203.0.113.7'],
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:db8::1/128', '2001:db8::1'],
    ['::ffff:198.51.100.9', '198.51.100.9'],
    ['::ffff:198.51.100.0/120', '198.51.100.0/24'],
    [' 10.0.0.0/8 ', '10.0.0.0/8'],
  ])('normalises %s to %s', (input, expected) => {
    expect(textOf(input)).toBe(expected);
  });

  it('notes when an IPv4-mapped IPv6 address is read as IPv4', () => {
    const result = strict('::ffff:198.51.100.9');
    expect(result.ok && result.notes).toEqual(['IPv4-mapped IPv6 "::ffff:198.51.100.9" read as IPv4']);
  });

  it('refuses host bits after the prefix and suggests the network', () => {
    expect(strict('203.0.113.5/24')).toEqual({
      ok: false,
      reason: '"203.0.113.5/24" has host bits set after /24; did you mean 203.0.113.0/24?',
    });
    expect(strict('2001:db8::1/64')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('2001:db8::/64'),
    });
  });

  it('reads host bits leniently for what an API returns', () => {
    const result = lenient('192.168.0.1/24');
    expect(result.ok && result.network.text).toBe('192.168.0.0/24');
    expect(result.ok && result.notes[0]).toContain('host bits');
  });

  it.each([
    ['', 'not an IPv4 or IPv6 address'],
    ['203.0.113', 'not an IPv4 or IPv6 address'],
    ['127.1', 'not an IPv4 or IPv6 address'],
    ['0x7f.0.0.1', 'not an IPv4 or IPv6 address'],
    ['203.0.113.256', 'not an IPv4 or IPv6 address'],
    ['fe80::1%eth0', 'not an IPv4 or IPv6 address'],
    ['example.com', 'not an IPv4 or IPv6 address'],
    ['203.0.113.0/33', 'invalid prefix length /33'],
    ['203.0.113.0/', 'invalid prefix length /'],
    ['203.0.113.0/2a', 'invalid prefix length'],
    ['1.2.3.4/24/8', 'more than one "/"'],
    ['::ffff:1.2.3.4/64', 'shorter than /96'],
  ])('rejects %j', (input, reason) => {
    const result = strict(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('network helpers', () => {
  const net = (text: string) => {
    const result = strict(text);
    if (!result.ok) throw new Error(result.reason);
    return result.network;
  };

  it('tells whether a network covers an address', () => {
    expect(networkCovers(net('203.0.113.0/24'), net('203.0.113.7'))).toBe(true);
    expect(networkCovers(net('203.0.113.0/24'), net('203.0.114.7'))).toBe(false);
    expect(networkCovers(net('0.0.0.0/0'), net('198.51.100.1'))).toBe(true);
    expect(networkCovers(net('203.0.113.7'), net('203.0.113.0/24'))).toBe(false);
    expect(networkCovers(net('::/0'), net('203.0.113.7'))).toBe(false);
    expect(networkCovers(net('2001:db8::/32'), net('2001:db8:1::5'))).toBe(true);
  });

  it('recognises the whole address space', () => {
    expect(isAnyNetwork(net('0.0.0.0/0'))).toBe(true);
    expect(isAnyNetwork(net('::/0'))).toBe(true);
    expect(isAnyNetwork(net('0.0.0.0/1'))).toBe(false);
  });

  it('writes a single host the other way, and has no other form for a wider network', () => {
    expect(alternateForm(net('203.0.113.7'), '203.0.113.7')).toBe('203.0.113.7/32');
    expect(alternateForm(net('203.0.113.7'), '203.0.113.7/32')).toBe('203.0.113.7');
    expect(alternateForm(net('2001:db8::1'), '2001:db8::1')).toBe('2001:db8::1/128');
    expect(alternateForm(net('203.0.113.0/24'), '203.0.113.0/24')).toBeUndefined();
  });

  it('parses only single host addresses as lookup answers', () => {
    expect(parseHostAddress('198.51.100.4')?.text).toBe('198.51.100.4');
    expect(parseHostAddress('198.51.100.0/24')).toBeUndefined();
    expect(parseHostAddress('nope')).toBeUndefined();
  });
});
