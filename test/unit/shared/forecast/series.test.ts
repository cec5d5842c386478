import { describe, expect, it } from 'vitest';
import { formatDay, instantToDay, parseDay, tryParseDay } from '../../../../shared/dates';
import { eventsToSeries, gridDays, gridForSpan, readingsToSeries } from '../../../../shared/forecast/series';
import { day } from '../../../support/forecast-helpers';

// TV8: IPv4 /24, opening 100 on 2024-02-25, as-of 2024-03-24.
const tv8 = {
  opening: 100,
  openingDate: '2024-02-25',
  asOf: '2024-03-24',
  events: [
    { at: '2024-02-26T10:00:00Z', delta: 64 },
    { at: '2024-02-29T23:59:59Z', delta: 16 },
    { at: '2024-03-03T23:30:00-05:00', delta: 32 },
    { at: '2024-03-05T00:15:00+02:00', delta: 8 },
    { at: '2024-03-12T12:00:00Z', delta: -16 },
    { at: '2024-03-20T08:00:00Z', delta: 32 },
  ],
};

describe('instantToDay', () => {
  it('buckets by the UTC day: 2024-03-03T23:30:00-05:00 is 2024-03-04', () => {
    expect(formatDay(instantToDay('2024-03-03T23:30:00-05:00'))).toBe('2024-03-04');
  });
  it('buckets by the UTC day: 2024-03-05T00:15:00+02:00 is 2024-03-04', () => {
    expect(formatDay(instantToDay('2024-03-05T00:15:00+02:00'))).toBe('2024-03-04');
  });
  it('keeps the last second of a UTC day on that day', () => expect(formatDay(instantToDay('2024-02-29T23:59:59Z'))).toBe('2024-02-29'));
  it('refuses a date-time without Z or an offset (ECMAScript would read it as local time)', () => {
    expect(() => instantToDay('2024-03-03T23:30:00')).toThrow(/Z or an offset/);
  });
});

describe('parseDay', () => {
  it('refuses a day that does not exist', () => expect(tryParseDay('2023-02-29')).toBeNull());
  it('accepts a leap day', () => expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29'));
});

describe('eventsToSeries (TV8)', () => {
  it('reads the weekly grid 100, 180, 220, 204, 236 (not 212 on 03-03 as local bucketing would)', () => {
    const s = eventsToSeries({ ...tv8, grid: 'week' });
    expect(s.points).toEqual([
      { date: '2024-02-25', value: 100 },
      { date: '2024-03-03', value: 180 },
      { date: '2024-03-10', value: 220 },
      { date: '2024-03-17', value: 204 },
      { date: '2024-03-24', value: 236 },
    ]);
  });
  it('reads the daily step function', () => {
    const s = eventsToSeries({ ...tv8, grid: 'day' });
    const expected = (d: string): number =>
      d < '2024-02-26' ? 100 : d < '2024-02-29' ? 164 : d < '2024-03-04' ? 180 : d < '2024-03-12' ? 220 : d < '2024-03-20' ? 204 : 236;
    for (const p of s.points) expect(p.value).toBe(expected(p.date));
  });
  it('chooses a daily grid for a 28-day span (29 points)', () => {
    const s = eventsToSeries(tv8);
    expect(s.grid).toBe('day');
    expect(s.points).toHaveLength(29);
    expect(s.points[0]!.date).toBe('2024-02-25');
    expect(s.points[28]!.date).toBe('2024-03-24');
  });
});

describe('gridForSpan', () => {
  it('is daily up to 120 days', () => expect(gridForSpan(120)).toBe('day'));
  it('is weekly from 121 to 1096 days', () => {
    expect(gridForSpan(121)).toBe('week');
    expect(gridForSpan(1096)).toBe('week');
  });
  it('is monthly beyond 1096 days', () => expect(gridForSpan(1097)).toBe('month'));
});

describe('gridDays', () => {
  it('steps weekly back from as-of', () => {
    expect(gridDays(day('2024-01-01'), day('2024-01-24'), 'week').map(formatDay)).toEqual(['2024-01-03', '2024-01-10', '2024-01-17', '2024-01-24']);
  });
  it('uses month ends and ends at as-of for a monthly grid', () => {
    expect(gridDays(day('2023-10-15'), day('2024-02-10'), 'month').map(formatDay)).toEqual([
      '2023-10-31',
      '2023-11-30',
      '2023-12-31',
      '2024-01-31',
      '2024-02-10',
    ]);
  });
});

describe('readingsToSeries', () => {
  const readings = [
    { date: '2024-01-01', value: 10 },
    { date: '2024-01-03', value: 30 },
    { date: '2024-01-05', value: 20 },
    { date: '2024-01-20', value: 25 },
  ];
  it('keeps the last reading per period for levels and carries it forward', () => {
    const s = readingsToSeries({ readings, asOf: '2024-01-21', grid: 'week', reduce: 'last' });
    expect(s.points).toEqual([
      { date: '2024-01-07', value: 20 },
      { date: '2024-01-14', value: 20 },
      { date: '2024-01-21', value: 25 },
    ]);
  });
  it('keeps the period’s maximum for peak-limited capacity', () => {
    const s = readingsToSeries({ readings, asOf: '2024-01-21', grid: 'week', reduce: 'max' });
    expect(s.points[0]).toEqual({ date: '2024-01-07', value: 30 });
  });
});
