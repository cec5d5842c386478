/**
 * What every fitted model offers (point forecast, band, closed-form crossings) and the
 * constants of the horizon. Regressions use x = day − first day; step models use the step
 * index h of the grid, h = 0 at the last point.
 */
import { ROOT_EPS, type Step } from './clock';
import type { IntervalLevel } from './quantiles';

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
  /**
   * Indices into days/ys of the first point after each step treated as a one-off (removed from
   * ys by its estimated jump): the linear band adds that estimate's error (ols.ts oneOffVariance).
   */
  oneOffSteps?: ReadonlyArray<number>;
  /** fixed Holt/damped parameters (otherwise fitted on the grid) */
  alpha?: number;
  beta?: number;
  phi?: number;
}

export const firstDayCeil = (first: number, x: number): number => first + Math.ceil(x - ROOT_EPS);

export const within = (day: number | null, horizonEnd: number): number | null => (day === null || !Number.isFinite(day) || day > horizonEnd ? null : day);
