/**
 * Builders for the objects the app drafts (specs/rir-requests.md §4.5), in template order.
 * They format and check keys; `validateRpslObject` checks the rest.
 */
import { invalid } from '../errors';
import { formatIPv4, formatPrefix, parsePrefix, prefixEnd, type Prefix } from '../ip/prefix';
import { rpslObject, type RpslObject } from './rpsl-object';
import { checkAsNumber, checkAsSetName } from './rpsl-syntax';

export interface Contacts {
  readonly adminC: string;
  readonly techC: string;
  readonly mntBy: string;
  readonly source?: string;
}

function asPrefix(p: Prefix | string, family: 4 | 6, field: string): Prefix {
  const prefix = typeof p === 'string' ? parsePrefix(p, field) : p;
  if (prefix.family !== family) throw invalid(field, `${formatPrefix(prefix)} is not an IPv${family} prefix`);
  return prefix;
}

/**
 * The aut-num key of an AS still to be assigned, as the RIPE NCC's AS number request template
 * wrote it (the RIR replaces it with the number it assigns). Accepted only in request drafts.
 */
export const NEW_ASN = 'ASNEW';

function asn(value: number | string, field: string): string {
  const text = typeof value === 'number' ? `AS${value}` : value.toUpperCase();
  if (text === NEW_ASN && field === 'asn') return text;
  const problem = checkAsNumber(text);
  if (problem) throw invalid(field, problem);
  return text;
}

/** `198.51.100.0/24` → `198.51.100.0 - 198.51.100.255`. */
export function inetnumRange(p: Prefix | string): string {
  const prefix = asPrefix(p, 4, 'inetnum');
  return `${formatIPv4(prefix.start as number)} - ${formatIPv4(prefixEnd(prefix) as number)}`;
}

export interface InetnumInput extends Contacts {
  readonly prefix: Prefix | string;
  readonly netname: string;
  readonly descr?: string | readonly string[];
  readonly country: string;
  readonly status: string;
  readonly org?: string;
  readonly abuseC?: string;
  readonly assignmentSize?: number;
  readonly mntLower?: string;
  readonly mntRoutes?: string;
  readonly mntDomains?: string;
  readonly mntIrt?: string;
  readonly remarks?: readonly string[];
}

/** inetnum (IPv4) or inet6num (IPv6) by the prefix's family. */
export function inetnumObject(i: InetnumInput): RpslObject {
  const p = typeof i.prefix === 'string' ? parsePrefix(i.prefix, 'prefix') : i.prefix;
  return rpslObject([
    p.family === 4 ? ['inetnum', inetnumRange(p)] : ['inet6num', formatPrefix(p)],
    ['netname', i.netname],
    ['descr', i.descr],
    ['country', i.country.toUpperCase()],
    ['org', i.org],
    ['admin-c', i.adminC],
    ['tech-c', i.techC],
    ['abuse-c', i.abuseC],
    ['status', i.status],
    ['assignment-size', i.assignmentSize === undefined ? undefined : String(i.assignmentSize)],
    ['remarks', i.remarks],
    ['mnt-by', i.mntBy],
    ['mnt-lower', i.mntLower],
    ['mnt-domains', i.mntDomains],
    ['mnt-routes', i.mntRoutes],
    ['mnt-irt', i.mntIrt],
    ['source', i.source ?? 'RIPE'],
  ]);
}

export interface RouteInput {
  readonly prefix: Prefix | string;
  readonly origin: number | string;
  readonly descr?: string | readonly string[];
  readonly memberOf?: readonly string[];
  /** ARIN's IRR: the POC handles (mandatory there). */
  readonly adminC?: string;
  readonly techC?: string;
  readonly mntBy: string;
  readonly source?: string;
}

/** route (IPv4) or route6 (IPv6) by the prefix's family. */
export function routeObject(i: RouteInput): RpslObject {
  const p = typeof i.prefix === 'string' ? parsePrefix(i.prefix, 'prefix') : i.prefix;
  return rpslObject([
    [p.family === 4 ? 'route' : 'route6', formatPrefix(p)],
    ['descr', i.descr],
    ['origin', asn(i.origin, 'origin')],
    ['member-of', i.memberOf],
    ['admin-c', i.adminC],
    ['tech-c', i.techC],
    ['mnt-by', i.mntBy],
    ['source', i.source ?? 'RIPE'],
  ]);
}

export interface AutNumNeighbour {
  readonly asn: number | string;
  /** What we accept from it (default `ANY` for an upstream). */
  readonly accept?: string;
  /** Whether to add `mp-import`/`mp-export` for IPv6 unicast. */
  readonly ipv6?: boolean;
}

export interface AutNumInput extends Contacts {
  readonly asn: number | string;
  readonly asName: string;
  readonly descr?: string | readonly string[];
  /** What we announce to every neighbour (our as-set or ASN). */
  readonly announce: string;
  readonly neighbours: readonly AutNumNeighbour[];
  readonly org?: string;
  readonly remarks?: readonly string[];
}

/** aut-num with one import and one export per neighbour (RIPE requires it to show multihoming). */
export function autNumObject(i: AutNumInput): RpslObject {
  const peers = i.neighbours.map((n, k) => ({ ...n, as: asn(n.asn, `neighbours[${k}].asn`) }));
  return rpslObject([
    ['aut-num', asn(i.asn, 'asn')],
    ['as-name', i.asName],
    ['descr', i.descr],
    ['import', peers.map((n) => `from ${n.as} accept ${n.accept ?? 'ANY'}`)],
    ['export', peers.map((n) => `to ${n.as} announce ${i.announce}`)],
    ['mp-import', peers.filter((n) => n.ipv6).map((n) => `afi ipv6.unicast from ${n.as} accept ${n.accept ?? 'ANY'}`)],
    ['mp-export', peers.filter((n) => n.ipv6).map((n) => `afi ipv6.unicast to ${n.as} announce ${i.announce}`)],
    ['org', i.org],
    ['remarks', i.remarks],
    ['admin-c', i.adminC],
    ['tech-c', i.techC],
    ['mnt-by', i.mntBy],
    ['source', i.source ?? 'RIPE'],
  ]);
}

export interface AsSetInput extends Contacts {
  readonly name: string;
  readonly members: readonly string[];
  readonly descr?: string | readonly string[];
  /** RIPE refuses new non-hierarchical names (CHK-30); default true. */
  readonly requireHierarchical?: boolean;
}

export function asSetObject(i: AsSetInput): RpslObject {
  const problem = checkAsSetName(i.name, i.requireHierarchical ?? true);
  if (problem) throw invalid('as-set', problem);
  return rpslObject([
    ['as-set', i.name],
    ['descr', i.descr],
    ['members', i.members.length > 0 ? i.members.join(', ') : undefined],
    ['tech-c', i.techC],
    ['admin-c', i.adminC],
    ['mnt-by', i.mntBy],
    ['source', i.source ?? 'RIPE'],
  ]);
}

export interface MntnerInput {
  readonly name: string;
  readonly adminC: string;
  readonly updTo: string;
  readonly auth: readonly string[];
  readonly descr?: string | readonly string[];
  readonly source?: string;
}

/** A maintainer that maintains itself. */
export function mntnerObject(i: MntnerInput): RpslObject {
  return rpslObject([
    ['mntner', i.name],
    ['descr', i.descr],
    ['admin-c', i.adminC],
    ['upd-to', i.updTo],
    ['auth', i.auth],
    ['mnt-by', i.name],
    ['source', i.source ?? 'RIPE'],
  ]);
}

export interface RoleInput {
  readonly role: string;
  readonly address: readonly string[];
  readonly email: string;
  readonly abuseMailbox?: string;
  readonly phone?: string;
  readonly nicHdl?: string;
  readonly mntBy: string;
  readonly source?: string;
}

export function roleObject(i: RoleInput): RpslObject {
  return rpslObject([
    ['role', i.role],
    ['address', i.address],
    ['phone', i.phone],
    ['e-mail', i.email],
    ['nic-hdl', i.nicHdl ?? 'AUTO-1'],
    ['abuse-mailbox', i.abuseMailbox],
    ['mnt-by', i.mntBy],
    ['source', i.source ?? 'RIPE'],
  ]);
}
