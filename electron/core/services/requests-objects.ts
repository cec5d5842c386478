/**
 * RPSL objects for a block or an ASN of the workspace (specs/rir-requests.md §4) and its
 * reverse-DNS zones (§5), with the organisation's handles and maintainer from Settings.
 * A refusal names the field and the rule it enforces (CHK-02 host bits, CHK-30 as-set name,
 * CHK-32 name servers, CHK-33 DS records).
 */
import type { PrefixRow, ReverseResult, RpslResult, ZoneFileView } from '../../../shared/contract';
import { parseAsn } from '../../../shared/asn/asn';
import { HeadroomError, invalid } from '../../../shared/errors';
import { parsePrefix, prefixContains, type Prefix } from '../../../shared/ip/prefix';
import { renderBindZones, normalizeNameServers } from '../../../shared/rir/bind-zone';
import { domainObjects } from '../../../shared/rir/domain-object';
import { SPECIAL_USE_PREFIXES } from '../../../shared/rir/policy-checks-address';
import type { Rir } from '../../../shared/rir/rir';
import { asSetObject, autNumObject, inetnumObject, routeObject } from '../../../shared/rir/rpsl-build';
import type { RpslObject } from '../../../shared/rir/rpsl-object';
import { checkAsSetName } from '../../../shared/rir/rpsl-syntax';
import { renderRpslObjects } from '../../../shared/rir/rpsl-text';
import { validateRpslObject } from '../../../shared/rir/rpsl-validate';
import type { Workspace } from '../workspace/workspace';
import { asName, ownAsnOf, PLACEHOLDER } from './requests-draft';
import { contactFor, readOrganisation } from './requests-settings';
import { DEFAULT_SPACE, listPrefixes, todayUtc } from './registry';
import { routesWithin } from './routing';

/** Runs `fn`; an `invalid` refusal gets the rule it enforces appended, keeping its field. */
export function withRule<T>(rule: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HeadroomError && e.code === 'invalid' && !e.message.includes(`(${rule})`)) {
      throw new HeadroomError('invalid', `${e.message} (${rule})`, e.field);
    }
    throw e;
  }
}

const parseBlock = (text: string, field = 'prefix'): Prefix => withRule('CHK-02', () => parsePrefix(text, field));

function specialUse(p: Prefix): string | null {
  for (const t of SPECIAL_USE_PREFIXES) {
    const s = parsePrefix(t);
    if (s.family === p.family && (prefixContains(s, p) || prefixContains(p, s))) return t;
  }
  return null;
}

/** The status an LIR registers for a block of this registry status, per RIR (§4.4). */
export function rpslStatus(rir: Rir, family: 4 | 6, status: PrefixRow['status'], isTop: boolean): string {
  if (rir === 'apnic') return status === 'aggregate' ? 'ALLOCATED PORTABLE' : status === 'assigned' ? 'ASSIGNED NON-PORTABLE' : 'ALLOCATED NON-PORTABLE';
  if (family === 4) {
    if (status === 'aggregate') return isTop ? 'ALLOCATED PA' : 'SUB-ALLOCATED PA';
    if (status === 'allocated') return 'SUB-ALLOCATED PA';
    if (status === 'reserved') return 'LIR-PARTITIONED PA';
    return 'ASSIGNED PA';
  }
  if (status === 'aggregate') return isTop ? 'ALLOCATED-BY-RIR' : 'ALLOCATED-BY-LIR';
  if (status === 'allocated') return 'AGGREGATED-BY-LIR';
  if (status === 'reserved') return 'ALLOCATED-BY-LIR';
  return 'ASSIGNED';
}

/** `Residential /56 pool` → `RESIDENTIAL-56-POOL`: a netname RIPE accepts. */
export function netnameOf(description: string, fallback: string): string {
  const base = description.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  if (/^[A-Z]/.test(base)) return base;
  return `NET-${base || fallback}`.replace(/[^A-Z0-9-]+/gi, '-').replace(/-+$/, '').toUpperCase();
}

function contactsOf(ws: Workspace, rir: Rir, warnings: string[]) {
  const org = readOrganisation(ws);
  const admin = contactFor(org, 'admin');
  const tech = contactFor(org, 'tech');
  if (!org.mntner) warnings.push(`no maintainer in Settings: mnt-by is the placeholder ${PLACEHOLDER.mntner}`);
  if (!admin?.handle || !tech?.handle) warnings.push(`no NIC handle for the admin/tech contact in Settings: ${PLACEHOLDER.handle} is used`);
  return {
    org,
    contacts: { adminC: admin?.handle || PLACEHOLDER.handle, techC: tech?.handle || PLACEHOLDER.handle, mntBy: org.mntner || PLACEHOLDER.mntner, source: rir.toUpperCase() },
  };
}

function finish(objects: RpslObject[], rir: Rir, warnings: string[]): RpslResult {
  for (const o of objects) {
    for (const p of validateRpslObject(o, { rir, isNew: true })) {
      warnings.push(`${o.attributes[0]!.name} ${o.attributes[0]!.value}: ${p.attribute}: ${p.confirmed ? '' : 'verify with the RIR: '}${p.message} (CHK-28)`);
    }
  }
  return { objects, text: renderRpslObjects(objects), warnings };
}

export function rpslFor(ws: Workspace, input: { resource: string; rir?: Rir | undefined; asSet?: string | undefined }): RpslResult {
  const rir = input.rir ?? 'ripe';
  const warnings: string[] = [];
  const { org, contacts } = contactsOf(ws, rir, warnings);
  const own = ownAsnOf(org);
  const text = input.resource.trim();
  if (/^(as)?\d+(\.\d+)?$/i.test(text)) {
    const asn = parseAsn(text.replace(/^as/i, ''), 'asn');
    const announce = input.asSet ?? `AS${asn}`;
    if (input.asSet !== undefined) {
      const problem = checkAsSetName(input.asSet, rir === 'ripe');
      if (problem) throw invalid('as-set', `${problem} (${rir === 'ripe' ? 'CHK-30' : 'CHK-28'})`);
    }
    const neighbours = org.neighbours.filter((n) => n.asn !== asn && (n.relation === 'upstream' || n.relation === 'peer'));
    if (asn !== own) warnings.push(`AS${asn} is not marked as ours in Settings → Neighbours; its aut-num lists our neighbours`);
    if (neighbours.length === 0) warnings.push('no upstream or peer in Settings → Neighbours: the aut-num has no import/export');
    const hasV6 = listPrefixes(ws, { space: DEFAULT_SPACE }).rows.some((r) => r.family === 6 && r.status === 'aggregate');
    const objects = [
      autNumObject({ ...contacts, asn, asName: asName(org), descr: org.legalName || undefined, announce, neighbours: neighbours.map((n) => ({ asn: n.asn, ipv6: hasV6 })) }),
      ...(input.asSet !== undefined ? [asSetObject({ ...contacts, name: input.asSet, members: [`AS${asn}`], requireHierarchical: rir === 'ripe' })] : []),
    ];
    return finish(objects, rir, warnings);
  }
  const p = parseBlock(text, 'prefix');
  const rows = listPrefixes(ws, { space: DEFAULT_SPACE, within: text }).rows;
  const row = rows.find((r) => r.length === p.length && parsePrefix(r.prefix).start === p.start);
  if (!row) throw new HeadroomError('not-found', `prefix: ${text} is not in the registry; add it first`, 'prefix');
  const special = specialUse(p);
  if (special) warnings.push(`${row.prefix} is in documentation or special-use space ${special}: fine for an example, refused in a real draft (CHK-03)`);
  const all = listPrefixes(ws, { space: DEFAULT_SPACE }).rows;
  const parents = all.filter((r) => r.family === p.family && r.length < p.length && prefixContains(parsePrefix(r.prefix), p));
  const status = rpslStatus(rir, p.family, row.status, parents.length === 0);
  const objects: RpslObject[] = [];
  if (rir === 'arin') warnings.push('ARIN keeps networks in its own records, not RPSL: only the route object is drafted');
  else {
    objects.push(
      inetnumObject({
        ...contacts,
        prefix: p,
        netname: netnameOf(row.description, row.prefix),
        ...(row.description ? { descr: row.description } : {}),
        country: org.country || 'ZZ',
        status,
        ...(org.orgHandle ? { org: org.orgHandle } : {}),
        ...(status === 'AGGREGATED-BY-LIR' ? { assignmentSize: row.unit ?? 56 } : {}),
        ...(row.status === 'aggregate' ? { mntLower: contacts.mntBy, mntRoutes: contacts.mntBy, mntDomains: contacts.mntBy } : {}),
      }),
    );
    if (!org.country) warnings.push('no country in Settings: country is ZZ');
  }
  if (row.status === 'aggregate' || rir === 'arin') {
    // The recorded routes inside the block are its route objects (issue 16); none: our own ASN as before.
    const recorded = routesWithin(ws, row.prefix);
    const routes = recorded.length > 0 ? recorded : own === undefined ? [] : [{ prefix: p, origin: own }];
    if (routes.length === 0) warnings.push('no ASN is marked as ours in Settings → Neighbours: no route object');
    for (const r of routes) objects.push(routeObject({ prefix: r.prefix, origin: r.origin, ...(row.description ? { descr: row.description } : {}), mntBy: contacts.mntBy, source: contacts.source }));
  }
  return finish(objects, rir, warnings);
}

/** YYYYMMDD01 for today: the usual zone serial. */
function serialFor(ws: Workspace): number {
  return Number(todayUtc(ws.now()).replace(/-/g, '')) * 100 + 1;
}

export function reverseFor(
  ws: Workspace,
  input: { prefix: string; ns: string[]; format: 'bind' | 'rpsl'; ds?: string[] | undefined; serial?: number | undefined },
): ReverseResult {
  const p = parseBlock(input.prefix, 'prefix');
  const warnings: string[] = [];
  const { org, contacts } = contactsOf(ws, 'ripe', input.format === 'rpsl' ? warnings : []);
  const ns = input.ns.length > 0 ? input.ns : org.nameServers;
  withRule('CHK-32', () => normalizeNameServers(ns, 'ns'));
  if (input.format === 'bind') {
    if (input.ds && input.ds.length > 0) warnings.push('DS records go to the parent (the RIR), not into the zone file: use --format rpsl');
    const files = withRule('CHK-32', () => renderBindZones(p, { nameServers: ns, serial: input.serial ?? serialFor(ws) }));
    const zones: ZoneFileView[] = files.map((f) => ({ zone: f.zone, role: f.role, fileName: f.fileName, text: f.text }));
    return { zones, text: zones.map((z) => z.text).join('\n'), warnings };
  }
  const ds = input.ds ?? [];
  const objects = (() => {
    try {
      return domainObjects(p, { ...contacts, zoneC: contacts.techC, nserver: ns, dsRdata: ds });
    } catch (e) {
      if (e instanceof HeadroomError && e.field?.startsWith('ds-rdata')) throw new HeadroomError('invalid', `${e.message} (CHK-33)`, e.field);
      if (e instanceof HeadroomError && (e.field === 'nserver' || e.field?.startsWith('nserver['))) throw new HeadroomError('invalid', `${e.message} (CHK-32)`, e.field);
      throw e;
    }
  })();
  const zones: ZoneFileView[] = objects.map((o) => ({ zone: o.attributes[0]!.value, role: 'domain', fileName: '', text: renderRpslObjects([o]) }));
  return { zones, text: renderRpslObjects(objects), warnings };
}
