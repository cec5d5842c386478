/**
 * The chart's data (shared/forecast/curve.ts) and the scenario text of the Forecasts screen:
 * the projection is the fitted model's, the band holds it, scenarios rise as vertical steps,
 * and a planner's "+40 /56 a month from 2026-03" becomes the spec's monthly scenario.
 */
import { describe, expect, it } from 'vitest';
import { fitAndProject } from '../../../../shared/forecast';
import { forecastCurve } from '../../../../shared/forecast/curve';
import { parseScenario } from '../../../../renderer/features/forecast/scenario-text';

const weekly = (start: string, ys: number[]) =>
  ys.map((value, k) => ({ date: new Date(Date.parse(`${start}T00:00:00Z`) + k * 7 * 86_400_000).toISOString().slice(0, 10), value }));
const TV1 = weekly('2024-01-07', [412, 431, 445, 470, 478, 502, 519, 530, 551, 569]);

describe('forecastCurve', () => {
  it('keeps the history as given and starts the projection at as-of', () => {
    const result = fitAndProject(TV1, { capacity: 1024, method: 'linear' });
    const curve = forecastCurve(TV1, result);
    expect(curve.filter((p) => p.history !== null).map((p) => ({ date: p.date, value: p.history }))).toEqual(TV1);
    expect(curve.find((p) => p.projection !== null)!.date).toBe('2024-03-10');
  });

  it('is the OLS line of TV1: ŷ(245) = 1017 on 2024-09-08, PI [991.7, 1043]', () => {
    const result = fitAndProject(TV1, { capacity: 1024, method: 'linear' });
    const curve = forecastCurve(TV1, result, { samples: 10_000 });
    const p = curve.find((c) => c.date === '2024-09-08')!;
    expect(p.projection!).toBeCloseTo(1017, -1);
    expect(Math.abs(p.band![0] - 991.7) / 991.7).toBeLessThan(1e-3);
    expect(Math.abs(p.band![1] - 1043) / 1043).toBeLessThan(1e-3);
  });

  it('draws a one-off-treated fit (TV9): F′ + J, crossing 16,384 on 2025-10-20 and not a day before', () => {
    const TV9 = weekly('2024-01-07', [5000, 5104, 5199, 5301, 5398, 5502, 5597, 7745, 7851, 7948, 8052, 8149]);
    const result = fitAndProject(TV9, { capacity: 16384, method: 'linear', treatOneOffs: true });
    expect(result.date).toBe('2025-10-20');
    const curve = forecastCurve(TV9, result, { samples: 5000 });
    const projected = curve.filter((c) => c.projection !== null);
    expect(projected.length).toBeGreaterThan(100);
    const on = curve.find((c) => c.date === '2025-10-20')!;
    const before = curve.find((c) => c.date === '2025-10-19')!;
    expect(on.projection!).toBeGreaterThanOrEqual(16384);
    expect(before.projection!).toBeLessThan(16384);
    // At as-of the line starts from the observed level (the jump added back), not from the level without it.
    expect(Math.abs(projected[0]!.projection! - 8149)).toBeLessThan(60);
    expect(projected[0]!.band![0]).toBeLessThanOrEqual(projected[0]!.projection!);
  });

  it('has a point on the crossing day, at or above the capacity', () => {
    const result = fitAndProject(TV1, { capacity: 1024, method: 'linear' });
    const p = forecastCurve(TV1, result).find((c) => c.date === result.date)!;
    expect(p.projection!).toBeGreaterThanOrEqual(1024);
  });

  it('draws a scenario step as a vertical rise (the day before and the day)', () => {
    const scenarios = [{ kind: 'once' as const, date: '2024-05-01', amount: 100 }];
    const result = fitAndProject(TV1, { capacity: 1024, method: 'linear', scenarios });
    const curve = forecastCurve(TV1, result, { scenarios });
    const before = curve.find((c) => c.date === '2024-04-30')!;
    const on = curve.find((c) => c.date === '2024-05-01')!;
    expect(on.projection! - before.projection!).toBeCloseTo(100 + 37 / 15, 6);
  });

  it('draws no projection for insufficientData', () => {
    const short = TV1.slice(0, 5);
    const result = fitAndProject(short, { capacity: 1024 });
    expect(forecastCurve(short, result).every((p) => p.projection === null)).toBe(true);
  });
});

describe('parseScenario', () => {
  const pool56 = { family: 6 as const, length: 56 };
  it('reads "+40 /56 a month from 2026-03" as 40 units a month from the first of March', () => {
    expect(parseScenario('+40 /56 a month from 2026-03', pool56)).toMatchObject({ ok: true, scenario: { kind: 'monthly', start: '2026-03-01', perMonth: 40 } });
  });
  it('counts a /48 as 256 units of a /56 pool and a /29 as 8 IPv4 addresses', () => {
    expect(parseScenario('+2 /48 per month from 2026-03-15', pool56)).toMatchObject({ ok: true, scenario: { perMonth: 512, start: '2026-03-15' } });
    expect(parseScenario('+3 /29 a month from 2026-01', { family: 4, length: 32 })).toMatchObject({ ok: true, scenario: { perMonth: 24 } });
  });
  it('reads an end date and a one-off', () => {
    expect(parseScenario('+150 per month from 2026-09-15 until 2027-06', null)).toMatchObject({ ok: true, scenario: { until: '2027-06-01' } });
    expect(parseScenario('+500 on 2026-05-01', null)).toMatchObject({ ok: true, scenario: { kind: 'once', date: '2026-05-01', amount: 500 } });
  });
  it('refuses a bad date, an end before the start, and text it cannot read', () => {
    expect(parseScenario('+40 a month from 2026-14', null)).toMatchObject({ ok: false, message: expect.stringContaining('is not a date') });
    expect(parseScenario('+40 a month from 2026-05 until 2026-01', null)).toMatchObject({ ok: false, message: 'the end is before the start' });
    expect(parseScenario('lots of customers soon', null).ok).toBe(false);
    expect(parseScenario('+4 /24 a month from 2026-01', null)).toMatchObject({ ok: false, message: expect.stringContaining('address pool') });
  });
});
