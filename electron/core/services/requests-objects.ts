/**
 * RPSL objects for a block or an ASN of the workspace (specs/rir-requests.md §4) and its
 * reverse-DNS zones (§5), with the organisation's handles and maintainer from Settings.
 * A refusal names the field and the rule it enforces (CHK-02 host bits, CHK-30 as-set name,
 * CHK-32 name servers, CHK-33 DS records).
 */
import type { NsCheckResult, PrefixRow, ReverseResult, RpslResult, ZoneFileView } from '../../../shared/contract';
import { parseAsn } from '../../../shared/asn/asn';
import { HeadroomError, invalid } from '../../../shared/errors';
import { formatPrefix, parsePrefix, prefixContains, type Prefix } from '../../../shared/ip/prefix';
import { renderBindZones, normalizeNameServers } from '../../../shared/rir/bind-zone';
import { domainObject } from '../../../shared/rir/domain-object';
import { reverseZones, type ReverseZone } from '../../../shared/rir/reverse-zones';
import { renderBindExport } from '../../../shared/report/bind-export';
import { lacnicAsSet, roaFor } from '../../../shared/rir/lacnic';
import { nameServerNames, nameServersWithAddresses, parseNameServerSpec } from '../../../shared/rir/ns-check';
import { nameServerProblemsIn } from './requests-plan';
import { SPECIAL_USE_PREFIXES } from '../../../shared/rir/policy-checks-address';
import { RIR_NAMES, rirOf, type Rir } from '../../../shared/rir/rir';
import { asSetObject, autNumObject, inetnumObject, routeObject } from '../../../shared/rir/rpsl-build';
import { rpslFreeText, type RpslObject } from '../../../shared/rir/rpsl-object';
import { checkAsSetName } from '../../../shared/rir/rpsl-syntax';
import { renderRpslObjects } from '../../../shared/rir/rpsl-text';
import { validateRpslObject } from '../../../shared/rir/rpsl-validate';
import type { Workspace } from '../workspace/workspace';
import { hostPtrs, withHostAddresses } from './hosts';
import { asName, ownAsnOf, rirContacts } from './requests-draft';
import { readOrganisation } from './requests-settings';
import { DEFAULT_SPACE, listPrefixes, listSpaces, todayUtc } from './registry';
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

/**
 * The block of the global table that RIR objects describe. One recorded only in another space
 * (a VRF, a lab) is named with its space: RIR objects are for the global table only.
 */
function globalBlock(ws: Workspace, text: string, p: Prefix): PrefixRow {
  const same = (r: PrefixRow) => r.length === p.length && parsePrefix(r.prefix).start === p.start;
  const row = listPrefixes(ws, { space: DEFAULT_SPACE, within: text }).rows.find(same);
  if (row) return row;
  const elsewhere = listSpaces(ws).find((s) => s !== DEFAULT_SPACE && listPrefixes(ws, { space: s, within: text }).rows.some(same));
  if (elsewhere !== undefined)
    throw new HeadroomError(
      'invalid',
      `${text} is recorded in the space "${elsewhere}", not in "${DEFAULT_SPACE}": RIR objects describe the global table only`,
      'prefix',
    );
  throw new HeadroomError('not-found', `${text} is not in the registry; add it first`, 'prefix');
}

function specialUse(p: Prefix): string | null {
  for (const t of SPECIAL_USE_PREFIXES) {
    const s = parsePrefix(t);
    if (s.family === p.family && (prefixContains(s, p) || prefixContains(p, s))) return t;
  }
  return null;
}

export interface StatusContext {
  /** The block is sub-allocated to another operator (Settings → sub-allocations). */
  subAllocated: boolean;
  /** Length of the assignments directly inside it, when they are all one size (else null). */
  uniformAssignmentLength: number | null;
}

/**
 * The status an LIR registers for a block of this registry status, per RIR (docs/rir.md §7);
 * null when the block needs no object of its own (a reservation).
 * RIPE IPv4 (ripe-822 §6, RIPE Database "inetnum status"): our own pools are LIR-PARTITIONED PA,
 * or AGGREGATED-BY-LIR when they hold same-size assignments; SUB-ALLOCATED PA only for a block
 * sub-allocated to another operator. RIPE IPv6 (ripe-738 / "inet6num status"): pools are
 * AGGREGATED-BY-LIR with their assignment size, a sub-allocation is ALLOCATED-BY-LIR.
 */
export function rpslStatus(
  rir: Rir,
  family: 4 | 6,
  status: PrefixRow['status'],
  isTop: boolean,
  ctx: StatusContext = { subAllocated: false, uniformAssignmentLength: null },
): string | null {
  if (status === 'reserved') return null;
  if (rir === 'apnic') return status === 'aggregate' ? 'ALLOCATED PORTABLE' : status === 'assigned' ? 'ASSIGNED NON-PORTABLE' : 'ALLOCATED NON-PORTABLE';
  if (family === 4) {
    if (status === 'aggregate' && isTop) return 'ALLOCATED PA';
    if (ctx.subAllocated) return 'SUB-ALLOCATED PA';
    if (status === 'assigned') return 'ASSIGNED PA';
    return ctx.uniformAssignmentLength !== null ? 'AGGREGATED-BY-LIR' : 'LIR-PARTITIONED PA';
  }
  if (status === 'aggregate' && isTop) return 'ALLOCATED-BY-RIR';
  if (ctx.subAllocated) return 'ALLOCATED-BY-LIR';
  if (status === 'assigned') return 'ASSIGNED';
  return 'AGGREGATED-BY-LIR';
}

/** `Residential /56 pool` → `RESIDENTIAL-56-POOL`: a netname RIPE accepts. */
export function netnameOf(description: string, fallback: string): string {
  const base = description
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (/^[A-Z]/.test(base)) return base;
  return `NET-${base || fallback}`
    .replace(/[^A-Z0-9-]+/gi, '-')
    .replace(/-+$/, '')
    .toUpperCase();
}

export function contactsOf(ws: Workspace, rir: Rir, warnings: string[]) {
  const org = readOrganisation(ws);
  return { org, contacts: rirContacts(org, rir, warnings) };
}

function finish(objects: RpslObject[], rir: Rir, warnings: string[]): RpslResult {
  for (const o of objects) {
    for (const p of validateRpslObject(o, { rir, isNew: true })) {
      warnings.push(`${o.attributes[0]!.name} ${o.attributes[0]!.value}: ${p.attribute}: ${p.confirmed ? '' : 'verify with the RIR: '}${p.message} (CHK-28)`);
    }
  }
  return { objects, text: renderRpslObjects(objects), warnings };
}

/**
 * The RIR whose database a resource's objects belong in: the RIR its block (or the aggregate
 * holding it) was recorded with; for an ASN or a block with no RIR, the RIPE NCC (CLI.md).
 */
function homeRir(ws: Workspace, resource: string): Rir | null {
  const text = resource.trim();
  if (/^(as)?\d+(\.\d+)?$/i.test(text)) return null;
  let p: Prefix;
  try {
    p = parsePrefix(text);
  } catch {
    return null;
  }
  const holders = listPrefixes(ws, { space: DEFAULT_SPACE })
    .rows.filter((r) => r.family === p.family && r.status === 'aggregate' && r.rir !== null && prefixContains(parsePrefix(r.prefix), p))
    .sort((a, b) => a.length - b.length);
  return rirOf(holders[0]?.rir);
}

export function rpslFor(ws: Workspace, input: { resource: string; rir?: Rir | undefined; asSet?: string | undefined }): RpslResult {
  const home = homeRir(ws, input.resource);
  // Default to the RIR the block was recorded with (a LACNIC block gives no `source: RIPE`).
  const rir = input.rir ?? home ?? 'ripe';
  const warnings: string[] = [];
  if (home !== null && rir !== home) {
    warnings.push(`${input.resource.trim()} was recorded with ${RIR_NAMES[home]}: these objects are for the ${RIR_NAMES[rir]} database, not the block's own`);
  }
  const { org, contacts } = contactsOf(ws, rir, warnings);
  const own = ownAsnOf(org);
  const text = input.resource.trim();
  if (rir === 'lacnic') return lacnicObjects(ws, text, own, contacts.mntBy, org.legalName, input.asSet, warnings);
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
      autNumObject({
        ...contacts,
        asn,
        asName: asName(org),
        descr: rpslFreeText(org.legalName).lines.join(' ') || undefined,
        announce,
        neighbours: neighbours.map((n) => ({ asn: n.asn, ipv6: hasV6, ...(n.relation === 'peer' ? { accept: `AS${n.asn}` } : {}) })),
      }),
      ...(input.asSet !== undefined ? [asSetObject({ ...contacts, name: input.asSet, members: [`AS${asn}`], requireHierarchical: rir === 'ripe' })] : []),
    ];
    return finish(objects, rir, warnings);
  }
  const p = parseBlock(text, 'prefix');
  const row = globalBlock(ws, text, p);
  const special = specialUse(p);
  if (special) warnings.push(`${row.prefix} is in documentation or special-use space ${special}: fine for an example, refused in a real draft (CHK-03)`);
  const all = listPrefixes(ws, { space: DEFAULT_SPACE }).rows;
  const parents = all.filter((r) => r.family === p.family && r.length < p.length && prefixContains(parsePrefix(r.prefix), p));
  const inside = all.filter((r) => r.family === p.family && r.length > p.length && prefixContains(p, parsePrefix(r.prefix)));
  const direct = inside.filter((r) => !inside.some((o) => o.length < r.length && prefixContains(parsePrefix(o.prefix), parsePrefix(r.prefix))));
  const lengths = [...new Set(direct.map((r) => r.length))];
  const uniform = direct.length > 0 && direct.every((r) => r.status === 'assigned') && lengths.length === 1 ? lengths[0]! : null;
  const subAllocated = org.subAllocations.some((t) => {
    try {
      const s = parsePrefix(t);
      return s.family === p.family && s.start === p.start && s.length === p.length;
    } catch {
      return false;
    }
  });
  const status = rpslStatus(rir, p.family, row.status, parents.length === 0, { subAllocated, uniformAssignmentLength: uniform });
  const objects: RpslObject[] = [];
  // The description as RPSL values: a line each, `#` left out (RFC 2622 §2; rpslFreeText).
  const { lines: descr, droppedHash } = rpslFreeText(row.description);
  if (droppedHash) warnings.push(`${row.prefix}: descr: "#" left out (RPSL reads it as the start of a comment, RFC 2622 §2)`);
  // Space from an upstream (an aggregate with no RIR, or a block inside one) is the upstream's
  // object in the RIR database, not ours (docs/rir.md §5).
  const upstream = upstreamOf(row, parents);
  if (upstream) {
    warnings.push(
      `${row.prefix} is space from an upstream (${upstream.prefix}${upstream.description ? `, ${upstream.description}` : ''}): the upstream registers it in its own database objects; no inetnum/inet6num is drafted as ours`,
    );
  } else if (rir === 'arin') warnings.push('ARIN keeps networks in its own records, not RPSL: only the route object is drafted');
  else if (status === null) warnings.push(`${row.prefix} is a reservation: it needs no database object of its own`);
  else {
    objects.push(
      inetnumObject({
        ...contacts,
        prefix: p,
        netname: netnameOf(row.description, row.prefix),
        ...(descr.length ? { descr } : {}),
        country: org.country || 'ZZ',
        status,
        ...(org.orgHandle ? { org: org.orgHandle } : {}),
        ...(org.abuseC ? { abuseC: org.abuseC } : {}),
        ...(rir === 'apnic' ? { mntIrt: org.apnicIrt || 'IRT-CHANGE-ME-AP' } : {}),
        ...(status === 'AGGREGATED-BY-LIR' ? { assignmentSize: p.family === 4 ? (uniform ?? 32) : (row.unit ?? uniform ?? 56) } : {}),
        ...(row.status === 'aggregate' ? { mntLower: contacts.mntBy, mntRoutes: contacts.mntBy, mntDomains: contacts.mntBy } : {}),
      }),
    );
    if (!org.country) warnings.push('no country in Settings: country is ZZ');
    if (rir === 'apnic' && !org.apnicIrt) warnings.push('no APNIC IRT in Settings: mnt-irt (mandatory at APNIC) is the placeholder IRT-CHANGE-ME-AP');
    if (!org.abuseC) warnings.push('no abuse contact (abuse-c) in Settings: the RIR asks every resource to have one');
  }
  if (row.status === 'aggregate' || rir === 'arin') {
    // The recorded routes inside the block are its route objects (issue 16); with none recorded
    // and exactly one ASN of our own, that ASN is the origin (CLI.md).
    const recorded = routesWithin(ws, row.prefix);
    const owns = org.neighbours.filter((nb) => nb.relation === 'own');
    let routes: { prefix: typeof p; origin: number }[] = recorded;
    if (recorded.length === 0) {
      if (owns.length === 0) warnings.push('no ASN is marked as ours in Settings → Neighbours: no route object');
      else if (owns.length > 1)
        warnings.push(
          `${owns.length} ASNs are marked as ours (${owns.map((o) => `AS${o.asn}`).join(', ')}): which one originates ${row.prefix} is not recorded, so no route object`,
        );
      else if (own !== undefined) routes = [{ prefix: p, origin: own }];
    }
    for (const r of routes) {
      objects.push(
        routeObject({
          prefix: r.prefix,
          origin: r.origin,
          ...(descr.length ? { descr } : {}),
          ...(rir === 'arin' ? { adminC: contacts.adminC, techC: contacts.techC } : {}),
          mntBy: contacts.mntBy,
          source: contacts.source,
        }),
      );
      if (r.prefix.length > (r.prefix.family === 4 ? 24 : 48)) {
        warnings.push(
          `route ${formatPrefix(r.prefix)}: longer than a /${r.prefix.family === 4 ? 24 : 48}, which most networks filter out (RIPE-399 / common practice): announce the covering aggregate`,
        );
      }
      if (upstream) {
        warnings.push(
          `route ${formatPrefix(r.prefix)}: the address space is the upstream's, so this route object needs the upstream's authorisation (the mnt-routes of its inetnum/inet6num, or its maintainer): ask the upstream to authorise or create it`,
        );
      }
    }
  }
  return finish(objects, rir, warnings);
}

/**
 * LACNIC (docs/rir.md §8): its IRR generates inetnum, aut-num and route objects itself (route
 * from ROAs); the objects we give are the as-set for our AS, and for a block the ROA to create.
 */
function lacnicObjects(
  ws: Workspace,
  text: string,
  own: number | undefined,
  mntBy: string,
  legalName: string,
  asSet: string | undefined,
  warnings: string[],
): RpslResult {
  const objects: RpslObject[] = [];
  if (/^(as)?\d+(\.\d+)?$/i.test(text)) {
    const asn = parseAsn(text.replace(/^as/i, ''), 'asn');
    warnings.push(`LACNIC generates the aut-num of AS${asn} in its IRR from its registration data; only the as-set is declared (MiLACNIC → Services → IRR)`);
    objects.push(
      withRule('CHK-30', () => lacnicAsSet({ asn, ...(asSet ? { name: asSet } : {}), members: [`AS${asn}`], descr: legalName || undefined, mntBy })),
    );
    return finish(objects, 'lacnic', warnings);
  }
  const p = parseBlock(text, 'prefix');
  const row = globalBlock(ws, text, p);
  warnings.push(`LACNIC registers ${row.prefix} in its own WHOIS: there is no inetnum/inet6num to create`);
  if (own === undefined) warnings.push('no ASN is marked as ours in Settings → Neighbours: no ROA to suggest');
  else {
    const roa = roaFor(row.prefix, own);
    warnings.push(
      `create a ROA in MiLACNIC (RPKI) for ${roa.prefix}, max length /${roa.maxLength}, origin AS${roa.asn}: LACNIC's IRR generates the ${p.family === 4 ? 'route' : 'route6'} object from it`,
    );
  }
  return finish(objects, 'lacnic', warnings);
}

/** The upstream aggregate a block is in (or is), when its outermost aggregate has no RIR. */
export function upstreamOf(row: PrefixRow, parents: readonly PrefixRow[]): PrefixRow | null {
  const outer = [...parents, row].filter((r) => r.status === 'aggregate').sort((a, b) => a.length - b.length)[0];
  return outer && outer.rir === null ? outer : null;
}

/** The aggregates of the family we hold from an RIR (the blocks whose reverse zones are ours). */
function ourAggregates(ws: Workspace, family: 4 | 6): { prefix: Prefix; text: string }[] {
  return listPrefixes(ws, { space: DEFAULT_SPACE })
    .rows.filter((r) => r.family === family && r.status === 'aggregate' && r.rir !== null)
    .map((r) => ({ prefix: parsePrefix(r.prefix), text: r.prefix }));
}

/** For an RFC 2317 zone: the aggregate of ours that holds its parent /24, if any. */
function parentZoneOwner(zone: ReverseZone, ours: { prefix: Prefix; text: string }[]): string | null {
  if (zone.kind !== 'rfc2317' || zone.prefix.family !== 4) return null;
  const slash24: Prefix = { family: 4, start: zone.prefix.start - (zone.prefix.start % 256), length: 24 };
  return ours.find((o) => prefixContains(o.prefix, slash24))?.text ?? null;
}

/** `ns-check` (CLI.md): the name servers' networks, RFC 2182 §3.1. */
export function nsCheck(ws: Workspace, input: { ns: string[]; placedOnly?: boolean | undefined }): NsCheckResult {
  // A name without an address takes it from the recorded hosts (issue 15), when there is one.
  const placed = withHostAddresses(ws, input.ns);
  // The Settings hint asks about the servers it can place and says nothing of the others.
  const specs = input.placedOnly ? placed.filter((s) => s.includes('=')) : placed;
  if (input.placedOnly && specs.length < 2) return { ok: true, problems: [] };
  const servers = specs.map((s, i) => withRule('CHK-40', () => parseNameServerSpec(s, `ns[${i}]`)));
  const problems = nameServerProblemsIn(ws, servers);
  return { ok: problems.length === 0, problems };
}

/** YYYYMMDD01 for today: the usual zone serial. */
export function serialFor(ws: Workspace): number {
  return Number(todayUtc(ws.now()).replace(/-/g, '')) * 100 + 1;
}

export function reverseFor(
  ws: Workspace,
  input: { prefix: string; ns: string[]; format: 'bind' | 'rpsl'; ds?: string[] | undefined; serial?: number | undefined },
): ReverseResult {
  const p = parseBlock(input.prefix, 'prefix');
  const warnings: string[] = [];
  const { org, contacts } = contactsOf(ws, 'ripe', input.format === 'rpsl' ? warnings : []);
  const given = input.ns.length > 0 ? input.ns : org.nameServers;
  const ns = nameServerNames(given);
  withRule('CHK-32', () => normalizeNameServers(ns, 'ns'));
  // RFC 2182 §3.1 when the addresses are known (NAME=IP): the same check as `ns-check`.
  const located = withRule('CHK-40', () => nameServersWithAddresses(given, 'ns'));
  if (located.length >= 2) warnings.push(...nameServerProblemsIn(ws, located).map((p) => `${p} (CHK-40)`));
  const holder = listPrefixes(ws, { space: DEFAULT_SPACE })
    .rows.filter((r) => r.family === p.family && r.status === 'aggregate' && prefixContains(parsePrefix(r.prefix), p))
    .sort((a, b) => a.length - b.length)[0];
  if (holder && holder.rir === null) {
    warnings.push(
      `${formatPrefix(p)} is space from an upstream (${holder.prefix}${holder.description ? `, ${holder.description}` : ''}): we are authoritative for its reverse zone only if the upstream delegates it to us`,
    );
  }
  if (input.format === 'bind') {
    if (input.ds && input.ds.length > 0) warnings.push('DS records go to the parent (the RIR), not into the zone file: use --format rpsl');
    // Sub-/24 blocks sub-allocated to other operators (Settings) are delegated from our /24
    // zones: those zones carry their NS and CNAME records (RFC 2317 §4, docs/rir.md §4).
    const delegations =
      p.family === 4 && p.length <= 24
        ? org.subAllocations.flatMap((t) => {
            try {
              const d = parsePrefix(t);
              return d.family === 4 && d.length > 24 && prefixContains(p, d) ? reverseZones(d) : [];
            } catch {
              return [];
            }
          })
        : [];
    const files = withRule('CHK-32', () => renderBindZones(p, { nameServers: ns, serial: input.serial ?? serialFor(ws), delegations, ptr: hostPtrs(ws, p) }));
    const zones: ZoneFileView[] = files.map((f) => ({ zone: f.zone, role: f.role, fileName: f.fileName, text: f.text }));
    // Where to split, as `export --format bind` says it: a header, then each zone after its $ORIGIN.
    const header = { organisation: org.legalName, date: todayUtc(ws.now()), scope: `reverse zones of ${formatPrefix(p)}` };
    return { zones, text: renderBindExport(zones, header), warnings };
  }
  const ds = input.ds ?? [];
  const ours = ourAggregates(ws, p.family);
  const objects: RpslObject[] = [];
  for (const zone of reverseZones(p)) {
    const parent = parentZoneOwner(zone, ours);
    if (parent) {
      // RFC 2317 §4: the parent zone's holder delegates a sub-/24 with NS and CNAME records.
      warnings.push(
        `${zone.name}: its parent zone ${zone.parentZone} is ours (${parent}), so we delegate it there with NS and CNAME records (rdns --format bind gives them); the RIR takes no domain object for it`,
      );
      continue;
    }
    try {
      objects.push(domainObject(zone, { ...contacts, zoneC: contacts.techC, nserver: ns, dsRdata: ds }));
    } catch (e) {
      if (e instanceof HeadroomError && e.field?.startsWith('ds-rdata')) throw new HeadroomError('invalid', `${e.message} (CHK-33)`, e.field);
      if (e instanceof HeadroomError && (e.field === 'nserver' || e.field?.startsWith('nserver[')))
        throw new HeadroomError('invalid', `${e.message} (CHK-32)`, e.field);
      throw e;
    }
  }
  const zones: ZoneFileView[] = objects.map((o) => ({ zone: o.attributes[0]!.value, role: 'domain', fileName: '', text: renderRpslObjects([o]) }));
  return { zones, text: renderRpslObjects(objects), warnings };
}
