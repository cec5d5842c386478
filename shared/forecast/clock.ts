/**
 * How the step index h of a step model (drift, Holt, damped) maps to UTC days (spec §0, §3):
 * daily or weekly grids step a fixed number of days from the origin (the last grid point,
 * normally the as-of date); a monthly grid steps from month end to month end.
 */
import { isMonthEnd, monthEndAfter } from '../dates';

export type Step = { kind: 'days'; days: number } | { kind: 'month' };

/** Slack for floating-point noise in a root that should be a whole day. */
export const ROOT_EPS = 1e-9;

export interface StepClock {
  readonly step: Step;
  /** the day of h = 0 */
  readonly origin: number;
  /** first day at or after fractional step h: origin + ceil(h·stepDays), or the monthly rule */
  dayAtOrAfter(h: number): number;
  /** fractional step of day d (inverse of the linear map within each step) */
  stepOf(day: number): number;
}

export function makeClock(step: Step, origin: number): StepClock {
  if (step.kind === 'days') {
    const days = step.days;
    return {
      step,
      origin,
      dayAtOrAfter: (h) => origin + Math.ceil(h * days - ROOT_EPS),
      stepOf: (day) => (day - origin) / days,
    };
  }
  const boundary = (k: number): number => monthEndAfter(origin, k);
  return {
    step,
    origin,
    // k = floor(h*), date = D_k + ceil((h* − k)·(D_{k+1} − D_k)), D_k the k-th month end after as-of.
    dayAtOrAfter: (h) => {
      const k = Math.floor(h);
      const dk = boundary(k);
      return dk + Math.ceil((h - k) * (boundary(k + 1) - dk) - ROOT_EPS);
    },
    stepOf: (day) => {
      if (day <= origin) return (day - origin) / 30.436875;
      // Month ends are about 30.4 days apart: start from an estimate and walk.
      let k = Math.max(0, Math.floor((day - origin) / 31) - 1);
      while (boundary(k + 1) < day) k++;
      const dk = boundary(k);
      return k + (day - dk) / (boundary(k + 1) - dk);
    },
  };
}

/** Days in one step (a calendar month counts 365.2425 / 12 days). */
export function stepDaysOf(step: Step): number {
  return step.kind === 'month' ? 30.436875 : step.days;
}

/**
 * The step of a series given as rows (no resampling): all gaps equal → that many days; all
 * points month ends in consecutive months → monthly; otherwise the mean gap, `regular` when
 * every gap lies within 10 % (at least a day) of it (monthly readings on the 1st: 28–31 days).
 */
export function inferStep(days: ReadonlyArray<number>): { step: Step; regular: boolean } {
  const n = days.length;
  if (n < 2) return { step: { kind: 'days', days: 1 }, regular: true };
  const gap0 = (days[1] as number) - (days[0] as number);
  let equal = true;
  for (let i = 2; i < n && equal; i++) equal = (days[i] as number) - (days[i - 1] as number) === gap0;
  if (equal) return { step: { kind: 'days', days: gap0 }, regular: true };
  let monthly = true;
  for (let i = 0; i < n - 1 && monthly; i++) {
    const d = days[i] as number;
    const next = days[i + 1] as number;
    // The last point may be a mid-month as-of after the month ends.
    monthly = isMonthEnd(d) && (i === n - 2 ? next > d && next <= monthEndAfter(d, 1) : next === monthEndAfter(d, 1));
  }
  if (monthly) return { step: { kind: 'month' }, regular: true };
  const mean = ((days[n - 1] as number) - (days[0] as number)) / (n - 1);
  // Readings on the same day of each month (28–31 days apart), or a meter read every 6–8 days,
  // are regular in time: each step is the mean gap, and no gap strays more than 10 % from it.
  let near = true;
  for (let i = 1; i < n && near; i++) near = Math.abs((days[i] as number) - (days[i - 1] as number) - mean) <= Math.max(1, 0.1 * mean);
  return { step: { kind: 'days', days: mean }, regular: near };
}

export function describeStep(step: Step): string {
  return step.kind === 'month' ? 'month' : step.days === 1 ? 'day' : step.days === 7 ? 'week' : `${step.days} days`;
}
