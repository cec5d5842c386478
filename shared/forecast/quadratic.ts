/**
 * Quadratic trend ŷ = c0 + c1·x + c2·x² by least squares (Huston's O(2), spec §2.6), only on
 * request, and the AICc comparison with the straight line (spec §2.8.4). x is centred and
 * scaled before the normal equations are solved so that day numbers keep their digits.
 */

export interface QuadraticFit {
  n: number;
  c0: number;
  c1: number;
  c2: number;
  sse: number;
  /** residual standard error √(SSE / (n − 3)) */
  s: number;
  /** centring and scale used for the inverse normal matrix */
  center: number;
  scale: number;
  /** inverse of VᵀV in the centred/scaled basis (1, v, v²), row-major 3×3 */
  inv: number[];
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

export function fitQuadratic(xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): QuadraticFit {
  const n = xs.length;
  let center = 0;
  for (const x of xs) center += x;
  center /= n;
  let scale = 0;
  for (const x of xs) scale = Math.max(scale, Math.abs(x - center));
  if (scale === 0) scale = 1;
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const r = [0, 0, 0];
  for (let k = 0; k < n; k++) {
    const v = ((xs[k] as number) - center) / scale;
    const y = ys[k] as number;
    const row = [1, v, v * v];
    for (let p = 0; p < 3; p++) {
      r[p] = (r[p] as number) + (row[p] as number) * y;
      for (let q = 0; q < 3; q++) m[p * 3 + q] = (m[p * 3 + q] as number) + (row[p] as number) * (row[q] as number);
    }
  }
  const inv = invert3(m);
  const g = [0, 1, 2].map(
    (p) => (inv[p * 3] as number) * (r[0] as number) + (inv[p * 3 + 1] as number) * (r[1] as number) + (inv[p * 3 + 2] as number) * (r[2] as number),
  );
  const [g0, g1, g2] = g as [number, number, number];
  // ŷ = g0 + g1·(x − m)/s + g2·((x − m)/s)² expanded in x.
  const c2 = g2 / (scale * scale);
  const c1 = g1 / scale - (2 * g2 * center) / (scale * scale);
  const c0 = g0 - (g1 * center) / scale + (g2 * center * center) / (scale * scale);
  let sse = 0;
  for (let k = 0; k < n; k++) {
    const v = ((xs[k] as number) - center) / scale;
    const e = (ys[k] as number) - (g0 + g1 * v + g2 * v * v);
    sse += e * e;
  }
  return { n, c0, c1, c2, sse, s: n > 3 ? Math.sqrt(sse / (n - 3)) : NaN, center, scale, inv };
}

export function quadraticPredict(fit: QuadraticFit, x: number): number {
  return fit.c0 + fit.c1 * x + fit.c2 * x * x;
}

/** Half-width of the prediction interval at x: t·s·√(1 + vᵀ(VᵀV)⁻¹v), t with n − 3 df. */
export function quadraticPiHalfWidth(fit: QuadraticFit, x: number, t: number): number {
  const v = (x - fit.center) / fit.scale;
  const row = [1, v, v * v];
  let q = 0;
  for (let p = 0; p < 3; p++) for (let r = 0; r < 3; r++) q += (row[p] as number) * (fit.inv[p * 3 + r] as number) * (row[r] as number);
  return t * fit.s * Math.sqrt(1 + q);
}

/**
 * Smallest x ≥ xFrom with ŷ(x) = c, or null (c2 < 0 with the vertex first, or no real root).
 * x* = (−c1 + √(c1² − 4·c2·(c0 − c)))/(2·c2) for c2 > 0; the other root is also examined.
 */
export function quadraticRoot(fit: QuadraticFit, c: number, xFrom: number): number | null {
  const { c0, c1, c2 } = fit;
  if (c2 === 0) {
    if (c1 === 0) return null;
    const x = (c - c0) / c1;
    return x >= xFrom ? x : null;
  }
  const disc = c1 * c1 - 4 * c2 * (c0 - c);
  if (disc < 0) return null;
  const sq = Math.sqrt(disc);
  const roots = [(-c1 + sq) / (2 * c2), (-c1 - sq) / (2 * c2)].sort((p, q) => p - q);
  return roots.find((x) => x >= xFrom) ?? null;
}

/**
 * AICc of a least-squares fit with k predictors: AIC = n·ln(SSE/n) + 2(k + 2),
 * AICc = AIC + 2(k + 2)(k + 3)/(n − k − 3). Only comparable between models of the same y.
 */
export function aicc(sse: number, n: number, k: number): number {
  const aic = n * Math.log(sse / n) + 2 * (k + 2);
  return aic + (2 * (k + 2) * (k + 3)) / (n - k - 3);
}
