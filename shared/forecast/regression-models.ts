/**
 * The regressions as FittedModels: linear OLS (spec §2.1), log-linear exponential (§2.3) and the
 * quadratic on request (§2.6). x = day − first day.
 */
import { fitOls, oneOffVariance, olsBandCrossings, olsPiHalfWidth, olsPredict, type ExtraVariance, type OlsFit } from './ols';
import { aicc, fitQuadratic, quadraticPiHalfWidth, quadraticPredict, quadraticRoot, type QuadraticFit } from './quadratic';
import { tCritical } from './quantiles';
import { DAYS_PER_MONTH, firstDayCeil, within, type Band, type FitInput, type FittedModel, type Params } from './model-types';

function linearModel(first: number, fit: OlsFit, t: number, name: 'linear' | 'exponential', params: Params, extra?: ExtraVariance): FittedModel {
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
      const w = olsPiHalfWidth(fit, x, t, extra);
      return { lo: toY(m - w), hi: toY(m + w) };
    },
    crossingDay: (c, asOf) => {
      if (fit.b <= 0) return null;
      const x = (toFit(c) - fit.a) / fit.b;
      return Math.max(asOf, firstDayCeil(first, x));
    },
    bandCrossingDays: (c, asOf, horizonEnd) => {
      const { upper, lower } = olsBandCrossings(fit, toFit(c), t, asOf - first, extra);
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
  // A step treated as a one-off was estimated, not known: its error widens the band.
  const steps = input.oneOffSteps ?? [];
  const extra = steps.length > 0 ? oneOffVariance(fit, xs, steps) : undefined;
  const stepParams: Params = extra ? { oneOffSe: Math.sqrt(extra.varJ) } : {};
  return linearModel(
    first,
    fit,
    t,
    'linear',
    {
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
      ...stepParams,
    },
    extra,
  );
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
