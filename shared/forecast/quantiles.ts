/**
 * Critical values for the prediction intervals (spec forecast.md §0): Student-t for the
 * regressions (df = n − 2, or n − 3 for the quadratic), the normal z for the step models.
 */
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

export type IntervalLevel = 0.95 | 0.8;

/** Student-t quantile t(p, df). */
export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/** Two-sided t critical value for `level` (95 % → t(0.975, df), 80 % → t(0.90, df)). */
export function tCritical(level: IntervalLevel, df: number): number {
  return tQuantile(level === 0.8 ? 0.9 : 0.975, df);
}

/** Two-sided normal critical value, as the spec pins it (1.959964 / 1.281552). */
export function zCritical(level: IntervalLevel): number {
  return level === 0.8 ? 1.281552 : 1.959964;
}
