/**
 * Planned demand typed as a planner says it: "+40 /56 a month from 2026-03",
 * "+150 per month from 2026-09-15 until 2027-06", "+2 /48 on 2026-05-01". A prefix length
 * counts blocks of that size in the limit's unit (a /29 is 8 IPv4 addresses; a /48 is 256
 * units of a /56 pool). A month without a day means its first day.
 */
import { isCalendarDay } from '../../../shared/dates';
import type { Scenario } from '../../../shared/forecast';
import { maxLength } from '../../../shared/ip/prefix';

export interface PrefixUnit {
  family: 4 | 6;
  length: number;
}

export type ParsedScenario = { ok: true; scenario: Scenario; text: string } | { ok: false; message: string };

const DAY = String.raw`(\d{4}-\d{2}(?:-\d{2})?)`;
const AMOUNT = String.raw`([+-]?\d+(?:\.\d+)?)`;
const BLOCK = String.raw`(?:\s*\/(\d{1,3}))?`;
const MONTHLY = new RegExp(
  String.raw`^${AMOUNT}${BLOCK}\s*(?:[a-z ]*?\s)?(?:a|per|\/)\s*month\s+(?:from|starting)\s+${DAY}(?:\s+(?:until|to)\s+${DAY})?$`,
  'i',
);
const ONCE = new RegExp(String.raw`^${AMOUNT}${BLOCK}\s*(?:[a-z ]*?\s)?(?:on|at)\s+${DAY}$`, 'i');

function day(text: string): string | null {
  const full = text.length === 7 ? `${text}-01` : text;
  return isCalendarDay(full) ? full : null;
}

/** How many of the limit's units one block of /length is. */
export function blockUnits(length: number, unit: PrefixUnit | null): number | string {
  if (unit === null) return 'a prefix length only applies to an address pool';
  const max = maxLength(unit.family);
  if (length < 0 || length > max) return `/${length} is not an IPv${unit.family} prefix length`;
  return length >= unit.length ? 1 : 2 ** (unit.length - length);
}

export function parseScenario(input: string, unit: PrefixUnit | null): ParsedScenario {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, message: 'type e.g. "+40 /56 a month from 2026-03" or "+500 on 2026-05-01"' };
  const m = MONTHLY.exec(text);
  const o = m ? null : ONCE.exec(text);
  const match = m ?? o;
  if (!match) return { ok: false, message: 'not understood: write "+N [/LEN] a month from YYYY-MM [until YYYY-MM]" or "+N [/LEN] on YYYY-MM-DD"' };
  let amount = Number(match[1]);
  if (match[2] !== undefined) {
    const per = blockUnits(Number(match[2]), unit);
    if (typeof per === 'string') return { ok: false, message: per };
    amount *= per;
  }
  const start = day(match[3] as string);
  if (start === null) return { ok: false, message: `${match[3]} is not a date (YYYY-MM or YYYY-MM-DD)` };
  if (m) {
    const until = match[4] !== undefined ? day(match[4]) : undefined;
    if (until === null) return { ok: false, message: `${match[4]} is not a date (YYYY-MM or YYYY-MM-DD)` };
    if (until !== undefined && until < start) return { ok: false, message: 'the end is before the start' };
    return { ok: true, text, scenario: { kind: 'monthly', start, perMonth: amount, ...(until !== undefined ? { until } : {}) } };
  }
  return { ok: true, text, scenario: { kind: 'once', date: start, amount } };
}
