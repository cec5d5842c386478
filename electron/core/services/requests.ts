/**
 * Request use-cases (issue 6): the draft for an RIR and kind filled from the workspace with its
 * policy checks (CHK-01…CHK-35, shared/rir), the planner's edits kept with undo, the
 * organisation and contacts, and the RFC 2901 checklist.
 */
import type { CheckView, ChecklistStep, DraftView, OrganisationSettings, RequestKindName, RequestRir } from '../../../shared/contract';
import { POLICY_CHECKS, runPolicyChecks, isPolicyConforming, type CheckResult } from '../../../shared/rir/policy-checks';
import type { RequestDraft } from '../../../shared/rir/draft';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { fillDraft, ownAsnOf } from './requests-draft';
import { holdings } from './requests-plan';
import { KEYS, mergeEdits, readEdits, readOrganisation, readSetting, writeOrganisation, writeSetting } from './requests-settings';
import { todayUtc } from './registry';

export const RIR_LABEL: Record<RequestRir, string> = { arin: 'ARIN', ripe: 'RIPE NCC', apnic: 'APNIC', lacnic: 'LACNIC', afrinic: 'AFRINIC' };
export const KIND_LABEL: Record<RequestKindName, string> = { ipv4: 'IPv4', ipv6: 'IPv6', asn: 'AS number' };

/** pass, verify (unconfirmed rule), info, warn or FAIL, as the exported draft says it. */
export function verdictOf(r: CheckResult): CheckView['verdict'] {
  if (r.ok) return 'pass';
  if (r.verify) return 'verify';
  return r.severity === 'I' ? 'info' : r.severity === 'W' ? 'warn' : 'FAIL';
}

/** The edit (or Settings) field that decides a rule, so the UI can put the fix next to it. */
const RULE_FIELD: Record<string, string> = {
  'CHK-01': 'organisation.role',
  'CHK-04': 'prefixLength',
  'CHK-05': 'prefixLength',
  'CHK-06': 'prefixLength',
  'CHK-07': 'prefixLength',
  'CHK-08': 'prefixLength',
  'CHK-09': 'maxSiteUsedPct',
  'CHK-10': 'justification',
  'CHK-11': 'prefixLength',
  'CHK-12': 'prefixLength',
  'CHK-13': 'announceWithinMonths',
  'CHK-14': 'prefixLength',
  'CHK-15': 'holdings',
  'CHK-16': 'lastReceivedDate',
  'CHK-17': 'prefixLength',
  'CHK-18': 'horizonMonths',
  'CHK-19': 'prefixLength',
  'CHK-20': 'prefixLength',
  'CHK-21': 'prefixLength',
  'CHK-22': 'horizonMonths',
  'CHK-23': 'neighbours',
  'CHK-24': 'multihoming',
  'CHK-25': 'reason16',
  'CHK-26': 'uniqueRoutingPolicy',
  'CHK-27': 'neighbours',
  'CHK-28': 'dbObjects',
  'CHK-29': 'dbObjects',
  'CHK-30': 'asSet',
  'CHK-31': 'neighbours',
  'CHK-32': 'organisation.nameServers',
  'CHK-33': 'dsRdata',
  'CHK-34': 'statsImport',
  'CHK-36': 'prefixLength',
  'CHK-37': 'uniqueRoutingPolicy',
  'CHK-38': 'organisation.country',
  'CHK-39': 'neighbours',
  'CHK-40': 'organisation.nameServers',
};

/** For CHK-02/03: the draft path of the first prefix or ASN the message names. */
function resourceField(d: RequestDraft, message: string): string {
  const named = (t: string) => message.includes(t);
  if (d.request.prefix && named(d.request.prefix)) return 'request.prefix';
  const h = d.holdings.findIndex((x) => named(x.prefix));
  if (h >= 0) return `holdings[${h}].prefix`;
  const o = d.originate.findIndex((x) => named(x));
  if (o >= 0) return `originate[${o}]`;
  if (/\bAS\d+/.test(message)) return 'connectivity';
  return 'prefixLength';
}

function fieldOf(d: RequestDraft, r: CheckResult): string | null {
  if (r.rule === 'CHK-02' || r.rule === 'CHK-03') return resourceField(d, r.message);
  // "already received / holds …": the holdings decide it, not the size asked for.
  if ((r.rule === 'CHK-19' || r.rule === 'CHK-21') && /already|holds/i.test(r.message)) return 'holdings';
  return RULE_FIELD[r.rule] ?? null;
}

export function checkViews(d: RequestDraft, today: string): CheckView[] {
  return runPolicyChecks(d, { today }).map((r) => ({
    rule: r.rule,
    title: POLICY_CHECKS.find((c) => c.rule === r.rule)?.title ?? r.rule,
    severity: r.severity,
    ok: r.ok,
    verdict: verdictOf(r),
    message: r.message,
    source: r.source,
    asOf: r.asOf,
    verify: r.verify,
    field: r.ok ? null : fieldOf(d, r),
  }));
}

export function draftView(ws: Workspace, rir: RequestRir, kind: RequestKindName): DraftView {
  const f = fillDraft(ws, rir, kind);
  const today = todayUtc(ws.now());
  const checks = checkViews(f.draft, today);
  return {
    rir,
    kind,
    draft: f.draft,
    edits: f.edits,
    plan: f.plan,
    checks,
    conforming: isPolicyConforming(runPolicyChecks(f.draft, { today })),
    missing: f.missing,
  };
}

/** The draft itself and its raw results (for the renderers of shared/rir). */
export function draftWithResults(ws: Workspace, rir: RequestRir, kind: RequestKindName): { draft: RequestDraft; results: CheckResult[] } {
  const f = fillDraft(ws, rir, kind);
  return { draft: f.draft, results: runPolicyChecks(f.draft, { today: todayUtc(ws.now()) }) };
}

export const updateDraft = operation('requests.updateDraft', (ws, input, write): DraftView => {
  const names = Object.keys(input.edits);
  write(`Edit the ${RIR_LABEL[input.rir]} ${KIND_LABEL[input.kind]} draft (${names.join(', ') || 'nothing'})`, (tx) => {
    const next = mergeEdits(readEdits(tx, input.rir, input.kind), input.edits);
    writeSetting(tx, KEYS.draft(input.rir, input.kind), Object.keys(next).length > 0 ? next : undefined);
  });
  return draftView(ws, input.rir, input.kind);
});

export const resetDraft = operation('requests.resetDraft', (ws, input, write): DraftView => {
  write(`Reset the ${RIR_LABEL[input.rir]} ${KIND_LABEL[input.kind]} draft to the workspace's values`, (tx) =>
    writeSetting(tx, KEYS.draft(input.rir, input.kind), undefined),
  );
  return draftView(ws, input.rir, input.kind);
});

export function getOrganisation(ws: Workspace): OrganisationSettings {
  return readOrganisation(ws);
}

export const updateOrganisation = operation('requests.updateOrganisation', (ws, patch, write): OrganisationSettings => {
  const what = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  write(`Change the organisation settings (${what.join(', ') || 'nothing'})`, (tx) => writeOrganisation(tx, patch));
  return readOrganisation(ws);
});

// ---------------------------------------------------------------- RFC 2901 checklist (spec §1.2)

const STEPS: ReadonlyArray<{ title: string; produces: string; manual?: boolean }> = [
  { title: 'Work out the organisation type and current status', produces: 'Organisation profile: LIR/ISP or end user, RIR region, holdings (Settings)' },
  { title: 'Name the administrative and technical contacts', produces: 'Contacts with NIC handles for admin-c / tech-c, the requester (Settings → Contacts)' },
  { title: 'Budget, charging and carrier choice', produces: 'Out of scope: membership and fees are the RIR’s; tick when settled', manual: true },
  { title: 'Decide whom to connect to (upstreams)', produces: 'Upstreams and peers from the ASN registry (Settings → Neighbours)' },
  { title: 'Predict current and future address needs', produces: 'Addressing plan per pool: used now, +3/+6/+12/+24 months from the registry’s history' },
  { title: 'Set up systems to connect', produces: 'Out of scope; tick when done', manual: true },
  { title: 'Request and register the address allocation', produces: 'IPv4/IPv6 request drafts per RIR, policy checks CHK-01…CHK-35, route objects' },
  { title: 'Request and register an AS number if needed', produces: 'ASN request draft and aut-num with import/export per neighbour' },
  { title: 'Register with a routing database if needed', produces: 'route/route6 and as-set objects for the RIR’s IRR (rpsl)' },
  { title: 'Register the country’s domain if needed', produces: 'Not produced (a ccTLD matter); tick when done or not needed', manual: true },
  { title: 'Request and register IN-ADDR.ARPA and ip6.arpa', produces: 'Reverse zones, BIND zone files and RIPE domain objects (rdns)' },
];

export function checklist(ws: Workspace): ChecklistStep[] {
  const org = readOrganisation(ws);
  const ticked = readSetting<Record<string, boolean>>(ws, KEYS.checklist) ?? {};
  const held = holdings(ws, null);
  const rirHeld = held.filter((h) => h.source !== 'upstream');
  const own = ownAsnOf(org);
  const upstreams = org.neighbours.filter((n) => n.relation === 'upstream').length;
  const pools = ws.get("SELECT count(*) AS n FROM prefixes p JOIN spaces s ON s.id = p.space_id WHERE s.name = 'global' AND p.status != 'aggregate'");
  const state = (i: number): [ChecklistStep['state'], string] => {
    switch (i) {
      case 1:
        return org.legalName && org.country
          ? ['done', `${org.legalName}, ${org.country}, ${org.role === 'lir' ? 'LIR / ISP' : 'end user'}; ${held.length} block(s) held`]
          : ['todo', 'set the legal name and country in Settings'];
      case 2: {
        const withHandle = org.contacts.filter((c) => c.handle).length;
        return org.contacts.length > 0 && withHandle > 0
          ? ['done', `${org.contacts.length} contact(s), ${withHandle} with a NIC handle`]
          : ['todo', 'add contacts with NIC handles in Settings'];
      }
      case 4:
        return upstreams > 0
          ? ['done', `${upstreams} upstream(s) marked in Settings → Neighbours`]
          : ['todo', 'mark your upstream ASNs in Settings → Neighbours'];
      case 5:
        return Number(pools?.n ?? 0) > 0
          ? ['done', `${Number(pools!.n)} block(s) inside the aggregates feed the plan`]
          : ['todo', 'add pools and assignments in the Registry'];
      case 7:
        return rirHeld.length > 0 ? ['done', `${rirHeld.map((h) => h.row.prefix).join(', ')} held from an RIR`] : ['ready', 'draft it on the Requests screen'];
      case 8:
        if (own !== undefined) return ['done', `AS${own} is ours`];
        return upstreams >= 2 ? ['ready', 'multihomed: draft the ASN request'] : ['n/a', 'one upstream or none: use the provider’s AS (RFC 1930 §5)'];
      case 9:
        return own !== undefined && rirHeld.length > 0
          ? ['ready', `route objects for ${rirHeld.length} block(s) with origin AS${own}`]
          : ['todo', 'needs our ASN and a block from an RIR'];
      case 11:
        return org.nameServers.length >= 2
          ? ['ready', `zones for the blocks held, served by ${org.nameServers.join(', ')}`]
          : ['todo', 'set two or more name servers in Settings'];
      default:
        return ['todo', 'not ticked yet'];
    }
  };
  return STEPS.map((s, k) => {
    const step = k + 1;
    const [st, detail] = s.manual ? (ticked[String(step)] ? (['done', 'ticked by hand'] as const) : (['todo', 'tick it when done'] as const)) : state(step);
    return { step, title: s.title, produces: s.produces, state: st, detail, manual: s.manual === true };
  });
}

export const markStep = operation('requests.markStep', (ws, input, write): ChecklistStep[] => {
  write(`${input.done ? 'Tick' : 'Untick'} RFC 2901 step ${input.step}`, (tx) => {
    const old = readSetting<Record<string, boolean>>(tx, KEYS.checklist) ?? {};
    const next = { ...old };
    if (input.done) next[String(input.step)] = true;
    else delete next[String(input.step)];
    writeSetting(tx, KEYS.checklist, Object.keys(next).length > 0 ? next : undefined);
  });
  return checklist(ws);
});
