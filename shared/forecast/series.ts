/**
 * From workspace history to the regular grid the models fit (spec §4): events (instant, delta)
 * become a UTC-day step function; readings are reduced per grid period (last value for levels,
 * maximum for peak-limited capacity). The grid is anchored at as-of and steps back.
 */
import { formatDay, instantToDay, parseDay } from '../dates';
import { invalid } from '../errors';
import type { Step } from './clock';

export interface SeriesPoint {
  date: string;
  value: number;
}

export type GridKind = 'day' | 'week' | 'month';

/** ≤ 120 days daily, ≤ 1096 days weekly, else month ends. */
export function gridForSpan(spanDays: number): GridKind {
  return spanDays <= 120 ? 'day' : spanDays <= 1096 ? 'week' : 'month';
}

export function gridStep(grid: GridKind): Step {
  return grid === 'month' ? { kind: 'month' } : { kind: 'days', days: grid === 'day' ? 1 : 7 };
}

/**
 * Grid days from `start` to `asOf`, anchored at as-of: daily; weekly as-of, as-of − 7, …;
 * monthly each month end in the window, last point = as-of. Ascending.
 */
export function gridDays(start: number, asOf: number, grid: GridKind): number[] {
  const out: number[] = [];
  if (grid === 'month') {
    out.push(asOf);
    // Month ends strictly before as-of, back to the window start.
    let me = firstOfMonth(asOf) - 1;
    while (me >= start) {
      out.push(me);
      me = firstOfMonth(me) - 1;
    }
    return out.reverse();
  }
  const stepDays = grid === 'day' ? 1 : 7;
  for (let d = asOf; d >= start; d -= stepDays) out.push(d);
  return out.reverse();
}

function firstOfMonth(day: number): number {
  const date = new Date(day * 86_400_000);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000);
}

export interface UsageEvent {
  /** ISO instant with Z or an offset */
  at: string;
  /** change in the limit's unit (negative for a release) */
  delta: number;
}

export interface EventsToSeriesInput {
  /** usage at the start of `openingDate` (before any listed event) */
  opening: number;
  openingDate: string;
  events: ReadonlyArray<UsageEvent>;
  asOf: string;
  /** trailing window in days (default 730, user choice 90–3650) */
  windowDays?: number;
  /** grid; default by the window's span */
  grid?: GridKind | 'auto';
}

export interface GridSeries {
  grid: GridKind;
  points: SeriesPoint[];
}

/**
 * Value on UTC day d = opening + Σ deltas whose UTC day ≤ d, read on the grid. Events before
 * the window fold into the value at its start; events after as-of are ignored.
 */
export function eventsToSeries(input: EventsToSeriesInput): GridSeries {
  const openingDay = parseDay(input.openingDate, 'openingDate');
  const asOf = parseDay(input.asOf, 'asOf');
  if (asOf < openingDay) throw invalid('asOf', 'must not be before the opening date');
  if (!Number.isFinite(input.opening)) throw invalid('opening', 'must be a finite number');
  const windowDays = input.windowDays ?? 730;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw invalid('windowDays', 'must be a positive whole number of days');
  const dated = input.events.map((e, i) => {
    if (!Number.isFinite(e.delta)) throw invalid(`events.${i}.delta`, 'must be a finite number');
    return { day: instantToDay(e.at, `events.${i}.at`), delta: e.delta };
  });
  dated.sort((a, b) => a.day - b.day);
  const start = Math.max(openingDay, asOf - windowDays);
  const grid = input.grid === undefined || input.grid === 'auto' ? gridForSpan(asOf - start) : input.grid;
  const days = gridDays(start, asOf, grid);
  const points: SeriesPoint[] = [];
  let value = input.opening;
  let i = 0;
  for (const d of days) {
    while (i < dated.length && (dated[i] as { day: number }).day <= d) value += (dated[i++] as { delta: number }).delta;
    points.push({ date: formatDay(d), value });
  }
  return { grid, points };
}

export interface ReadingsToSeriesInput {
  readings: ReadonlyArray<SeriesPoint>;
  asOf: string;
  windowDays?: number;
  grid?: GridKind | 'auto';
  /** 'last' for levels (stored bytes, usage), 'max' for peak-limited capacity (UPS, cooling) */
  reduce: 'last' | 'max';
}

/**
 * Readings reduced per grid period (previous grid point, grid point]; a period without a
 * reading carries the last value forward; grid points before the first reading are left out.
 */
export function readingsToSeries(input: ReadingsToSeriesInput): GridSeries {
  const asOf = parseDay(input.asOf, 'asOf');
  const readings = input.readings
    .map((r, i) => {
      if (!Number.isFinite(r.value)) throw invalid(`readings.${i}.value`, 'must be a finite number');
      return { day: parseDay(r.date, `readings.${i}.date`), value: r.value };
    })
    .filter((r) => r.day <= asOf)
    .sort((a, b) => a.day - b.day);
  const windowDays = input.windowDays ?? 730;
  const firstDay = readings[0]?.day ?? asOf;
  const start = Math.max(firstDay, asOf - windowDays);
  const grid = input.grid === undefined || input.grid === 'auto' ? gridForSpan(asOf - start) : input.grid;
  const days = gridDays(start, asOf, grid);
  const points: SeriesPoint[] = [];
  let carried: number | null = null;
  let i = 0;
  // Readings before the window only provide the carried value.
  // The first grid point's period: one step back from it.
  const d0 = days[0] ?? asOf;
  const beforeGrid = grid === 'day' ? d0 - 1 : grid === 'week' ? d0 - 7 : firstOfMonth(d0) - 1;
  while (i < readings.length && (readings[i] as { day: number }).day <= beforeGrid) carried = (readings[i++] as { value: number }).value;
  for (const d of days) {
    let period: number | null = null;
    while (i < readings.length && (readings[i] as { day: number }).day <= d) {
      const v = (readings[i++] as { value: number }).value;
      period = period === null ? v : input.reduce === 'max' ? Math.max(period, v) : v;
    }
    if (period !== null) carried = period;
    if (carried !== null) points.push({ date: formatDay(d), value: carried });
  }
  return { grid, points };
}

/**
 * Readings fitted on their own spacing (issue 12): one point per reading day inside the window
 * (as-of − windowDays, as-of], nothing regridded. Several readings on one day reduce to the
 * day's maximum (peak-limited capacity) or its last reading (levels).
 */
export function readingsAsGiven(input: Omit<ReadingsToSeriesInput, 'grid'>): SeriesPoint[] {
  const asOf = parseDay(input.asOf, 'asOf');
  const start = asOf - (input.windowDays ?? 730);
  const byDay = new Map<number, number>();
  input.readings.forEach((r, i) => {
    if (!Number.isFinite(r.value)) throw invalid(`readings.${i}.value`, 'must be a finite number');
    const day = parseDay(r.date, `readings.${i}.date`);
    if (day > asOf || day <= start) return;
    const prev = byDay.get(day);
    byDay.set(day, prev === undefined ? r.value : input.reduce === 'max' ? Math.max(prev, r.value) : r.value);
  });
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, value]) => ({ date: formatDay(day), value }));
}
