/**
 * BIND zone files for reverse zones (specs/rir-requests.md §5, CLI `rdns --format bind`).
 * Each file is complete on its own: `$ORIGIN <zone>.`, `$TTL`, SOA, at least two NS, then PTR
 * records (or, for the parent of an RFC 2317 child, the delegation and one CNAME per address),
 * so `named-checkzone <zone> <file>` loads it.
 */
import { invalid } from '../errors';
import { parseAddress, prefixContains, type Address, type Prefix } from '../ip/prefix';
import { isInZone, normalizeHostName } from './hostname';
import { ptrOwnerName, reverseZones, type ReverseZone } from './reverse-zones';

export interface PtrInput {
  /** The address (text) whose name this is. */
  readonly address: string;
  /** The host name it points to. */
  readonly name: string;
}

export interface BindZoneOptions {
  /** Name servers of every zone; at least two (RFC 1034 §4.1). Refused naming `ns`. */
  readonly nameServers: readonly string[];
  /** Contact e-mail for the SOA RNAME; default `hostmaster@<domain of the first name server>`. */
  readonly hostmaster?: string;
  readonly serial?: number;
  readonly ttlS?: number;
  readonly refreshS?: number;
  readonly retryS?: number;
  readonly expireS?: number;
  readonly negativeTtlS?: number;
  readonly ptr?: readonly PtrInput[];
  /**
   * Sub-/24 blocks delegated from a /24 zone of ours (RFC 2317 §4): the /24 zone carries their
   * NS records and a CNAME per address, and no PTR inside them.
   */
  readonly delegations?: readonly ReverseZone[];
}

export type BindZoneRole = 'reverse' | 'rfc2317-child' | 'rfc2317-parent';

export interface BindZoneFile {
  /** Zone name without the trailing dot (what `named-checkzone` is given). */
  readonly zone: string;
  readonly role: BindZoneRole;
  /** A file name for it: `db.<zone>` with `/` replaced by `-`. */
  readonly fileName: string;
  readonly text: string;
}

interface Soa {
  ns: string[];
  rname: string;
  serial: number;
  ttl: number;
  refresh: number;
  retry: number;
  expire: number;
  negative: number;
}

function checkSeconds(v: number | undefined, dflt: number, field: string): number {
  const value = v ?? dflt;
  if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    throw invalid(field, `must be a whole number of seconds from 0 to 2147483647 (got ${value})`);
  }
  return value;
}

/** `noc.ops@example.net` → `noc\.ops.example.net.` (RFC 1035 §8 mailbox encoding). */
export function emailToRname(email: string, field = 'hostmaster'): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) throw invalid(field, `"${email}" is not an e-mail address`);
  const local = email.slice(0, at);
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) throw invalid(field, `"${email}" has an unusable local part`);
  const domain = normalizeHostName(email.slice(at + 1), field);
  return `${local.replace(/\./g, '\\.')}.${domain}.`;
}

function soaFor(options: BindZoneOptions): Soa {
  const ns = normalizeNameServers(options.nameServers);
  const firstNs = ns[0]!;
  const defaultDomain = firstNs.split('.').length > 2 ? firstNs.slice(firstNs.indexOf('.') + 1) : firstNs;
  const rname = emailToRname(options.hostmaster ?? `hostmaster@${defaultDomain}`);
  const serial = options.serial ?? 1;
  if (!Number.isInteger(serial) || serial < 0 || serial > 4_294_967_295) {
    throw invalid('serial', `must be a whole number from 0 to 4294967295 (got ${serial})`);
  }
  return {
    ns,
    rname,
    serial,
    ttl: checkSeconds(options.ttlS, 3600, 'ttlS'),
    refresh: checkSeconds(options.refreshS, 7200, 'refreshS'),
    retry: checkSeconds(options.retryS, 3600, 'retryS'),
    expire: checkSeconds(options.expireS, 1_209_600, 'expireS'),
    negative: checkSeconds(options.negativeTtlS, 3600, 'negativeTtlS'),
  };
}

/** Checks and normalises the name-server list: two or more distinct host names. */
export function normalizeNameServers(nameServers: readonly string[], field = 'ns'): string[] {
  const names = nameServers.map((n, i) => normalizeHostName(n, `${field}[${i}]`));
  const distinct = [...new Set(names)];
  if (distinct.length < 2) {
    throw invalid(field, `at least two distinct name servers are required (RFC 1034 §4.1), got ${distinct.length}`);
  }
  return distinct;
}

function header(zone: string, soa: Soa): string[] {
  return [
    `$ORIGIN ${zone}.`,
    `$TTL ${soa.ttl}`,
    `@\tIN\tSOA\t${soa.ns[0]}. ${soa.rname} ( ${soa.serial} ${soa.refresh} ${soa.retry} ${soa.expire} ${soa.negative} )`,
    ...soa.ns.map((n) => `@\tIN\tNS\t${n}.`),
  ];
}

function fileNameOf(zone: string): string {
  return `db.${zone.replace(/\//g, '-')}`;
}

function relativeOwner(zone: ReverseZone, a: Address): string {
  if (zone.kind === 'rfc2317') return String((a.value as number) & 255);
  const abs = ptrOwnerName(a);
  return abs.slice(0, abs.length - zone.name.length - 1);
}

function addressPrefix(a: Address): Prefix {
  return a.family === 4 ? { family: 4, start: a.value, length: 32 } : { family: 6, start: a.value, length: 128 };
}

/** One zone file for one reverse zone, with the PTR records that fall inside it. */
export function renderBindZone(zone: ReverseZone, options: BindZoneOptions): string {
  const soa = soaFor(options);
  for (const n of soa.ns) {
    // A server inside the reverse zone would need glue address records, which a reverse zone cannot hold.
    if (isInZone(n, zone.name)) throw invalid('ns', `name server ${n} lies inside ${zone.name}; use a server outside the zone`);
  }
  const lines = header(zone.name, soa);
  const delegated = (options.delegations ?? []).filter((d) => d.kind === 'rfc2317' && d.parentZone === zone.name);
  for (const d of delegated) lines.push(...delegationLines(d, soa));
  const seen = new Set<string>();
  (options.ptr ?? []).forEach((rec, i) => {
    const a = parseAddress(rec.address, `ptr[${i}].address`);
    if (!prefixContains(zone.prefix, addressPrefix(a))) return;
    if (delegated.some((d) => prefixContains(d.prefix, addressPrefix(a)))) return;
    const target = normalizeHostName(rec.name, `ptr[${i}].name`);
    const owner = relativeOwner(zone, a);
    const key = `${owner} ${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    lines.push(`${owner}\tIN\tPTR\t${target}.`);
  });
  return lines.join('\n') + '\n';
}

/** NS records for the child zone and one CNAME per address, relative to the parent /24 zone. */
function delegationLines(zone: ReverseZone, soa: Soa): string[] {
  const parent = zone.parentZone!;
  const childLabel = zone.name.slice(0, zone.name.length - parent.length - 1);
  return [
    ...soa.ns.map((n) => `${childLabel}\tIN\tNS\t${n}.`),
    ...(zone.cnames ?? []).map((c) => `${c.owner.slice(0, c.owner.length - parent.length - 1)}\tIN\tCNAME\t${c.target}.`),
  ];
}

/** The parent /24 zone's part of an RFC 2317 delegation: NS for the child and a CNAME per address. */
export function renderRfc2317ParentZone(zone: ReverseZone, options: BindZoneOptions): string {
  if (zone.kind !== 'rfc2317' || !zone.parentZone || !zone.cnames) {
    throw invalid('prefix', `${zone.name} is not an RFC 2317 classless zone`);
  }
  const soa = soaFor(options);
  const lines = header(zone.parentZone, soa);
  const childLabel = zone.name.slice(0, zone.name.length - zone.parentZone.length - 1);
  for (const n of soa.ns) lines.push(`${childLabel}\tIN\tNS\t${n}.`);
  for (const c of zone.cnames) {
    const owner = c.owner.slice(0, c.owner.length - zone.parentZone.length - 1);
    lines.push(`${owner}\tIN\tCNAME\t${c.target}.`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Every zone file a block needs: one per reverse zone; for a block longer than /24 the
 * RFC 2317 child zone and the CNAME part of its parent /24. Every PTR must lie in the block.
 */
export function renderBindZones(prefix: Prefix | string, options: BindZoneOptions): BindZoneFile[] {
  soaFor(options); // refuse a bad name-server list before anything else
  const zones = reverseZones(prefix);
  (options.ptr ?? []).forEach((rec, i) => {
    const a = parseAddress(rec.address, `ptr[${i}].address`);
    if (!zones.some((z) => prefixContains(z.prefix, addressPrefix(a)))) {
      throw invalid(`ptr[${i}].address`, `${rec.address} is outside the block`);
    }
  });
  const files: BindZoneFile[] = [];
  for (const zone of zones) {
    const text = renderBindZone(zone, options);
    if (zone.kind === 'rfc2317') {
      files.push({ zone: zone.name, role: 'rfc2317-child', fileName: fileNameOf(zone.name), text });
      const parent = zone.parentZone!;
      files.push({ zone: parent, role: 'rfc2317-parent', fileName: fileNameOf(parent), text: renderRfc2317ParentZone(zone, options) });
    } else {
      files.push({ zone: zone.name, role: 'reverse', fileName: fileNameOf(zone.name), text });
    }
  }
  return files;
}
