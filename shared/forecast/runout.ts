/**
 * Probability of run-out by month (issue 12 §7), in the manner of Huston's per-month run-out
 * probabilities for the RIRs: P(the limit is reached by the end of month m) for the as-of month
 * and the 23 after it, from the fitted model's predictive distribution. At day d the forecast
 * is normal with mean F(d) and standard deviation w(d)/crit, w the 95 % half-width and crit the
 * model's t or z (the exponential in log units); P = Φ((F(d) − C(d))/σ(d)). With several
 * plausible models (auto) the probability is their equal-weight mixture. A cumulative usage that
 * has reached C by a month has reached it by every later one: the sequence is made
 * non-decreasing (running maximum). Also: staleness of the newest reading.
 */
import { formatDay, monthEndOf } from '../dates';
import type { FittedModel } from './models';
import { demandCursor, type DemandStep } from './scenario';

export interface MonthProbability {
  /** YYYY-MM */
  month: string;
  /** 0..1 */
  p: number;
}

export const RUNOUT_MONTHS = 24;

/** Φ(x), the standard normal CDF (Abramowitz & Stegun 7.1.26 for erfc, absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The month ends of the as-of month and the 23 after it. */
export function runoutMonthEnds(asOf: number, months = RUNOUT_MONTHS): number[] {
  const out: number[] = [];
  let end = monthEndOf(asOf);
  for (let k = 0; k < months; k++) {
    out.push(end);
    end = monthEndOf(end + 1);
  }
  return out;
}

/** P(F(d) ≥ c) for one model at day d (shift and planned demand added to the forecast). */
function pAt(model: FittedModel, day: number, c: number, crit: number): number {
  const f = model.forecast(day);
  const band = model.band(day);
  if (model.name === 'exponential') {
    if (!(band.lo > 0) || !(f > 0) || !(c > 0)) return f >= c ? 1 : 0;
    const sd = (Math.log(band.hi) - Math.log(band.lo)) / (2 * crit);
    return sd > 0 ? normalCdf((Math.log(f) - Math.log(c)) / sd) : f >= c ? 1 : 0;
  }
  const sd = (band.hi - band.lo) / (2 * crit);
  return sd > 0 ? normalCdf((f - c) / sd) : f >= c ? 1 : 0;
}

/**
 * One-off steps that may come again (issue 12: a one-off must widen, not narrow, the interval).
 * `count` steps were seen in `spanDays` of history, `size` is their mean jump. The number of
 * further steps in the next h days is Poisson(λh) with λ unknown; with the Jeffreys prior
 * λ ~ Gamma(½, 0) and `count` steps seen, λ | data ~ Gamma(count + ½, spanDays), so the count
 * is negative binomial: P(N = k) = Γ(a + k) / (Γ(a) k!) · q^a · (1 − q)^k with a = count + ½,
 * q = spanDays / (spanDays + h). docs/forecasts.md "One-off steps".
 */
export interface RecurringSteps {
  count: number;
  spanDays: number;
  size: number;
}

/** P(N = k) for k = 0, 1, … until the tail left is below `eps`. */
export function stepCountPmf(steps: RecurringSteps, h: number, eps = 1e-7): number[] {
  const a = steps.count + 0.5;
  const q = steps.spanDays / (steps.spanDays + Math.max(0, h));
  let p = q ** a;
  const out = [p];
  let cum = p;
  for (let k = 0; 1 - cum > eps && k < 10_000; k++) {
    p = (p * (a + k) * (1 - q)) / (k + 1);
    out.push(p);
    cum += p;
  }
  return out;
}

/** P(F(d) + N·size ≥ c) for one model at day d: the predictive distribution mixed over further steps. */
export function pReached(model: FittedModel, day: number, c: number, crit: number, steps: RecurringSteps | null, asOf: number): number {
  if (steps === null || steps.size <= 0) return pAt(model, day, c, crit);
  const pmf = stepCountPmf(steps, day - asOf);
  let sum = 0;
  for (let k = 0; k < pmf.length; k++) sum += (pmf[k] as number) * pAt(model, day, c - k * steps.size, crit);
  return Math.min(1, sum);
}

/** The t or z a model's 95 % band was built with. */
export function critOf(model: FittedModel): number {
  return typeof model.params.t === 'number' ? model.params.t : typeof model.params.z === 'number' ? model.params.z : 1.959964;
}

export interface RunoutInput {
  models: ReadonlyArray<FittedModel>;
  asOf: number;
  capacityAt: (day: number) => number;
  /** one-off shift added to every forecast */
  shift: number;
  steps: ReadonlyArray<DemandStep>;
  /** already at or over the limit: every month is 1 */
  exceeded: boolean;
  /** one-off steps treated as one-offs, which may come again */
  recurring?: RecurringSteps | null;
}

export function runoutByMonth(input: RunoutInput): MonthProbability[] {
  const ends = runoutMonthEnds(input.asOf);
  const demand = demandCursor(input.steps);
  let running = 0;
  return ends.map((end) => {
    let p = 1;
    if (!input.exceeded) {
      const extra = demand(end) + input.shift;
      const c = input.capacityAt(end) - extra;
      let sum = 0;
      for (const m of input.models) sum += pReached(m, end, c, critOf(m), input.recurring ?? null, input.asOf);
      p = input.models.length > 0 ? sum / input.models.length : 0;
    }
    running = Math.max(running, p);
    return { month: formatDay(end).slice(0, 7), p: Math.round(running * 1e4) / 1e4 };
  });
}

/**
 * Stale: the newest reading is older than three typical spacings (the median gap between
 * readings) before as-of (../shared/CLI.md "Forecast result, extended").
 */
export function isStale(days: ReadonlyArray<number>, asOf: number): boolean {
  if (days.length < 2) return false;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push((days[i] as number) - (days[i - 1] as number));
  gaps.sort((a, b) => a - b);
  const m = gaps.length >> 1;
  const typical = gaps.length % 2 ? (gaps[m] as number) : ((gaps[m - 1] as number) + (gaps[m] as number)) / 2;
  return asOf - (days[days.length - 1] as number) > 3 * typical;
}
