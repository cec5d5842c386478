/**
 * Reverse-DNS zone names for a prefix (specs/rir-requests.md §5.2).
 *
 * IPv4 at /24 or shorter is cut on octet boundaries (one zone per /24, or the whole /16 or /8
 * when the block is exactly that); longer than /24 becomes an RFC 2317 classless child zone
 * named `<first>-<last>.<o3>.<o2>.<o1>.in-addr.arpa` (the same name in the BIND files, the
 * parent's CNAMEs and the RIPE domain object) plus the CNAMEs its parent /24 must hold. IPv6
 * is cut on the next nibble boundary.
 */
import { invalid } from '../errors';
import { formatPrefix, parsePrefix, type IPv4Prefix, type IPv6Prefix, type Prefix } from '../ip/prefix';

export type ReverseZoneKind = 'octet' | 'rfc2317' | 'nibble';

export interface ReverseCname {
  /** Absolute owner name in the parent /24 zone, without the trailing dot. */
  readonly owner: string;
  /** Absolute target inside the child zone, without the trailing dot. */
  readonly target: string;
}

export interface ReverseZone {
  /** Zone name without the trailing dot, e.g. `2.0.192.in-addr.arpa`. */
  readonly name: string;
  /** The address block this zone answers for (for RFC 2317 zones: the sub-/24 block itself). */
  readonly prefix: Prefix;
  readonly kind: ReverseZoneKind;
  /** RFC 2317 only: the same as `name` (`<first>-<last>.<o3>.<o2>.<o1>.in-addr.arpa`): one naming everywhere. */
  readonly ripeName?: string;
  /** RFC 2317 only: the parent /24 zone that must carry the CNAMEs. */
  readonly parentZone?: string;
  /** RFC 2317 only: one CNAME per address of the block, owned in the parent zone. */
  readonly cnames?: readonly ReverseCname[];
}

/** Refuse to list more zones than this (a /8 cut in /24s is 65,536 zones). */
export const MAX_REVERSE_ZONES = 65_536;

function octets(v: number): [number, number, number, number] {
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

/** `in-addr.arpa` name of the first `count` octets of `v` (count 1–3). */
export function ipv4ReverseName(v: number, count: number): string {
  return [...octets(v).slice(0, count)].reverse().join('.') + '.in-addr.arpa';
}

/** `ip6.arpa` name of the first `nibbles` hex digits of `v`. */
export function ipv6ReverseName(v: bigint, nibbles: number): string {
  const hex = v.toString(16).padStart(32, '0').slice(0, nibbles);
  const labels = hex.split('').reverse();
  return labels.length === 0 ? 'ip6.arpa' : `${labels.join('.')}.ip6.arpa`;
}

function ipv4Zones(p: IPv4Prefix, field: string): ReverseZone[] {
  if (p.length > 24) {
    const [o1, o2, o3, first] = octets(p.start);
    const size = 2 ** (32 - p.length);
    const last = first + size - 1;
    const parentZone = `${o3}.${o2}.${o1}.in-addr.arpa`;
    // One naming for the zone file, the parent's NS/CNAME records and the RIR domain object:
    // the range label `<first>-<last>` (RFC 2317 §4 leaves the label to the parent; the RIPE
    // Database accepts only this form for a sub-/24 domain object). docs/rir.md §4.
    const name = `${first}-${last}.${parentZone}`;
    const cnames: ReverseCname[] = [];
    for (let i = first; i <= last; i++) cnames.push({ owner: `${i}.${parentZone}`, target: `${i}.${name}` });
    return [{ name, prefix: p, kind: 'rfc2317', ripeName: `${first}-${last}.${parentZone}`, parentZone, cnames }];
  }
  const target = p.length === 8 || p.length === 16 ? p.length : 24;
  const count = 2 ** (target - p.length);
  if (count > MAX_REVERSE_ZONES) {
    throw invalid(field, `${formatPrefix(p)} would need ${count} reverse zones (at most ${MAX_REVERSE_ZONES}); split the block first`);
  }
  const step = 2 ** (32 - target);
  const zones: ReverseZone[] = [];
  for (let i = 0; i < count; i++) {
    const start = p.start + i * step;
    zones.push({ name: ipv4ReverseName(start, target / 8), prefix: { family: 4, start, length: target }, kind: 'octet' });
  }
  return zones;
}

function ipv6Zones(p: IPv6Prefix): ReverseZone[] {
  const target = Math.ceil(p.length / 4) * 4;
  const count = 1 << (target - p.length); // at most 8
  const step = 1n << BigInt(128 - target);
  const zones: ReverseZone[] = [];
  for (let i = 0; i < count; i++) {
    const start = p.start + BigInt(i) * step;
    zones.push({ name: ipv6ReverseName(start, target / 4), prefix: { family: 6, start, length: target }, kind: 'nibble' });
  }
  return zones;
}

/**
 * The reverse zones that cover `prefix` exactly, in address order. A text prefix is parsed
 * strictly (host bits set are refused, naming `field`).
 */
export function reverseZones(prefix: Prefix | string, field = 'prefix'): ReverseZone[] {
  const p = typeof prefix === 'string' ? parsePrefix(prefix, field) : prefix;
  return p.family === 4 ? ipv4Zones(p, field) : ipv6Zones(p);
}

/** The owner name of one address's PTR record (absolute, no trailing dot). */
export function ptrOwnerName(address: { family: 4; value: number } | { family: 6; value: bigint }): string {
  if (address.family === 4) return `${[...octets(address.value)].reverse().join('.')}.in-addr.arpa`;
  return ipv6ReverseName(address.value, 32);
}
