import { describe, expect, it } from 'vitest';
import { fitAndProject } from '../../../../shared/forecast/project';
import { expectRel, weekly } from '../../../support/forecast-helpers';
import { refusalLine } from '../../../support/refusal';

// TV6: weekly 2024-01-07 … 2024-02-11 (x = 0 … 35), C = 1024, linear.
const tv6 = (values: number[]) => weekly('2024-01-07', values);
const linear = { capacity: 1024, method: 'linear' } as const;

describe('fitAndProject statuses (TV6)', () => {
  it('a flat series (b = 0) is never projected to run out', () => {
    const r = fitAndProject(tv6([500, 500, 500, 500, 500, 500]), linear);
    expect(r).toMatchObject({ status: 'never', date: null, earliest: null, latest: null });
    expect(r.params.slopePerDay).toBe(0);
  });
  it('a falling series (b = −1.408) is never projected to run out', () => {
    const r = fitAndProject(tv6([600, 590, 585, 570, 560, 552]), linear);
    expect(r.status).toBe('never');
    expectRel(r.params.slopePerDay as number, -1.408);
  });
  it('a series at or over C is exceeded since the first day of the current run (2024-01-28)', () => {
    expect(fitAndProject(tv6([980, 1001, 1010, 1030, 1041, 1050]), linear)).toMatchObject({ status: 'exceeded', date: '2024-01-28' });
  });
  it('a fit already over C while the last reading is below is projectedNow on the as-of date', () => {
    const r = fitAndProject(tv6([900, 950, 1000, 1010, 1012, 1013]), linear);
    expectRel(r.params.slopePerDay as number, 3.106);
    expectRel(r.params.intercept as number, 926.5);
    expectRel((r.params.intercept as number) + 35 * (r.params.slopePerDay as number), 1035);
    expectRel((1024 - (r.params.intercept as number)) / (r.params.slopePerDay as number), 31.4);
    expect(r).toMatchObject({ status: 'projectedNow', date: '2024-02-11', earliest: '2024-02-11' });
    expect(r.warnings.some((w) => w.includes('already at the limit'))).toBe(true);
  });
  it('a history that never rises is never projected to run out, even when Holt’s trend turns up after the fall', () => {
    // Shrunk counterexample of the property "a series that never rises never gets a date".
    const s = weekly('2024-01-01', [100, 100, 98, 96, 96, 93, 93, 92, 92, 92, 92]);
    const r = fitAndProject(s, { capacity: 101, method: 'holt' });
    expect(r).toMatchObject({ status: 'never', date: null });
    expect(r.warnings.some((w) => w.includes('never rises'))).toBe(true);
  });
  it('a history that never rises is never projected to run out by a parabola past its vertex', () => {
    const s = weekly('2024-01-01', [100, 100, 73, 73, 73, 73]);
    expect(fitAndProject(s, { capacity: 101, method: 'quadratic' }).status).toBe('never');
  });
  it('the 5-point weekly series of TV8 has insufficientData', () => {
    const r = fitAndProject(weekly('2024-02-25', [100, 180, 220, 204, 236]), linear);
    expect(r).toMatchObject({ status: 'insufficientData', model: 'linear', date: null, earliest: null, latest: null });
  });
  it('six points spanning less than 28 days have insufficientData', () => {
    const r = fitAndProject(
      weekly('2024-01-01', [1, 2, 3, 4, 5, 6]).map((p, i) => ({ ...p, date: `2024-01-0${i + 1}` })),
      { capacity: 10 },
    );
    expect(r).toMatchObject({ status: 'insufficientData', model: null });
  });
  it('a crossing later than as-of + 3652 days is beyondHorizon, with no date', () => {
    const r = fitAndProject(tv6([500, 500.2, 500.4, 500.6, 500.8, 501]), linear);
    expect(r).toMatchObject({ status: 'beyondHorizon', date: null, latest: null });
  });
  it('the as-of date moves the projection start, not the fit', () => {
    const r = fitAndProject(tv6([900, 950, 1000, 1010, 1012, 1013]), { ...linear, asOf: '2024-03-01' });
    expect(r).toMatchObject({ status: 'projectedNow', date: '2024-03-01' });
  });
  it('points after the as-of date are left out, with a warning', () => {
    const r = fitAndProject(tv6([412, 431, 445, 470, 478, 502, 519, 530]), { ...linear, asOf: '2024-02-11' });
    expect(r.warnings.some((w) => w.includes('after the as-of date'))).toBe(true);
    expect(r.params.n).toBe(6);
  });
});

describe('fitAndProject input checks', () => {
  const s = tv6([900, 950, 1000, 1010, 1012, 1013]);
  it('refuses a negative capacity, naming the field', () => {
    expect(refusalLine(() => fitAndProject(s, { capacity: -5 }))).toContain('capacity: must be a positive number');
  });
  it('refuses a zero or non-finite capacity', () => {
    expect(refusalLine(() => fitAndProject(s, { capacity: 0 }))).toMatch(/capacity/);
    expect(refusalLine(() => fitAndProject(s, { capacity: Number.NaN }))).toMatch(/capacity/);
  });
  it('refuses an unknown method', () => {
    expect(refusalLine(() => fitAndProject(s, { capacity: 2000, method: 'cubic' as never }))).toMatch(/method: must be one of/);
  });
  it('refuses dates that do not increase', () => {
    const bad = [...s, { date: '2024-02-11', value: 1020 }];
    expect(refusalLine(() => fitAndProject(bad, { capacity: 2000 }))).toMatch(/^point 7, date: /);
  });
  it('refuses a non-finite value', () => {
    expect(refusalLine(() => fitAndProject([...s, { date: '2024-03-01', value: Infinity }], { capacity: 2000 }))).toMatch(/^point 7, value: /);
  });
  it('returns the Result keys in the order of `fit --json`, extended with stale and runoutByMonth (CLI.md)', () => {
    expect(Object.keys(fitAndProject(s, { capacity: 2000 }))).toEqual([
      'status',
      'model',
      'date',
      'earliest',
      'latest',
      'params',
      'holdoutMae',
      'warnings',
      'stale',
      'runoutByMonth',
    ]);
  });
});
