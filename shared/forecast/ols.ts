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

/** Half-width of the prediction interval for a new observation at x: t·s·√(1 + 1/n + (x − x̄)²/Sxx). */
export function olsPiHalfWidth(fit: OlsFit, x: number, t: number): number {
  const u = x - fit.xMean;
  return t * fit.s * Math.sqrt(1 + 1 / fit.n + (u * u) / fit.sxx);
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
export function olsBandCrossings(fit: OlsFit, c: number, t: number, xFrom: number): { upper: number | null; lower: number | null } {
  const { b, xMean, yMean, n, sxx } = fit;
  const t2s2 = t * t * fit.s * fit.s;
  const k0 = t2s2 * (1 + 1 / n);
  const k1 = t2s2 / sxx;
  const D = c - yMean;
  const roots = quadraticRoots(b * b - k1, -2 * D * b, D * D - k0)
    .map((u) => u + xMean)
    .sort((p, q) => p - q);
  const at = (x: number): number => fit.a + b * x;
  const upperAtFrom = at(xFrom) + olsPiHalfWidth(fit, xFrom, t);
  const lowerAtFrom = at(xFrom) - olsPiHalfWidth(fit, xFrom, t);
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
