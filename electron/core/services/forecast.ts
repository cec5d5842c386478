/**
 * forecast.*: every limit of the workspace with its growth fit and run-out date. Address pools
 * come from the prefixes table (forecast-pools.ts), facility limits from each site's §8
 * thresholds (facility service) against its dated readings. The numbers are
 * shared/forecast's; this file only gathers the series and sorts the answers.
 */
import type { ForecastLimits, ForecastSeries, LimitForecast } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import {
  eventsToSeries,
  fitAndProject,
  readingsAsGiven,
  type ForecastMethod,
  type ForecastResult,
  type ForecastStatus,
  type Scenario,
  type SeriesPoint,
} from '../../../shared/forecast';
import { forecastCurve } from '../../../shared/forecast/curve';
import type { Workspace } from '../workspace/workspace';
import { asnRangeHistories } from './asn-ranges';
import { BATTERY_AGE, batteryAge } from '../../../shared/facility/battery-age';
import { listSites, siteDetail, siteLimits } from './facility';
import { loadPools, type PoolSource } from './forecast-pools';
import { todayUtc } from './registry';

export const WARNING_FRAC = 0.8;
const DEFAULT_WINDOW_DAYS = 730;

/** One limit before it is fitted: what it is and how to get its series. */
export interface LimitSource {
  meta: Pick<LimitForecast, 'id' | 'kind' | 'name' | 'detail' | 'unit' | 'prefixUnit' | 'capacity'>;
  series(asOf: string, windowDays: number): SeriesPoint[];
  /** The day the value reached `level` and stayed there, from the full history (not only the window). */
  reachedOn?(asOf: string, level: number): string | null;
  /** A limit whose day is known, not fitted (a battery's replacement date): its day and warning day. */
  fixed?: { date: string; warningDate: string; note: string };
}

export interface ForecastInput {
  asOf?: string | undefined;
  windowDays?: number | undefined;
}

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

// ---- battery replacement dates (facility, issue 13): a date known from the install date, not fitted.

/** Each battery string with an install date: its replacement day at 80 % capacity (shared/facility/battery-age.ts). */
function batteryReplacementSources(ws: Workspace): LimitSource[] {
  const out: LimitSource[] = [];
  for (const site of listSites(ws)) {
    for (const b of siteDetail(ws, site.id).batteryStrings) {
      if (b.installDate === null) continue;
      const age = batteryAge({ installDate: b.installDate, designLifeYears: b.designLifeYears ?? BATTERY_AGE.defaultDesignLifeYears, batteryTempC: b.batteryTempC ?? undefined });
      const years = (asOf: string) => (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${b.installDate}T00:00:00Z`)) / (365.25 * 86_400_000);
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

/** Every limit of the workspace: pools first (by address), then ASN blocks, then each site's limits. */
export function limitSources(ws: Workspace): LimitSource[] {
  return [...loadPools(ws).map(poolSource), ...asnSources(ws), ...facilitySources(ws), ...batteryReplacementSources(ws)];
}

export interface FittedLimit {
  limit: LimitForecast;
  history: SeriesPoint[];
  result: ForecastResult | null;
}

const noFit = (status: ForecastStatus, warnings: string[]): ForecastResult => ({
  status,
  model: null,
  date: null,
  earliest: null,
  latest: null,
  params: {},
  holdoutMae: null,
  warnings,
  stale: false,
  runoutByMonth: [],
});

/** Fits one limit's series and projects it to its capacity and to its warning level. */
export function fitLimit(
  source: LimitSource,
  asOf: string,
  options: { windowDays?: number | undefined; method?: ForecastMethod | undefined; scenarios?: Scenario[] | undefined } = {},
): FittedLimit {
  const history = source.series(asOf, options.windowDays ?? DEFAULT_WINDOW_DAYS);
  const capacity = source.meta.capacity;
  const current = history.length > 0 ? (history[history.length - 1] as SeriesPoint).value : null;
  let result: ForecastResult;
  let warning: ForecastResult | null = null;
  if (source.fixed) {
    const f = source.fixed;
    result = { ...noFit(f.date <= asOf ? 'exceeded' : 'ok', [f.note]), date: f.date };
    warning = { ...noFit(f.warningDate <= asOf ? 'exceeded' : 'ok', []), date: f.warningDate };
  } else if (capacity === null) {
    result = noFit('never', ['this limit can never bind']);
  } else if (history.length === 0) {
    result = noFit('insufficientData', ['no history yet: need ≥ 6 points over ≥ 4 weeks']);
  } else {
    // A threshold of 0 or less is crossed by any load at all.
    const c = capacity > 0 ? capacity : Number.MIN_VALUE;
    const scenarios = options.scenarios ?? [];
    const common = { asOf, ...(scenarios.length > 0 ? { scenarios } : {}) };
    result = fitAndProject(history, { capacity: c, method: options.method ?? 'auto', ...common });
    if (result.status !== 'insufficientData' && result.model !== null) {
      // The same fitted model read at the warning level: its smoothing parameters are not searched again.
      const fixed: { alpha?: number; beta?: number; phi?: number } = {};
      for (const k of ['alpha', 'beta', 'phi'] as const) {
        const v = result.params[k];
        if (typeof v === 'number') fixed[k] = v;
      }
      warning = fitAndProject(history, { capacity: c * WARNING_FRAC, method: result.model, ...fixed, ...common });
    }
  }
  // "Over capacity since D": the window may start after the crossing; the full history knows the day.
  if (result.status === 'exceeded' && capacity !== null && source.reachedOn) {
    result = { ...result, date: source.reachedOn(asOf, capacity) ?? result.date };
  }
  if (warning?.status === 'exceeded' && capacity !== null && source.reachedOn) {
    warning = { ...warning, date: source.reachedOn(asOf, capacity * WARNING_FRAC) ?? warning.date };
  }
  const p = result.params;
  // Over capacity is a fact of the history, not of a model: the runner-up says the same day.
  const runnerUpDate = p.runnerUpStatus === 'exceeded' && result.status === 'exceeded' ? result.date : typeof p.runnerUpDate === 'string' ? p.runnerUpDate : null;
  const runnerUp =
    typeof p.runnerUp === 'string' ? { model: p.runnerUp, date: runnerUpDate, status: typeof p.runnerUpStatus === 'string' ? p.runnerUpStatus : null } : null;
  return {
    history,
    result,
    limit: {
      ...source.meta,
      current,
      usedFrac: capacity !== null && capacity > 0 && current !== null ? current / capacity : null,
      warningFrac: WARNING_FRAC,
      status: result.status,
      model: result.model,
      date: result.date,
      earliest: result.earliest,
      latest: result.latest,
      holdoutMae: result.holdoutMae,
      runnerUp,
      warningDate: warning?.date ?? null,
      warningStatus: warning?.status ?? null,
      warnings: result.warnings,
      points: history.length,
      stale: result.stale,
      runoutByMonth: result.runoutByMonth,
    },
  };
}

const RANK: Record<ForecastStatus, number> = { exceeded: 0, projectedNow: 1, ok: 2, mayRunOut: 3, beyondHorizon: 4, never: 5, insufficientData: 6 };

/** Soonest first: by status rank, then by date (a "may run out" by its earliest day), then by name. */
export function compareLimits(a: LimitForecast, b: LimitForecast): number {
  return (
    RANK[a.status] - RANK[b.status] ||
    (a.date ?? a.earliest ?? '9999').localeCompare(b.date ?? b.earliest ?? '9999') ||
    (a.warningDate ?? '9999').localeCompare(b.warningDate ?? '9999') ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id)
  );
}

function resolveAsOf(ws: Workspace, asOf: string | undefined): string {
  return asOf ?? todayUtc(ws.now());
}

/** forecast.limits: every limit, soonest first. */
export function forecastLimits(ws: Workspace, input: ForecastInput = {}): ForecastLimits {
  const asOf = resolveAsOf(ws, input.asOf);
  const limits = limitSources(ws).map((s) => fitLimit(s, asOf, { windowDays: input.windowDays }).limit);
  return { asOf, limits: limits.sort(compareLimits) };
}

export interface ForecastSeriesInput extends ForecastInput {
  limitId: string;
  method?: ForecastMethod | undefined;
  scenarios?: Scenario[] | undefined;
}

/** forecast.series: one limit with its history and the chart's projection and band. */
export function forecastSeries(ws: Workspace, input: ForecastSeriesInput): ForecastSeries {
  const asOf = resolveAsOf(ws, input.asOf);
  const source = limitSources(ws).find((s) => s.meta.id === input.limitId);
  if (!source) throw new HeadroomError('not-found', `limitId: there is no limit "${input.limitId}"`, 'limitId');
  const fitted = fitLimit(source, asOf, input);
  const curve = fitted.result ? forecastCurve(fitted.history, fitted.result, { asOf, ...(input.scenarios ? { scenarios: input.scenarios } : {}) }) : [];
  return { asOf, limit: fitted.limit, history: fitted.history, curve };
}
