// Strict parsing and normalisation of IP addresses and CIDR networks (ipaddr.js underneath).
import ipaddr from 'ipaddr.js';

type IpFamily = 4 | 6;

/** A normalised network: a single host is written bare, anything wider as `address/prefix`. */
export interface IpNetwork {
  family: IpFamily;
  /** Network address in canonical form (dotted quad, or RFC 5952 lower-case IPv6). */
  address: string;
  prefix: number;
  /** Canonical text: `203.0.113.7`, `203.0.113.0/24`, `2001:db8::1`, `2001:db8::/32`. */
  text: string;
}

/** Parse result: the network and what normalisation changed, or why the text is not a network. */
export type NetworkParse = { ok: true; network: IpNetwork; notes: string[] } | { ok: false; reason: string };

export interface ParseNetworkOptions {
  /** `203.0.113.5/24` is an error (true) or read as `203.0.113.0/24` (false, for what an API returns). */
  rejectHostBits: boolean;
}

const MAX_PREFIX: Record<IpFamily, number> = { 4: 32, 6: 128 };

/** Parses `addr` or `addr/prefix` (IPv4 dotted quad or IPv6), unmapping IPv4-mapped IPv6. */
export function parseNetwork(text: string, options: ParseNetworkOptions): NetworkParse {
  const trimmed = text.trim();
  const parts = trimmed.split('/');
  if (parts.length > 2) return { ok: false, reason: `"${trimmed}" has more than one "/"` };
  const [addressText = '', prefixText] = parts;
  const parsed = parseAddress(addressText);
  if (!parsed) return { ok: false, reason: `"${trimmed}" is not an IPv4 or IPv6 address or CIDR` };
  const notes: string[] = [];
  let address = parsed;
  let prefix = MAX_PREFIX[familyOf(address)];
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > prefix) {
      return { ok: false, reason: `"${trimmed}" has an invalid prefix length /${prefixText}` };
    }
    prefix = Number(prefixText);
  }
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    if (prefix < 96) {
      return {
        ok: false,
        reason: `"${trimmed}" mixes an IPv4-mapped address with a prefix shorter than /96`,
      };
    }
    address = (address as ipaddr.IPv6).toIPv4Address();
    prefix -= 96;
    notes.push(`IPv4-mapped IPv6 "${trimmed}" read as IPv4`);
  }
  const family = familyOf(address);
  const network = networkAddress(address, prefix);
  const addressCanonical = canonical(address);
  const networkCanonical = canonical(network);
  if (networkCanonical !== addressCanonical) {
    const fixed = `${networkCanonical}/${prefix}`;
    if (options.rejectHostBits) {
      return { ok: false, reason: `"${trimmed}" has host bits set after /${prefix}; did you mean ${fixed}?` };
    }
    notes.push(`"${trimmed}" has host bits set; read as ${fixed}`);
  }
  return { ok: true, network: makeNetwork(family, networkCanonical, prefix), notes };
}

/** A single address (no prefix), as lookup services answer; undefined when it is not one. */
export function parseHostAddress(text: string): IpNetwork | undefined {
  if (text.includes('/')) return undefined;
  const result = parseNetwork(text, { rejectHostBits: true });
  return result.ok ? result.network : undefined;
}

/** True when `network` covers every address of `inner`. */
export function networkCovers(network: IpNetwork, inner: IpNetwork): boolean {
  if (network.family !== inner.family || network.prefix > inner.prefix) return false;
  const outer = ipaddr.parse(network.address);
  const candidate = ipaddr.parse(inner.address);
  return outer.kind() === candidate.kind() && candidate.match(outer, network.prefix);
}

/** True for `0.0.0.0/0` and `::/0`: the whole address space. */
export function isAnyNetwork(network: IpNetwork): boolean {
  return network.prefix === 0;
}

/** The same single host written with an explicit full prefix (`1.2.3.4` ↔ `1.2.3.4/32`); none for wider networks. */
export function alternateForm(network: IpNetwork, written: string): string | undefined {
  if (network.prefix !== MAX_PREFIX[network.family]) return undefined;
  return written.includes('/') ? network.address : `${network.address}/${network.prefix}`;
}

function makeNetwork(family: IpFamily, address: string, prefix: number): IpNetwork {
  const text = prefix === MAX_PREFIX[family] ? address : `${address}/${prefix}`;
  return { family, address, prefix, text };
}

/** Dotted quads only for IPv4 (ipaddr.js alone would accept `127.1` or hex parts); no zone ids. */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

function familyOf(address: ipaddr.IPv4 | ipaddr.IPv6): IpFamily {
  return address.kind() === 'ipv4' ? 4 : 6;
}

function networkAddress(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = address.toByteArray();
  return ipaddr.fromByteArray(bytes.map((byte, index) => byte & maskByte(prefix - index * 8)));
}

function maskByte(bitsLeft: number): number {
  if (bitsLeft >= 8) return 0xff;
  if (bitsLeft <= 0) return 0;
  return (0xff << (8 - bitsLeft)) & 0xff;
}

function canonical(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  return address.kind() === 'ipv4' ? address.toString() : (address as ipaddr.IPv6).toRFC5952String();
}
