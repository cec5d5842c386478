/**
 * The allocation report as CSV (`headroom export --format report-csv`, the Reports screen): the
 * tree of blocks in the CLI's order with each block's depth, how much of it its direct children
 * use and reserve, and what is free, from the usage counters the workspace keeps (the numbers of
 * the PDF report and the Registry grid). RFC 4180, CRLF, UTF-8, every text cell neutralised
 * against formula injection (docs/exports.md). The forecast board is in the PDF only: a CSV
 * holds one table.
 */
import type { PrefixRow } from '../contract/registry';
import { writeCsv } from '../csv';
import { neutraliseCsvCell } from './csv-cell';

export const ALLOCATION_CSV_HEADER = ['prefix', 'space', 'status', 'description', 'date', 'depth', 'children', 'used_pct', 'reserved_pct', 'free_pct'] as const;

/** A share with at most two decimals, as text (no locale: a CSV is read by programs too). */
const pct = (x: number) => String(Math.round(x * 100) / 100);

export function renderAllocationCsv(rows: readonly Pick<PrefixRow, 'prefix' | 'space' | 'status' | 'description' | 'date' | 'usage'>[]): string {
  const data = rows.map((r) => {
    const u = r.usage;
    const hasChildren = u.children > 0;
    const free = Math.max(0, 100 - u.usedPct - u.reservedPct);
    return [
      r.prefix,
      r.space,
      r.status,
      neutraliseCsvCell(r.description),
      r.date ?? '',
      String(u.depth),
      String(u.children),
      hasChildren ? pct(u.usedPct) : '',
      hasChildren ? pct(u.reservedPct) : '',
      hasChildren ? pct(free) : '',
    ];
  });
  return writeCsv(ALLOCATION_CSV_HEADER, data);
}
