/**
 * A request draft as a document (sections of fields, tables and RPSL blocks), rendered as
 * Markdown or plain text (CLI `request --format md|txt`). The policy-check results, when
 * given, end the document with their source and as-of date, unconfirmed ones marked "verify".
 */
import type { RequestDraft } from './draft';
import type { CheckResult } from './policy-check-core';
import { renderArchivedTemplate } from './draft-templates';
import { POLICY_TABLE_VERSION } from './policy-table';
import { renderRpslObjects } from './rpsl-text';

export interface DraftTable {
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface DraftSection {
  readonly title: string;
  readonly fields?: ReadonlyArray<readonly [string, string]>;
  readonly table?: DraftTable;
  /** Preformatted text (RPSL objects). */
  readonly code?: string;
  readonly text?: string;
}

export interface DraftDocument {
  readonly title: string;
  readonly sections: readonly DraftSection[];
}

import { RIR_NAMES } from './rir';
const KIND_NAMES = { ipv4: 'IPv4', ipv6: 'IPv6', asn: 'AS number' } as const;

const opt = (v: string | number | boolean | undefined): string => (v === undefined || v === '' ? '—' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const cnt = (v: number | undefined): string => (v === undefined ? '—' : v.toLocaleString('en-US'));

/** The draft as a rendering-neutral document. */
export function draftDocument(d: RequestDraft, results?: readonly CheckResult[]): DraftDocument {
  const r = d.request;
  const c = d.connectivity;
  const sections: DraftSection[] = [
    {
      title: 'Requester',
      fields: [
        ['Name', d.requester.name],
        ['E-mail', d.requester.email],
        ['Phone', opt(d.requester.phone)],
        ['Handle', opt(d.requester.handle)],
        ['Role in organisation', opt(d.requester.roleInOrg)],
      ],
    },
    {
      title: 'Organisation',
      fields: [
        ['Legal name', d.organisation.legalName],
        ['Trading name', opt(d.organisation.tradingName)],
        ['Address', d.organisation.address.join(', ')],
        ['Country', d.organisation.country],
        ['Website', opt(d.organisation.website)],
        ['Registry account', opt(d.organisation.accountId)],
        ['Type', d.organisation.role === 'lir' ? 'LIR / ISP' : 'End user'],
      ],
    },
    {
      title: 'Request',
      fields: [
        ['RIR', RIR_NAMES[r.rir]],
        ['Resource', KIND_NAMES[r.kind]],
        ['Initial or subsequent', r.type],
        ['Size requested', r.prefixLength === undefined ? '—' : `/${r.prefixLength}`],
        ...(r.smallestAcceptableLength !== undefined ? [['Smallest acceptable', `/${r.smallestAcceptableLength}`] as const] : []),
        ...(r.prefix ? [['Block', r.prefix] as const] : []),
        ...(r.waitlist ? [['Waiting list', 'yes'] as const] : []),
        ...(r.viaTransfer ? [['Via transfer', 'yes'] as const] : []),
        ...(r.horizonMonths !== undefined ? [['Plan horizon', `${r.horizonMonths} months`] as const] : []),
        ...(r.justification ? [['Justification', r.justification] as const] : []),
      ],
    },
    {
      title: 'Current holdings',
      table: {
        headers: ['Prefix', 'From', 'Date', 'Used', 'Return by'],
        rows: d.holdings.map((h) => [h.prefix, h.source, opt(h.date), h.usedPct === undefined ? '—' : `${h.usedPct}%`, opt(h.returnBy)]),
      },
    },
    {
      title: 'Addressing plan',
      table: {
        headers: ['Purpose', 'Size', 'Unit', 'Now', '+6 m', '+12 m', '+24 m'],
        rows: [
          ...d.plan.map((p) => [p.purpose, `/${p.prefixLength}`, unitOf(p, r.kind), cnt(p.now), cnt(p.m6), cnt(p.m12), cnt(p.m24)]),
          // One total per unit: /48s are never added to /56s.
          ...[...new Set(d.plan.map((p) => unitOf(p, r.kind)))].map((u) => {
            const rows = d.plan.filter((p) => unitOf(p, r.kind) === u);
            return [
              `Total (${u})`,
              '',
              u,
              cnt(sum(rows.map((p) => p.now))),
              sumOpt(rows.map((p) => p.m6)),
              sumOpt(rows.map((p) => p.m12)),
              sumOpt(rows.map((p) => p.m24)),
            ];
          }),
        ],
      },
    },
    ...(d.need && d.need.length > 0
      ? [
          {
            title: 'Need minus free space',
            table: {
              headers: ['Horizon', 'Projected in use', 'Growth', 'Free now', 'Need minus free space'],
              rows: d.need.map((n) => [
                `${n.horizonMonths} months`,
                cnt(n.demand),
                cnt(n.growth),
                cnt(n.free),
                n.net > 0 ? cnt(n.net) : `${cnt(n.net)} (free space covers the need)`,
              ]),
            },
          },
        ]
      : []),
    ...(d.ipv6 ? [{ title: 'IPv6 sizing', fields: ipv6Fields(d) }] : []),
    {
      title: 'Infrastructure',
      fields: [['Network diagram attached', d.diagramAttached ? 'yes' : 'no']],
      table: {
        headers: ['Equipment', 'Vendor', 'Model', 'Use of addresses'],
        rows: d.infrastructure.map((e) => [e.name, opt(e.vendor), opt(e.model), opt(e.usage)]),
      },
    },
    {
      title: 'Connectivity',
      fields: [
        ['Own ASN', c.ownAsn === undefined ? '—' : `AS${c.ownAsn}`],
        ['Multihoming', c.multihoming + (c.multihoming === 'soon' && c.soonMonths !== undefined ? ` (within ${c.soonMonths} months)` : '')],
        ['IX memberships', c.ixps.length > 0 ? c.ixps.join(', ') : '—'],
        ...(c.uniqueRoutingPolicy ? [['Unique routing policy', c.uniqueRoutingPolicy] as const] : []),
        ...(d.asn
          ? [['ASN type', d.asn.bits === 'any' ? 'any' : `${d.asn.bits}-bit`] as const, ...(d.asn.reason16 ? [['Why 16-bit', d.asn.reason16] as const] : [])]
          : []),
      ],
      table: {
        headers: ['Role', 'ASN', 'Organisation', 'Contact', 'E-mail', 'Contract'],
        rows: [
          ...c.upstreams.map((n) => ['upstream', `AS${n.asn}`, n.org, opt(n.contact), opt(n.email), opt(n.contractSigned)]),
          ...c.peers.map((n) => ['peer', `AS${n.asn}`, n.org, opt(n.contact), opt(n.email), opt(n.contractSigned)]),
        ],
      },
    },
    { title: 'Routing', fields: [['Prefixes to originate', d.originate.length > 0 ? d.originate.join(', ') : '—']] },
    ...(d.steps && d.steps.length > 0
      ? [{ title: 'Registration steps', table: { headers: ['#', 'Step'], rows: d.steps.map((t, i) => [String(i + 1), t]) } }]
      : []),
    ...(d.roas && d.roas.length > 0
      ? [
          {
            title: 'ROAs to create (RPKI)',
            table: { headers: ['Prefix', 'Max length', 'Origin AS'], rows: d.roas.map((r) => [r.prefix, `/${r.maxLength}`, `AS${r.asn}`]) },
          },
        ]
      : []),
    ...(d.dbObjects.length > 0 ? [{ title: 'Database objects', code: renderRpslObjects(d.dbObjects.map((o) => o.object)) }] : []),
    ...(d.reverse.length > 0
      ? [
          {
            title: 'Reverse DNS',
            table: {
              headers: ['Zone', 'Name servers', 'DS records'],
              rows: d.reverse.map((z) => [z.zone, z.nserver.join(', '), String(z.dsRdata?.length ?? 0)]),
            },
          },
        ]
      : []),
    ...(d.notes ? [{ title: 'Notes', text: d.notes }] : []),
    ...archivedSection(d),
    ...(results ? [checksSection(results)] : []),
  ];
  return { title: `${RIR_NAMES[r.rir]} ${KIND_NAMES[r.kind]} request — ${d.organisation.legalName}`, sections };
}

function archivedSection(d: RequestDraft): DraftSection[] {
  const text = renderArchivedTemplate(d);
  return text === null ? [] : [{ title: 'Archived template (plain text)', code: text }];
}

/** The unit a plan row counts in; rows without one are addresses (IPv4) or unstated end-site units. */
function unitOf(p: RequestDraft['plan'][number], kind: RequestDraft['request']['kind']): string {
  return p.unit ?? (kind === 'ipv4' ? 'addresses' : 'units (unstated)');
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
function sumOpt(xs: ReadonlyArray<number | undefined>): string {
  return xs.every((x) => x === undefined) ? '—' : cnt(sum(xs.map((x) => x ?? 0)));
}

function ipv6Fields(d: RequestDraft): Array<readonly [string, string]> {
  const s = d.ipv6!;
  const rows: Array<readonly [string, string | number | undefined]> = [
    ['Serving sites', s.servingSites],
    ['End sites at the largest serving site', s.largestSiteEndSites],
    ['Provider allocation unit', s.providerAllocationUnit === undefined ? undefined : `/${s.providerAllocationUnit}`],
    ['End-user sites', s.endUserSites],
    ['Current allocation', s.currentAllocationLength === undefined ? undefined : `/${s.currentAllocationLength}`],
    ['Assigned units', s.assignedUnits],
    ['Total used', s.totalUsedPct === undefined ? undefined : `${s.totalUsedPct}%`],
    ['Busiest site used', s.maxSiteUsedPct === undefined ? undefined : `${s.maxSiteUsedPct}%`],
    ['Announced within', s.announceWithinMonths === undefined ? undefined : `${s.announceWithinMonths} months`],
  ];
  return rows.filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'number' ? cnt(v) : String(v)] as const);
}

function checksSection(results: readonly CheckResult[]): DraftSection {
  const failedE = results.filter((x) => x.severity === 'E' && !x.ok).length;
  return {
    title: 'Policy checks',
    text: `${failedE === 0 ? 'Policy-conforming' : `NON-CONFORMING: ${failedE} error(s)`}. Policy table ${POLICY_TABLE_VERSION}.`,
    table: {
      headers: ['Rule', 'Sev', 'Result', 'Message', 'Source', 'As of'],
      rows: results.map((x) => [x.rule, x.severity, verdict(x), x.message, x.source, x.asOf]),
    },
  };
}

/** pass, verify (unconfirmed rule), info, warn or FAIL (an error). */
function verdict(x: CheckResult): string {
  if (x.ok) return 'pass';
  if (x.verify) return 'verify';
  return x.severity === 'I' ? 'info' : x.severity === 'W' ? 'warn' : 'FAIL';
}

const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** Markdown (CommonMark + pipe tables). */
export function renderDraftMarkdown(d: RequestDraft, results?: readonly CheckResult[]): string {
  const doc = draftDocument(d, results);
  const out: string[] = [`# ${doc.title}`, ''];
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    if (s.text) out.push(s.text, '');
    if (s.fields && s.fields.length > 0) {
      for (const [k, v] of s.fields) out.push(`- **${k}:** ${mdCell(v)}`);
      out.push('');
    }
    if (s.table) {
      if (s.table.rows.length === 0) out.push('_none_', '');
      else {
        out.push(`| ${s.table.headers.map(mdCell).join(' | ')} |`, `|${s.table.headers.map(() => ' --- |').join('')}`);
        for (const row of s.table.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
        out.push('');
      }
    }
    if (s.code) out.push('```', s.code.trimEnd(), '```', '');
  }
  return out.join('\n');
}

/** Plain text: underlined headings, aligned `label: value` lines and padded tables. */
export function renderDraftText(d: RequestDraft, results?: readonly CheckResult[]): string {
  const doc = draftDocument(d, results);
  const out: string[] = [doc.title, '='.repeat(doc.title.length), ''];
  for (const s of doc.sections) {
    out.push(s.title.toUpperCase(), '-'.repeat(s.title.length));
    if (s.text) out.push(s.text);
    if (s.fields && s.fields.length > 0) {
      const w = Math.max(...s.fields.map(([k]) => k.length)) + 1;
      for (const [k, v] of s.fields) out.push(`${`${k}:`.padEnd(w)} ${v.replace(/\r?\n/g, ' ')}`);
    }
    if (s.table) {
      if (s.table.rows.length === 0) out.push('(none)');
      else {
        const all = [s.table.headers, ...s.table.rows].map((row) => row.map((c) => c.replace(/\r?\n/g, ' ')));
        const widths = s.table.headers.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
        const line = (row: readonly string[]): string =>
          row
            .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!)))
            .join('  ')
            .trimEnd();
        out.push(line(all[0]!), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line));
      }
    }
    if (s.code) out.push(s.code.trimEnd());
    out.push('');
  }
  return out.join('\n');
}
