/**
 * Export of the registry: the CLI's CSV, NetBox's prefix CSV (each cell neutralised against
 * formula injection, docs/exports.md) and an RIR's delegated(-extended) statistics file.
 */
import { type ExportFormat, type ExportResult, type PrefixRow, type PrefixStatus } from '../../../shared/contract';
import { writeCsv } from '../../../shared/csv';
import { parsePrefix } from '../../../shared/ip/prefix';
import { neutraliseCsvCell } from '../../../shared/report/csv-cell';
import { DELEGATED_REGISTRIES } from '../../../shared/rir/delegated';
import { delegatedRecordForAsns, delegatedRecordForPrefix, formatDelegated } from '../../../shared/rir/delegated-write';
import type { Workspace } from '../workspace/workspace';
import { DEFAULT_SPACE, listPrefixes, todayUtc } from './registry';

// ------------------------------------------------------------------------------------ export

/** RFC 4180 CSV, every cell neutralised against formula injection (docs/exports.md). */
function toCsv(header: string[], rows: string[][]): string {
  return writeCsv(
    header,
    rows.map((r) => r.map(neutraliseCsvCell)),
  );
}

// NetBox's prefix statuses: container, active, reserved, deprecated (a released block on its way out).
const TO_NETBOX: Record<PrefixStatus, string> = {
  aggregate: 'container',
  allocated: 'container',
  assigned: 'active',
  reserved: 'reserved',
  cooldown: 'deprecated',
  planned: 'reserved',
};

export function exportPrefixes(
  ws: Workspace,
  input: { format: ExportFormat; within?: string | undefined; space?: string | undefined; registry?: string | undefined },
): ExportResult {
  const rows: PrefixRow[] = listPrefixes(ws, { within: input.within, space: input.space }).rows;
  switch (input.format) {
    case 'csv':
      return {
        format: 'csv',
        rows: rows.length,
        text: toCsv(
          ['prefix', 'status', 'description', 'space', 'date'],
          rows.map((r) => [r.prefix, r.status, r.description, r.space, r.date ?? '']),
        ),
      };
    case 'netbox':
      return {
        format: 'netbox',
        rows: rows.length,
        text: toCsv(
          ['prefix', 'status', 'vrf', 'description'],
          rows.map((r) => [r.prefix, TO_NETBOX[r.status], r.space === DEFAULT_SPACE ? '' : r.space, r.description]),
        ),
      };
    case 'delegated': {
      const aggregates = rows.filter((r) => r.status === 'aggregate' && r.space === DEFAULT_SPACE);
      const registry = input.registry ?? aggregates.find((r) => r.rir !== null && DELEGATED_REGISTRIES.includes(r.rir))?.rir ?? 'ripencc';
      const day = (d: string | null) => (d ? d.replaceAll('-', '') : '');
      const o = { registry, cc: 'ZZ', status: 'allocated' as const };
      const records = aggregates.map((r) => delegatedRecordForPrefix(parsePrefix(r.prefix), { ...o, date: day(r.date) }));
      const asns = input.within ? [] : ws.all('SELECT asn, created_at FROM asns ORDER BY asn');
      const asnRecords = asns.map((a) => delegatedRecordForAsns(Number(a.asn), 1, { ...o, date: String(a.created_at).slice(0, 10).replaceAll('-', '') }));
      const today = todayUtc(ws.now()).replaceAll('-', '');
      const all = [...asnRecords, ...records];
      const dates = all
        .map((r) => r.date)
        .filter((d) => d !== '')
        .sort();
      const text = formatDelegated({
        header: { version: '2', registry, serial: today, startDate: dates[0] ?? today, endDate: today, utcOffset: '+0000' },
        records: all,
      });
      return { format: 'delegated', rows: all.length, text };
    }
  }
}
