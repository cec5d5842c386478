/**
 * `leases import` (docs/dhcp-dns.md §4): a lease file read as that day's reading of each scope
 * of a space: the active leases inside its dynamic range. Garbage lines refuse the whole file
 * (by line number) with nothing written; an active lease outside every scope is reported.
 */
import type { LeaseImportResult } from '../../../shared/contract';
import { parseDhcpdLeases, parseKeaLeases } from '../../../shared/dhcp/leases';
import { scopeSize } from '../../../shared/dhcp/scope';
import { isCalendarDay } from '../../../shared/dates';
import { invalid } from '../../../shared/errors';
import { formatIPv4, formatPrefix } from '../../../shared/ip/prefix';
import { operation } from './operation';
import { DEFAULT_SPACE, todayUtc } from './registry';
import { scopeBlock, scopeRows } from './scopes';

export const importLeases = operation('dhcp.importLeases', (ws, input, write): LeaseImportResult => {
  const date = input.date ?? todayUtc(ws.now());
  if (!isCalendarDay(date)) {
    throw invalid('date', `"${date}" is not a date (YYYY-MM-DD)`);
  }
  const parsed = input.format === 'dhcpd' ? parseDhcpdLeases(input.text, date) : parseKeaLeases(input.text, date);
  if (parsed.garbage.length > 0) {
    const shown = parsed.garbage
      .slice(0, 10)
      .map((g) => `line ${g.line}: ${g.text}`)
      .join('; ');
    const more = parsed.garbage.length > 10 ? `; and ${parsed.garbage.length - 10} more` : '';
    throw invalid(
      'file',
      `${parsed.garbage.length} line${parsed.garbage.length === 1 ? '' : 's'} of the file ${parsed.garbage.length === 1 ? 'is' : 'are'} not a ${input.format === 'dhcpd' ? 'dhcpd.leases' : 'Kea lease CSV'} entry, nothing was imported: ${shown}${more}`,
    );
  }
  const space = input.space ?? DEFAULT_SPACE;
  const scopes = scopeRows(ws, space).map((r) => ({
    id: Number(r.id),
    prefix: formatPrefix(scopeBlock(r)),
    first: Number(r.first),
    last: Number(r.last),
    leased: 0,
  }));
  if (scopes.length === 0) throw invalid('file', `space "${space}" has no DHCP scope to count leases for; declare the scopes first (scope add)`);
  const outside: string[] = [];
  let inactive = 0;
  for (const l of parsed.leases) {
    if (!l.active) {
      inactive++;
      continue;
    }
    const s = scopes.find((x) => l.address >= x.first && l.address <= x.last);
    if (s) s.leased++;
    else outside.push(`${formatIPv4(l.address)} is leased but lies in no DHCP scope's range`);
  }
  write(`Import the leases of ${date} (${input.format})`, (tx) => {
    for (const s of scopes) {
      const old = tx.get('SELECT id FROM dhcp_lease_readings WHERE scope_id = ? AND date = ?', [s.id, date]);
      if (old) tx.update('dhcp_lease_readings', Number(old.id), { leased: s.leased });
      else tx.insert('dhcp_lease_readings', { scope_id: s.id, date, leased: s.leased });
    }
  });
  return {
    date,
    scopes: scopes.map((s) => ({ prefix: s.prefix, leased: s.leased, size: scopeSize(s.first, s.last) })),
    outside,
    read: parsed.read,
    inactive,
  };
});
