/**
 * forecast.*: every limit of the workspace with its growth fit and run-out date. Where limits
 * come from is ONE list, LIMIT_SOURCES in forecast-sources.ts (pools, ASN blocks, facility
 * limits, links, …). The numbers are shared/forecast's; this file only fits and sorts.
 */
import type { ForecastLimits, ForecastSeries, LimitForecast } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import {
  fitAndProject,
  orderByDate,
  type ForecastMethod,
  type ForecastResult,
  type ForecastStatus,
  type Scenario,
  type SeriesPoint,
} from '../../../shared/forecast';
import { forecastCurve } from '../../../shared/forecast/curve';
import type { Workspace } from '../workspace/workspace';
import { limitSources, type LimitSource } from './forecast-sources';
import { todayUtc } from './registry';

export { LIMIT_SOURCES, limitSources, type LimitSource, type LimitSourceProvider } from './forecast-sources';

export const WARNING_FRAC = 0.8;
const DEFAULT_WINDOW_DAYS = 730;

export interface ForecastInput {
  asOf?: string | undefined;
  windowDays?: number | undefined;
}

export interface FittedLimit {
  limit: LimitForecast;
  history: SeriesPoint[];
  result: ForecastResult | null;
  /** The steps the projection added: the source's planned ones, then the scenarios asked for. */
  scenarios: Scenario[];
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
  const scenarios = [...(source.plannedSteps?.(asOf) ?? []), ...(options.scenarios ?? [])];
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
  const runnerUpDate =
    p.runnerUpStatus === 'exceeded' && result.status === 'exceeded' ? result.date : typeof p.runnerUpDate === 'string' ? p.runnerUpDate : null;
  const runnerUp =
    typeof p.runnerUp === 'string' ? { model: p.runnerUp, date: runnerUpDate, status: typeof p.runnerUpStatus === 'string' ? p.runnerUpStatus : null } : null;
  return {
    history,
    result,
    scenarios,
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
      leadDays: source.leadDays ?? null,
      orderBy: source.leadDays === undefined ? null : orderByDate(result, source.leadDays),
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
  if (!source) throw new HeadroomError('not-found', `there is no limit "${input.limitId}"`, 'limitId');
  const fitted = fitLimit(source, asOf, input);
  const curve = fitted.result
    ? forecastCurve(fitted.history, fitted.result, { asOf, ...(fitted.scenarios.length ? { scenarios: fitted.scenarios } : {}) })
    : [];
  const planned = fitted.scenarios.slice(0, fitted.scenarios.length - (input.scenarios?.length ?? 0));
  return { asOf, limit: fitted.limit, history: fitted.history, curve, ...(planned.length ? { plannedSteps: planned } : {}) };
}
