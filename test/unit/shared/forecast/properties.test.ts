import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitAndProject, type FitOptions } from '../../../../shared/forecast/project';
import type { ForecastMethod } from '../../../../shared/forecast/types';
import { fitModel, HORIZON_DAYS } from '../../../../shared/forecast/models';
import { parseDay } from '../../../../shared/dates';
import { everyDays } from '../../../support/forecast-helpers';

const methodArb: fc.Arbitrary<ForecastMethod> = fc.constantFrom('auto', 'linear', 'exponential', 'drift', 'holt', 'damped', 'quadratic');
const stepArb = fc.constantFrom(1, 7);

/** A usage history: positive start, then increments (may be negative), 6–30 points. */
const historyArb = fc
  .record({
    start: fc.integer({ min: 1, max: 10_000 }),
    increments: fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 5, maxLength: 29 }),
    stepDays: stepArb,
  })
  .map(({ start, increments, stepDays }) => {
    const values = [start];
    for (const d of increments) values.push(Math.max(1, (values[values.length - 1] as number) + d));
    return everyDays('2024-01-01', stepDays, values);
  });

/** A history that never rises: every step is ≤ 0. */
const nonRisingArb = fc
  .record({
    start: fc.integer({ min: 100, max: 10_000 }),
    decrements: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 29 }),
  })
  .map(({ start, decrements }) => {
    const values = [start];
    for (const d of decrements) values.push(Math.max(1, (values[values.length - 1] as number) - d));
    return everyDays('2024-01-01', 7, values);
  });

const dayValue = (r: ReturnType<typeof fitAndProject>): number =>
  r.status === 'never' || r.status === 'beyondHorizon' || r.status === 'mayRunOut' ? Infinity : Date.parse(`${r.date}T00:00:00Z`);

describe('fitAndProject properties', () => {
  it('a series that never rises never gets a date', () => {
    fc.assert(
      fc.property(nonRisingArb, methodArb, fc.double({ min: 1.01, max: 10, noNaN: true }), (series, method, factor) => {
        const capacity = series[0]!.value * factor;
        const r = fitAndProject(series, { capacity, method });
        expect(['never', 'insufficientData']).toContain(r.status);
        expect(r.date).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('raising the capacity never brings the date earlier', () => {
    fc.assert(
      fc.property(
        historyArb,
        methodArb,
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (series, method, f1, extra) => {
          const last = series[series.length - 1]!.value;
          const low: FitOptions = { capacity: last * f1, method };
          const high: FitOptions = { capacity: last * (f1 + extra), method };
          const a = fitAndProject(series, low);
          const b = fitAndProject(series, high);
          fc.pre(a.status !== 'insufficientData');
          expect(dayValue(b)).toBeGreaterThanOrEqual(dayValue(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('earliest ≤ date ≤ latest, and no interval date before as-of', () => {
    fc.assert(
      fc.property(historyArb, methodArb, fc.double({ min: 1, max: 5, noNaN: true }), (series, method, factor) => {
        const last = series[series.length - 1]!;
        const r = fitAndProject(series, { capacity: last.value * factor, method });
        if (r.date !== null && r.earliest !== null) expect(r.earliest <= r.date).toBe(true);
        if (r.date !== null && r.latest !== null) expect(r.date <= r.latest).toBe(true);
        if (r.status === 'ok' || r.status === 'projectedNow') {
          expect(r.date! >= last.date).toBe(true);
          if (r.earliest !== null) expect(r.earliest >= last.date).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('band crossings', () => {
  const modelArb = fc.constantFrom('linear', 'exponential', 'drift', 'holt', 'damped') as fc.Arbitrary<'linear' | 'exponential' | 'drift' | 'holt' | 'damped'>;
  it('the closed-form earliest and latest equal a daily scan of the band (spec §3)', () => {
    fc.assert(
      fc.property(historyArb, modelArb, fc.double({ min: 1.05, max: 4, noNaN: true }), (series, name, factor) => {
        const days = series.map((p) => parseDay(p.date));
        const ys = series.map((p) => p.value);
        fc.pre(new Set(ys).size > 1);
        const asOf = days[days.length - 1]!;
        const horizonEnd = asOf + HORIZON_DAYS;
        const step = { kind: 'days', days: days[1]! - days[0]! } as const;
        const m = fitModel(name, { days, ys, step, level: 0.95 }, horizonEnd);
        const c = Math.max(...ys) * factor;
        const got = m.bandCrossingDays(c, asOf, horizonEnd);
        let earliest: number | null = null;
        let latest: number | null = null;
        for (let d = asOf; d <= horizonEnd && (earliest === null || latest === null); d++) {
          const b = m.band(d);
          if (earliest === null && b.hi >= c) earliest = d;
          if (latest === null && b.lo >= c) latest = d;
        }
        expect(got.earliest).toBe(earliest);
        // The spec takes the lower band of a regression as never reaching C when b² ≤ k1.
        if (got.latest !== null || name === 'drift' || name === 'holt' || name === 'damped') expect(got.latest).toBe(latest);
      }),
      { numRuns: 200 },
    );
  });
});
