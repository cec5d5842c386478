/** AS numbers in the registry: recorded in asplain, shown with their special-purpose flags (spec §2). */
import type { AsnRow } from '../../../shared/contract';
import { formatAsdot, isAsn16, parseAsn } from '../../../shared/asn/asn';
import { classifyAsn, ownAsnWarning } from '../../../shared/asn/special';
import { HeadroomError } from '../../../shared/errors';
import type { Row } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';

export function rowToAsn(r: Row): AsnRow {
  const asn = Number(r.asn);
  const special = classifyAsn(asn);
  return {
    id: Number(r.id),
    asn,
    asdot: formatAsdot(asn),
    description: String(r.description ?? ''),
    asn16: isAsn16(asn),
    special: special ? { kind: special.kind, purpose: special.purpose, rfc: special.rfc, legalInternally: special.legalInternally } : null,
    warning: ownAsnWarning(asn),
    date: String(r.date ?? String(r.created_at ?? '').slice(0, 10)),
  };
}

export const addAsn = operation('registry.addAsn', (ws, input, write): AsnRow => {
  const asn = parseAsn(input.asn, 'asn');
  if (ws.get('SELECT id FROM asns WHERE asn = ?', [asn])) throw new HeadroomError('conflict', `AS${asn} is already recorded`, 'asn');
  return write(`Add AS${asn}`, (tx) => {
    const now = ws.now().toISOString();
    const id = tx.insert('asns', { asn, description: input.description ?? '', date: input.date ?? now.slice(0, 10), created_at: now });
    return rowToAsn(tx.get('SELECT * FROM asns WHERE id = ?', [id])!);
  });
});

export const removeAsn = operation('registry.removeAsn', (ws, input, write): AsnRow => {
  const asn = parseAsn(input.asn, 'asn');
  const r = ws.get('SELECT * FROM asns WHERE asn = ?', [asn]);
  if (!r) throw new HeadroomError('not-found', `AS${asn} is not recorded`, 'asn');
  const row = rowToAsn(r);
  write(`Remove AS${asn}`, (tx) => tx.delete('asns', row.id));
  return row;
});

export function listAsns(ws: Workspace): AsnRow[] {
  return ws.all('SELECT * FROM asns ORDER BY asn').map(rowToAsn);
}

/** Changes a recorded ASN's description or date in one undoable change; only the fields given are written. */
export const setAsn = operation('registry.setAsn', (ws, input, write): AsnRow => {
  const asn = parseAsn(input.asn, 'asn');
  const r = ws.get('SELECT * FROM asns WHERE asn = ?', [asn]);
  if (!r) throw new HeadroomError('not-found', `AS${asn} is not recorded`, 'asn');
  const before = rowToAsn(r);
  const patch: Record<string, string> = {};
  if (input.description !== undefined && input.description !== before.description) patch.description = input.description;
  if (input.date !== undefined && input.date !== before.date) patch.date = input.date;
  if (Object.keys(patch).length === 0) return before;
  write(`Change AS${asn}: ${Object.keys(patch).join(', ')}`, (tx) => tx.update('asns', before.id, patch));
  return rowToAsn(ws.get('SELECT * FROM asns WHERE id = ?', [before.id])!);
});
