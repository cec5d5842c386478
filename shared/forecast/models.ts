/**
 * The fitted models behind one interface: point forecast and band at a UTC day, the closed-form
 * crossing of a level (spec §3) and the crossings of the band (earliest / latest).
 * Regressions (linear, exponential, quadratic) use x = day − first day; step models (drift,
 * Holt, damped) use the step index h of the grid, h = 0 at the last point.
 */
import { makeClock, ROOT_EPS, type Step, type StepClock } from './clock';
import { driftForecast, driftHalfWidth, fitDrift, type DriftFit } from './drift';
import { dampedAsymptote, fitHolt, holtForecast, holtVariances, type HoltFit } from './holt';
import { fitOls, olsBandCrossings, olsPiHalfWidth, olsPredict, type OlsFit } from './ols';
import { aicc, fitQuadratic, quadraticPiHalfWidth, quadraticPredict, quadraticRoot, type QuadraticFit } from './quadratic';
import { tCritical, zCritical, type IntervalLevel } from './quantiles';

export type ModelName = 'linear' | 'exponential' | 'drift' | 'holt' | 'damped' | 'quadratic';

/** Days after as-of still inside the horizon (3653 days counting as-of itself). */
export const HORIZON_DAYS = 3652;

/** Rates shown per month use 365.2425 / 12 days. */
export const DAYS_PER_MONTH = 30.436875;

export type Params = Record<string, number | string | null>;

export interface Band {
  lo: number;
  hi: number;
}

export interface FittedModel {
  readonly name: ModelName;
  readonly params: Params;
  /** false when the model's own trend does not rise (slope ≤ 0, drift ≤ 0, b_n ≤ 0) */
  readonly increasing: boolean;
  forecast(day: number): number;
  /**
   * Forecast of the h-th point after the fitted data, dated `day`: regressions evaluate at the
   * day, step models at step h (spec §2.8: "regressions at their x, step models h = 1..H").
   */
  forecastAhead(h: number, day: number): number;
  band(day: number): Band;
  /**
   * First day ≥ asOf on which the forecast reaches c, by the closed form; null when the model
   * never gets there (no root, damped asymptote ≤ c). May lie beyond the horizon.
   */
  crossingDay(c: number, asOf: number): number | null;
  /** First day ≥ asOf on which the upper (earliest) / lower (latest) band reaches c, ≤ horizonEnd. */
  bandCrossingDays(c: number, asOf: number, horizonEnd: number): { earliest: number | null; latest: number | null };
}

export interface FitInput {
  days: ReadonlyArray<number>;
  ys: ReadonlyArray<number>;
  step: Step;
  level: IntervalLevel;
  /** fixed Holt/damped parameters (otherwise fitted on the grid) */
  alpha?: number;
  beta?: number;
  phi?: number;
}

const firstDayCeil = (first: number, x: number): number => first + Math.ceil(x - ROOT_EPS);

const within = (day: number | null, horizonEnd: number): number | null =>
  day === null || !Number.isFinite(day) || day > horizonEnd ? null : day;

// ---------------------------------------------------------------- regressions

function linearModel(first: number, fit: OlsFit, t: number, name: 'linear' | 'exponential', params: Params): FittedModel {
  const toY = name === 'exponential' ? Math.exp : (v: number) => v;
  const toFit = name === 'exponential' ? Math.log : (v: number) => v;
  return {
    name,
    params,
    increasing: fit.b > 0,
    forecast: (day) => toY(olsPredict(fit, day - first)),
    forecastAhead: (_h, day) => toY(olsPredict(fit, day - first)),
    band: (day) => {
      const x = day - first;
      const m = olsPredict(fit, x);
      const w = olsPiHalfWidth(fit, x, t);
      return { lo: toY(m - w), hi: toY(m + w) };
    },
    crossingDay: (c, asOf) => {
      if (fit.b <= 0) return null;
      const x = (toFit(c) - fit.a) / fit.b;
      return Math.max(asOf, firstDayCeil(first, x));
    },
    bandCrossingDays: (c, asOf, horizonEnd) => {
      const { upper, lower } = olsBandCrossings(fit, toFit(c), t, asOf - first);
      return {
        earliest: within(upper === null ? null : firstDayCeil(first, upper), horizonEnd),
        latest: within(lower === null ? null : firstDayCeil(first, lower), horizonEnd),
      };
    },
  };
}

export function fitLinearModel(input: FitInput): FittedModel {
  const first = input.days[0] as number;
  const xs = input.days.map((d) => d - first);
  const fit = fitOls(xs, input.ys);
  const t = tCritical(input.level, fit.n - 2);
  return linearModel(first, fit, t, 'linear', {
    intercept: fit.a,
    slopePerDay: fit.b,
    slopePerMonth: fit.b * DAYS_PER_MONTH,
    s: fit.s,
    seSlope: fit.seB,
    seIntercept: fit.seA,
    r2: fit.r2,
    t,
    n: fit.n,
    aicc: aicc(fit.sse, fit.n, 1),
  });
}

export function fitExponentialModel(input: FitInput): FittedModel {
  const first = input.days[0] as number;
  const xs = input.days.map((d) => d - first);
  const fit = fitOls(xs, input.ys.map(Math.log));
  const t = tCritical(input.level, fit.n - 2);
  return linearModel(first, fit, t, 'exponential', {
    intercept: fit.a,
    scale: Math.exp(fit.a),
    ratePerDay: fit.b,
    growthPerMonth: Math.exp(DAYS_PER_MONTH * fit.b) - 1,
    doublingDays: fit.b > 0 ? Math.LN2 / fit.b : null,
    s: fit.s,
    seSlope: fit.seB,
    t,
    n: fit.n,
  });
}

export function fitQuadraticModel(input: FitInput): FittedModel {
  const first = input.days[0] as number;
  const xs = input.days.map((d) => d - first);
  const fit: QuadraticFit = fitQuadratic(xs, input.ys);
  const t = tCritical(input.level, fit.n - 3);
  const lin = fitOls(xs, input.ys);
  const lastX = xs[xs.length - 1] as number;
  const band = (day: number): Band => {
    const x = day - first;
    const m = quadraticPredict(fit, x);
    const w = quadraticPiHalfWidth(fit, x, t);
    return { lo: m - w, hi: m + w };
  };
  return {
    name: 'quadratic',
    params: {
      c0: fit.c0,
      c1: fit.c1,
      c2: fit.c2,
      sse: fit.sse,
      s: fit.s,
      t,
      n: fit.n,
      aicc: aicc(fit.sse, fit.n, 2),
      linearAicc: aicc(lin.sse, lin.n, 1),
      linearSse: lin.sse,
    },
    // Rising at the last point, or convex (it turns up eventually).
    increasing: fit.c2 > 0 || fit.c1 + 2 * fit.c2 * lastX > 0,
    forecast: (day) => quadraticPredict(fit, day - first),
    forecastAhead: (_h, day) => quadraticPredict(fit, day - first),
    band,
    crossingDay: (c, asOf) => {
      const x = quadraticRoot(fit, c, Math.max(lastX, asOf - first));
      return x === null ? null : Math.max(asOf, firstDayCeil(first, x));
    },
    // The spec pins no closed form for the quadratic's band: scan the days.
    bandCrossingDays: (c, asOf, horizonEnd) => {
      let earliest: number | null = null;
      let latest: number | null = null;
      for (let d = asOf; d <= horizonEnd && (earliest === null || latest === null); d++) {
        const b = band(d);
        if (earliest === null && b.hi >= c) earliest = d;
        if (latest === null && b.lo >= c) latest = d;
      }
      return { earliest, latest };
    },
  };
}

// ---------------------------------------------------------------- step models

/**
 * Band crossing of a step model (spec §3): values at h = 0, 1, 2, …; the first whole step k
 * after `hFrom` with value ≥ c, interpolated linearly between k − 1 (or hFrom) and k.
 * Null when no step up to the end of `values` reaches c.
 */
export function interpolatedCrossing(values: ArrayLike<number>, c: number, hFrom = 0): number | null {
  const hMax = values.length - 1;
  const at = (h: number): number => {
    const k = Math.min(Math.floor(h), hMax);
    const a = values[k] as number;
    return k === h || k === hMax ? a : a + (h - k) * ((values[k + 1] as number) - a);
  };
  for (let k = Math.max(1, Math.floor(hFrom) + 1); k <= hMax; k++) {
    const v = values[k] as number;
    if (v >= c) {
      const prevH = Math.max(k - 1, hFrom);
      const prev = at(prevH);
      return prevH + ((c - prev) / (v - prev)) * (k - prevH);
    }
  }
  return null;
}

interface StepCore {
  name: 'drift' | 'holt' | 'damped';
  params: Params;
  increasing: boolean;
  /** F(h) for fractional h ≥ 0 */
  at(h: number): number;
  /** half-width at integer h (0 at h = 0) */
  halfWidth(h: number): number;
  /** h* solving F(h) = c, or null when never */
  root(c: number): number | null;
}

function stepModel(core: StepCore, clock: StepClock, maxDay: number): FittedModel {
  const hMax = Math.max(1, Math.ceil(clock.stepOf(maxDay))) + 1;
  const lo = new Float64Array(hMax + 1);
  const hi = new Float64Array(hMax + 1);
  for (let h = 0; h <= hMax; h++) {
    const f = core.at(h);
    const w = h === 0 ? 0 : core.halfWidth(h);
    lo[h] = f - w;
    hi[h] = f + w;
  }
  // Bands are evaluated at whole steps and interpolated linearly in between (spec §3).
  const interp = (arr: Float64Array, h: number): number => {
    if (h <= 0) return arr[0] as number;
    if (h >= hMax) return arr[hMax] as number;
    const k = Math.floor(h);
    const a = arr[k] as number;
    return k === h ? a : a + (h - k) * ((arr[k + 1] as number) - a);
  };
  const firstCross = (arr: Float64Array, c: number, asOf: number, horizonEnd: number): number | null => {
    const h0 = clock.stepOf(asOf);
    if (interp(arr, h0) >= c) return asOf;
    const h = interpolatedCrossing(arr, c, h0);
    return h === null ? null : within(Math.max(asOf, clock.dayAtOrAfter(h)), horizonEnd);
  };
  return {
    name: core.name,
    params: core.params,
    increasing: core.increasing,
    forecast: (day) => core.at(clock.stepOf(day)),
    forecastAhead: (h) => core.at(h),
    band: (day) => {
      const h = clock.stepOf(day);
      return { lo: interp(lo, h), hi: interp(hi, h) };
    },
    crossingDay: (c, asOf) => {
      const h = core.root(c);
      if (h === null || !Number.isFinite(h)) return null;
      return Math.max(asOf, clock.dayAtOrAfter(h));
    },
    bandCrossingDays: (c, asOf, horizonEnd) => ({
      earliest: firstCross(hi, c, asOf, horizonEnd),
      latest: firstCross(lo, c, asOf, horizonEnd),
    }),
  };
}

function stepParams(step: Step): Params {
  return step.kind === 'month' ? { step: 'month', stepDays: null } : { step: 'days', stepDays: step.days };
}

/** `maxDay` bounds the precomputed band (as-of + horizon). */
export function fitDriftModel(input: FitInput, maxDay: number): FittedModel {
  const fit: DriftFit = fitDrift(input.ys);
  const z = zCritical(input.level);
  const clock = makeClock(input.step, input.days[input.days.length - 1] as number);
  return stepModel(
    {
      name: 'drift',
      params: { driftPerStep: fit.d, sigma: fit.sigma, z, n: fit.n, ...stepParams(input.step) },
      increasing: fit.d > 0,
      at: (h) => driftForecast(fit, h),
      halfWidth: (h) => driftHalfWidth(fit, h, z),
      root: (c) => (fit.d > 0 ? (c - fit.last) / fit.d : null),
    },
    clock,
    maxDay,
  );
}

export function fitHoltModel(input: FitInput, damped: boolean, maxDay: number): FittedModel {
  const fit: HoltFit = fitHolt(input.ys, {
    damped,
    ...(input.alpha !== undefined ? { alpha: input.alpha } : {}),
    ...(input.beta !== undefined ? { beta: input.beta } : {}),
    ...(damped && input.phi !== undefined ? { phi: input.phi } : {}),
  });
  const z = zCritical(input.level);
  const clock = makeClock(input.step, input.days[input.days.length - 1] as number);
  const hMax = Math.max(1, Math.ceil(clock.stepOf(maxDay))) + 1;
  const v = holtVariances(fit, hMax);
  const asymptote = damped ? dampedAsymptote(fit) : null;
  return stepModel(
    {
      name: damped ? 'damped' : 'holt',
      params: {
        alpha: fit.alpha,
        beta: fit.beta,
        ...(damped ? { phi: fit.phi } : {}),
        l0: fit.l0,
        b0: fit.b0,
        level: fit.level,
        trend: fit.trend,
        sse: fit.sse,
        sigma: fit.sigma,
        ...(damped ? { asymptote } : {}),
        z,
        n: fit.n,
        ...stepParams(input.step),
      },
      increasing: fit.trend > 0,
      at: (h) => holtForecast(fit, h),
      halfWidth: (h) => z * fit.sigma * Math.sqrt(v[Math.min(h, hMax)] as number),
      root: (c) => {
        if (fit.trend <= 0) return null;
        if (!damped) return (c - fit.level) / fit.trend;
        // h* = ln(1 − (c − ℓ_n)(1 − φ)/(φ·b_n)) / ln φ, defined iff the argument is in (0, 1).
        const arg = 1 - ((c - fit.level) * (1 - fit.phi)) / (fit.phi * fit.trend);
        if (!(arg > 0)) return null;
        if (arg >= 1) return 0;
        return Math.log(arg) / Math.log(fit.phi);
      },
    },
    clock,
    maxDay,
  );
}

export function fitModel(name: ModelName, input: FitInput, maxDay: number): FittedModel {
  switch (name) {
    case 'linear':
      return fitLinearModel(input);
    case 'exponential':
      return fitExponentialModel(input);
    case 'quadratic':
      return fitQuadraticModel(input);
    case 'drift':
      return fitDriftModel(input, maxDay);
    case 'holt':
      return fitHoltModel(input, false, maxDay);
    case 'damped':
      return fitHoltModel(input, true, maxDay);
  }
}
