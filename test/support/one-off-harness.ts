/**
 * Series with one-off steps (issue 12: "a one-off jump must widen, not narrow, the predictive
 * interval"). Linear growth with noise, plus large allocations that arrive as a Poisson process
 * (1 in 15 to 1 in 40 weeks), each 15–40 weeks of ordinary growth. Only the series in which
 * the spec's rule (detectOneOffs) flags a step in the 26 observed weeks are kept: those are the
 * ones a planner fits with `--one-off`. The true crossing comes from the simulated future, which
 * may hold further steps: a step seen once can come again.
 */
import { detectOneOffs } from '../../shared/forecast/one-off';
import { formatDay, parseDay } from '../../shared/dates';
import type { SeriesPoint } from '../../shared/forecast';
import { crossingDay, rng } from './forecast-harness';

export interface OneOffSeries {
  series: SeriesPoint[];
  capacity: number;
  trueDay: number;
  asOf: number;
}

const START = parseDay('2026-01-04');
const POINTS = 26;
const MIN_AHEAD = 122;
const MAX_AHEAD = 487;

function normal(u: () => number): number {
  let a = u();
  while (a <= 0) a = u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

export function generateOneOffs(count: number, seed: number): OneOffSeries[] {
  const u = rng(seed);
  const out: OneOffSeries[] = [];
  const total = POINTS + Math.ceil(MAX_AHEAD / 7) + 2;
  while (out.length < count) {
    const y0 = 2000 + 2000 * u();
    const b = 20 + 40 * u();
    const sigma = b * (0.3 + 0.7 * u());
    const rate = 1 / (15 + 25 * u());
    const jump = b * (15 + 25 * u());
    const ys: number[] = [];
    let level = y0;
    for (let t = 0; t < total; t++) {
      if (t > 0 && u() < rate) level += jump * (0.7 + 0.6 * u());
      ys.push(level + b * t + sigma * normal(u));
    }
    const observed = ys.slice(0, POINTS);
    if (detectOneOffs(observed).filter((o) => o.jump > 0).length === 0) continue;
    const aheadDays = MIN_AHEAD + (MAX_AHEAD - MIN_AHEAD) * u();
    const asOf = START + 7 * (POINTS - 1);
    // The capacity: where the expected path (growth and the steps' average rate) is then.
    const last = observed[POINTS - 1] as number;
    const capacity = Math.round(last + (b + rate * jump) * (aheadDays / 7));
    const trueDay = crossingDay(ys, capacity, POINTS, START);
    if (trueDay === null || trueDay - asOf < MIN_AHEAD || trueDay - asOf > MAX_AHEAD) continue;
    out.push({ series: observed.map((value, i) => ({ date: formatDay(START + 7 * i), value })), capacity, trueDay, asOf });
  }
  return out;
}

/**
 * Series with ONE step that does not come again (the planner's `--one-off` is right), landing
 * in the last `maxAfter` readings, so the level after it rests on few points: linear growth
 * b ∈ [20, 60]/week with noise σ = b·[0.5, 2], a step of 15–40 weeks of growth. The capacity
 * lies on the expected path 4–16 months after as-of; the true crossing is the simulated
 * future's (noise, no further step). Only series whose step the spec's rule flags are kept.
 */
export function generateSingleSteps(count: number, seed: number, maxAfter = 6): OneOffSeries[] {
  const u = rng(seed);
  const out: OneOffSeries[] = [];
  const total = POINTS + Math.ceil(MAX_AHEAD / 7) + 2;
  while (out.length < count) {
    const y0 = 2000 + 2000 * u();
    const b = 20 + 40 * u();
    const sigma = b * (0.5 + 1.5 * u());
    const at = POINTS - 1 - Math.floor(u() * maxAfter);
    const jump = b * (15 + 25 * u());
    const ys: number[] = [];
    for (let t = 0; t < total; t++) ys.push(y0 + b * t + (t >= at ? jump : 0) + sigma * normal(u));
    const observed = ys.slice(0, POINTS);
    const flagged = detectOneOffs(observed);
    if (flagged.length !== 1 || flagged[0]!.index !== at) continue;
    const aheadDays = MIN_AHEAD + (MAX_AHEAD - MIN_AHEAD) * u();
    const asOf = START + 7 * (POINTS - 1);
    const capacity = Math.round(y0 + jump + b * (POINTS - 1 + aheadDays / 7));
    const trueDay = crossingDay(ys, capacity, POINTS, START);
    if (trueDay === null || trueDay - asOf < MIN_AHEAD || trueDay - asOf > MAX_AHEAD) continue;
    out.push({ series: observed.map((value, i) => ({ date: formatDay(START + 7 * i), value })), capacity, trueDay, asOf });
  }
  return out;
}
