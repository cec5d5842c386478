/**
 * Options of fitAndProject, their checks, and the series made ready for fitting (parsed days,
 * as-of, grid step). Refusals are `invalid(field, …)` errors naming the option.
 */
import { invalid } from '../errors';
import { inferStep, type Step } from './clock';
import { formatDay, parseDay } from '../dates';
import type { FitInput, ModelName } from './models';
import type { IntervalLevel } from './quantiles';
import type { CapacityChange, Scenario } from './scenario';
import { gridStep, type GridKind, type SeriesPoint } from './series';
import type { ForecastMethod } from './types';

export interface FitOptions {
  /** the limit C, in the series' unit; > 0 */
  capacity: number;
  /** default 'auto' (holdout choice, spec §2.8) */
  method?: ForecastMethod;
  /** default: the last point; points after it are left out */
  asOf?: string;
  /** interval level, default 0.95 */
  level?: IntervalLevel;
  /** grid step of the series; default inferred from the dates (equal gaps, month ends) */
  step?: GridKind | { days: number };
  /** fixed Holt/damped parameters (otherwise fitted) */
  alpha?: number;
  beta?: number;
  phi?: number;
  /** planned demand on top of the model (spec §2.7) */
  scenarios?: ReadonlyArray<Scenario>;
  /** capacity changes: C becomes a step function C(d) */
  capacityChanges?: ReadonlyArray<CapacityChange>;
  /** fit with flagged one-off steps removed and add them back to the projection (spec §4) */
  treatOneOffs?: boolean;
}

export const METHODS: ReadonlyArray<ForecastMethod> = ['auto', 'linear', 'exponential', 'drift', 'holt', 'damped', 'quadratic'];

/** Candidates of the holdout choice, in tie order. */
export const AUTO_ORDER: ReadonlyArray<ModelName> = ['linear', 'drift', 'exponential', 'holt', 'damped'];

export const MIN_POINTS = 6;
export const MIN_SPAN_DAYS = 28;

export interface Prepared {
  days: number[];
  /** observed values */
  raw: number[];
  /** values the model fits (one-offs removed when asked) */
  ys: number[];
  /** added back to every projection: ΣJ of the treated one-offs */
  shift: number;
  asOf: number;
  step: Step;
  regularStep: boolean;
  level: IntervalLevel;
  warnings: string[];
}

export function checkNumber(value: unknown, field: string, ok: (v: number) => boolean, message: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw invalid(field, message);
}

export function validateOptions(options: FitOptions): void {
  checkNumber(options.capacity, 'capacity', (v) => v > 0, 'must be a positive number');
  if (options.method !== undefined && !METHODS.includes(options.method)) {
    throw invalid('method', `must be one of ${METHODS.join(', ')}`);
  }
  if (options.level !== undefined && options.level !== 0.95 && options.level !== 0.8) {
    throw invalid('level', 'must be 0.95 or 0.8');
  }
  if (options.alpha !== undefined) checkNumber(options.alpha, 'alpha', (v) => v > 0 && v <= 1, 'must be in (0, 1]');
  if (options.beta !== undefined) checkNumber(options.beta, 'beta', (v) => v >= 0 && v <= 1, 'must be in [0, 1]');
  if (options.phi !== undefined) checkNumber(options.phi, 'phi', (v) => v > 0 && v < 1, 'must be in (0, 1)');
  options.capacityChanges?.forEach((c, i) => checkNumber(c.capacity, `capacityChanges.${i}.capacity`, (v) => v > 0, 'must be a positive number'));
}

export function prepare(series: ReadonlyArray<SeriesPoint>, options: FitOptions): Prepared {
  const warnings: string[] = [];
  let days: number[] = [];
  let raw: number[] = [];
  series.forEach((p, i) => {
    const day = parseDay(p.date, `series.${i}.date`);
    checkNumber(p.value, `series.${i}.value`, () => true, 'must be a finite number');
    if (days.length > 0 && day <= (days[days.length - 1] as number)) {
      throw invalid(`series.${i}.date`, `${p.date} is not after the previous date (dates must be strictly increasing)`);
    }
    days.push(day);
    raw.push(p.value);
  });
  const lastDay = days[days.length - 1];
  const asOf = options.asOf !== undefined ? parseDay(options.asOf, 'asOf') : (lastDay ?? 0);
  const keep = days.filter((d) => d <= asOf).length;
  if (keep < days.length) {
    warnings.push(`${days.length - keep} point(s) after the as-of date ${formatDay(asOf)} left out`);
    days = days.slice(0, keep);
    raw = raw.slice(0, keep);
  }
  let step: Step;
  let regularStep = true;
  if (options.step === undefined) ({ step, regular: regularStep } = inferStep(days));
  else if (typeof options.step === 'string') step = gridStep(options.step);
  else {
    checkNumber(options.step.days, 'step.days', (v) => v > 0, 'must be a positive number of days');
    step = { kind: 'days', days: options.step.days };
  }
  return { days, raw, ys: raw, shift: 0, asOf, step, regularStep, level: options.level ?? 0.95, warnings };
}

// §0 also lists "< 2 distinct values" as insufficientData, but TV6 pins a flat series to
// `never` (and a flat series over capacity is plainly `exceeded`): the vector wins, a constant
// series only gets a warning.
export function insufficientReason(days: ReadonlyArray<number>): string | null {
  if (days.length < MIN_POINTS) return `only ${days.length} point(s): need ≥ 6 points over ≥ 4 weeks`;
  const span = (days[days.length - 1] as number) - (days[0] as number);
  if (span < MIN_SPAN_DAYS) return `the history spans ${span} days: need ≥ 6 points over ≥ 4 weeks`;
  return null;
}

export function fitInput(p: Prepared, options: FitOptions, days: ReadonlyArray<number>, ys: ReadonlyArray<number>): FitInput {
  return {
    days,
    ys,
    step: p.step,
    level: p.level,
    ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
    ...(options.beta !== undefined ? { beta: options.beta } : {}),
    ...(options.phi !== undefined ? { phi: options.phi } : {}),
  };
}
