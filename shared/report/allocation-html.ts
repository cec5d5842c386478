/**
 * The allocation report (`headroom export --format pdf`): every block of the registry in CLI
 * order, indented under its parent, with status, description, how full it is and its date,
 * as one self-contained HTML page (no scripts, no remote content) that the CLI prints with
 * Chromium and the app with printToPDF.
 */
import type { PrefixRow } from '../contract/registry';
import { oneLine } from './dhcp-subnets';
import { escapeHtml as esc } from './html-escape';

export interface AllocationReport {
  organisation: string;
  /** YYYY-MM-DD (UTC): the day the report was made. */
  date: string;
  /** What it covers: `all blocks`, `within 198.51.100.0/24`. */
  scope: string;
  /** The space whose blocks carry no space label (the others are labelled after the prefix). */
  defaultSpace?: string;
  rows: readonly Pick<PrefixRow, 'prefix' | 'status' | 'description' | 'space' | 'date' | 'usage'>[];
  /** The forecasts board (every limit, soonest first), rendered by forecast-board.ts; absent: none. */
  boardHtml?: string;
}

const STATUSES = ['aggregate', 'allocated', 'assigned', 'reserved'] as const;

const CSS = `
body { font: 9pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #1b2330; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
.meta { color: #5d6b7e; margin: 0 0 10pt; }
.summary { display: flex; gap: 14pt; margin: 0 0 10pt; }
.summary div { border: 1px solid #d6dce4; border-radius: 3pt; padding: 3pt 8pt; }
.summary b { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #e1e5eb; padding: 2.5pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f5; border-bottom: 1px solid #c9d1dc; font-weight: bold; }
col.prefix { width: 29%; } col.status { width: 11.5%; } col.desc { width: 35.5%; } col.used { width: 13%; } col.date { width: 11%; }
td.prefix { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
td.used, td.status, td.date { white-space: nowrap; }
.bar { display: inline-block; width: 30pt; height: 6pt; background: #e6e9ee; vertical-align: middle; margin-right: 4pt; position: relative; }
.bar span { position: absolute; left: 0; top: 0; bottom: 0; background: #3f7fbf; }
.bar span.hi { background: #c62828; } .bar span.mid { background: #c98a00; }
.s-aggregate { font-weight: bold; } .s-reserved { color: #7a5200; }
tr.top td { border-top: 1px solid #9aa6b5; }
.space { color: #5d6b7e; font-size: 8pt; }
.res { color: #5d6b7e; font-size: 7.5pt; }
.note { color: #5d6b7e; margin-top: 8pt; font-size: 8pt; }
h2.board { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
table.board td { white-space: normal; }
col.b-limit { width: 31%; } col.b-used { width: 8%; } col.b-status { width: 26%; } col.b-between { width: 23%; } col.b-p12 { width: 12%; }
table.board td.when, table.board td.between { overflow-wrap: normal; }
table.board .day { white-space: nowrap; }
.stale { color: #7a5200; font-size: 7.5pt; font-weight: bold; }
@page { size: A4; margin: 14mm 12mm; }
`;

/** A used share as text: one decimal below 10 %, whole numbers above. */
export function formatPct(pct: number): string {
  if (pct > 0 && pct < 0.05) return '<0.1 %';
  return `${pct < 10 ? pct.toFixed(1).replace(/\.0$/, '') : Math.round(pct).toString()} %`;
}

/** A container shows how full its children make it; a leaf assigned or reserved block is used as a whole. */
function usedCell(r: AllocationReport['rows'][number]): string {
  const u = r.usage;
  const leaf = u.children === 0 && (r.status === 'assigned' || r.status === 'reserved');
  if (leaf) return '<td class="used">—</td>';
  const pct = Math.max(0, Math.min(100, u.usedPct));
  const level = pct >= 90 ? ' class="hi"' : pct >= 75 ? ' class="mid"' : '';
  const reserved = u.reservedPct > 0 ? `<div class="res">+ ${esc(formatPct(u.reservedPct))} reserved</div>` : '';
  return `<td class="used"><span class="bar"><span${level} style="width:${pct.toFixed(1)}%"></span></span>${esc(formatPct(pct))}${reserved}</td>`;
}

export function renderAllocationHtml(report: AllocationReport): string {
  const org = oneLine(report.organisation);
  const title = `Allocation report${org ? ` — ${org}` : ''}`;
  const defaultSpace = report.defaultSpace ?? 'global';
  const counts = STATUSES.map((s) => [s, report.rows.filter((r) => r.status === s).length] as const);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${esc(report.date)} · ${esc(oneLine(report.scope))} · ${report.rows.length.toLocaleString('en')} block${report.rows.length === 1 ? '' : 's'}</p>`,
    `<div class="summary">${counts.map(([s, n]) => `<div><b>${n.toLocaleString('en')}</b> ${s}</div>`).join('')}</div>`,
  ];
  if (report.rows.length === 0) out.push('<p><em>No blocks.</em></p>');
  else {
    out.push(
      '<table><colgroup><col class="prefix"><col class="status"><col class="desc"><col class="used"><col class="date"></colgroup>',
      '<thead><tr><th>Prefix</th><th>Status</th><th>Description</th><th>Used</th><th>Date</th></tr></thead><tbody>',
    );
    for (const r of report.rows) {
      const depth = Math.min(r.usage.depth, 8);
      const space = r.space !== defaultSpace ? ` <span class="space">${esc(r.space)}</span>` : '';
      out.push(
        `<tr${depth === 0 ? ' class="top"' : ''}><td class="prefix" style="padding-left:${(4 + depth * 9).toFixed(0)}pt">${esc(r.prefix)}${space}</td>` +
          `<td class="status s-${esc(r.status)}">${esc(r.status)}</td><td>${esc(oneLine(r.description))}</td>${usedCell(r)}<td class="date">${esc(r.date ?? '')}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  if (report.boardHtml) out.push(report.boardHtml);
  out.push(
    `<p class="note">Used: the share of a block held by its direct children (reserved space shown apart). An assigned or reserved block without children is used as a whole (—). Blocks outside the ${esc(defaultSpace)} space are labelled with their space.</p>`,
    '</body></html>',
  );
  return out.join('\n');
}
