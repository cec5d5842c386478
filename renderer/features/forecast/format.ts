/** How the Forecasts screen writes quantities, statuses and dates. */
import type { LimitForecast } from '../../../shared/contract';
import type { ForecastStatus } from '../../../shared/forecast';

const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const sig = (v: number) => Number(v.toPrecision(3)).toString();

/** A value in the limit's unit, for people: 4,096 /56 · 256 addresses · 14.9 kW · 8.69 TB. */
export function quantity(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (unit === 'W') return `${sig(v / 1000)} kW`;
  if (unit === 'bytes') return `${sig(v / 1e12)} TB`;
  return `${int.format(v)} ${unit}`;
}

/** The same, scaled for an axis tick (no unit). */
export function axisScale(unit: string): { factor: number; label: string } {
  if (unit === 'W') return { factor: 1000, label: 'kW' };
  if (unit === 'bytes') return { factor: 1e12, label: 'TB' };
  return { factor: 1, label: unit };
}

export const STATUS_TEXT: Record<ForecastStatus, string> = {
  exceeded: 'Over capacity',
  projectedNow: 'At the limit now',
  ok: 'Runs out',
  beyondHorizon: '> 10 years',
  mayRunOut: 'May run out',
  never: 'Not projected to run out',
  insufficientData: 'Need ≥ 6 points over ≥ 4 weeks',
};

export function headline(l: Pick<LimitForecast, 'status' | 'date' | 'earliest'>): string {
  switch (l.status) {
    case 'mayRunOut':
      return `May run out from ${l.earliest}`;
    case 'ok':
      return `≈ ${l.date}`;
    case 'exceeded':
      return `Over since ${l.date}`;
    case 'projectedNow':
      return `At the limit now`;
    default:
      return STATUS_TEXT[l.status];
  }
}

export function between(l: Pick<LimitForecast, 'status' | 'earliest' | 'latest'>): string {
  if (l.status === 'mayRunOut') return l.earliest ? `from ${l.earliest}` : '';
  if (l.status !== 'ok' && l.status !== 'projectedNow') return '';
  if (l.earliest === null && l.latest === null) return '';
  // No lower-band crossing within the horizon: the date has no later bound.
  if (l.latest === null) return `from ${l.earliest}`;
  return `${l.earliest ?? '…'} – ${l.latest}`;
}

export const MODEL_LABEL: Record<string, string> = {
  auto: 'Best by cross-validation',
  linear: 'Linear (OLS)',
  exponential: 'Exponential',
  drift: 'Drift',
  holt: 'Holt',
  damped: 'Damped Holt',
  quadratic: 'Quadratic',
};

export function dayToDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** "likely between A – B", or "likely from A on" when the lower band never reaches the limit. */
export function likely(l: Pick<LimitForecast, 'status' | 'earliest' | 'latest'>): string {
  const b = between(l);
  if (!b) return '';
  return b.startsWith('from ') ? `likely ${b} on (no later bound within 10 years)` : `likely between ${b}`;
}
