/**
 * shared/dates.ts is the one answer to "is this a calendar day" (issue 18 §3): checked here
 * against the Gregorian rule written out in test/support/calendar-reference.ts, and each caller
 * that used to keep its own copy is checked to give the same answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../shared/contract/registry';
import { addDays, addMonths, daysBetween, formatDay, isCalendarDay, parseDay, tryParseDay } from '../../../shared/dates';
import { batteryAge } from '../../../shared/facility/battery-age';
import { pad, referenceDayNumber, referenceIsDay } from '../../support/calendar-reference';
import { refusalLine } from '../../support/refusal';

const ymd = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
const text = ([y, m, d]: [number, number, number]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

describe('isCalendarDay', () => {
  it('agrees with the Gregorian rule on every year 0000–9999 (property)', () => {
    fc.assert(
      fc.property(ymd, (t) => {
        expect(isCalendarDay(text(t))).toBe(referenceIsDay(...t));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a day to the same day number as the reference, years 0000–0099 included (property)', () => {
    fc.assert(
      fc.property(ymd, (t) => {
        fc.pre(referenceIsDay(...t));
        expect(tryParseDay(text(t))).toBe(referenceDayNumber(...t));
        expect(formatDay(referenceDayNumber(...t))).toBe(text(t));
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['2024-02-29', '2000-02-29', '0050-01-01', '0000-01-01', '9999-12-31'])('takes %s', (s) => expect(isCalendarDay(s)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', ' 2024-01-01', '2024-01-01T00:00:00Z', ''])(
    'refuses %j',
    (s) => expect(isCalendarDay(s)).toBe(false),
  );

  it('counts days across a leap day and month ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
    expect(formatDay(addMonths(parseDay('0050-01-31'), 1))).toBe('0050-02-28');
  });
});

describe('the callers that had their own copy give the same answer', () => {
  it("the contract's isoDay (property)", () => {
    fc.assert(
      fc.property(ymd, (t) => {
        expect(isoDay.safeParse(text(t)).success).toBe(referenceIsDay(...t));
      }),
      { numRuns: 2000 },
    );
  });

  it('the battery age refuses an install date that is no calendar day', () => {
    expect(refusalLine(() => batteryAge({ installDate: '2023-02-29', designLifeYears: 10 }))).toMatch(/installDate/);
    expect(batteryAge({ installDate: '2024-02-29', designLifeYears: 10 }).replaceBy).toBe('2034-03-01');
  });
});

describe('one home', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  it('no module but shared/dates.ts turns a day into a time by hand (`${day}T00:00:00Z`)', () => {
    const copies = ['shared', 'electron', 'renderer']
      .flatMap(sources)
      .filter((f) => f !== join('shared', 'dates.ts') && readFileSync(join(ROOT, f), 'utf8').includes('T00:00:00Z`'));
    expect(copies).toEqual([]);
  });
});
