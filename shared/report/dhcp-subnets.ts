/**
 * Which blocks of the plan become DHCPv4 subnets, and how each is laid out. Shared by the
 * ISC dhcpd.conf and Kea renderings so the two always agree.
 *
 * Convention: every IPv4 block with status `assigned` and a length of /30 or shorter (a /31
 * or /32 has no host to lease) is one subnet. Its first address is the network, its last
 * the broadcast; the router is network + 1; the pool is network + 2 … broadcast − 1. An
 * assigned block inside another assigned block is left out (the outer one holds it), so no
 * two subnets overlap, which both servers refuse.
 */
import { formatIPv4, parsePrefix, prefixContains, prefixEnd, type IPv4Prefix } from '../ip/prefix';

/** The fields of a registry row the DHCP exports read. */
export interface DhcpBlock {
  id: number;
  prefix: string;
  family: 4 | 6;
  length: number;
  status: string;
  description: string;
}

export interface DhcpSubnet {
  /** The registry row's id: stable across exports, so it is the Kea subnet id. */
  id: number;
  prefix: string;
  network: string;
  netmask: string;
  broadcast: string;
  router: string;
  poolFirst: string;
  poolLast: string;
  /** Addresses in the pool. */
  poolSize: number;
  /** The block's description on one line (control characters become spaces). */
  description: string;
}

/** The longest prefix that still has a host for the pool (network, router, one host, broadcast). */
export const DHCP_MAX_LENGTH = 30;

export const DHCP_CONVENTION =
  'every assigned IPv4 block of /30 or shorter is one subnet: router = network + 1, pool = network + 2 to broadcast - 1';

/** One line of plain text: newlines, tabs and other control characters become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

const netmaskOf = (length: number): number => (length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0);

/** The subnets of these blocks, ascending by address; blocks that do not qualify are skipped. */
export function dhcpSubnets(blocks: readonly DhcpBlock[]): DhcpSubnet[] {
  const candidates = blocks
    .filter((b) => b.family === 4 && b.status === 'assigned' && b.length <= DHCP_MAX_LENGTH)
    .map((b) => ({ block: b, p: parsePrefix(b.prefix) as IPv4Prefix }))
    .sort((a, b) => a.p.start - b.p.start || a.p.length - b.p.length);
  const out: DhcpSubnet[] = [];
  let outer: IPv4Prefix | null = null;
  for (const { block, p } of candidates) {
    if (outer && prefixContains(outer, p)) continue;
    outer = p;
    const last = prefixEnd(p);
    out.push({
      id: block.id,
      prefix: block.prefix,
      network: formatIPv4(p.start),
      netmask: formatIPv4(netmaskOf(p.length)),
      broadcast: formatIPv4(last),
      router: formatIPv4(p.start + 1),
      poolFirst: formatIPv4(p.start + 2),
      poolLast: formatIPv4(last - 1),
      poolSize: last - 1 - (p.start + 2) + 1,
      description: oneLine(block.description),
    });
  }
  return out;
}
