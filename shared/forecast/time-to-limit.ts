/**
 * Time to limit (spec §3) for a fitted model: exceeded → scenario or time-varying C (daily
 * scan) → never → projectedNow → closed form → beyondHorizon / ok, with the interval of the
 * date from the band (earliest = upper band reaches C, latest = lower band reaches C).
 */
import { formatDay, parseDay } from '../dates';
import { HORIZON_DAYS, type FittedModel } from './models';
import type { FitOptions, Prepared } from './options';
import { capacityAt, demandCursor, expandScenarios } from './scenario';
import type { ForecastStatus } from './types';

export interface Projection {
  status: Exclude<ForecastStatus, 'insufficientData'>;
  date: number | null;
  earliest: number | null;
  latest: number | null;
  warnings: string[];
}

/**
 * A history that never rises (every y_t ≤ y_{t−1}) is not projected to run out by its own
 * trend, whatever a smoothing or polynomial fit does after the data: Holt's trend can turn
 * positive after overshooting a fall, a parabola turns up after its vertex. Not in the spec's
 * list; it keeps "never rose" from becoming a run-out date. Scenarios still apply.
 */
function neverRises(ys: ReadonlyArray<number>): boolean {
  for (let i = 1; i < ys.length; i++) if ((ys[i] as number) > (ys[i - 1] as number)) return false;
  return true;
}

const NEVER_RISES_WARNING = (name: string): string => `the history never rises: not projected to run out although the ${name} fit turns upward`;

const MAY_RUN_OUT_WARNING = (name: string, day: number): string =>
  `the ${name} projection stays below the limit within 10 years, but its 95 % interval reaches it from ${formatDay(day)}: it may run out`;

export function projectToLimit(model: FittedModel, p: Prepared, options: FitOptions, withScenario: boolean): Projection {
  const { days, raw, asOf, shift } = p;
  const n = days.length;
  const horizonEnd = asOf + HORIZON_DAYS;
  const capAt = capacityAt(
    options.capacity,
    (options.capacityChanges ?? []).map((c, i) => ({ day: parseDay(c.date, `capacityChanges.${i}.date`), capacity: c.capacity })),
  );

  // exceeded: date = first grid date of the run of y ≥ C that ends at the last point.
  if ((raw[n - 1] as number) >= capAt(days[n - 1] as number)) {
    let i = n - 1;
    while (i > 0 && (raw[i - 1] as number) >= capAt(days[i - 1] as number)) i--;
    return { status: 'exceeded', date: days[i] as number, earliest: null, latest: null, warnings: [] };
  }

  const steps = withScenario ? expandScenarios(options.scenarios ?? [], horizonEnd) : [];
  const hasChanges = (options.capacityChanges?.length ?? 0) > 0;
  if (steps.length > 0 || hasChanges) {
    // Daily scan: first d = asOf … asOf + 3652 with F_s(d) ≥ C(d); bands shift with F.
    const demand = demandCursor(steps);
    let date: number | null = null;
    let earliest: number | null = null;
    let latest: number | null = null;
    for (let d = asOf; d <= horizonEnd && latest === null; d++) {
      const extra = demand(d) + shift;
      const c = capAt(d);
      const band = model.band(d);
      if (date === null && model.forecast(d) + extra >= c) date = d;
      if (earliest === null && band.hi + extra >= c) earliest = d;
      if (latest === null && band.lo + extra >= c) latest = d;
    }
    if (date === null) {
      const rising = model.increasing && !neverRises(raw);
      if (earliest !== null && !neverRises(raw)) {
        return { status: 'mayRunOut', date: null, earliest, latest: null, warnings: [MAY_RUN_OUT_WARNING(model.name, earliest)] };
      }
      return { status: rising ? 'beyondHorizon' : 'never', date: null, earliest: null, latest: null, warnings: [] };
    }
    const status = date === asOf ? 'projectedNow' : 'ok';
    return finish(status, date, earliest, latest, asOf, model);
  }

  const c = options.capacity - shift;
  if (neverRises(raw)) {
    return { status: 'never', date: null, earliest: null, latest: null, warnings: [NEVER_RISES_WARNING(model.name)] };
  }
  const bands = model.bandCrossingDays(c, asOf, horizonEnd);
  // The central line does not get there within the horizon, but the interval's far edge does:
  // "may run out" from that day, never "never" (issue 12 §5).
  const mayRunOut = (fallback: 'never' | 'beyondHorizon'): Projection =>
    bands.earliest !== null
      ? { status: 'mayRunOut', date: null, earliest: bands.earliest, latest: null, warnings: [MAY_RUN_OUT_WARNING(model.name, bands.earliest)] }
      : { status: fallback, date: null, earliest: null, latest: null, warnings: [] };
  if (!model.increasing) return mayRunOut('never');
  if (model.forecast(asOf) >= c) return finish('projectedNow', asOf, asOf, bands.latest, asOf, model);
  const day = model.crossingDay(c, asOf);
  if (day === null) return mayRunOut('never');
  if (day > horizonEnd) return mayRunOut('beyondHorizon');
  return finish('ok', day, bands.earliest, bands.latest, asOf, model);
}

function finish(status: 'ok' | 'projectedNow', date: number, earliest: number | null, latest: number | null, asOf: number, model: FittedModel): Projection {
  const warnings: string[] = [];
  if (status === 'projectedNow') {
    warnings.push(`the ${model.name} fit is already at the limit on ${formatDay(asOf)} although the last reading is below it`);
  }
  if (date - asOf > 365) warnings.push('more than a year out: multi-year forecasts have been off by 6–13 months');
  // The band contains the line, so earliest ≤ date ≤ latest; guard it against rounding.
  return {
    status,
    date,
    earliest: earliest === null ? null : Math.max(asOf, Math.min(earliest, date)),
    latest: latest === null ? null : Math.max(latest, date),
    warnings,
  };
}
