/**
 * Random walk with drift (spec §2.2): anchored at the last observation, the slope is the
 * average step. Its band grows like √h at first and like h later (the drift is uncertain).
 */

export interface DriftFit {
  n: number;
  last: number;
  /** drift per step: (y_n − y_1)/(n − 1) */
  d: number;
  /** σ̂ = √(Σ_{t=2..n}(y_t − y_{t−1} − d)² / (n − 2)) */
  sigma: number;
}

export function fitDrift(ys: ReadonlyArray<number>): DriftFit {
  const n = ys.length;
  const first = ys[0] as number;
  const last = ys[n - 1] as number;
  const d = (last - first) / (n - 1);
  let ss = 0;
  for (let t = 1; t < n; t++) {
    const e = (ys[t] as number) - (ys[t - 1] as number) - d;
    ss += e * e;
  }
  return { n, last, d, sigma: n > 2 ? Math.sqrt(ss / (n - 2)) : NaN };
}

/** F(h) = y_n + h·d */
export function driftForecast(fit: DriftFit, h: number): number {
  return fit.last + h * fit.d;
}

/** z·σ̂·√(h·(1 + h/(n − 1))) */
export function driftHalfWidth(fit: DriftFit, h: number, z: number): number {
  return z * fit.sigma * Math.sqrt(h * (1 + h / (fit.n - 1)));
}
