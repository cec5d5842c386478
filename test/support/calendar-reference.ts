/**
 * The Gregorian calendar written from its rule (ISO 8601 §4.3.2 and the leap-year rule of the
 * Gregorian reform: every fourth year, except centuries not divisible by 400), as the reference
 * for shared/dates.ts. Counting days from 0000-03-01 avoids every Date API.
 */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function referenceDaysInMonth(y: number, month1: number): number {
  return month1 === 2 && isLeapYear(y) ? 29 : (DAYS[month1 - 1] as number);
}

/** Whether y-m-d (month 1–12) is a day of the calendar. */
export function referenceIsDay(y: number, month1: number, d: number): boolean {
  return y >= 0 && y <= 9999 && month1 >= 1 && month1 <= 12 && d >= 1 && d <= referenceDaysInMonth(y, month1);
}

/** Days since 1970-01-01 of a valid y-m-d (Howard Hinnant's days_from_civil). */
export function referenceDayNumber(y: number, month1: number, d: number): number {
  const yy = month1 <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (month1 + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const pad = (n: number, w: number): string => String(n).padStart(w, '0');
