/**
 * fitAndProject: a dated series and a capacity → the Result of forecast.md §0.
 * Order of checks (spec §3): insufficientData → exceeded → scenario or time-varying C (daily
 * scan) → never → projectedNow → closed form → beyondHorizon / ok.
 */
import { invalid } from '../errors';
import { inferStep, describeStep, type Step } from './clock';
import { formatDay, parseDay } from './dates';
import { fitModel, HORIZON_DAYS, type FitInput, type FittedModel, type ModelName, type Params } from './models';
import { detectOneOffs, removeOneOffs } from './one-off';
import type { IntervalLevel } from './quantiles';
import { capacityAt, demandCursor, expandScenarios, type CapacityChange, type Scenario } from './scenario';
import { gridStep, type GridKind, type SeriesPoint } from './series';
import type { ForecastMethod, ForecastResult, ForecastStatus } from './types';

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

const MIN_POINTS = 6;
const MIN_SPAN_DAYS = 28;

interface Prepared {
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

function checkNumber(value: unknown, field: string, ok: (v: number) => boolean, message: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw invalid(field, message);
}

function validateOptions(options: FitOptions): void {
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
  options.capacityChanges?.forEach((c, i) =>
    checkNumber(c.capacity, `capacityChanges.${i}.capacity`, (v) => v > 0, 'must be a positive number'),
  );
}

function prepare(series: ReadonlyArray<SeriesPoint>, options: FitOptions): Prepared {
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
function insufficientReason(days: ReadonlyArray<number>): string | null {
  if (days.length < MIN_POINTS) return `only ${days.length} point(s): need ≥ 6 points over ≥ 4 weeks`;
  const span = (days[days.length - 1] as number) - (days[0] as number);
  if (span < MIN_SPAN_DAYS) return `the history spans ${span} days: need ≥ 6 points over ≥ 4 weeks`;
  return null;
}

function fitInput(p: Prepared, options: FitOptions, days: ReadonlyArray<number>, ys: ReadonlyArray<number>): FitInput {
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

export interface HoldoutScore {
  model: ModelName;
  mae: number;
  /** null when a held-out value is 0 */
  mape: number | null;
  forecasts: number[];
}

/**
 * Holdout H = max(3, round(0.2·n)): fit on the first n − H points, forecast the H held-out ones
 * (regressions at their x, step models h = 1..H), MAE = mean|y − ŷ|.
 */
function holdoutScores(p: Prepared, options: FitOptions, models: ReadonlyArray<ModelName>): HoldoutScore[] {
  const n = p.days.length;
  const H = Math.max(3, Math.round(0.2 * n));
  const trainDays = p.days.slice(0, n - H);
  const trainYs = p.ys.slice(0, n - H);
  const testDays = p.days.slice(n - H);
  const testYs = p.ys.slice(n - H);
  const input = fitInput(p, options, trainDays, trainYs);
  const maxDay = testDays[testDays.length - 1] as number;
  return models.map((name) => {
    const model = fitModel(name, input, maxDay);
    const forecasts = testDays.map((d, i) => model.forecastAhead(i + 1, d));
    let abs = 0;
    let pct = 0;
    let zero = false;
    forecasts.forEach((f, i) => {
      const y = testYs[i] as number;
      abs += Math.abs(y - f);
      if (y === 0) zero = true;
      else pct += Math.abs((y - f) / y);
    });
    return { model: name, mae: abs / H, mape: zero ? null : (100 * pct) / H, forecasts };
  });
}

/** The candidates of `auto` on this series, each scored on the holdout, in tie order. */
export function rankModels(series: ReadonlyArray<SeriesPoint>, options: FitOptions): HoldoutScore[] {
  validateOptions(options);
  const p = prepare(series, options);
  if (p.days.length < 10) return [];
  return holdoutScores(p, options, AUTO_ORDER.filter((m) => m !== 'exponential' || p.ys.every((y) => y > 0)));
}

/** Lowest MAE wins; a tie (within float noise) goes to the earlier candidate. */
export function pickByMae(scores: ReadonlyArray<HoldoutScore>): { best: HoldoutScore; runnerUp: HoldoutScore | null } {
  const sorted = scores.filter((s) => Number.isFinite(s.mae));
  let best = sorted[0] as HoldoutScore;
  let runnerUp: HoldoutScore | null = null;
  const beats = (a: HoldoutScore, b: HoldoutScore): boolean => a.mae < b.mae - 1e-9 * Math.max(1e-300, Math.abs(b.mae));
  for (const s of sorted.slice(1)) {
    if (beats(s, best)) {
      runnerUp = best;
      best = s;
    } else if (runnerUp === null || beats(s, runnerUp)) runnerUp = s;
  }
  return { best, runnerUp };
}

interface Projection {
  status: Exclude<ForecastStatus, 'insufficientData'>;
  date: number | null;
  earliest: number | null;
  latest: number | null;
  warnings: string[];
}

/**
 * A history that never rises (every y_t ≤ y_{t−1}) is not projected to run out by its own
 * trend, whatever a smoothing or polynomial fit does after the data: Holt's trend can turn
 * positive after overshooting a fall, a parabola turns up after its vertex. Not in the spec's
 * list; it keeps "never rose" from becoming a run-out date. Scenarios still apply.
 */
function neverRises(ys: ReadonlyArray<number>): boolean {
  for (let i = 1; i < ys.length; i++) if ((ys[i] as number) > (ys[i - 1] as number)) return false;
  return true;
}

const NEVER_RISES_WARNING = (name: string): string =>
  `the history never rises: not projected to run out although the ${name} fit turns upward`;

function project(model: FittedModel, p: Prepared, options: FitOptions, withScenario: boolean): Projection {
  const { days, raw, asOf, shift } = p;
  const n = days.length;
  const horizonEnd = asOf + HORIZON_DAYS;
  const capAt = capacityAt(
    options.capacity,
    (options.capacityChanges ?? []).map((c, i) => ({ day: parseDay(c.date, `capacityChanges.${i}.date`), capacity: c.capacity })),
  );

  // exceeded: date = first grid date of the run of y ≥ C that ends at the last point.
  if ((raw[n - 1] as number) >= capAt(days[n - 1] as number)) {
    let i = n - 1;
    while (i > 0 && (raw[i - 1] as number) >= capAt(days[i - 1] as number)) i--;
    return { status: 'exceeded', date: days[i] as number, earliest: null, latest: null, warnings: [] };
  }

  const steps = withScenario ? expandScenarios(options.scenarios ?? [], horizonEnd) : [];
  const hasChanges = (options.capacityChanges?.length ?? 0) > 0;
  if (steps.length > 0 || hasChanges) {
    // Daily scan: first d = asOf … asOf + 3652 with F_s(d) ≥ C(d); bands shift with F.
    const demand = demandCursor(steps);
    let date: number | null = null;
    let earliest: number | null = null;
    let latest: number | null = null;
    for (let d = asOf; d <= horizonEnd && latest === null; d++) {
      const extra = demand(d) + shift;
      const c = capAt(d);
      const band = model.band(d);
      if (date === null && model.forecast(d) + extra >= c) date = d;
      if (earliest === null && band.hi + extra >= c) earliest = d;
      if (latest === null && band.lo + extra >= c) latest = d;
    }
    if (date === null) {
      const rising = model.increasing && !neverRises(raw);
      return { status: rising ? 'beyondHorizon' : 'never', date: null, earliest: rising ? earliest : null, latest: null, warnings: [] };
    }
    const status = date === asOf ? 'projectedNow' : 'ok';
    return finish(status, date, earliest, latest, asOf, model);
  }

  const c = options.capacity - shift;
  if (!model.increasing) return { status: 'never', date: null, earliest: null, latest: null, warnings: [] };
  if (neverRises(raw)) {
    return { status: 'never', date: null, earliest: null, latest: null, warnings: [NEVER_RISES_WARNING(model.name)] };
  }
  const bands = model.bandCrossingDays(c, asOf, horizonEnd);
  if (model.forecast(asOf) >= c) return finish('projectedNow', asOf, asOf, bands.latest, asOf, model);
  const day = model.crossingDay(c, asOf);
  if (day === null) return { status: 'never', date: null, earliest: null, latest: null, warnings: [] };
  if (day > horizonEnd) return { status: 'beyondHorizon', date: null, earliest: bands.earliest, latest: null, warnings: [] };
  return finish('ok', day, bands.earliest, bands.latest, asOf, model);
}

function finish(
  status: 'ok' | 'projectedNow',
  date: number,
  earliest: number | null,
  latest: number | null,
  asOf: number,
  model: FittedModel,
): Projection {
  const warnings: string[] = [];
  if (status === 'projectedNow') {
    warnings.push(`the ${model.name} fit is already at the limit on ${formatDay(asOf)} although the last reading is below it`);
  }
  if (date - asOf > 365) warnings.push('more than a year out: multi-year forecasts have been off by 6–13 months');
  // The band contains the line, so earliest ≤ date ≤ latest; guard it against rounding.
  return {
    status,
    date,
    earliest: earliest === null ? null : Math.max(asOf, Math.min(earliest, date)),
    latest: latest === null ? null : Math.max(latest, date),
    warnings,
  };
}

const fmt = (day: number | null): string | null => (day === null ? null : formatDay(day));

/**
 * Fits the series (one reading per point, dates strictly increasing, in the limit's unit) and
 * projects it to the capacity: the Result of forecast.md §0. Throws `invalid` for a bad input
 * (capacity ≤ 0, a bad date or value, exponential with a value ≤ 0).
 */
export function fitAndProject(series: ReadonlyArray<SeriesPoint>, options: FitOptions): ForecastResult {
  validateOptions(options);
  const method = options.method ?? 'auto';
  const p = prepare(series, options);
  const warnings = p.warnings;
  const n = p.days.length;

  const reason = insufficientReason(p.days);
  if (reason !== null) {
    return {
      status: 'insufficientData',
      model: method === 'auto' ? null : method,
      date: null,
      earliest: null,
      latest: null,
      params: {},
      holdoutMae: null,
      warnings: [...warnings, reason],
    };
  }

  if (new Set(p.raw).size < 2) warnings.push('every value is the same: no growth to project');
  const oneOffs = detectOneOffs(p.raw);
  for (const o of oneOffs) {
    const what = `${o.delta > 0 ? '+' : ''}${o.delta} on ${formatDay(p.days[o.index] as number)}`;
    warnings.push(
      options.treatOneOffs
        ? `one-off step ${what} treated as one-off (J = ${o.jump}): fitted without it, added back to the projection`
        : `one-off step ${what}: consider treating it as a one-off`,
    );
  }
  if (options.treatOneOffs && oneOffs.length > 0) {
    const removed = removeOneOffs(p.raw, oneOffs);
    p.ys = removed.ys;
    p.shift = removed.shift;
  }

  if (method === 'exponential' && !p.ys.every((y) => y > 0)) {
    throw invalid('method', 'exponential needs every value > 0');
  }
  if (n < 12) warnings.push(`low confidence: only ${n} points`);

  let chosen: ModelName;
  let holdoutMae: number | null = null;
  let runnerUp: { model: ModelName; mae: number } | null = null;
  if (method === 'auto') {
    if (n < 10) {
      chosen = 'linear';
      warnings.push('fewer than 10 points: linear fit only');
    } else {
      const scores = holdoutScores(p, options, AUTO_ORDER.filter((m) => m !== 'exponential' || p.ys.every((y) => y > 0)));
      const pick = pickByMae(scores);
      chosen = pick.best.model;
      holdoutMae = pick.best.mae;
      if (pick.runnerUp) runnerUp = { model: pick.runnerUp.model, mae: pick.runnerUp.mae };
    }
  } else {
    chosen = method;
    if ((method === 'holt' || method === 'damped') && n < 10) warnings.push(`${method} needs ≥ 10 points to be reliable`);
    if (n >= 10) holdoutMae = (holdoutScores(p, options, [method])[0] as HoldoutScore).mae;
  }

  const stepModel = chosen === 'drift' || chosen === 'holt' || chosen === 'damped';
  if (stepModel && !p.regularStep) {
    warnings.push(`the dates are unevenly spaced: ${chosen} treats them as steps of ${describeStep(p.step)}`);
  }

  const maxDay = p.asOf + HORIZON_DAYS;
  const full = fitInput(p, options, p.days, p.ys);
  const model = fitModel(chosen, full, maxDay);
  const main = project(model, p, options, true);
  warnings.push(...main.warnings);

  const params: Params = { ...model.params };
  if (p.shift !== 0) params.oneOffShift = p.shift;
  if (runnerUp) {
    const other = project(fitModel(runnerUp.model, full, maxDay), p, options, true);
    params.runnerUp = runnerUp.model;
    params.runnerUpMae = runnerUp.mae;
    params.runnerUpStatus = other.status;
    params.runnerUpDate = fmt(other.date);
  }
  if ((options.scenarios?.length ?? 0) > 0) {
    const base = project(model, p, options, false);
    params.withoutScenarioStatus = base.status;
    params.withoutScenarioDate = fmt(base.date);
  }

  // JSON has no NaN or Infinity: a parameter that does not exist is null.
  for (const [k, v] of Object.entries(params)) if (typeof v === 'number' && !Number.isFinite(v)) params[k] = null;

  return {
    status: main.status,
    model: chosen,
    date: fmt(main.date),
    earliest: fmt(main.earliest),
    latest: fmt(main.latest),
    params,
    holdoutMae,
    warnings,
  };
}
