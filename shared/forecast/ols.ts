/**
 * Ordinary least squares of y on x (spec §2.1) with centred, two-pass sums: one-pass
 * `nΣxy − ΣxΣy` on day numbers near 20 000 loses digits. Also the crossings of the prediction
 * band with a level C, as roots of one quadratic in u = x − x̄ (spec §3).
 */

export interface OlsFit {
  n: number;
  /** intercept at x = 0 */
  a: number;
  /** slope per unit of x */
  b: number;
  xMean: number;
  yMean: number;
  sxx: number;
  sse: number;
  /** residual standard error √(SSE / (n − 2)) */
  s: number;
  seA: number;
  seB: number;
  r2: number;
}

export function fitOls(xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): OlsFit {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const xMean = sx / n;
  const yMean = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - xMean;
    const dy = (ys[i] as number) - yMean;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const b = sxy / sxx;
  const a = yMean - b * xMean;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = (ys[i] as number) - (a + b * (xs[i] as number));
    sse += r * r;
  }
  const s = n > 2 ? Math.sqrt(sse / (n - 2)) : NaN;
  return {
    n,
    a,
    b,
    xMean,
    yMean,
    sxx,
    sse,
    s,
    seA: s * Math.sqrt(1 / n + (xMean * xMean) / sxx),
    seB: s / Math.sqrt(sxx),
    r2: syy > 0 ? 1 - sse / syy : 1,
  };
}

export function olsPredict(fit: OlsFit, x: number): number {
  return fit.a + fit.b * x;
}

/**
 * Variance added to a prediction at u = x − x̄, as c0 + c1·u + c2·u² (units of y²; never
 * negative where it is used): the error of a step estimated outside the fit (one-off.ts).
 */
export interface ExtraVariance {
  c0: number;
  c1: number;
  c2: number;
}

const NO_EXTRA: ExtraVariance = { c0: 0, c1: 0, c2: 0 };

/**
 * Half-width of the prediction interval for a new observation at x: t·s·√(1 + 1/n + (x − x̄)²/Sxx),
 * with `extra` added to the variance under the root.
 */
export function olsPiHalfWidth(fit: OlsFit, x: number, t: number, extra: ExtraVariance = NO_EXTRA): number {
  const u = x - fit.xMean;
  const v = fit.s * fit.s * (1 + 1 / fit.n + (u * u) / fit.sxx) + extra.c0 + extra.c1 * u + extra.c2 * u * u;
  return t * Math.sqrt(Math.max(0, v));
}

/**
 * The variance a treated one-off step adds to the linear fit's prediction (docs/forecasts.md §9).
 * J = Δ_t − median(Δ) is off by e ≈ ε_t − ε_{t−1} − (median − mean step): Var(e) ≈ σ²·(2 + π/(n − 1))
 * (two readings' noise, and the median of n − 1 differences of variance 2σ², (π/2)·2σ²/(n − 1)),
 * σ² taken as s². Removing Ĵ shifts every later point by −e, and the fit follows by w(x) =
 * d̄ + (x − x̄)·Σ(x_i − x̄)·d_i/Sxx (the OLS fit of the indicator d_i = [i ≥ step]); adding Ĵ back
 * leaves e·(1 − w(x)) in the projection. Steps are independent: their variances add.
 */
export function oneOffVariance(fit: OlsFit, xs: ReadonlyArray<number>, stepIndices: ReadonlyArray<number>): ExtraVariance & { varJ: number } {
  const n = fit.n;
  const varJ = fit.s * fit.s * (2 + Math.PI / (n - 1));
  const out = { c0: 0, c1: 0, c2: 0, varJ };
  if (!(varJ > 0)) return { ...NO_EXTRA, varJ: 0 };
  for (const at of stepIndices) {
    if (at <= 0 || at >= n) continue;
    let sum = 0;
    for (let i = at; i < n; i++) sum += (xs[i] as number) - fit.xMean;
    const w0 = (n - at) / n;
    const w1 = sum / fit.sxx;
    // (1 − w0 − w1·u)² = (1 − w0)² − 2(1 − w0)·w1·u + w1²·u²
    out.c0 += varJ * (1 - w0) * (1 - w0);
    out.c1 += -2 * varJ * (1 - w0) * w1;
    out.c2 += varJ * w1 * w1;
  }
  return out;
}

/** Real roots of A·u² + B·u + K = 0 (A may be 0). */
function quadraticRoots(A: number, B: number, K: number): number[] {
  if (A === 0) return B === 0 ? [] : [-K / B];
  const disc = B * B - 4 * A * K;
  if (disc < 0) return [];
  const sq = Math.sqrt(disc);
  // Numerically stable pair.
  const q = -0.5 * (B + (B >= 0 ? sq : -sq));
  const r1 = q / A;
  const r2 = q !== 0 ? K / q : r1;
  return [r1, r2];
}

/**
 * Where the prediction band meets level `c` (same units as y), after `xFrom` (exclusive).
 * Returns the x of the first upper-band crossing (`upper`, earliest) and the first lower-band
 * crossing (`lower`, latest); `null` when there is none. When the band is already at or above
 * `c` at `xFrom`, that band's crossing is `xFrom` itself (the caller clamps to as-of).
 * Both crossings are roots of (b² − k1)·u² − 2·D·b·u + (D² − k0) = 0 with u = x − x̄, D = c − ȳ,
 * k0 = t²s²(1 + 1/n), k1 = t²s²/Sxx; a root with ŷ ≤ c is on the upper band, one with ŷ ≥ c on
 * the lower. If b² ≤ k1 (slope not significant) the lower band is taken never to reach c.
 */
export function olsBandCrossings(
  fit: OlsFit,
  c: number,
  t: number,
  xFrom: number,
  extra: ExtraVariance = NO_EXTRA,
): { upper: number | null; lower: number | null } {
  const { b, xMean, yMean, n, sxx } = fit;
  const t2 = t * t;
  const t2s2 = t2 * fit.s * fit.s;
  // With extra variance c0 + c1·u + c2·u²: (b·u − D)² = t²·(s²(1 + 1/n) + c0 + (s²/Sxx + c2)·u² + c1·u).
  const k0 = t2s2 * (1 + 1 / n) + t2 * extra.c0;
  const k1 = t2s2 / sxx + t2 * extra.c2;
  const D = c - yMean;
  const roots = quadraticRoots(b * b - k1, -2 * D * b - t2 * extra.c1, D * D - k0)
    .map((u) => u + xMean)
    .sort((p, q) => p - q);
  const at = (x: number): number => fit.a + b * x;
  const upperAtFrom = at(xFrom) + olsPiHalfWidth(fit, xFrom, t, extra);
  const lowerAtFrom = at(xFrom) - olsPiHalfWidth(fit, xFrom, t, extra);
  const tol = 1e-9 * Math.max(1, Math.abs(c));

  let upper: number | null = null;
  if (upperAtFrom >= c) upper = xFrom;
  else upper = roots.find((x) => x > xFrom && at(x) <= c + tol) ?? null;

  let lower: number | null = null;
  if (b * b > k1) {
    if (lowerAtFrom >= c) lower = xFrom;
    else lower = roots.find((x) => x > xFrom && at(x) >= c - tol) ?? null;
  }
  return { upper, lower };
}
