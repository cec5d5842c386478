/**
 * ASN blocks: the ranges of AS numbers an ISP draws from (a block from its RIR, or a private
 * range it hands to BGP customers), so the forecasts can say when one runs out (NetBox's
 * ASNRange, specs/ip-registry.md §3.1). Bounds are inclusive, in asplain or asdot; blocks may
 * not overlap one another, so an ASN belongs to at most one.
 */
import type { AsnRangeRow } from '../../../shared/contract';
import { formatAsdot, parseAsn } from '../../../shared/asn/asn';
import { HeadroomError, invalid } from '../../../shared/errors';
import type { Row } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { todayUtc } from './registry';

function toRow(r: Row, used: number): AsnRangeRow {
  const first = Number(r.first);
  const last = Number(r.last);
  return {
    id: Number(r.id),
    name: String(r.name),
    first,
    last,
    firstAsdot: formatAsdot(first),
    lastAsdot: formatAsdot(last),
    size: last - first + 1,
    used,
    description: String(r.description ?? ''),
    date: String(r.date),
  };
}

function usedIn(ws: Workspace, first: number, last: number): number {
  return Number(ws.get('SELECT count(*) AS n FROM asns WHERE asn BETWEEN ? AND ?', [first, last])!.n);
}

export const addAsnRange = operation('registry.addAsnRange', (ws, input, write): AsnRangeRow => {
  const name = input.name.trim();
  const first = parseAsn(input.first, 'first');
  const last = parseAsn(input.last, 'last');
  if (last < first) throw invalid('last', `AS${last} is below the first ASN of the block (AS${first})`);
  if (ws.get('SELECT id FROM asn_ranges WHERE name = ?', [name])) throw new HeadroomError('conflict', `there is already an ASN block named "${name}"`, 'name');
  const overlap = ws.get('SELECT name, first, last FROM asn_ranges WHERE first <= ? AND last >= ? ORDER BY first LIMIT 1', [last, first]);
  if (overlap) {
    throw new HeadroomError(
      'conflict',
      `AS${first}–AS${last} overlaps the block "${String(overlap.name)}" (AS${Number(overlap.first)}–AS${Number(overlap.last)})`,
      'first',
    );
  }
  const id = write(`Add the ASN block ${name} (AS${first}–AS${last})`, (tx) =>
    tx.insert('asn_ranges', {
      name,
      first,
      last,
      description: input.description ?? '',
      date: input.date ?? todayUtc(ws.now()),
      created_at: ws.now().toISOString(),
    }),
  );
  return toRow(ws.get('SELECT * FROM asn_ranges WHERE id = ?', [id])!, usedIn(ws, first, last));
});

export function listAsnRanges(ws: Workspace): AsnRangeRow[] {
  return ws
    .all('SELECT r.*, (SELECT count(*) FROM asns a WHERE a.asn BETWEEN r.first AND r.last) AS used FROM asn_ranges r ORDER BY r.first')
    .map((r) => toRow(r, Number(r.used)));
}

export const removeAsnRange = operation('registry.removeAsnRange', (ws, input, write): AsnRangeRow => {
  const name = input.name.trim();
  const r = ws.get('SELECT * FROM asn_ranges WHERE name = ?', [name]);
  if (!r) throw new HeadroomError('not-found', `there is no ASN block named "${name}"`, 'name');
  const row = toRow(r, usedIn(ws, Number(r.first), Number(r.last)));
  write(`Remove the ASN block ${name}`, (tx) => tx.delete('asn_ranges', row.id));
  return row;
});

/** Each block with the days its ASNs were taken into use (for the forecasts). */
export function asnRangeHistories(ws: Workspace): { range: AsnRangeRow; days: string[] }[] {
  return listAsnRanges(ws).map((range) => ({
    range,
    days: ws
      .all('SELECT coalesce(date, substr(created_at, 1, 10)) AS d FROM asns WHERE asn BETWEEN ? AND ? ORDER BY d', [range.first, range.last])
      .map((r) => String(r.d)),
  }));
}
