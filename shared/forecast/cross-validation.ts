/**
 * Model choice by rolling-origin cross-validation (FPP3 §5.10 "time series cross-validation",
 * §5.8 for the accuracy measures): the candidates are fitted on the first o points for several
 * origins o and scored on every later point within the planner's horizon of that origin. The
 * simpler model is kept unless another is clearly better, and the damped trend is chosen only on
 * evidence of saturation (docs/forecasts.md).
 */
import { fitModel, type ModelName } from './models';
import { fitOls } from './ols';
import { fitQuadratic } from './quadratic';
import { tQuantile } from './quantiles';
import { fitInput, type FitOptions, type Prepared } from './options';

/**
 * Candidates of `auto` from the simplest to the most flexible (the preference order): the line,
 * the random walk with drift, the exponential (each one or two numbers), Holt (α, β, ℓ0, b0),
 * damped (+ φ).
 */
export const SIMPLICITY_ORDER: ReadonlyArray<ModelName> = ['linear', 'drift', 'exponential', 'holt', 'damped'];

/** A more flexible model must cut the cross-validated error by more than this share. */
export const CLEARLY_BETTER = 0.2;

/** The planner's horizon the origins are scored over, by default (days after each origin). */
export const DEFAULT_CV_HORIZON_DAYS = 365;

/** At most this many origins. */
export const MAX_ORIGINS = 6;

/** Eligible models whose error is within this share above the chosen one's are plausible too. */
export const PLAUSIBLE = 0.5;

export interface CvScore {
  model: ModelName;
  /** mean over the origins of the mean absolute error of that origin's forecasts */
  mae: number;
  origins: number;
}

/**
 * The origins: training sizes from max(6, ⌈n/2⌉) to n − 3 (at least three points scored after
 * the last one), at most MAX_ORIGINS of them, evenly spread and always including both ends.
 */
export function cvOrigins(n: number): number[] {
  const lo = Math.max(6, Math.ceil(n / 2));
  const hi = n - 3;
  if (hi < lo) return [];
  const count = Math.min(MAX_ORIGINS, hi - lo + 1);
  if (count === 1) return [hi];
  const out = new Set<number>();
  for (let j = 0; j < count; j++) out.add(Math.round(lo + ((hi - lo) * j) / (count - 1)));
  return [...out];
}

export function crossValidate(p: Prepared, options: FitOptions, models: ReadonlyArray<ModelName>, horizonDays = DEFAULT_CV_HORIZON_DAYS): CvScore[] {
  const n = p.days.length;
  const origins = cvOrigins(n);
  return models.map((name) => {
    let total = 0;
    let used = 0;
    for (const o of origins) {
      const trainDays = p.days.slice(0, o);
      const originDay = trainDays[o - 1] as number;
      let end = o;
      while (end < n && (p.days[end] as number) - originDay <= horizonDays) end++;
      if (end === o) continue;
      const model = fitModel(name, fitInput(p, options, trainDays, p.ys.slice(0, o)), p.days[end - 1] as number);
      let abs = 0;
      for (let i = o; i < end; i++) abs += Math.abs((p.ys[i] as number) - model.forecastAhead(i - o + 1, p.days[i] as number));
      const mae = abs / (end - o);
      if (!Number.isFinite(mae)) {
        total = Infinity;
        break;
      }
      total += mae;
      used++;
    }
    return { model: name, mae: used === 0 ? Infinity : total / used, origins: used };
  });
}

/**
 * Evidence of saturation: the mean step of the history's second half is below 60 % of the first
 * half's, by more than two standard errors of the difference. A damped trend flattens for ever;
 * without this it is not chosen.
 */
export function saturating(ys: ReadonlyArray<number>): boolean {
  // Welch-style test on the steps: the first half's mean step exceeds the second half's by more
  // than two standard errors, and the second half's is below 60 % of the first's.
  const steps: number[] = [];
  for (let i = 1; i < ys.length; i++) steps.push((ys[i] as number) - (ys[i - 1] as number));
  const m = steps.length;
  if (m < 6) return false;
  const half = Math.floor(m / 2);
  const a = steps.slice(0, half);
  const b = steps.slice(half);
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = (xs: number[], mu: number): number => xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1);
  const ma = mean(a);
  const mb = mean(b);
  const se = Math.sqrt(variance(a, ma) / a.length + variance(b, mb) / b.length);
  return ma > 0 && mb < 0.6 * ma && ma - mb > 2 * se;
}

/** Lag-1 autocorrelation of a series of residuals (0 for fewer than three). */
export function lag1Autocorrelation(res: ReadonlyArray<number>): number {
  const n = res.length;
  if (n < 3) return 0;
  const mean = res.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = (res[i] as number) - mean;
    den += d * d;
    if (i > 0) num += d * ((res[i - 1] as number) - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * A regression (linear, exponential) is adequate only when its residuals look uncorrelated:
 * lag-1 autocorrelation ≤ 1.96/√n (FPP3 §5.4: the prediction interval assumes uncorrelated
 * residuals; a random walk around a line gives residuals that wander, and an interval far too
 * narrow). Drift, Holt and damped model the wandering and are always adequate.
 */
export function regressionAdequate(days: ReadonlyArray<number>, ys: ReadonlyArray<number>, model: 'linear' | 'exponential'): boolean {
  const y = model === 'exponential' ? ys.map(Math.log) : ys;
  const xs = days.map((d) => d - (days[0] as number));
  const fit = fitOls(xs, y);
  const res = xs.map((x, i) => (y[i] as number) - (fit.a + fit.b * x));
  return lag1Autocorrelation(res) <= 1.96 / Math.sqrt(ys.length);
}

/**
 * Growth that speeds up: the quadratic's c2 > 0 and its partial F against the line exceeds
 * t(0.975, n − 3)² (the square of the t test of c2). Without it exponential is not chosen: a
 * straight line explains the history as well, and the line is the simpler extrapolation.
 */
export function convex(days: ReadonlyArray<number>, ys: ReadonlyArray<number>): boolean {
  const n = ys.length;
  if (n < 5) return false;
  const xs = days.map((d) => d - (days[0] as number));
  const q = fitQuadratic(xs, ys);
  const lin = fitOls(xs, ys);
  if (!(q.c2 > 0) || !(q.sse > 0)) return q.c2 > 0 && lin.sse > 0;
  const f = (lin.sse - q.sse) / (q.sse / (n - 3));
  return f > tQuantile(0.975, n - 3) ** 2;
}

export interface CvChoice {
  chosen: CvScore;
  runnerUp: CvScore | null;
  /** why the runner-up lost, in plain words */
  reason: string | null;
  /** eligible models within PLAUSIBLE of the chosen one's error (the chosen first): the interval spans theirs */
  plausible: CvScore[];
}

const pct = (a: number, b: number): string => `${Math.round((100 * Math.abs(a - b)) / b)} %`;

/**
 * Eligible: regressions with uncorrelated residuals, damped only when the series saturates. The
 * lowest error of the simplest tier is the incumbent; a more flexible tier replaces it only when
 * clearly better (error lower by more than CLEARLY_BETTER). The runner-up is the best other.
 */
export function chooseByCv(scores: ReadonlyArray<CvScore>, days: ReadonlyArray<number>, ys: ReadonlyArray<number>): CvChoice | null {
  const finite = scores.filter((s) => Number.isFinite(s.mae));
  const why = new Map<ModelName, string>();
  const autocorrelated = new Set<ModelName>();
  for (const s of finite) {
    if ((s.model === 'linear' || s.model === 'exponential') && !regressionAdequate(days, ys, s.model)) {
      autocorrelated.add(s.model);
      why.set(
        s.model,
        `its residuals are autocorrelated (the history wanders around the ${s.model === 'linear' ? 'line' : 'curve'}), so its interval would be too narrow`,
      );
    }
    if (s.model === 'exponential' && !why.has('exponential') && !convex(days, ys)) {
      why.set(s.model, 'the history does not curve upward significantly (a quadratic term adds nothing)');
    }
    if (s.model === 'damped' && !saturating(ys)) why.set(s.model, 'the history shows no sign of saturation (its growth has not slowed)');
  }
  const eligible = finite.filter((s) => !why.has(s.model));
  if (eligible.length === 0) return null;
  // From the simplest on, a candidate replaces the incumbent only when clearly better.
  let chosen: CvScore | null = null;
  for (const name of SIMPLICITY_ORDER) {
    const s = eligible.find((e) => e.model === name);
    if (s === undefined) continue;
    // Exponential against the line is a nested question (does the growth speed up?), answered
    // by the curvature test that made it eligible: it needs only to forecast no worse.
    const curveWins = s.model === 'exponential' && chosen?.model === 'linear' && s.mae <= chosen.mae;
    if (chosen === null || curveWins || s.mae < chosen.mae * (1 - CLEARLY_BETTER)) chosen = s;
  }
  if (chosen === null) return null;
  const picked = chosen;
  const others = finite.filter((s) => s !== picked);
  // Plausible for the interval: any model with uncorrelated residuals (a flat-lining damped
  // trend aside) whose error is near the chosen one's, even if not preferred as the headline.
  const plausible = [
    picked,
    ...finite.filter((s) => s !== picked && s.model !== 'damped' && s.mae <= picked.mae * (1 + PLAUSIBLE) && !autocorrelated.has(s.model)),
  ];
  if (others.length === 0) return { chosen: picked, runnerUp: null, reason: null, plausible };
  const runnerUp = others.reduce((a, b) => (b.mae < a.mae ? b : a));
  let reason: string;
  const excluded = why.get(runnerUp.model);
  if (excluded !== undefined) reason = `${runnerUp.model} was not used: ${excluded}`;
  else if (runnerUp.mae >= picked.mae) {
    reason = `${runnerUp.model} forecast the held-out points worse (cross-validated error ${pct(runnerUp.mae, picked.mae)} higher than ${picked.model})`;
  } else {
    reason = `${runnerUp.model} was only ${pct(runnerUp.mae, picked.mae)} better in cross-validation, not clearly better (> ${Math.round(CLEARLY_BETTER * 100)} %): the simpler ${picked.model} is kept`;
  }
  return { chosen: picked, runnerUp, reason, plausible };
}
