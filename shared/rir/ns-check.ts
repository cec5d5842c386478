/**
 * The guide's advice that name servers sit on different networks (RFC 2182 §3.1: "secondary
 * servers must be placed at both topologically and geographically dispersed locations"; the
 * `ns-check` command of CLI.md, docs/rir.md §10). Pure: the caller gives each server's address,
 * the registry block it falls in and its origin AS, when known.
 */
import { invalid } from '../errors';
import { formatPrefix, ipv4Network, ipv6Network, parseAddress, type Address } from '../ip/prefix';
import { normalizeHostName } from './hostname';

export interface NameServer {
  readonly name: string;
  readonly address: Address;
  readonly text: string;
}

export interface NameServerPlace {
  /** The most specific recorded block holding the address, or null. */
  readonly block: string | null;
  /** The AS that originates that space, or null when not known (outside our space). */
  readonly originAsn: number | null;
}

/** `ns1.example.net=192.0.2.53` → the server; the address is required. */
export function parseNameServerSpec(spec: string, field = 'ns'): NameServer {
  const eq = spec.indexOf('=');
  if (eq < 0) throw invalid(field, `"${spec}" must be NAME=IP (the name server and its address)`);
  const name = normalizeHostName(spec.slice(0, eq), field);
  const text = spec.slice(eq + 1).trim();
  return { name, address: parseAddress(text, field), text };
}

const networkOf = (a: Address): string =>
  a.family === 4
    ? formatPrefix({ family: 4, start: ipv4Network(a.value, 24), length: 24 })
    : formatPrefix({ family: 6, start: ipv6Network(a.value, 48), length: 48 });

/** Problems when all servers share one network; [] when they are spread (or fewer than two). */
export function nameServerNetworkProblems(servers: readonly NameServer[], places: readonly NameServerPlace[]): string[] {
  const distinct = new Set(servers.map((s) => s.name));
  if (distinct.size < 2) return [`only ${distinct.size} distinct name server${distinct.size === 1 ? '' : 's'}: at least two are required (RFC 1034 §4.1)`];
  const problems: string[] = [];
  const names = servers.map((s) => s.name).join(', ');
  const nets = new Set(servers.map((s) => networkOf(s.address)));
  if (nets.size === 1) {
    const net = [...nets][0]!;
    problems.push(
      `${names} all sit in one ${net.endsWith('/24') ? 'IPv4 /24' : 'IPv6 /48'} (${net}): one outage or one route takes them all; put a secondary on another network (RFC 2182 §3.1)`,
    );
  }
  const blocks = new Set(places.map((p) => p.block));
  if (blocks.size === 1 && places[0]?.block) {
    problems.push(`${names} all sit in one recorded block (${places[0].block}): put a secondary outside it (RFC 2182 §3.1)`);
  }
  const origins = new Set(places.map((p) => p.originAsn));
  if (origins.size === 1 && places[0]?.originAsn != null) {
    problems.push(`${names} are all reached through one origin AS (AS${places[0].originAsn}): put a secondary on another AS's network (RFC 2182 §3.1)`);
  }
  return problems;
}

/** The host names of a name-server list whose entries may be `NAME` or `NAME=IP`. */
export function nameServerNames(list: readonly string[]): string[] {
  return list.map((s) => (s.includes('=') ? s.slice(0, s.indexOf('=')) : s).trim()).filter((s) => s !== '');
}

/** The `NAME=IP` entries of a list (the ones that can be checked for networks). */
export function nameServersWithAddresses(list: readonly string[], field = 'ns'): NameServer[] {
  return list.filter((s) => s.includes('=')).map((s, i) => parseNameServerSpec(s, `${field}[${i}]`));
}
