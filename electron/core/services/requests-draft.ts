/**
 * Fills the RequestDraft model (shared/rir/draft.ts) from the workspace: organisation and
 * contacts from Settings, holdings and the addressing plan from the registry, equipment from
 * the facility sites, upstreams and peers from the ASN registry, the routing policy as RPSL
 * (aut-num import/export per neighbour, route objects), reverse delegations for the space held,
 * and then the planner's edits on top (what the registry cannot know).
 */
import type { MissingItem, OrganisationSettings, PlanView, RequestEdits, RequestKindName, RequestRir } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { formatPrefix } from '../../../shared/ip/prefix';
import type { DbObject, Neighbour, RequestDraft, ReverseDelegation } from '../../../shared/rir/draft';
import { ripeDomainName } from '../../../shared/rir/domain-object';
import { reverseZones } from '../../../shared/rir/reverse-zones';
import { asSetObject, autNumObject, NEW_ASN, routeObject } from '../../../shared/rir/rpsl-build';
import type { Workspace } from '../workspace/workspace';
import { lacnicAsSet, lacnicSteps, roaFor } from '../../../shared/rir/lacnic';
import { needHorizons, needMinusFree, type NeedRow } from '../../../shared/rir/need';
import { nameServerNames, nameServersWithAddresses } from '../../../shared/rir/ns-check';
import { assignedUnits, holdings, nameServerProblemsIn, projectedPlan, readTree, unitFor } from './requests-plan';
import { contactFor, readEdits, readOrganisation } from './requests-settings';

export interface FilledDraft {
  draft: RequestDraft;
  edits: RequestEdits;
  plan: PlanView[];
  missing: MissingItem[];
  org: OrganisationSettings;
}

/** Placeholders used where Settings is empty (syntactically valid, plainly not real). */
export const PLACEHOLDER = { handle: 'AUTO-1', mntner: 'CHANGE-ME-MNT' } as const;

/** Equipment named on the facility sites (one row per name), when the facility tables exist. */
function facilityEquipment(ws: Workspace): { name: string; usage: string }[] {
  try {
    return ws
      .all(
        'SELECT e.name AS name, s.name AS site, sum(e.qty) AS qty FROM facility_equipment e JOIN facility_sites s ON s.id = e.site_id GROUP BY e.name, s.name ORDER BY s.name, e.name',
      )
      .map((r) => ({ name: String(r.name), usage: `${Number(r.qty)} at ${String(r.site)}` }));
  } catch {
    return [];
  }
}

export function ownAsnOf(org: OrganisationSettings): number | undefined {
  return org.neighbours.find((n) => n.relation === 'own')?.asn;
}

function neighbourOf(n: OrganisationSettings['neighbours'][number]): Neighbour {
  return {
    asn: n.asn,
    org: n.description || `AS${n.asn}`,
    ...(n.contact ? { contact: n.contact } : {}),
    ...(n.email ? { email: n.email } : {}),
    ...(n.phone ? { phone: n.phone } : {}),
    contractSigned: n.contractSigned,
  };
}

const ipv6Unit = (rir: RequestRir): 48 | 56 => (rir === 'afrinic' ? 48 : 56);

/**
 * The handles an RIR's objects name (docs/rir.md §9): at ARIN the POC handles and the
 * organisation's MNT-<Org ID> maintainer of ARIN's IRR; elsewhere the NIC handles and the
 * maintainer from Settings. Placeholders (said in `warnings`) where Settings is empty.
 */
export function rirContacts(org: OrganisationSettings, rir: RequestRir, warnings: string[]) {
  if (rir === 'arin') {
    if (!org.arinOrgId) warnings.push(`no ARIN Org ID in Settings: mnt-by is the placeholder MNT-CHANGE-ME (ARIN's IRR maintainer is MNT-<Org ID>)`);
    if (!org.arinAdminPoc || !org.arinTechPoc) warnings.push('no ARIN admin/tech POC handle in Settings: CHANGE-ME-ARIN is used');
    return {
      adminC: org.arinAdminPoc || 'CHANGE-ME-ARIN',
      techC: org.arinTechPoc || 'CHANGE-ME-ARIN',
      mntBy: `MNT-${org.arinOrgId || 'CHANGE-ME'}`,
      source: 'ARIN',
    };
  }
  const admin = contactFor(org, 'admin');
  const tech = contactFor(org, 'tech');
  if (!org.mntner) warnings.push(`no maintainer in Settings: mnt-by is the placeholder ${PLACEHOLDER.mntner}`);
  if (!admin?.handle || !tech?.handle) warnings.push(`no NIC handle for the admin/tech contact in Settings: ${PLACEHOLDER.handle} is used`);
  return {
    adminC: admin?.handle || PLACEHOLDER.handle,
    techC: tech?.handle || PLACEHOLDER.handle,
    mntBy: org.mntner || PLACEHOLDER.mntner,
    source: rir.toUpperCase(),
  };
}

/** Builds objects, turning a builder's refusal into a note rather than losing the whole draft. */
function tryObject(list: DbObject[], missing: MissingItem[], build: () => DbObject): void {
  try {
    list.push(build());
  } catch (e) {
    if (!(e instanceof HeadroomError)) throw e;
    missing.push({ field: e.field ?? 'dbObjects', message: e.message });
  }
}

export function fillDraft(ws: Workspace, rir: RequestRir, kind: RequestKindName): FilledDraft {
  const org = readOrganisation(ws);
  const edits = readEdits(ws, rir, kind);
  const tree = readTree(ws);
  const missing: MissingItem[] = [];
  const family = kind === 'ipv4' ? 4 : kind === 'ipv6' ? 6 : null;
  const held = holdings(ws, family, tree);
  const projected = family === null ? [] : projectedPlan(ws, family, tree);
  const plan = projected.map((p) => p.view);
  // Need minus free space over the RIR's horizons (IPv4, in addresses; docs/rir.md §2).
  const need: NeedRow[] = needHorizons(rir, kind).map((h) =>
    needMinusFree(
      h,
      plan.reduce((s, p) => s + p.now, 0),
      projected.reduce((s, p) => s + p.at(h), 0),
      held.reduce((s, x) => s + x.totalUnits, 0),
      held.reduce((s, x) => s + x.usedUnits, 0),
    ),
  );
  const requester = contactFor(org, 'requester');
  const admin = contactFor(org, 'admin');
  const tech = contactFor(org, 'tech');
  const ownAsn = ownAsnOf(org);
  const upstreams = org.neighbours.filter((n) => n.relation === 'upstream').map(neighbourOf);
  const peers = org.neighbours.filter((n) => n.relation === 'peer').map(neighbourOf);
  const fromThisRir = held.filter((h) => h.source === rir);

  if (!org.legalName) missing.push({ field: 'organisation.legalName', message: 'the organisation has no legal name (Settings)' });
  if (!org.country) missing.push({ field: 'organisation.country', message: 'the organisation has no country (Settings)' });
  if (!requester) missing.push({ field: 'contacts', message: 'no contact to sign the request (Settings → Contacts)' });
  if (!org.mntner) missing.push({ field: 'organisation.mntner', message: `no maintainer; objects use ${PLACEHOLDER.mntner} (Settings)` });
  if (!admin?.handle || !tech?.handle)
    missing.push({ field: 'contacts.handle', message: `no NIC handle for the admin/tech contact; objects use ${PLACEHOLDER.handle} (Settings → Contacts)` });

  const contacts = rirContacts(org, rir, []);
  const originate = held.filter((h) => h.source !== 'upstream' && (family === null || h.prefix.family === family)).map((h) => h.row.prefix);

  const dbObjects: DbObject[] = [];
  // A peer's import accepts that peer's AS (its routes), not ANY; an upstream's gives us ANY.
  const policyNeighbours = (v6: boolean) => [
    ...upstreams.map((n) => ({ asn: n.asn, ipv6: v6 })),
    ...peers.map((n) => ({ asn: n.asn, ipv6: v6, accept: `AS${n.asn}` })),
  ];
  const hasV6 = held.some((h) => h.prefix.family === 6);
  if (rir === 'lacnic') {
    // LACNIC generates inetnum, aut-num and route objects itself (the latter from ROAs); only the
    // as-set is ours to declare (docs/rir.md §8).
    if (ownAsn !== undefined) {
      tryObject(dbObjects, missing, () => ({
        object: lacnicAsSet({
          asn: ownAsn,
          ...(edits.asSet ? { name: edits.asSet } : {}),
          members: [`AS${ownAsn}`],
          descr: org.legalName || undefined,
          mntBy: contacts.mntBy,
        }),
        isNew: true,
      }));
    }
  } else if (kind === 'asn') {
    // The request is for a NEW AS, numbered by the RIR (docs/rir.md §6): its routing policy is
    // drafted as an aut-num keyed ASNEW; the AS we may already hold is not what is requested.
    tryObject(dbObjects, missing, () => ({
      object: autNumObject({
        ...contacts,
        asn: NEW_ASN,
        asName: asName(org),
        descr: org.legalName || undefined,
        announce: edits.asSet ?? NEW_ASN,
        neighbours: policyNeighbours(hasV6),
        remarks: ['ASNEW: the AS number the RIR assigns replaces it here'],
      }),
      isNew: true,
    }));
    if (edits.asSet != null) {
      const name = edits.asSet;
      tryObject(dbObjects, missing, () => ({
        object: asSetObject({ ...contacts, name, members: ownAsn !== undefined ? [`AS${ownAsn}`] : [], requireHierarchical: false }),
        isNew: true,
      }));
    }
  } else if (ownAsn !== undefined) {
    for (const p of originate) {
      tryObject(dbObjects, missing, () => ({
        object: routeObject({
          prefix: p,
          origin: ownAsn,
          descr: org.legalName || undefined,
          ...(rir === 'arin' ? { adminC: contacts.adminC, techC: contacts.techC } : {}),
          mntBy: contacts.mntBy,
          source: contacts.source,
        }),
        isNew: true,
      }));
    }
  } else if (originate.length > 0) {
    missing.push({ field: 'neighbours', message: 'no ASN is marked as ours (Settings → Neighbours): no route objects' });
  }

  const reverse: ReverseDelegation[] = [];
  if (family !== null) {
    for (const h of fromThisRir.filter((x) => x.prefix.family === family)) {
      try {
        for (const z of reverseZones(h.prefix).slice(0, 64))
          reverse.push({ zone: ripeDomainName(z), nserver: nameServerNames(org.nameServers), ...(edits.dsRdata ? { dsRdata: edits.dsRdata } : {}) });
      } catch {
        /* a block too large to list is left to the reverse-zones view */
      }
    }
  }

  const current = fromThisRir.filter((h) => h.prefix.family === 6).sort((a, b) => a.prefix.length - b.prefix.length)[0];
  // Initial or subsequent: an ASN request by the ASNs we hold, an address request by the
  // addresses we hold from this RIR.
  const ownAsns = org.neighbours.filter((n) => n.relation === 'own');
  const type = edits.type ?? (kind === 'asn' ? (ownAsns.length > 0 ? 'subsequent' : 'initial') : fromThisRir.length > 0 ? 'subsequent' : 'initial');
  // IPv6: RIPE gives (and extends to) a /29 without documentation (ripe-738 §5.1.1, §5.1.2), so
  // a RIPE draft asks for a /29 unless it already holds that much; elsewhere a /32, or the
  // next size up for a subsequent request.
  const ipv6Default = (): number => {
    if (rir === 'ripe') return current && current.prefix.length <= 29 ? Math.max(current.prefix.length - 1, 0) : 29;
    // ARIN allocates on nibble boundaries only (NRPM 6.5.2.1a): the next nibble up.
    if (rir === 'arin' && type === 'subsequent' && current) return Math.max(Math.ceil(current.prefix.length / 4) * 4 - 4, 0);
    return type === 'subsequent' && current ? Math.max(current.prefix.length - 1, 0) : 32;
  };
  const defaultLength = kind === 'ipv4' ? 24 : kind === 'ipv6' ? ipv6Default() : undefined;
  const prefixLength = edits.prefixLength ?? defaultLength;
  const multihoming = edits.multihoming ?? (upstreams.length + peers.length >= 2 ? 'now' : 'no');
  const equipment = edits.equipment ?? facilityEquipment(ws);

  const draft: RequestDraft = {
    requester: {
      name: requester?.name ?? '',
      email: requester?.email ?? '',
      ...(requester?.phone ? { phone: requester.phone } : {}),
      ...(requester?.handle ? { handle: requester.handle } : {}),
      ...(requester ? { roleInOrg: requester.roles.join(', ') || 'contact' } : {}),
    },
    organisation: {
      legalName: org.legalName,
      ...(org.tradingName ? { tradingName: org.tradingName } : {}),
      address: org.address,
      country: org.country,
      ...(org.website ? { website: org.website } : {}),
      ...(org.accountId ? { accountId: org.accountId } : {}),
      role: org.role,
    },
    request: {
      rir,
      kind,
      type,
      ...(prefixLength !== undefined && kind !== 'asn' ? { prefixLength } : {}),
      ...(edits.smallestAcceptableLength != null ? { smallestAcceptableLength: edits.smallestAcceptableLength } : {}),
      ...(edits.waitlist != null ? { waitlist: edits.waitlist } : rir === 'arin' && kind === 'ipv4' ? { waitlist: true } : {}),
      ...(edits.viaTransfer != null ? { viaTransfer: edits.viaTransfer } : {}),
      ...(edits.horizonMonths != null
        ? { horizonMonths: edits.horizonMonths }
        : need.length > 0
          ? { horizonMonths: Math.max(...need.map((x) => x.horizonMonths)) }
          : {}),
      ...(edits.justification ? { justification: edits.justification } : {}),
      ...(edits.lastReceivedDate ? { lastReceivedDate: edits.lastReceivedDate } : {}),
      ...(edits.need12mAddresses != null ? { need12mAddresses: edits.need12mAddresses } : {}),
    },
    // Every resource held, both families: the RIRs ask for all of them (LACNIC 11.1 needs the
    // IPv6 held beside an IPv4 request); the family's checks read their own family.
    holdings: (family === null ? held : holdings(ws, null, tree)).map((h) => ({
      prefix: h.row.prefix,
      source: h.source,
      ...(h.row.date ? { date: h.row.date } : {}),
      usedPct: h.usedPct,
    })),
    plan: plan.map((p) => ({ purpose: p.purpose, prefixLength: p.prefixLength, unit: p.unit, now: p.now, m6: p.m6, m12: p.m12, m24: p.m24 })),
    ...(need.length > 0 ? { need } : {}),
    infrastructure: equipment.map((e) => ({
      name: e.name,
      ...('vendor' in e && e.vendor ? { vendor: e.vendor } : {}),
      ...('model' in e && e.model ? { model: e.model } : {}),
      ...(e.usage ? { usage: e.usage } : {}),
    })),
    diagramAttached: edits.diagramAttached ?? false,
    connectivity: {
      upstreams,
      peers,
      ixps: edits.ixps ?? [],
      ...(ownAsn !== undefined ? { ownAsn } : {}),
      multihoming,
      ...(edits.soonMonths != null ? { soonMonths: edits.soonMonths } : {}),
      ...(edits.uniqueRoutingPolicy ? { uniqueRoutingPolicy: edits.uniqueRoutingPolicy } : {}),
      ...(edits.interconnectionPlanned != null ? { interconnectionPlanned: edits.interconnectionPlanned } : {}),
    },
    ...(kind === 'ipv6'
      ? {
          ipv6: {
            ...(edits.servingSites != null ? { servingSites: edits.servingSites } : {}),
            ...(edits.largestSiteEndSites != null ? { largestSiteEndSites: edits.largestSiteEndSites } : {}),
            ...(edits.providerAllocationUnit != null
              ? { providerAllocationUnit: edits.providerAllocationUnit }
              : rir === 'arin'
                ? { providerAllocationUnit: 48 }
                : {}),
            ...(edits.endUserSites != null ? { endUserSites: edits.endUserSites } : {}),
            ...(current
              ? {
                  currentAllocationLength: current.prefix.length,
                  assignedUnits: assignedUnits(tree, current.prefix, unitFor(current.prefix, ipv6Unit(rir)) ?? 64),
                  totalUsedPct: current.usedPct,
                }
              : {}),
            ...(edits.maxSiteUsedPct != null ? { maxSiteUsedPct: edits.maxSiteUsedPct } : {}),
            ...(edits.announceWithinMonths != null
              ? { announceWithinMonths: edits.announceWithinMonths }
              : rir === 'afrinic'
                ? { announceWithinMonths: 12 }
                : {}),
          },
        }
      : {}),
    ...(kind === 'asn'
      ? {
          asn: {
            bits: edits.asnBits ?? (rir === 'arin' ? 'any' : 32),
            ...(edits.reason16 ? { reason16: edits.reason16 } : {}),
            ...(edits.holdsPiAndPlansMultihoming != null ? { holdsPiAndPlansMultihoming: edits.holdsPiAndPlansMultihoming } : {}),
            family: held.some((h) => h.prefix.family === 6) && !held.some((h) => h.prefix.family === 4) ? 'ipv6' : 'ipv4',
          },
        }
      : {}),
    originate: kind === 'asn' ? held.filter((h) => h.source !== 'upstream').map((h) => formatPrefix(h.prefix)) : originate,
    dbObjects,
    reverse,
    ...(edits.notes ? { notes: edits.notes } : {}),
    ...(rir === 'lacnic'
      ? {
          steps: lacnicSteps(kind),
          ...(ownAsn !== undefined && kind !== 'asn' && originate.length > 0 ? { roas: originate.map((p) => roaFor(p, ownAsn)) } : {}),
        }
      : {}),
  };
  return { draft: { ...draft, ...nameServerNetworks(ws, org) }, edits, plan, missing, org };
}

/**
 * RFC 2182 §3.1 for the draft (CHK-40): when Settings gives the name servers as NAME=IP, the
 * problems of where they sit; nothing when fewer than two addresses are known.
 */
function nameServerNetworks(ws: Workspace, org: OrganisationSettings): Pick<RequestDraft, 'nameServerProblems'> {
  let located;
  try {
    located = nameServersWithAddresses(org.nameServers, 'organisation.nameServers');
  } catch {
    return {};
  }
  return located.length < 2 ? {} : { nameServerProblems: nameServerProblemsIn(ws, located) };
}

/** as-name from the organisation: letters and digits of its name, upper case. */
export function asName(org: OrganisationSettings): string {
  const base = (org.tradingName || org.legalName || 'EXAMPLE')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const name = /^[A-Z]/.test(base) ? base : `AS-NAME-${base}`;
  return name.slice(0, 40).replace(/-+$/, '') || 'EXAMPLE';
}
