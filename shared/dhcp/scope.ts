/**
 * DHCPv4 scopes (docs/dhcp-dns.md §2): one per assigned IPv4 block, with its dynamic range, its
 * lease time and its options (router, DNS servers, domain). Pure rules and the one formula for
 * a scope's size; the service (electron/core/services/scopes.ts) reads the workspace.
 */
import { invalid } from '../errors';
import { formatIPv4, formatPrefix, parseIPv4, prefixEnd, type IPv4Prefix } from '../ip/prefix';
import { normalizeHostName } from '../rir/hostname';

/** One day, the CLI's default (CLI.md `scope add`). */
export const DEFAULT_LEASE_S = 86_400;
/** RFC 2131 §3.3: 0xffffffff means an infinite lease; anything shorter is a time in seconds. */
export const MAX_LEASE_S = 0xfffffffe;
/** A range needs the network, one address for it and the broadcast: /30 is the longest block. */
export const SCOPE_MAX_LENGTH = 30;

export interface ScopeSpec {
  block: IPv4Prefix;
  first: number;
  last: number;
  leaseS: number;
  router: number | null;
  dns: number[];
  domain: string | null;
}

/** Addresses in a dynamic range: the limit a scope's leases are counted against. */
export function scopeSize(first: number, last: number): number {
  return last - first + 1;
}

function ipv4(text: string, field: string): number {
  const v = parseIPv4(text.trim());
  if (v === null) throw invalid(field, `"${text}" is not an IPv4 address`);
  return v;
}

/** `FIRST-LAST` (spaces allowed around the dash) → two addresses, refused when reversed. */
export function parseRange(text: string, field = 'range'): { first: number; last: number } {
  const m = /^\s*([^\s-]+)\s*-\s*([^\s-]+)\s*$/.exec(text);
  if (!m) throw invalid(field, `"${text}" must be FIRST-LAST (two IPv4 addresses, e.g. 192.0.2.100-192.0.2.199)`);
  const first = ipv4(m[1]!, field);
  const last = ipv4(m[2]!, field);
  if (first > last) throw invalid(field, `${m[1]}-${m[2]} is reversed: the first address comes after the last`);
  return { first, last };
}

export function parseLeaseS(value: number | undefined, field = 'leaseS'): number {
  if (value === undefined) return DEFAULT_LEASE_S;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LEASE_S)
    throw invalid(field, `${value} is not a lease time: a whole number of seconds from 1 to ${MAX_LEASE_S}`);
  return value;
}

export function parseDnsServers(list: readonly string[] | undefined, field = 'dns'): number[] {
  return (list ?? [])
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => ipv4(s, field));
}

export function parseDomain(text: string | undefined, field = 'domain'): string | null {
  if (text === undefined || text.trim() === '') return null;
  return normalizeHostName(text, field);
}

/** What a range and router are checked against. */
export interface ScopeContext {
  /** Fixed hosts of the block: address and name. */
  hosts: readonly { value: number; name: string }[];
}

/**
 * Refuses a scope that a DHCP server would refuse or that would lease an address in use: the
 * block must be IPv4 and /30 or shorter; the range inside it, not on its network or broadcast
 * address, not on the router, not over any fixed host; the router inside the block and not its
 * network or broadcast address.
 */
export function checkScope(s: ScopeSpec, ctx: ScopeContext): void {
  const b = s.block;
  const net = b.start;
  const bc = prefixEnd(b);
  const cidr = formatPrefix(b);
  if (b.length > SCOPE_MAX_LENGTH)
    throw invalid(
      'prefix',
      `${cidr} is too small for a DHCP scope: a /${b.length} has no address between its network and broadcast addresses to lease (/30 at most)`,
    );
  const range = `${formatIPv4(s.first)}-${formatIPv4(s.last)}`;
  if (s.first < net || s.last > bc) throw invalid('range', `${range} is not inside ${cidr} (${formatIPv4(net)}–${formatIPv4(bc)})`);
  if (s.first === net) throw invalid('range', `${range} starts on the network address of ${cidr}; start at ${formatIPv4(net + 1)} or later`);
  if (s.last === bc) throw invalid('range', `${range} ends on the broadcast address of ${cidr}; end at ${formatIPv4(bc - 1)} or earlier`);
  if (s.router !== null) {
    const r = formatIPv4(s.router);
    if (s.router < net || s.router > bc) throw invalid('router', `${r} is not inside ${cidr}`);
    if (s.router === net || s.router === bc) throw invalid('router', `${r} is the ${s.router === net ? 'network' : 'broadcast'} address of ${cidr}`);
    if (s.router >= s.first && s.router <= s.last) throw invalid('range', `${range} covers the router ${r}; leave the router out of the range`);
  }
  const host = ctx.hosts.find((h) => h.value >= s.first && h.value <= s.last);
  if (host) throw invalid('range', `${range} covers the fixed host ${host.name} (${formatIPv4(host.value)}); leave the fixed hosts out of the range`);
}
