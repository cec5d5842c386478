/**
 * The limits of the forecast board (issue 12 §8): ONE list, LIMIT_SOURCES, of where limits come
 * from. Each entry turns workspace rows into LimitSources (what the limit is, its series, its
 * lead time); forecast.ts fits and ranks them all alike.
 */
import { eventsToSeries, readingsAsGiven } from '../../../shared/forecast';
import type { Workspace } from '../workspace/workspace';
import { daysBetween } from '../../../shared/dates';
import { BATTERY_AGE, batteryAge } from '../../../shared/facility/battery-age';
import { asnRangeHistories } from './asn-ranges';
import { listSites, siteDetail, siteLimits } from './facility';
import { loadPools, type PoolSource } from './forecast-pools';
import type { LimitSource, LimitSourceProvider } from './forecast-source';
import { linkSources } from './links';
import { scopeLimitSources } from './scopes-forecast';

export type { LimitSource, LimitSourceProvider } from './forecast-source';

function poolSource(p: PoolSource): LimitSource {
  const where = [p.description, p.space !== 'global' ? `space ${p.space}` : ''].filter(Boolean).join(' · ');
  return {
    meta: {
      id: `pool:${p.rowId}`,
      kind: 'pool',
      name: p.prefix,
      detail: where,
      unit: p.family === 4 ? 'addresses' : `/${p.unitLength}`,
      prefixUnit: { family: p.family, length: p.unitLength },
      capacity: p.capacity,
    },
    series: (asOf, windowDays) => p.series(asOf, windowDays),
    reachedOn: (asOf, level) => p.reachedOn(asOf, level),
    plannedSteps: (asOf) => p.plannedSteps(asOf),
  };
}

function facilitySources(ws: Workspace): LimitSource[] {
  const out: LimitSource[] = [];
  for (const site of listSites(ws)) {
    const limits = siteLimits(ws, { siteId: site.id });
    if (!limits.ok || limits.limits === null) continue;
    const readings = siteDetail(ws, site.id).readings;
    for (const l of limits.limits.limits) {
      const kind = l.variable;
      const mine = readings.filter((r) => r.kind === kind).map((r) => ({ date: r.date, value: r.value }));
      out.push({
        meta: {
          id: `facility:${site.id}:${l.key}`,
          kind: 'facility',
          name: l.label.charAt(0).toUpperCase() + l.label.slice(1),
          detail: site.name,
          unit: kind === 'itW' ? 'W' : 'bytes',
          prefixUnit: null,
          capacity: l.max,
        },
        series(asOf, windowDays) {
          if (mine.length === 0) return [];
          // Fitted on the readings' own spacing (monthly stays monthly, issue 12); several on one
          // day: power and cooling bind on the day's peak, stored data is a level.
          return readingsAsGiven({ readings: mine, asOf, windowDays, reduce: kind === 'itW' ? 'max' : 'last' });
        },
      });
    }
  }
  return out;
}

/** Each ASN block: how many of its ASNs are in use, day by day (each counts from its date). */
function asnSources(ws: Workspace): LimitSource[] {
  return asnRangeHistories(ws).map(({ range, days }) => {
    const opening = [range.date, days[0] ?? range.date].sort()[0]!;
    return {
      meta: {
        id: `asn:${range.id}`,
        kind: 'asn',
        name: `ASN block ${range.name}`,
        detail: [`AS${range.first}–AS${range.last}`, range.description].filter(Boolean).join(' · '),
        unit: 'ASNs',
        prefixUnit: null,
        capacity: range.size,
      },
      series(asOf, windowDays) {
        if (asOf < opening) return [];
        const events = days.map((d) => ({ at: d, delta: 1 }));
        return eventsToSeries({ opening: 0, openingDate: opening, events, asOf, windowDays }).points;
      },
      reachedOn(asOf, level) {
        // The n-th ASN in use (day order) is the day the count reached n; it never drops here.
        const n = Math.ceil(level);
        const day = n >= 1 ? days[n - 1] : opening;
        return day !== undefined && day <= asOf ? day : null;
      },
    };
  });
}

/**
 * THE list of limit sources, in board order for equal dates. One entry per kind; add yours at
 * the end (h/dhcp: DHCP scopes, h/facmodel: battery replacement, h/facio: circuits).
 */
export const LIMIT_SOURCES: readonly LimitSourceProvider[] = [
  { kind: 'pool', load: (ws) => loadPools(ws).map(poolSource) },
  { kind: 'asn', load: asnSources },
  // A site's limits, then each battery string's replacement date (a known day, not fitted).
  { kind: 'facility', load: (ws) => [...facilitySources(ws), ...batteryReplacementSources(ws)] },
  { kind: 'link', load: linkSources },
  { kind: 'dhcp', load: scopeLimitSources },
];

// ---- battery replacement dates (facility, issue 13): a date known from the install date, not fitted.

/** Each battery string with an install date: its replacement day at 80 % capacity (shared/facility/battery-age.ts). */
function batteryReplacementSources(ws: Workspace): LimitSource[] {
  const out: LimitSource[] = [];
  for (const site of listSites(ws)) {
    for (const b of siteDetail(ws, site.id).batteryStrings) {
      if (b.installDate === null) continue;
      const age = batteryAge({
        installDate: b.installDate,
        designLifeYears: b.designLifeYears ?? BATTERY_AGE.defaultDesignLifeYears,
        batteryTempC: b.batteryTempC ?? undefined,
      });
      const years = (asOf: string) => daysBetween(b.installDate!, asOf) / 365.25;
      out.push({
        meta: {
          id: `facility:${site.id}:battery-life:${b.id}`,
          kind: 'facility',
          name: `Battery “${b.name}” replacement (80 % capacity)`,
          detail: site.name,
          unit: 'years',
          prefixUnit: null,
          capacity: age.serviceLifeYears,
        },
        series: (asOf) => (asOf < b.installDate! ? [] : [{ date: asOf, value: years(asOf) }]),
        fixed: {
          date: age.replaceBy,
          warningDate: age.warnFrom,
          note: `installed ${b.installDate}, ${b.designLifeYears ?? BATTERY_AGE.defaultDesignLifeYears}-year design life at ${b.batteryTempC ?? BATTERY_AGE.referenceC} °C`,
        },
      });
    }
  }
  return out;
}

/** Every limit of the workspace, source by source. */
export function limitSources(ws: Workspace): LimitSource[] {
  return LIMIT_SOURCES.flatMap((s) => s.load(ws));
}
