/**
 * Which blocks of the plan become DHCPv4 subnets, and what each holds. Shared by the ISC
 * dhcpd.conf and Kea renderings so the two always agree (docs/dhcp-dns.md §3).
 *
 * Only declared scopes hand out addresses: an assigned IPv4 block is a subnet when it has a
 * DHCP scope (its range is the pool, with its lease time and options) or a fixed host with a
 * MAC (a reservation, and no pool). Router loopbacks, point-to-point links, servers without
 * reservations and CGNAT egress get nothing. An assigned block inside another subnet's block
 * is left out and its reservations go to the outer subnet, so no two subnets overlap, which
 * both servers refuse.
 */
import { formatIPv4, parseIPv4, parsePrefix, prefixContains, prefixEnd, type IPv4Prefix } from '../ip/prefix';

/** The fields of a registry row the DHCP exports read. */
export interface DhcpBlock {
  id: number;
  prefix: string;
  family: 4 | 6;
  length: number;
  status: string;
  description: string;
}

/** The fields of a scope the DHCP exports read (contract ScopeRow). */
export interface DhcpScopeInput {
  prefix: string;
  first: string;
  last: string;
  size: number;
  leaseS: number;
  router: string | null;
  dns: readonly string[];
  domain: string | null;
}

/** A fixed host (contract HostRow); only IPv4 hosts with a MAC are reserved. */
export interface DhcpHostInput {
  ip: string;
  name: string;
  mac: string | null;
}

export interface DhcpSubnet {
  /** The registry row's id: stable across exports, so it is the Kea subnet id. */
  id: number;
  prefix: string;
  network: string;
  netmask: string;
  /**
   * The broadcast address a client is told: the all-ones address of the block, except on a /31
   * or /32, where that address is a host's own (RFC 3021 §3.1), so the limited broadcast
   * 255.255.255.255 (RFC 1812 §4.2.3.1).
   */
  broadcast: string;
  /** The scope's dynamic range, or null: a block with reservations only hands out no address. */
  pool: { first: string; last: string; size: number } | null;
  leaseS: number | null;
  router: string | null;
  dns: string[];
  domain: string | null;
  /** The hosts with a MAC inside the block, in address order. */
  reservations: { name: string; ip: string; mac: string }[];
  /** The block's description on one line (control characters become spaces). */
  description: string;
}

export const DHCP_CONVENTION = 'only declared DHCP scopes hand out addresses; every fixed host with a MAC is a reservation';

/** One line of plain text: newlines, tabs and other control characters become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

const netmaskOf = (length: number): number => (length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0);

/** RFC 1812 §4.2.3.1: the limited broadcast address. */
export const LIMITED_BROADCAST = '255.255.255.255';

/** The subnets of these blocks, ascending by address; blocks with no scope and no reservation are skipped. */
export function dhcpSubnets(blocks: readonly DhcpBlock[], scopes: readonly DhcpScopeInput[], hosts: readonly DhcpHostInput[]): DhcpSubnet[] {
  const scopeOf = new Map(scopes.map((s) => [s.prefix, s]));
  const reserved = hosts
    .filter((h): h is DhcpHostInput & { mac: string } => h.mac !== null && parseIPv4(h.ip) !== null)
    .map((h) => ({ ...h, value: parseIPv4(h.ip)! }))
    .sort((a, b) => a.value - b.value);
  const candidates = blocks
    .filter((b) => b.family === 4 && b.status === 'assigned')
    .map((b) => ({ block: b, p: parsePrefix(b.prefix) as IPv4Prefix }))
    .filter(({ block, p }) => scopeOf.has(block.prefix) || reserved.some((h) => h.value >= p.start && h.value <= prefixEnd(p)))
    .sort((a, b) => a.p.start - b.p.start || a.p.length - b.p.length);
  const out: DhcpSubnet[] = [];
  let outer: IPv4Prefix | null = null;
  for (const { block, p } of candidates) {
    if (outer && prefixContains(outer, p)) continue;
    outer = p;
    const last = prefixEnd(p);
    const scope = scopeOf.get(block.prefix) ?? null;
    out.push({
      id: block.id,
      prefix: block.prefix,
      network: formatIPv4(p.start),
      netmask: formatIPv4(netmaskOf(p.length)),
      broadcast: p.length >= 31 ? LIMITED_BROADCAST : formatIPv4(last),
      pool: scope ? { first: scope.first, last: scope.last, size: scope.size } : null,
      leaseS: scope?.leaseS ?? null,
      router: scope?.router ?? null,
      dns: scope ? [...scope.dns] : [],
      domain: scope?.domain ?? null,
      reservations: reserved.filter((h) => h.value >= p.start && h.value <= last).map((h) => ({ name: h.name, ip: h.ip, mac: h.mac })),
      description: oneLine(block.description),
    });
  }
  return out;
}
