/** How the Forecasts screen writes quantities, statuses and dates. */
import { formatDay, tryParseDay } from '../../../shared/dates';
import { formatBps } from '../../../shared/forecast';

const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const sig = (v: number) => Number(v.toPrecision(3)).toString();

/** A value in the limit's unit, for people: 4,096 /56 · 256 addresses · 14.9 kW · 8.69 TB. */
export function quantity(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (unit === 'bit/s') return formatBps(v);
  if (unit === 'W') return `${sig(v / 1000)} kW`;
  if (unit === 'bytes') return `${sig(v / 1e12)} TB`;
  return `${int.format(v)} ${unit}`;
}

/** The same, scaled for an axis tick (no unit); a rate by the size of `max` (the capacity). */
export function axisScale(unit: string, max: number | null = null): { factor: number; label: string } {
  if (unit === 'bit/s') {
    const m = max ?? 0;
    return m >= 1e12
      ? { factor: 1e12, label: 'Tbit/s' }
      : m >= 1e9
        ? { factor: 1e9, label: 'Gbit/s' }
        : m >= 1e6
          ? { factor: 1e6, label: 'Mbit/s' }
          : { factor: 1e3, label: 'kbit/s' };
  }
  if (unit === 'W') return { factor: 1000, label: 'kW' };
  if (unit === 'bytes') return { factor: 1e12, label: 'TB' };
  return { factor: 1, label: unit };
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

/** A day number as `YYYY-MM-DD` (shared/dates.ts). */
export const dayToDate = formatDay;

/** `YYYY-MM-DD` as a day number (shared/dates.ts); NaN for what is no day, so a chart skips it. */
export function dateToDay(date: string): number {
  return tryParseDay(date) ?? Number.NaN;
}
