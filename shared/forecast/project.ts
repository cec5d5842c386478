/**
 * fitAndProject: a dated series and a capacity → the Result of forecast.md §0.
 * Order of checks (spec §3): insufficientData → exceeded → scenario or time-varying C (daily
 * scan) → never → projectedNow → closed form → beyondHorizon / ok.
 */
import { invalid } from '../errors';
import { describeStep } from './clock';
import { formatDay, parseDay } from '../dates';
import { critOf, isStale, pReached, runoutByMonth, type RecurringSteps } from './runout';
import { capacityAt, demandCursor, expandScenarios } from './scenario';
import { fitModel, HORIZON_DAYS, type FittedModel, type ModelName, type Params } from './models';
import { chooseByCv, crossValidate } from './cross-validation';
import { detectOneOffs, removeOneOffs } from './one-off';
import { AUTO_ORDER, fitInput, insufficientReason, prepare, validateOptions, type FitOptions, type Prepared } from './options';
import type { SeriesPoint } from './series';
import { projectToLimit } from './time-to-limit';
import type { ForecastResult } from './types';

export { AUTO_ORDER, METHODS, type FitOptions } from './options';

const fmt = (day: number | null): string | null => (day === null ? null : formatDay(day));

/**
 * The first day from as-of on which the limit is reached with probability (1 − level) / 2 or
 * more, further one-off steps included (the early edge of the interval), or null when none
 * within the horizon. Scans day by day up to `until` (the step-free earliest), which it never
 * passes: the steps only bring the date forward.
 */
function earliestWithSteps(model: FittedModel, p: Prepared, options: FitOptions, steps: RecurringSteps, until: number | null): number | null {
  const alpha = (1 - p.level) / 2;
  const capAt = capacityAt(
    options.capacity,
    (options.capacityChanges ?? []).map((c, i) => ({ day: parseDay(c.date, `capacityChanges.${i}.date`), capacity: c.capacity })),
  );
  const horizonEnd = p.asOf + HORIZON_DAYS;
  const demand = demandCursor(expandScenarios(options.scenarios ?? [], horizonEnd));
  const crit = critOf(model);
  const last = Math.min(until ?? horizonEnd, horizonEnd);
  for (let d = p.asOf; d <= last; d++) {
    const c = capAt(d) - p.shift - demand(d);
    if (pReached(model, d, c, crit, steps, p.asOf) >= alpha) return d;
  }
  return null;
}

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

  const stale = isStale(p.days, p.asOf);
  if (stale) {
    const newest = formatDay(p.days[p.days.length - 1] as number);
    warnings.push(`stale: the newest reading (${newest}) is older than three typical spacings before ${formatDay(p.asOf)}; the forecast runs on from it`);
  }
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
      stale,
      runoutByMonth: [],
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
  let runnerUp: { model: ModelName; mae: number; reason: string | null } | null = null;
  let plausible: ModelName[] = [];
  if (method === 'auto') {
    if (n < 10) {
      chosen = 'linear';
      warnings.push('fewer than 10 points: linear fit only');
    } else {
      const scores = crossValidate(
        p,
        options,
        AUTO_ORDER.filter((m) => m !== 'exponential' || p.ys.every((y) => y > 0)),
      );
      const pick = chooseByCv(scores, p.days, p.ys);
      chosen = pick?.chosen.model ?? 'linear';
      holdoutMae = pick?.chosen.mae ?? null;
      if (pick?.runnerUp) runnerUp = { model: pick.runnerUp.model, mae: pick.runnerUp.mae, reason: pick.reason };
      plausible = (pick?.plausible ?? []).slice(1).map((s) => s.model);
    }
  } else {
    chosen = method;
    if ((method === 'holt' || method === 'damped') && n < 10) warnings.push(`${method} needs ≥ 10 points to be reliable`);
    if (n >= 10) {
      const mae = (crossValidate(p, options, [method])[0] as { mae: number }).mae;
      holdoutMae = Number.isFinite(mae) ? mae : null;
    }
  }

  const stepModel = chosen === 'drift' || chosen === 'holt' || chosen === 'damped';
  if (stepModel && !p.regularStep) {
    warnings.push(`the dates are unevenly spaced: ${chosen} treats them as steps of ${describeStep(p.step)}`);
  }

  const maxDay = p.asOf + HORIZON_DAYS;
  // Steps treated as one-offs: the linear band carries the error of their estimated size.
  const treatedSteps = options.treatOneOffs ? oneOffs.map((o) => o.index) : [];
  const full = { ...fitInput(p, options, p.days, p.ys), ...(treatedSteps.length > 0 ? { oneOffSteps: treatedSteps } : {}) };
  const model = fitModel(chosen, full, maxDay);
  const params: Params = { ...model.params };
  const others = plausible.map((name) => fitModel(name, full, maxDay));
  let main = projectToLimit(model, p, options, true);
  // Model uncertainty: the interval spans every plausible model's (those cross-validated nearly
  // as well as the chosen one), so picking the wrong one of two close models does not leave the
  // true date outside it. The headline date stays the chosen model's.
  if (plausible.length > 0 && (main.status === 'ok' || main.status === 'projectedNow')) {
    let { earliest, latest } = main;
    for (const m of others) {
      const other = projectToLimit(m, p, options, true);
      if (other.status === 'exceeded') continue;
      const e = other.earliest ?? (other.status === 'ok' || other.status === 'projectedNow' ? other.date : null);
      if (e !== null && (earliest === null || e < earliest)) earliest = e;
      if (latest !== null && (other.latest === null || other.latest > latest)) latest = other.latest;
    }
    main = { ...main, earliest, latest };
    params.intervalModels = [model.name, ...plausible].join(', ');
  }
  warnings.push(...main.warnings);

  // A step treated as a one-off may come again: fitted without it, the residuals are quiet and
  // the band is narrow, so the interval's early edge comes from the mixture over further steps
  // of the same size (runout.ts RecurringSteps). It widens the interval; it never narrows it.
  const ups = options.treatOneOffs ? oneOffs.filter((o) => o.jump > 0) : [];
  const recurring: RecurringSteps | null =
    ups.length > 0
      ? { count: ups.length, spanDays: (p.days[n - 1] as number) - (p.days[0] as number), size: ups.reduce((a, o) => a + o.jump, 0) / ups.length }
      : null;
  if (recurring !== null && main.status !== 'exceeded' && main.status !== 'never') {
    const earliest = earliestWithSteps(
      model,
      p,
      options,
      recurring,
      main.earliest ?? (main.status === 'ok' || main.status === 'projectedNow' ? main.date : null),
    );
    if (earliest !== null && (main.earliest === null || earliest < main.earliest)) {
      if (main.status === 'ok' || main.status === 'projectedNow') main = { ...main, earliest };
      else main = { ...main, status: 'mayRunOut', date: null, earliest, latest: null };
      warnings.push(
        `another step like the one-off (${Math.round(recurring.size)} in ${recurring.count === 1 ? 'one step' : `${recurring.count} steps`} over ${recurring.spanDays} days) could bring the date forward to ${formatDay(earliest)}: the interval starts there`,
      );
    }
  }

  if (p.shift !== 0) params.oneOffShift = p.shift;
  if (runnerUp) {
    const other = projectToLimit(fitModel(runnerUp.model, full, maxDay), p, options, true);
    params.runnerUp = runnerUp.model;
    params.runnerUpMae = runnerUp.mae;
    params.runnerUpStatus = other.status;
    params.runnerUpDate = fmt(other.date);
    params.runnerUpReason = runnerUp.reason;
  }
  if ((options.scenarios?.length ?? 0) > 0) {
    const base = projectToLimit(model, p, options, false);
    params.withoutScenarioStatus = base.status;
    params.withoutScenarioDate = fmt(base.date);
  }

  // JSON has no NaN or Infinity: a parameter that does not exist is null.
  for (const [k, v] of Object.entries(params)) if (typeof v === 'number' && !Number.isFinite(v)) params[k] = null;

  const horizonEnd = p.asOf + HORIZON_DAYS;
  const runout = runoutByMonth({
    models: [model, ...others],
    asOf: p.asOf,
    capacityAt: capacityAt(
      options.capacity,
      (options.capacityChanges ?? []).map((c, i) => ({ day: parseDay(c.date, `capacityChanges.${i}.date`), capacity: c.capacity })),
    ),
    shift: p.shift,
    steps: expandScenarios(options.scenarios ?? [], horizonEnd),
    exceeded: main.status === 'exceeded',
    recurring,
  });

  return {
    status: main.status,
    model: chosen,
    date: fmt(main.date),
    earliest: fmt(main.earliest),
    latest: fmt(main.latest),
    params,
    holdoutMae,
    warnings,
    stale,
    runoutByMonth: runout,
  };
}
