/**
 * The chart's data for one fitted series: the history on its grid and the chosen model's
 * projection with its band from as-of on, scenario steps added (spec §2.7, §6 chart
 * conventions). Pure, so the renderer redraws as the planner types.
 */
import { inferStep } from './clock';
import { formatDay, parseDay } from '../dates';
import { fitModel, HORIZON_DAYS, type FittedModel } from './models';
import { detectOneOffs, removeOneOffs } from './one-off';
import { demandCursor, expandScenarios, type Scenario } from './scenario';
import type { SeriesPoint } from './series';
import type { ForecastResult } from './types';

export interface CurvePoint {
  day: number;
  date: string;
  /** observed value at a grid point, else null */
  history: number | null;
  /** the model's projection (with scenarios), from as-of on, else null */
  projection: number | null;
  /** [lower, upper] of the interval, from as-of on, else null */
  band: [number, number] | null;
}

export interface CurveOptions {
  asOf?: string;
  scenarios?: ReadonlyArray<Scenario>;
  /** the chart never ends before as-of + this many days (default 365) */
  minAheadDays?: number;
  /** about this many projection points (default 240) */
  samples?: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Refits the result's model on the series (Holt parameters taken from the result, not searched again). */
export function refitModel(series: ReadonlyArray<SeriesPoint>, result: ForecastResult, asOfDay: number): FittedModel | null {
  if (result.model === null || result.status === 'insufficientData') return null;
  const pts = series.map((p) => ({ day: parseDay(p.date), value: p.value })).filter((p) => p.day <= asOfDay);
  if (pts.length < 2) return null;
  const days = pts.map((p) => p.day);
  let ys = pts.map((p) => p.value);
  // Treated as one-off (spec §4, TV9): fitted on y' = y − J after the step, projected F'(·) + J.
  let shift = 0;
  if ((num(result.params.oneOffShift) ?? 0) !== 0) {
    const removed = removeOneOffs(ys, detectOneOffs(ys));
    ys = removed.ys;
    shift = removed.shift;
  }
  const alpha = num(result.params.alpha);
  const beta = num(result.params.beta);
  const phi = num(result.params.phi);
  const level = result.params.z === 1.281552 ? 0.8 : 0.95;
  const model = fitModel(
    result.model,
    {
      days,
      ys,
      step: inferStep(days).step,
      level,
      ...(alpha !== undefined ? { alpha } : {}),
      ...(beta !== undefined ? { beta } : {}),
      ...(phi !== undefined ? { phi } : {}),
    },
    asOfDay + HORIZON_DAYS,
  );
  if (shift === 0) return model;
  return {
    ...model,
    forecast: (day) => model.forecast(day) + shift,
    forecastAhead: (h, day) => model.forecastAhead(h, day) + shift,
    band: (day) => {
      const b = model.band(day);
      return { ...b, lo: b.lo + shift, hi: b.hi + shift };
    },
    crossingDay: (c, asOf) => model.crossingDay(c - shift, asOf),
    bandCrossingDays: (c, asOf, end) => model.bandCrossingDays(c - shift, asOf, end),
  };
}

/** History points, then the projection sampled from as-of to past the latest crossing. */
export function forecastCurve(series: ReadonlyArray<SeriesPoint>, result: ForecastResult, options: CurveOptions = {}): CurvePoint[] {
  const history = series.map((p) => ({ day: parseDay(p.date), value: p.value }));
  const lastDay = history[history.length - 1]?.day;
  if (lastDay === undefined) return [];
  const asOf = options.asOf !== undefined ? parseDay(options.asOf) : lastDay;
  const shown = history.filter((p) => p.day <= asOf);
  const out: CurvePoint[] = shown.map((p) => ({ day: p.day, date: formatDay(p.day), history: p.value, projection: null, band: null }));
  const model = refitModel(series, result, asOf);
  if (model === null) return out;

  const horizonEnd = asOf + HORIZON_DAYS;
  const crossing = [result.latest, result.date, result.earliest].find((d) => d !== null && d !== undefined);
  const span = asOf - (shown[0]?.day ?? asOf);
  let end = asOf + Math.max(options.minAheadDays ?? 365, Math.round(span / 2));
  if (crossing) end = Math.max(end, parseDay(crossing) + 60);
  end = Math.min(end, horizonEnd);
  const samples = options.samples ?? 240;
  const stride = Math.max(1, Math.ceil((end - asOf) / samples));
  const steps = expandScenarios(options.scenarios ?? [], horizonEnd);
  const demand = demandCursor(steps);
  const daysAhead: number[] = [];
  // Each planned step drawn as a vertical rise: the day before it and its day.
  for (const st of steps) {
    if (st.day > asOf && st.day <= end) daysAhead.push(st.day - 1, st.day);
  }
  for (let d = asOf; d < end; d += stride) daysAhead.push(d);
  daysAhead.push(end);
  // Scenario steps and the crossing days are drawn exactly, not between two samples.
  for (const extra of [result.date, result.earliest, result.latest]) {
    if (extra) {
      const d = parseDay(extra);
      if (d > asOf && d < end) daysAhead.push(d);
    }
  }
  const sorted = [...new Set(daysAhead)].sort((a, b) => a - b);
  const last = out[out.length - 1];
  for (const d of sorted) {
    const extra = demand(d);
    const f = model.forecast(d);
    const b = model.band(d);
    const point = { projection: f + extra, band: [b.lo + extra, b.hi + extra] as [number, number] };
    if (last && last.day === d) Object.assign(last, point);
    else out.push({ day: d, date: formatDay(d), history: null, ...point });
  }
  return out;
}
