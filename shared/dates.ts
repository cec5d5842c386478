/**
 * UTC calendar days, the one home of "is this a calendar day" and of day arithmetic (DESIGN.md:
 * dates are UTC calendar days, `YYYY-MM-DD`, in storage, exports and forecasts). Registry, RIR,
 * facility, DHCP, forecasts, the contract's `isoDay` and the renderer all call these.
 *
 * Days are integer day numbers (`dayNo = floor(epochMs / 86 400 000)`). ECMAScript time values
 * have exactly 86 400 000 ms per day, so day arithmetic is integer arithmetic; local getters
 * (`getDate`) are never used because they give 23- and 25-hour days at DST changes. Years are
 * the four digits as written, proleptic Gregorian (ISO 8601): `Date.UTC` would read years
 * 0–99 as 1900–1999, so days are built with `setUTCFullYear` instead.
 */
import { invalid } from './errors';

export const MS_PER_DAY = 86_400_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The time value of 00:00 UTC of day `d` of month `month0` of `year` (any year, 0–99 too). */
function utcMs(year: number, month0: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month0, d);
  return t.getTime();
}

/** `YYYY-MM-DD` → day number, or `null` when the text is not a real calendar day. */
export function tryParseDay(text: string): number | null {
  const m = DAY_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1)) return null;
  return Math.floor(utcMs(y, mo - 1, d) / MS_PER_DAY);
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDay(text: string): boolean {
  return tryParseDay(text) !== null;
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export function dayOfInstant(at: Date): string {
  return formatDay(Math.floor(at.getTime() / MS_PER_DAY));
}

/** `YYYY-MM-DD` plus `days` whole days (negative: before), as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  return formatDay(parseDay(day) + days);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return parseDay(to) - parseDay(from);
}

/** `YYYY-MM-DD` → day number; throws `invalid(field, …)` otherwise. */
export function parseDay(text: string, field = 'date'): number {
  const day = tryParseDay(text);
  if (day === null) throw invalid(field, `"${text}" is not a date (YYYY-MM-DD)`);
  return day;
}

/** Day number → `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days in month `month0` (0 = January) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month0: number): number {
  return new Date(utcMs(year, month0 + 1, 0)).getUTCDate();
}

function ymd(day: number): { y: number; m0: number; d: number } {
  const date = new Date(day * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m0: date.getUTCMonth(), d: date.getUTCDate() };
}

/**
 * The same day of the month `months` months later, the day clamped to the month's length
 * (2024-01-31 + 1 month = 2024-02-29). Always counted from the original day, never chained.
 */
export function addMonths(day: number, months: number): number {
  const { y, m0, d } = ymd(day);
  const target = new Date(utcMs(y, m0 + months, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth();
  const clamped = Math.min(d, daysInMonth(ty, tm));
  return Math.floor(utcMs(ty, tm, clamped) / MS_PER_DAY);
}

/** Last day of the month that holds `day`. */
export function monthEndOf(day: number): number {
  const { y, m0 } = ymd(day);
  return Math.floor(utcMs(y, m0 + 1, 0) / MS_PER_DAY);
}

export function isMonthEnd(day: number): boolean {
  return monthEndOf(day) === day;
}

/** The k-th month end strictly after `day` (k ≥ 1); k = 0 gives `day` itself. */
export function monthEndAfter(day: number, k: number): number {
  if (k === 0) return day;
  const { y, m0 } = ymd(day);
  const firstOffset = isMonthEnd(day) ? 1 : 0;
  return Math.floor(utcMs(y, m0 + firstOffset + k, 0) / MS_PER_DAY);
}

// An instant needs `Z` or a numeric offset: without one ECMAScript reads a date-time as local
// time, which would bucket the same event on a different day on another machine.
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * ISO 8601 instant with `Z` or an offset (`2024-03-03T23:30:00-05:00`) → its UTC day number.
 * A date-only `YYYY-MM-DD` is taken as that UTC day. Anything else throws `invalid`.
 */
export function instantToDay(text: string, field = 'at'): number {
  const dayOnly = tryParseDay(text);
  if (dayOnly !== null) return dayOnly;
  const m = INSTANT_RE.exec(text);
  if (!m) {
    throw invalid(field, `"${text}" is not an instant with Z or an offset (e.g. 2024-03-04T10:00:00Z)`);
  }
  const date = tryParseDay(`${m[1]}-${m[2]}-${m[3]}`);
  const hh = Number(m[4]);
  const mi = Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  if (date === null || hh > 23 || mi > 59 || ss > 59) throw invalid(field, `"${text}" is not a valid instant`);
  let offsetMin = 0;
  const off = m[8] as string;
  if (off.toUpperCase() !== 'Z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) throw invalid(field, `"${text}" has an invalid offset`);
    offsetMin = sign * (oh * 60 + om);
  }
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const epochMs = date * MS_PER_DAY + ((hh * 60 + mi - offsetMin) * 60 + ss) * 1000 + frac;
  return Math.floor(epochMs / MS_PER_DAY);
}
