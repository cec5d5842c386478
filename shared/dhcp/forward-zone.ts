/**
 * A forward zone file (`headroom export --format zone --zone NAME`, docs/dhcp-dns.md §3): SOA,
 * NS, and an A or AAAA record for every fixed host whose name is the zone or lies under it
 * (RFC 1035 §5 master-file format). A name server inside the zone needs an address record in
 * it (glue, RFC 1034 §4.2.1): from a host of that name, or from `NAME=IP` in the list; without
 * one the zone is refused naming `ns`, as `named-checkzone` would refuse it.
 */
import { invalid } from '../errors';
import { formatAddress, parseAddress, type Address } from '../ip/prefix';
import { emailToRname, normalizeNameServers } from '../rir/bind-zone';
import { isInZone, normalizeHostName } from '../rir/hostname';

export interface ZoneHost {
  name: string;
  ip: string;
}

export interface ForwardZoneOptions {
  zone: string;
  /** `NAME` or `NAME=IP`; at least two distinct (RFC 1034 §4.1). */
  nameServers: readonly string[];
  serial: number;
  hostmaster?: string;
  ttlS?: number;
}

export interface ForwardZone {
  zone: string;
  text: string;
  /** Address records written. */
  records: number;
}

function owner(name: string, zone: string): string {
  return name === zone ? '@' : name.slice(0, name.length - zone.length - 1);
}

export function renderForwardZone(hosts: readonly ZoneHost[], options: ForwardZoneOptions): ForwardZone {
  const zone = normalizeHostName(options.zone, 'zone');
  const glue = new Map<string, Address[]>();
  const names = options.nameServers.map((spec, i) => {
    const eq = spec.indexOf('=');
    if (eq < 0) return spec;
    const name = normalizeHostName(spec.slice(0, eq), `ns[${i}]`);
    glue.set(name, [...(glue.get(name) ?? []), parseAddress(spec.slice(eq + 1).trim(), 'ns')]);
    return name;
  });
  const ns = normalizeNameServers(names, 'ns');
  const records = new Map<string, { name: string; a: Address }>();
  for (const h of hosts) {
    const name = normalizeHostName(h.name, 'name');
    if (!isInZone(name, zone)) continue;
    const a = parseAddress(h.ip, 'ip');
    records.set(`${name} ${formatAddress(a)}`, { name, a });
  }
  for (const [name, addrs] of glue) {
    if (!isInZone(name, zone)) continue;
    for (const a of addrs) records.set(`${name} ${formatAddress(a)}`, { name, a });
  }
  const withAddress = new Set([...records.values()].map((r) => r.name));
  for (const n of ns) {
    if (isInZone(n, zone) && !withAddress.has(n)) {
      throw invalid('ns', `${n} lies inside ${zone} but has no address in it: record it as a host, give it as ${n}=IP, or use a name server outside the zone`);
    }
  }
  const rname = emailToRname(options.hostmaster ?? `hostmaster@${zone}`);
  const ttl = options.ttlS ?? 3600;
  const sorted = [...records.values()].sort((x, y) =>
    x.name === y.name ? x.a.family - y.a.family || (x.a.value < y.a.value ? -1 : x.a.value > y.a.value ? 1 : 0) : x.name < y.name ? -1 : 1,
  );
  const lines = [
    `$ORIGIN ${zone}.`,
    `$TTL ${ttl}`,
    `@\tIN\tSOA\t${ns[0]}. ${rname} ( ${options.serial} 7200 3600 1209600 3600 )`,
    ...ns.map((n) => `@\tIN\tNS\t${n}.`),
    ...sorted.map((r) => `${owner(r.name, zone)}\tIN\t${r.a.family === 4 ? 'A' : 'AAAA'}\t${formatAddress(r.a)}`),
  ];
  return { zone, text: `${lines.join('\n')}\n`, records: sorted.length };
}
