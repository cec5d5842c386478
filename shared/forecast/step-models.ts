/**
 * The step models as FittedModels: drift (spec §2.2), Holt (§2.4) and damped (§2.5). h counts
 * grid steps from the last point; the clock maps h to days.
 */
import { makeClock, stepDaysOf, type Step, type StepClock } from './clock';
import { driftForecast, driftHalfWidth, fitDrift, type DriftFit } from './drift';
import { dampedAsymptote, fitHolt, holtForecast, holtVariances, type HoltFit } from './holt';
import { zCritical } from './quantiles';
import { within, type FitInput, type FittedModel, type Params } from './model-types';

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
    stepDays: stepDaysOf(input.step),
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
        ...(damped ? { phi: fit.phi, phiPerMonth: Math.pow(fit.phi, 30.436875 / stepDaysOf(input.step)) } : {}),
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
