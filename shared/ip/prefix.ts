/**
 * IP prefixes as integer intervals: IPv4 as `number` (uint32), IPv6 as `bigint`.
 *
 * Parsing and formatting are written here rather than delegated to ip-num because ip-num
 * 1.6.2 accepts host bits set (`10.0.0.1/8`), does not compress IPv6 per RFC 5952, and
 * allocates objects per address (too slow for million-row imports). ip-num stays the
 * reference these functions are tested against.
 */
import { HeadroomError, invalid } from '../errors';

export type Family = 4 | 6;

export interface IPv4Prefix {
  readonly family: 4;
  readonly start: number;
  readonly length: number;
}
export interface IPv6Prefix {
  readonly family: 6;
  readonly start: bigint;
  readonly length: number;
}
export type Prefix = IPv4Prefix | IPv6Prefix;

export type Address = { family: 4; value: number } | { family: 6; value: bigint };

export const IPV4_MAX = 0xffffffff;
export const IPV6_MAX = (1n << 128n) - 1n;

const IPV4_RE = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** Parses a dotted quad strictly (no leading zeros, each octet 0–255); null when malformed. */
export function parseIPv4(text: string): number | null {
  const m = IPV4_RE.exec(text);
  if (!m) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

const HEX_GROUP_RE = /^[0-9a-fA-F]{1,4}$/;

/** Parses an IPv6 address (RFC 4291 §2.2 text forms, no zone id); null when malformed. */
export function parseIPv6(text: string): bigint | null {
  if (text.length < 2 || text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (part: string, allowV4Tail: boolean): number[] | null => {
    if (part === '') return [];
    const raw = part.split(':');
    const groups: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const g = raw[i]!;
      if (allowV4Tail && i === raw.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (v4 === null) return null;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!HEX_GROUP_RE.test(g)) return null;
        groups.push(parseInt(g, 16));
      }
    }
    return groups;
  };
  let groups: number[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0]!, false);
    const tail = parseGroups(halves[1]!, true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (!all || all.length !== 8) return null;
    groups = all;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

export function formatIPv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run (≥ 2) of zero groups as `::`, leftmost on a tie. */
export function formatIPv6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function parseAddress(text: string, field = 'address'): Address {
  const t = text.trim();
  if (t.includes(':')) {
    const v = parseIPv6(t);
    if (v === null) throw invalid(field, `"${text}" is not a valid IPv6 address`);
    return { family: 6, value: v };
  }
  const v = parseIPv4(t);
  if (v === null) throw invalid(field, `"${text}" is not a valid IPv4 address`);
  return { family: 4, value: v };
}

export function formatAddress(a: Address): string {
  return a.family === 4 ? formatIPv4(a.value) : formatIPv6(a.value);
}

export function maxLength(family: Family): number {
  return family === 4 ? 32 : 128;
}

/**
 * Parses `ADDRESS/LEN` strictly: a malformed address, a length out of range or host bits
 * set are refused with a message naming `field`. Python's `ip_network(strict=True)` rule.
 */
export function parsePrefix(text: string, field = 'prefix'): Prefix {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) throw invalid(field, `"${text}" is not in CIDR form (ADDRESS/LENGTH)`);
  const addrText = t.slice(0, slash);
  const lenText = t.slice(slash + 1);
  const addr = parseAddress(addrText, field);
  const max = maxLength(addr.family);
  if (!/^(0|[1-9]\d{0,2})$/.test(lenText) || Number(lenText) > max) {
    throw invalid(field, `"${text}": prefix length must be a whole number from 0 to ${max}`);
  }
  const length = Number(lenText);
  if (addr.family === 4) {
    const network = ipv4Network(addr.value, length);
    if (network !== addr.value) {
      throw invalid(field, `"${text}" has host bits set (did you mean ${formatIPv4(network)}/${length}?)`);
    }
    return { family: 4, start: network, length };
  }
  const network = ipv6Network(addr.value, length);
  if (network !== addr.value) {
    throw invalid(field, `"${text}" has host bits set (did you mean ${formatIPv6(network)}/${length}?)`);
  }
  return { family: 6, start: network, length };
}

/** Like parsePrefix but returns the problem instead of throwing (for forms). */
export function validatePrefix(text: string, field = 'prefix'): [Prefix, null] | [null, string] {
  try {
    return [parsePrefix(text, field), null];
  } catch (e) {
    if (e instanceof HeadroomError) return [null, e.message];
    throw e;
  }
}

export function ipv4Network(value: number, length: number): number {
  if (length === 0) return 0;
  const hostBits = 32 - length;
  return Math.floor(value / 2 ** hostBits) * 2 ** hostBits;
}

export function ipv6Network(value: bigint, length: number): bigint {
  const hostBits = BigInt(128 - length);
  return (value >> hostBits) << hostBits;
}

export function formatPrefix(p: Prefix): string {
  return p.family === 4 ? `${formatIPv4(p.start)}/${p.length}` : `${formatIPv6(p.start)}/${p.length}`;
}

/** Last address of the prefix. */
export function prefixEnd(p: IPv4Prefix): number;
export function prefixEnd(p: IPv6Prefix): bigint;
export function prefixEnd(p: Prefix): number | bigint;
export function prefixEnd(p: Prefix): number | bigint {
  if (p.family === 4) return p.start + 2 ** (32 - p.length) - 1;
  return p.start + (1n << BigInt(128 - p.length)) - 1n;
}

/** Number of addresses, always as bigint (a /0 of IPv6 does not fit a number). */
export function prefixSize(p: Prefix): bigint {
  return 1n << BigInt(maxLength(p.family) - p.length);
}

/** True when `inner` lies inside `outer` (or equals it). */
export function prefixContains(outer: Prefix, inner: Prefix): boolean {
  if (outer.family !== inner.family || inner.length < outer.length) return false;
  if (outer.family === 4) return ipv4Network((inner as IPv4Prefix).start, outer.length) === outer.start;
  return ipv6Network((inner as IPv6Prefix).start, outer.length) === outer.start;
}

export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return prefixContains(a, b) || prefixContains(b, a);
}

/** The CLI's order: IPv4 first, then by address, then by length. */
export function comparePrefixes(a: Prefix, b: Prefix): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.length - b.length;
}
