/**
 * The forecasts' Monte Carlo harness (issue 12): seeded series of three processes, each with a
 * known true crossing date, fitted by every method and by `auto`; coverage of the true date by
 * the nominal 95 % interval, the headline date's median error and the share said "never".
 * Deterministic by its seed (mulberry32 + Box–Muller), no clock, no I/O.
 */
import { fitAndProject } from '../../shared/forecast';
import { formatDay, parseDay } from '../../shared/dates';
import type { ForecastMethod, ForecastResult } from '../../shared/forecast';
import type { SeriesPoint } from '../../shared/forecast/series';

export type ProcessName = 'linear+noise' | 'lumpy random walk' | 'exponential';
export const PROCESSES: ReadonlyArray<ProcessName> = ['linear+noise', 'lumpy random walk', 'exponential'];
export const HARNESS_METHODS: ReadonlyArray<ForecastMethod> = ['auto', 'linear', 'drift', 'exponential', 'holt', 'damped'];

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same series. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  let a = u();
  while (a <= 0) a = u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

function poisson(u: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = u();
  while (p > l) {
    k++;
    p *= u();
  }
  return k;
}

export interface HarnessSeries {
  process: ProcessName;
  series: SeriesPoint[];
  capacity: number;
  /** the day the simulated future first reaches the capacity (linear between weekly points) */
  trueDay: number;
  asOf: number;
}

const START = parseDay('2026-01-04');

/**
 * The day a weekly path (value t on day `start` + 7t) first reaches `capacity` at or after week
 * `from`, interpolated within its week; null when it never does. The harnesses' true crossing.
 */
export function crossingDay(ys: readonly number[], capacity: number, from: number, start: number): number | null {
  for (let t = from; t < ys.length; t++) {
    const y = ys[t] as number;
    if (y >= capacity) {
      const prev = ys[t - 1] as number;
      const frac = prev >= capacity ? 0 : (capacity - prev) / (y - prev);
      return start + 7 * (t - 1) + Math.ceil(7 * frac);
    }
  }
  return null;
}
export const POINTS = 26;
const MIN_AHEAD = 122; // 4 months
const MAX_AHEAD = 487; // 16 months

/** One weekly path of the process: POINTS observed + `future` more, and the capacity to aim at. */
function path(process: ProcessName, u: () => number, total: number): { ys: number[]; expectedAt: (week: number) => number } {
  const ys: number[] = [];
  if (process === 'linear+noise') {
    const y0 = 2000 + 2000 * u();
    const b = 20 + 40 * u();
    const sigma = b * (0.5 + 1.5 * u());
    for (let t = 0; t < total; t++) ys.push(y0 + b * t + sigma * normal(u));
    return { ys, expectedAt: (w) => y0 + b * w };
  }
  if (process === 'lumpy random walk') {
    // Allocations arrive as lumps: Poisson(λ) a week, each of an exponential size.
    const y0 = 2000 + 2000 * u();
    const lambda = 0.6 + 1.2 * u();
    const lump = 30 + 90 * u();
    let y = y0;
    for (let t = 0; t < total; t++) {
      if (t > 0) {
        const k = poisson(u, lambda);
        for (let i = 0; i < k; i++) y += Math.round(-lump * Math.log(1 - u()));
      }
      ys.push(y);
    }
    return { ys, expectedAt: (w) => y0 + lambda * lump * w };
  }
  const y0 = 1000 + 1000 * u();
  // 4.4–11 % a month, noise 0.3–1 %: growth that half a year of data can tell from a line.
  const r = 0.01 + 0.015 * u();
  const sigma = 0.003 + 0.007 * u();
  for (let t = 0; t < total; t++) ys.push(y0 * Math.exp(r * t + sigma * normal(u)));
  return { ys, expectedAt: (w) => y0 * Math.exp(r * w) };
}

/** `count` series of the process whose true crossing lies 4–16 months after as-of. */
export function generate(process: ProcessName, count: number, seed: number): HarnessSeries[] {
  const u = rng(seed);
  const out: HarnessSeries[] = [];
  const futureWeeks = Math.ceil(MAX_AHEAD / 7) + 2;
  while (out.length < count) {
    const aheadDays = MIN_AHEAD + (MAX_AHEAD - MIN_AHEAD) * u();
    const { ys, expectedAt } = path(process, u, POINTS + futureWeeks);
    const capacity = Math.round(expectedAt(POINTS - 1 + aheadDays / 7));
    const asOf = START + 7 * (POINTS - 1);
    if (ys.slice(0, POINTS).some((y) => y >= capacity)) continue;
    const trueDay = crossingDay(ys, capacity, POINTS, START);
    if (trueDay === null || trueDay - asOf < MIN_AHEAD || trueDay - asOf > MAX_AHEAD) continue;
    const series = ys.slice(0, POINTS).map((value, i) => ({ date: formatDay(START + 7 * i), value }));
    out.push({ process, series, capacity, trueDay, asOf });
  }
  return out;
}

export interface Outcome {
  covered: boolean;
  /** |headline date − true date| in days; a missing date counts from the horizon's end */
  errorDays: number;
  never: boolean;
}

const NEVER = new Set(['never', 'beyondHorizon']);

export function judge(s: HarnessSeries, r: ForecastResult): Outcome {
  const horizonEnd = s.asOf + 3652;
  const lo = r.earliest === null ? (r.status === 'ok' ? s.asOf : Infinity) : parseDay(r.earliest);
  const hi = r.latest === null ? Infinity : parseDay(r.latest);
  const date = r.date === null ? horizonEnd : parseDay(r.date);
  return { covered: lo <= s.trueDay && s.trueDay <= hi, errorDays: Math.abs(date - s.trueDay), never: NEVER.has(r.status) };
}

export interface Row {
  process: ProcessName;
  method: ForecastMethod;
  n: number;
  coverage: number;
  medianErrorDays: number;
  neverShare: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function runHarness(perProcess: number, seed: number, methods: ReadonlyArray<ForecastMethod> = HARNESS_METHODS): Row[] {
  const rows: Row[] = [];
  PROCESSES.forEach((process, k) => {
    const all = generate(process, perProcess, seed + 1000 * k);
    for (const method of methods) {
      const outcomes = all.map((s) => judge(s, fitAndProject(s.series, { capacity: s.capacity, method })));
      rows.push({
        process,
        method,
        n: outcomes.length,
        coverage: outcomes.filter((o) => o.covered).length / outcomes.length,
        medianErrorDays: median(outcomes.map((o) => o.errorDays)),
        neverShare: outcomes.filter((o) => o.never).length / outcomes.length,
      });
    }
  });
  return rows;
}

export function formatTable(rows: ReadonlyArray<Row>): string {
  const head = ['process', 'method', 'series', 'coverage of 95 % interval', 'median |date error| (days)', 'said never'];
  const body = rows.map((r) => [
    r.process,
    r.method,
    String(r.n),
    `${(100 * r.coverage).toFixed(1)} %`,
    r.medianErrorDays.toFixed(1),
    `${(100 * r.neverShare).toFixed(1)} %`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
