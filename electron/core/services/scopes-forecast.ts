/**
 * Every DHCP scope as a limit on the forecast board (issue 15 point 4): its active leases (the
 * readings of `leases import`) against the size of its range; one entry of LIMIT_SOURCES
 * (forecast-sources.ts).
 */
import { readingsAsGiven } from '../../../shared/forecast';
import type { Workspace } from '../workspace/workspace';
import type { LimitSource } from './forecast-source';
import { liveScopes } from './scopes';

export function scopeLimitSources(ws: Workspace): LimitSource[] {
  // A scope whose block was released or removed hands out no leases: it leaves the board (its row stays).
  return liveScopes(ws).map((s) => {
    const readings = ws
      .all('SELECT date, leased FROM dhcp_lease_readings WHERE scope_id = ? ORDER BY date', [s.id])
      .map((r) => ({ date: String(r.date), value: Number(r.leased) }));
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
