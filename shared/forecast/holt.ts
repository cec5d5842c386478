/**
 * Holt's linear trend and the damped trend (spec §2.4, §2.5): the recursion, the grid search
 * for α, β (and φ) that minimises the one-step SSE, forecasts and forecast variances.
 * β is Holt's β* (fpp3's ETS β equals α·β*).
 */
import { fitOls } from './ols';

export interface HoltParams {
  alpha: number;
  beta: number;
  /** 1 for Holt, < 1 for the damped trend */
  phi: number;
}

export interface HoltFit extends HoltParams {
  n: number;
  damped: boolean;
  l0: number;
  b0: number;
  /** ℓ_n and b_n */
  level: number;
  trend: number;
  sse: number;
  /** σ̂ = √(SSE/(n − 4)), (n − 5) damped */
  sigma: number;
  /** optimum of the coarse grid (equal to the final parameters when all are fixed) */
  coarse: HoltParams & { sse: number };
}

/** ℓ_0, b_0 as forecast::ets initstate: OLS of y_1..y_k on t = 1..k, k = min(10, n). */
export function holtInitialState(ys: ReadonlyArray<number>): { l0: number; b0: number } {
  const k = Math.min(10, ys.length);
  const ts: number[] = [];
  for (let t = 1; t <= k; t++) ts.push(t);
  const fit = fitOls(ts, ys.slice(0, k));
  return { l0: fit.a, b0: fit.b };
}

/** Runs the recursion; returns SSE of the one-step-ahead errors and the final state. */
export function holtRun(ys: ReadonlyArray<number>, p: HoltParams, l0: number, b0: number): { sse: number; level: number; trend: number } {
  const { alpha, beta, phi } = p;
  let l = l0;
  let b = b0;
  let sse = 0;
  for (let t = 0; t < ys.length; t++) {
    const y = ys[t] as number;
    const pb = phi * b;
    const yhat = l + pb;
    const e = y - yhat;
    sse += e * e;
    const lNew = alpha * y + (1 - alpha) * yhat;
    b = beta * (lNew - l) + (1 - beta) * pb;
    l = lNew;
  }
  return { sse, level: l, trend: b };
}

/**
 * One-step SSE of the recursion, abandoned (Infinity) as soon as it reaches `limit`: partial
 * sums only grow and the grid keeps a candidate only if it is strictly smaller, so the choice
 * is the same as with full runs.
 */
function holtSse(ys: Float64Array, alpha: number, beta: number, phi: number, l0: number, b0: number, limit: number): number {
  let l = l0;
  let b = b0;
  let sse = 0;
  const n = ys.length;
  for (let t = 0; t < n; t++) {
    const y = ys[t] as number;
    const pb = phi * b;
    const yhat = l + pb;
    const e = y - yhat;
    sse += e * e;
    if (sse >= limit) return Infinity;
    const lNew = alpha * y + (1 - alpha) * yhat;
    b = beta * (lNew - l) + (1 - beta) * pb;
    l = lNew;
  }
  return sse;
}

export interface HoltStepRow {
  t: number;
  y: number;
  /** one-step forecast ℓ_{t−1} + φ·b_{t−1} */
  yhat: number;
  e: number;
  level: number;
  trend: number;
}

/** The state table of the recursion, one row per observation (for checks and display). */
export function holtTrace(ys: ReadonlyArray<number>, p: HoltParams, l0: number, b0: number): HoltStepRow[] {
  const rows: HoltStepRow[] = [];
  let l = l0;
  let b = b0;
  ys.forEach((y, i) => {
    const yhat = l + p.phi * b;
    const lNew = p.alpha * y + (1 - p.alpha) * yhat;
    b = p.beta * (lNew - l) + (1 - p.beta) * p.phi * b;
    l = lNew;
    rows.push({ t: i + 1, y, yhat, e: y - yhat, level: l, trend: b });
  });
  return rows;
}

export interface HoltFitOptions {
  damped: boolean;
  /**
   * Damping per unit of time: the φ grid {0.80 … 0.98} is per month and each step damps by
   * φ_month^(stepDays / 30.436875), so a weekly and a monthly series of the same growth saturate
   * alike. Absent: the grid is per step (spec §2.5 as written, TV3, TV10).
   */
  stepDays?: number;
  alpha?: number;
  beta?: number;
  phi?: number;
}

const PHI_GRID = [80, 85, 90, 95, 98];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k += step) out.push(k);
  return out;
}

/**
 * Fits α, β (and φ for damped) by minimising the one-step SSE: coarse grid α ∈ {0.05 … 1.00},
 * β ∈ {0.00 … 1.00} (φ ∈ {0.80, 0.85, 0.90, 0.95, 0.98}), then α, β in steps of 0.01 within
 * ±0.04 of the coarse optimum (φ kept). Loops ascend φ, then α, then β; a candidate replaces
 * the incumbent only if its SSE is strictly smaller. Grid values are k/100. A parameter given
 * in `opts` is held fixed.
 */
export function fitHolt(ys: ReadonlyArray<number>, opts: HoltFitOptions): HoltFit {
  const n = ys.length;
  const { l0, b0 } = holtInitialState(ys);
  const y64 = Float64Array.from(ys);
  const phis = opts.damped ? (opts.phi !== undefined ? [Math.round(opts.phi * 100)] : PHI_GRID) : [100];
  const alphas = opts.alpha !== undefined ? [Math.round(opts.alpha * 100)] : range(5, 100, 5);
  const betas = opts.beta !== undefined ? [Math.round(opts.beta * 100)] : range(0, 100, 5);
  // Fixed parameters are used as given, not rounded to the grid.
  const valueOf = (k: number, fixed: number | undefined): number => (fixed !== undefined ? fixed : k / 100);
  const perStep = opts.stepDays !== undefined ? opts.stepDays / 30.436875 : 1;
  const phiOf = (k: number): number => (!opts.damped ? 1 : opts.phi !== undefined ? opts.phi : perStep === 1 ? k / 100 : Math.pow(k / 100, perStep));

  let best = { sse: Infinity, ka: 0, kb: 0, kp: 0 };
  for (const kp of phis) {
    for (const ka of alphas) {
      for (const kb of betas) {
        const sse = holtSse(y64, valueOf(ka, opts.alpha), valueOf(kb, opts.beta), phiOf(kp), l0, b0, best.sse);
        if (sse < best.sse) best = { sse, ka, kb, kp };
      }
    }
  }
  const coarse = { alpha: valueOf(best.ka, opts.alpha), beta: valueOf(best.kb, opts.beta), phi: phiOf(best.kp), sse: best.sse };
  // The coarse optimum stays the incumbent: a fine candidate replaces it only if strictly better.
  const fineA = opts.alpha !== undefined ? [best.ka] : range(Math.max(1, best.ka - 4), Math.min(100, best.ka + 4), 1);
  const fineB = opts.beta !== undefined ? [best.kb] : range(Math.max(0, best.kb - 4), Math.min(100, best.kb + 4), 1);
  if (fineA.length > 1 || fineB.length > 1) {
    for (const ka of fineA) {
      for (const kb of fineB) {
        const sse = holtSse(y64, valueOf(ka, opts.alpha), valueOf(kb, opts.beta), phiOf(best.kp), l0, b0, best.sse);
        if (sse < best.sse) best = { ...best, sse, ka, kb };
      }
    }
  }
  const params: HoltParams = { alpha: valueOf(best.ka, opts.alpha), beta: valueOf(best.kb, opts.beta), phi: phiOf(best.kp) };
  const run = holtRun(ys, params, l0, b0);
  const dof = n - (opts.damped ? 5 : 4);
  return {
    ...params,
    n,
    damped: opts.damped,
    l0,
    b0,
    level: run.level,
    trend: run.trend,
    sse: run.sse,
    sigma: dof > 0 ? Math.sqrt(run.sse / dof) : NaN,
    coarse,
  };
}

/** S_h = h for Holt, φ + … + φ^h = φ(1 − φ^h)/(1 − φ) damped (h may be fractional). */
export function trendMultiplier(phi: number, h: number): number {
  return phi === 1 ? h : (phi * (1 - Math.pow(phi, h))) / (1 - phi);
}

/** F(h) = ℓ_n + S_h·b_n */
export function holtForecast(fit: HoltFit, h: number): number {
  return fit.level + trendMultiplier(fit.phi, h) * fit.trend;
}

/**
 * v_h for h = 0 … hMax (v_0 = 0: the band has zero width at the last point):
 * v_h = 1 + Σ_{j=1}^{h−1} c_j², c_j = α·(1 + β·S_j), summed incrementally.
 */
export function holtVariances(fit: HoltParams, hMax: number): Float64Array {
  const v = new Float64Array(hMax + 1);
  if (hMax >= 1) v[1] = 1;
  let s = 0;
  let phiPow = 1;
  for (let h = 2; h <= hMax; h++) {
    const j = h - 1;
    phiPow *= fit.phi;
    s = fit.phi === 1 ? j : s + phiPow;
    const c = fit.alpha * (1 + fit.beta * s);
    v[h] = (v[h - 1] as number) + c * c;
  }
  return v;
}

/** The damped forecasts' asymptote ℓ_n + φ·b_n/(1 − φ). */
export function dampedAsymptote(fit: HoltFit): number {
  return fit.level + (fit.phi * fit.trend) / (1 - fit.phi);
}
