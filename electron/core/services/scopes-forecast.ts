/**
 * Every DHCP scope as a limit on the forecast board (issue 15 point 4): its active leases (the
 * readings of `leases import`) against the size of its range. Kept apart from forecast.ts (one
 * call there) so the board's own code stays the board's.
 */
import type { LimitForecast } from '../../../shared/contract';
import { readingsAsGiven, type SeriesPoint } from '../../../shared/forecast';
import type { Workspace } from '../workspace/workspace';
import { listScopes } from './scopes';

export interface ScopeLimitSource {
  meta: Pick<LimitForecast, 'id' | 'kind' | 'name' | 'detail' | 'unit' | 'prefixUnit' | 'capacity'>;
  series(asOf: string, windowDays: number): SeriesPoint[];
}

export function scopeLimitSources(ws: Workspace): ScopeLimitSource[] {
  return listScopes(ws).map((s) => {
    const readings = ws.all('SELECT date, leased FROM dhcp_lease_readings WHERE scope_id = ? ORDER BY date', [s.id]).map((r) => ({ date: String(r.date), value: Number(r.leased) }));
    return {
      meta: {
        id: `dhcp:${s.id}`,
        kind: 'dhcp',
        name: `DHCP scope ${s.prefix}`,
        detail: [`${s.first}–${s.last}`, s.space !== 'global' ? `space ${s.space}` : ''].filter(Boolean).join(' · '),
        unit: 'leases',
        prefixUnit: null,
        capacity: s.size,
      },
      series(asOf, windowDays) {
        const mine = readings.filter((r) => r.date <= asOf);
        // Leases are a level read on a day: the last reading of a day stands.
        return mine.length === 0 ? [] : readingsAsGiven({ readings: mine, asOf, windowDays, reduce: 'last' });
      },
    };
  });
}
