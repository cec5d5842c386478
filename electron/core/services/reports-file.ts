/**
 * reports.file: one file of the Reports screen. Each format is produced by the same service call
 * as the CLI's `export --format F` (electron/cli/commands/export-formats.ts) or `request --format`,
 * and encoded as the CLI writes it (text as UTF-8, a PDF as Chromium prints it), so the bytes the
 * app saves are the CLI's (test/e2e/reports.test.ts compares them). docs/exports.md says what
 * each file holds.
 */
import type { ReportFile, ReportFileFormat, RequestKindName, RequestRir } from '../../../shared/contract';
import { errorLine, HeadroomError } from '../../../shared/errors';
import { renderAllocationCsv } from '../../../shared/report/allocation-csv';
import { renderDraftHtml } from '../../../shared/report/draft-html';
import { computeSheet, sheetItW } from '../../../shared/facility/sheet';
import { renderSizingSheetHtml } from '../../../shared/report/sizing-sheet-html';
import { renderDraftMarkdown, renderDraftText } from '../../../shared/rir/draft-render';
import type { Workspace } from '../workspace/workspace';
import { listSites, siteDetail, siteLimits } from './facility';
import { DEFAULT_SPACE, listPrefixes, todayUtc } from './registry';
import { exportPrefixes } from './registry-export';
import { exportReport } from './reports';
import { printHtmlToPdfAsync } from './reports-pdf';
import { draftView } from './requests';
import { readOrganisation } from './requests-settings';
import { exportRoas } from './routing';

export interface ReportFileInput {
  format: ReportFileFormat;
  within?: string | undefined;
  space?: string | undefined;
  ns?: string[] | undefined;
  rir?: RequestRir | undefined;
  kind?: RequestKindName | undefined;
  site?: string | undefined;
  htmlOnly?: boolean | undefined;
  as0?: boolean | undefined;
}

/** Prints HTML to PDF bytes; the Chromium path of the CLI unless a test or a transport gives another. */
export type PdfPrinter = (html: string, instead: string) => Promise<Uint8Array>;

interface Made {
  fileName: string;
  mime: string;
  text: string | null;
  html: string | null;
  bytes?: Uint8Array;
  items: number;
  warnings: string[];
  scope: string;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function scopeWords(input: ReportFileInput, defaultSpace: string | undefined): string {
  const space = input.space ?? defaultSpace;
  return [input.within ? `the blocks within ${input.within}` : 'every block', space ? `of space ${space}` : 'of every space'].join(' ');
}

const ROA: Record<string, 'slurm' | 'csv' | 'lacnic' | 'arin' | 'ripe'> = {
  'roa-slurm': 'slurm',
  'roa-csv': 'csv',
  'roa-lacnic': 'lacnic',
  'roa-arin': 'arin',
  'roa-ripe': 'ripe',
};

const TEXT_MIME: Partial<Record<ReportFileFormat, string>> = {
  csv: 'text/csv',
  netbox: 'text/csv',
  'roa-csv': 'text/csv',
  kea: 'application/json',
  'roa-slurm': 'application/json',
  'roa-ripe': 'application/json',
  'request-md': 'text/markdown',
};

function stem(ws: Workspace): string {
  const file = ws.path.split(/[\\/]/).pop() ?? 'workspace';
  return file.replace(/\.headroom$/i, '') || 'workspace';
}

function scopeSuffix(input: ReportFileInput): string {
  const parts = [input.space ? `-${input.space}` : '', input.within ? `-${input.within.replace(/[/:]/g, '_')}` : ''];
  return parts.join('').replace(/[^\w.-]/g, '_');
}

/** The facility sizing sheet of one site (`export --format sizing-pdf --site NAME`). */
async function sizingSheet(ws: Workspace, input: ReportFileInput, print: PdfPrinter): Promise<Made> {
  const sites = listSites(ws);
  if (!input.site) throw new HeadroomError('invalid', `choose the site (${sites.map((x) => x.name).join(', ') || 'no site yet'})`, 'site');
  const found = sites.find((x) => x.name === input.site) ?? (/^\d+$/.test(input.site) ? sites.find((x) => x.id === Number(input.site)) : undefined);
  if (!found) throw new HeadroomError('not-found', `there is no site "${input.site}"`, 'site');
  const detail = siteDetail(ws, found.id);
  const limits = siteLimits(ws, { siteId: found.id });
  const org = readOrganisation(ws);
  const file = ws.path.split(/[\\/]/).pop() ?? '';
  const html = renderSizingSheetHtml({
    organisation: org.legalName || file,
    date: todayUtc(ws.now()),
    detail,
    limits: limits.limits,
    problem: limits.error?.message ?? null,
    warnings: limits.warnings,
    // The same figures as the Facility screen's sheet: read at the newest measured load, else the equipment list's.
    sheet: limits.limits ? computeSheet(detail, sheetItW(detail, limits.limits.currentItW).itW) : null,
  });
  const bytes = await print(html, 'use the Facility screen');
  const warnings = [...limits.warnings, ...(limits.error ? [`the site cannot be computed: ${errorLine(limits.error)}`] : [])];
  const fileName = `sizing-sheet-${found.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || found.id}.pdf`;
  return { fileName, mime: 'application/pdf', text: null, html, bytes, items: limits.limits?.limits.length ?? 0, warnings, scope: `the site “${found.name}”` };
}

async function make(ws: Workspace, input: ReportFileInput, print: PdfPrinter): Promise<Made> {
  const f = input.format;
  if (f === 'sizing-pdf') return sizingSheet(ws, input, print);
  const scoped = { within: input.within || undefined, space: input.space };
  const name = `${stem(ws)}${scopeSuffix(input)}`;
  if (f === 'csv' || f === 'netbox' || f === 'delegated') {
    const r = exportPrefixes(ws, { format: f, ...scoped });
    const ext = f === 'delegated' ? 'txt' : 'csv';
    const warnings = r.rows === 0 ? ['no block in this scope: the file has only its header'] : [];
    return {
      fileName: `${name}-${f === 'csv' ? 'blocks' : f}.${ext}`,
      mime: TEXT_MIME[f] ?? 'text/plain',
      text: r.text,
      html: null,
      items: r.rows,
      warnings,
      scope: scopeWords(input, undefined),
    };
  }
  if (f === 'rpsl' || f === 'bind' || f === 'dhcpd' || f === 'kea') {
    const r = exportReport(ws, { format: f, ...scoped, ...(input.ns && input.ns.length > 0 ? { ns: input.ns } : {}) });
    const fileName = { rpsl: `${name}.rpsl.txt`, bind: `${name}-reverse-zones.txt`, dhcpd: `${name}-dhcpd.conf`, kea: `${name}-kea-dhcp4.json` }[f];
    // rpsl and bind always cover the global space (the registry's aggregates); DHCP one space.
    const space = f === 'rpsl' || f === 'bind' ? DEFAULT_SPACE : (input.space ?? DEFAULT_SPACE);
    return {
      fileName,
      mime: TEXT_MIME[f] ?? 'text/plain',
      text: r.text,
      html: null,
      items: r.items,
      warnings: r.warnings,
      scope: scopeWords({ ...input, space }, space),
    };
  }
  if (f in ROA) {
    // The very text `roa export --format F [--as0]` writes, with the same warnings.
    const r = exportRoas(ws, { format: ROA[f]!, as0: input.as0 ?? false });
    return {
      fileName: r.fileName,
      mime: TEXT_MIME[f] ?? 'text/plain',
      text: r.text,
      html: null,
      items: r.items,
      warnings: r.warnings,
      scope: input.as0 ? "every route of the workspace, and AS0 for our aggregates' space no route covers" : 'every route of the workspace',
    };
  }
  if (f === 'report-csv') {
    const rows = listPrefixes(ws, { within: scoped.within, space: scoped.space }).rows;
    const warnings = rows.length === 0 ? ['no block in this scope: the file has only its header'] : [];
    return {
      fileName: `${name}-allocation-report.csv`,
      mime: 'text/csv',
      text: renderAllocationCsv(rows),
      html: null,
      items: rows.length,
      warnings,
      scope: scopeWords(input, undefined),
    };
  }
  if (f === 'pdf') {
    const r = exportReport(ws, { format: 'html', ...scoped });
    const bytes = await print(r.text, 'choose the CSV instead');
    return {
      fileName: `${name}-allocation-report.pdf`,
      mime: 'application/pdf',
      text: null,
      html: r.text,
      bytes,
      items: r.items,
      warnings: r.warnings,
      scope: scopeWords(input, undefined),
    };
  }
  // The request drafts: `headroom request --rir R --kind K --format txt|md|pdf`.
  if (!input.rir) throw new HeadroomError('invalid', 'choose the RIR the request goes to', 'rir');
  if (!input.kind) throw new HeadroomError('invalid', 'choose what the request asks for (IPv4, IPv6 or an AS number)', 'kind');
  const view = draftView(ws, input.rir, input.kind);
  const failed = view.checks.filter((c) => c.severity === 'E' && !c.ok);
  const warnings = [
    ...view.missing.map((m) => errorLine(m)),
    ...(failed.length > 0
      ? [
          `NON-CONFORMING: ${failed.length} policy rule${failed.length === 1 ? '' : 's'} fail${failed.length === 1 ? 's' : ''}: ${failed.map((c) => c.message).join('; ')}`,
        ]
      : []),
  ];
  const draftName = `${input.rir}-${input.kind}-request`;
  const scope = `the ${input.rir.toUpperCase()} ${input.kind === 'asn' ? 'AS number' : input.kind.toUpperCase()} request of the workspace`;
  if (f === 'request-pdf') {
    const html = renderDraftHtml(view.draft, view.checks);
    const bytes = await print(html, 'choose the text draft instead');
    return { fileName: `${draftName}.pdf`, mime: 'application/pdf', text: null, html, bytes, items: view.checks.length, warnings, scope };
  }
  const text = f === 'request-md' ? renderDraftMarkdown(view.draft, view.checks) : renderDraftText(view.draft, view.checks);
  return {
    fileName: `${draftName}.${f === 'request-md' ? 'md' : 'txt'}`,
    mime: TEXT_MIME[f] ?? 'text/plain',
    text,
    html: null,
    items: view.checks.length,
    warnings,
    scope,
  };
}

/** What a preview prints: nothing (the HTML is the preview; Save prints it). */
const NOT_PRINTED: PdfPrinter = async () => new Uint8Array(0);

export async function reportFile(ws: Workspace, input: ReportFileInput, print: PdfPrinter = printHtmlToPdfAsync): Promise<ReportFile> {
  const m = await make(ws, input, input.htmlOnly ? NOT_PRINTED : print);
  const bytes = m.bytes ?? new TextEncoder().encode(m.text ?? '');
  return {
    format: input.format,
    fileName: m.fileName,
    mime: m.mime,
    base64: base64(bytes),
    text: m.text,
    html: m.html,
    items: m.items,
    warnings: m.warnings,
    scope: m.scope,
  };
}
