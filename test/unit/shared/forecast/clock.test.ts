import { describe, expect, it } from 'vitest';
import { inferStep, makeClock } from '../../../../shared/forecast/clock';
import { formatDay } from '../../../../shared/dates';
import { fitAndProject } from '../../../../shared/forecast/project';
import { day, TV2 } from '../../../support/forecast-helpers';

describe('makeClock for weekly steps', () => {
  const clock = makeClock({ kind: 'days', days: 7 }, day('2024-03-10'));
  it('maps h* to as-of + ceil(h*·7): 26.08 weeks → 2024-09-09', () => expect(formatDay(clock.dayAtOrAfter(26.08))).toBe('2024-09-09'));
  it('does not push a whole day to the next one by float noise', () => expect(clock.dayAtOrAfter(2 + 1e-12)).toBe(day('2024-03-24')));
  it('inverts to a fractional step', () => expect(clock.stepOf(day('2024-03-13'))).toBeCloseTo(3 / 7, 12));
});

describe('makeClock for monthly steps', () => {
  const clock = makeClock({ kind: 'month' }, day('2023-12-31'));
  it('uses D_k + ceil((h* − k)·(D_{k+1} − D_k)): h* = 1.5 → 2024-02-15', () => {
    expect(formatDay(clock.dayAtOrAfter(1.5))).toBe('2024-02-15');
  });
  it('lands on the month end for a whole step', () => expect(formatDay(clock.dayAtOrAfter(2))).toBe('2024-02-29'));
  it('inverts within a month', () => expect(clock.stepOf(day('2024-02-15'))).toBeCloseTo(1 + 15 / 29, 12));
  it('starts from a mid-month as-of with the month end after it', () => {
    const mid = makeClock({ kind: 'month' }, day('2024-03-10'));
    expect(formatDay(mid.dayAtOrAfter(1))).toBe('2024-03-31');
    expect(formatDay(mid.dayAtOrAfter(2))).toBe('2024-04-30');
  });
});

describe('inferStep', () => {
  it('finds equal gaps', () => expect(inferStep([0, 7, 14, 21])).toEqual({ step: { kind: 'days', days: 7 }, regular: true }));
  it('finds month ends (TV2)', () => expect(inferStep(TV2.map((p) => day(p.date)))).toEqual({ step: { kind: 'month' }, regular: true }));
  it('falls back to the mean gap for uneven rows', () => expect(inferStep([0, 3, 10, 12])).toEqual({ step: { kind: 'days', days: 4 }, regular: false }));
});

describe('step models on a monthly series', () => {
  it('date the drift crossing through month ends (TV2, drift)', () => {
    const r = fitAndProject(TV2, { capacity: 4096, method: 'drift' });
    // d = (1838 − 1200)/11 per month; h* = (4096 − 1838)/d = 38.93 → k = 38 month ends after 2023-12-31.
    const d = (1838 - 1200) / 11;
    const h = (4096 - 1838) / d;
    const k = Math.floor(h);
    const dk = day('2027-02-28');
    const expected = dk + Math.ceil((h - k) * (day('2027-03-31') - dk));
    expect(k).toBe(38);
    expect(r).toMatchObject({ status: 'ok', date: formatDay(expected) });
    expect(r.params).toMatchObject({ step: 'month', stepDays: null });
  });
});
