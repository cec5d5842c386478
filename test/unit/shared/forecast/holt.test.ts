import { describe, expect, it } from 'vitest';
import { dampedAsymptote, fitHolt, holtForecast, holtInitialState, holtTrace, holtVariances } from '../../../../shared/forecast/holt';
import { fitModel, interpolatedCrossing } from '../../../../shared/forecast/models';
import { formatDay } from '../../../../shared/dates';
import { fitAndProject } from '../../../../shared/forecast/project';
import { day, expectRel, TV3, TV4, TV5 } from '../../../support/forecast-helpers';

const ys = (s: { value: number }[]) => s.map((p) => p.value);
const z = 1.959964;

/** Band values at h = 0 … hMax (zero width at h = 0). */
function bands(fit: ReturnType<typeof fitHolt>, hMax: number) {
  const v = holtVariances(fit, hMax);
  const upper: number[] = [];
  const lower: number[] = [];
  for (let h = 0; h <= hMax; h++) {
    const w = h === 0 ? 0 : z * fit.sigma * Math.sqrt(v[h]!);
    upper.push(holtForecast(fit, h) + w);
    lower.push(holtForecast(fit, h) - w);
  }
  return { upper, lower };
}

describe('holtTrace: the recursion with fixed α = 0.5, β = 0.3 (TV4)', () => {
  const { l0, b0 } = holtInitialState(ys(TV4));
  const rows = holtTrace(ys(TV4), { alpha: 0.5, beta: 0.3, phi: 1 }, l0, b0);
  const table = [
    [10, 9.619, 0.381, 9.81, 2.543],
    [12, 12.35, -0.3524, 12.18, 2.49],
    [15, 14.67, 0.3338, 14.83, 2.54],
    [16, 17.37, -1.373, 16.69, 2.334],
    [19, 19.02, -0.02068, 19.01, 2.331],
    [23, 21.34, 1.659, 22.17, 2.58],
  ];

  it('starts from OLS on t = 1..6: ℓ0 = 7.133, b0 = 2.486', () => {
    expectRel(l0, 7.133);
    expectRel(b0, 2.486);
  });
  table.forEach(([y, yhat, e, l, b], i) => {
    it(`matches row t = ${i + 1}: ŷ = ${yhat}, e = ${e}, ℓ = ${l}, b = ${b}`, () => {
      const row = rows[i]!;
      expect(row.y).toBe(y);
      expectRel(row.yhat, yhat!);
      expectRel(row.e, e!);
      expectRel(row.level, l!);
      expectRel(row.trend, b!);
    });
  });
});

describe('fitHolt with fixed parameters (TV4)', () => {
  const fit = fitHolt(ys(TV4), { damped: false, alpha: 0.5, beta: 0.3 });
  const { upper, lower } = bands(fit, 40);

  it('has SSE = 5.018 and σ̂ = 1.584 (n − 4)', () => {
    expectRel(fit.sse, 5.018);
    expectRel(fit.sigma, 1.584);
  });
  it('forecasts F(1..4) = 24.75, 27.33, 29.91, 32.49 with their bands', () => {
    const expected = [
      [24.75, 21.65, 27.85],
      [27.33, 23.63, 31.03],
      [29.91, 25.45, 34.37],
      [32.49, 27.14, 37.84],
    ];
    expected.forEach(([f, lo, hi], i) => {
      expectRel(holtForecast(fit, i + 1), f!);
      expectRel(lower[i + 1]!, lo!);
      expectRel(upper[i + 1]!, hi!);
    });
  });
  it('matches the closed form of v_h', () => {
    const v = holtVariances(fit, 20);
    for (let h = 1; h <= 20; h++) {
      const closed = 1 + (h - 1) * (0.25 + 0.25 * 0.3 * h + (0.25 * 0.09 * h * (2 * h - 1)) / 6);
      expectRel(v[h]!, closed, 1e-12);
    }
  });
  it('crosses 40 at h* = 6.911, its upper band at 4.605 and its lower band at 14.46', () => {
    expectRel((40 - fit.level) / fit.trend, 6.911);
    expectRel(interpolatedCrossing(upper, 40)!, 4.605);
    expectRel(interpolatedCrossing(lower, 40)!, 14.46);
  });
  it('dates them 2024-08-25 (2024-08-09 – 2024-10-17)', () => {
    expect(fitAndProject(TV4, { capacity: 40, method: 'holt', alpha: 0.5, beta: 0.3 })).toMatchObject({
      status: 'ok',
      model: 'holt',
      date: '2024-08-25',
      earliest: '2024-08-09',
      latest: '2024-10-17',
    });
  });
});

describe('fitHolt on the grid (TV3, UPS IT load)', () => {
  const fit = fitHolt(ys(TV3), { damped: false });
  const { upper, lower } = bands(fit, 600);

  it('starts from ℓ0 = 39.74, b0 = 0.9145 (OLS on the first 10 points)', () => {
    expectRel(fit.l0, 39.74);
    expectRel(fit.b0, 0.9145);
  });
  it('finds the coarse optimum α = 0.55, β = 0.75 (SSE 0.6711)', () => {
    expect(fit.coarse.alpha).toBe(0.55);
    expect(fit.coarse.beta).toBe(0.75);
    expectRel(fit.coarse.sse, 0.6711);
  });
  it('refines it to α = 0.56, β = 0.74 (SSE 0.6710)', () => {
    expect(fit.alpha).toBe(0.56);
    expect(fit.beta).toBe(0.74);
    expectRel(fit.sse, 0.671);
  });
  it('ends at ℓ_n = 51.50, b_n = 1.213/wk with σ̂ = 0.2896 (n − 4 = 8)', () => {
    expectRel(fit.level, 51.5);
    expectRel(fit.trend, 1.213);
    expectRel(fit.sigma, 0.2896);
  });
  it('forecasts F(1) = 52.71 [52.14, 53.28], F(4) = 56.35 [54.83, 57.86], F(13) = 67.26 [60.25, 74.27]', () => {
    for (const [h, f, lo, hi] of [
      [1, 52.71, 52.14, 53.28],
      [4, 56.35, 54.83, 57.86],
      [13, 67.26, 60.25, 74.27],
    ] as const) {
      expectRel(holtForecast(fit, h), f);
      expectRel(lower[h]!, lo);
      expectRel(upper[h]!, hi);
    }
  });
  it('crosses 80 at h* = 23.51 and its upper band at h = 15.85; the lower band turns down first', () => {
    expectRel((80 - fit.level) / fit.trend, 23.51);
    expectRel(interpolatedCrossing(upper, 80)!, 15.85);
    expect(interpolatedCrossing(lower, 80)).toBeNull();
  });
  it('dates it 2024-08-30 (earliest 2024-07-07, latest null)', () => {
    expect(fitAndProject(TV3, { capacity: 80, method: 'holt' })).toMatchObject({
      status: 'ok',
      model: 'holt',
      date: '2024-08-30',
      earliest: '2024-07-07',
      latest: null,
    });
  });
});

describe('fitHolt damped on the grid (TV3)', () => {
  const fit = fitHolt(ys(TV3), { damped: true });
  const { upper } = bands(fit, 600);

  it('finds α = 0.51, β = 1.00, φ = 0.98 (SSE 0.7184)', () => {
    expect([fit.alpha, fit.beta, fit.phi]).toEqual([0.51, 1, 0.98]);
    expectRel(fit.sse, 0.7184);
  });
  it('ends at ℓ_n = 51.47, b_n = 1.231 with σ̂ = 0.3204 (n − 5) and asymptote 111.8', () => {
    expectRel(fit.level, 51.47);
    expectRel(fit.trend, 1.231);
    expectRel(fit.sigma, 0.3204);
    expectRel(dampedAsymptote(fit), 111.8);
  });
  it('crosses 80 at h* = 31.69 and its upper band at h = 16.42', () => {
    const h = Math.log(1 - ((80 - fit.level) * (1 - fit.phi)) / (fit.phi * fit.trend)) / Math.log(fit.phi);
    expectRel(h, 31.69);
    expectRel(interpolatedCrossing(upper, 80)!, 16.42);
  });
  it('dates it 2024-10-26 (earliest 2024-07-11, latest null) with those per-step parameters', () => {
    expect(fitAndProject(TV3, { capacity: 80, method: 'damped', alpha: 0.51, beta: 1, phi: 0.98 })).toMatchObject({
      status: 'ok',
      model: 'damped',
      date: '2024-10-26',
      earliest: '2024-07-11',
      latest: null,
    });
  });
});

describe('the model spread on TV3', () => {
  it('linear: b = 0.1378, a = 40.50, s = 0.3030 → 2024-10-14 (2024-09-30 – 2024-10-31)', () => {
    const r = fitAndProject(TV3, { capacity: 80, method: 'linear' });
    expectRel(r.params.slopePerDay as number, 0.1378);
    expectRel(r.params.intercept as number, 40.5);
    expectRel(r.params.s as number, 0.303);
    expect(r).toMatchObject({ status: 'ok', date: '2024-10-14', earliest: '2024-09-30', latest: '2024-10-31' });
  });
  it('exponential: b = 0.003002/day → 2024-08-14 (2024-08-06 – 2024-08-22)', () => {
    const r = fitAndProject(TV3, { capacity: 80, method: 'exponential' });
    expectRel(r.params.ratePerDay as number, 0.003002);
    expect(r).toMatchObject({ status: 'ok', date: '2024-08-14', earliest: '2024-08-06', latest: '2024-08-22' });
  });
  it('drift: d = 0.9636/wk, h* = 29.47 → 2024-10-11', () => {
    const r = fitAndProject(TV3, { capacity: 80, method: 'drift' });
    expectRel(r.params.driftPerStep as number, 0.9636);
    expectRel((80 - 51.6) / (r.params.driftPerStep as number), 29.47);
    expect(r).toMatchObject({ status: 'ok', date: '2024-10-11' });
  });
  it('quadratic: c2 = 5.077e-4, c1 = 0.09867, c0 = 40.95 → 2024-07-16', () => {
    const r = fitAndProject(TV3, { capacity: 80, method: 'quadratic' });
    expectRel(r.params.c2 as number, 5.077e-4);
    expectRel(r.params.c1 as number, 0.09867);
    expectRel(r.params.c0 as number, 40.95);
    expect(r).toMatchObject({ status: 'ok', model: 'quadratic', date: '2024-07-16' });
  });
  it('AICc prefers the quadratic: −44.70 (SSE 0.09226) against linear −21.84 (SSE 0.9181)', () => {
    const r = fitAndProject(TV3, { capacity: 80, method: 'quadratic' });
    expectRel(r.params.aicc as number, -44.7);
    expectRel(r.params.sse as number, 0.09226);
    expectRel(r.params.linearAicc as number, -21.84);
    expectRel(r.params.linearSse as number, 0.9181);
  });
});

describe('damped trend with fixed α = 0.8, β = 0.2, φ = 0.9 (TV5)', () => {
  const fit = fitHolt(ys(TV5), { damped: true, alpha: 0.8, beta: 0.2, phi: 0.9 });
  const { upper, lower } = bands(fit, 10);
  const opts = { method: 'damped', alpha: 0.8, beta: 0.2, phi: 0.9 } as const;

  it('starts at ℓ0 = 99.64, b0 = 16.02 and ends at ℓ_n = 215.1, b_n = 8.745', () => {
    expectRel(fit.l0, 99.64);
    expectRel(fit.b0, 16.02);
    expectRel(fit.level, 215.1);
    expectRel(fit.trend, 8.745);
  });
  it('has SSE = 870.0, σ̂ = 17.03 and asymptote 293.8', () => {
    expectRel(fit.sse, 870.0);
    expectRel(fit.sigma, 17.03);
    expectRel(dampedAsymptote(fit), 293.8);
  });
  it('forecasts F(1, 2, 4, 8) with widening bands', () => {
    for (const [h, f, lo, hi] of [
      [1, 222.9, 189.5, 256.3],
      [2, 230.0, 184.1, 275.9],
      [4, 242.1, 171.6, 312.6],
      [8, 259.9, 141.2, 378.6],
    ] as const) {
      expectRel(holtForecast(fit, h), f);
      expectRel(lower[h]!, lo);
      expectRel(upper[h]!, hi);
    }
  });
  it('never reaches C = 300 on its line (asymptote 293.8), but its upper band does: "may run out" from that day', () => {
    const r = fitAndProject(TV5, { capacity: 300, ...opts });
    const h = interpolatedCrossing(bands(fit, 600).upper, 300)!;
    expect(r).toMatchObject({ status: 'mayRunOut', date: null, latest: null, earliest: formatDay(day('2024-02-25') + Math.ceil(7 * h - 1e-9)) });
    expect(r.warnings.join(' ')).toMatch(/may run out/);
  });
  it('reaches C = 280 at h* = 16.56 → 2024-06-20', () => {
    expectRel(Math.log(1 - ((280 - fit.level) * 0.1) / (0.9 * fit.trend)) / Math.log(0.9), 16.56);
    expect(fitAndProject(TV5, { capacity: 280, ...opts })).toMatchObject({ status: 'ok', date: '2024-06-20' });
  });
  it('reaches C = 250 at h* = 5.572 → 2024-04-05', () => {
    expectRel(Math.log(1 - ((250 - fit.level) * 0.1) / (0.9 * fit.trend)) / Math.log(0.9), 5.572);
    expect(fitAndProject(TV5, { capacity: 250, ...opts })).toMatchObject({ status: 'ok', date: '2024-04-05' });
  });
  it('projects as of 2024-02-25', () => {
    const m = fitModel(
      'damped',
      { days: TV5.map((p) => day(p.date)), ys: ys(TV5), step: { kind: 'days', days: 7 }, level: 0.95, alpha: 0.8, beta: 0.2, phi: 0.9 },
      day('2034-02-25'),
    );
    expectRel(m.forecast(day('2024-02-25')), 215.1);
    expectRel(m.forecast(day('2024-03-03')), 222.9);
  });
  it('plain Holt with the same α, β: ℓ_n = 216.4, b_n = 13.18, C = 300 at h* = 6.338 → 2024-04-10', () => {
    const holt = fitHolt(ys(TV5), { damped: false, alpha: 0.8, beta: 0.2 });
    expectRel(holt.level, 216.4);
    expectRel(holt.trend, 13.18);
    expectRel((300 - holt.level) / holt.trend, 6.338);
    expect(fitAndProject(TV5, { capacity: 300, method: 'holt', alpha: 0.8, beta: 0.2 })).toMatchObject({ status: 'ok', date: '2024-04-10' });
  });
});

describe('damping per unit of time (issue 12 §1)', () => {
  // The φ grid {0.80 … 0.98} is per month: a weekly step damps by φ_month^(7/30.436875), so a
  // weekly series no longer saturates about four times sooner than the same growth read monthly.
  const weeklyFit = fitAndProject(TV3, { capacity: 80, method: 'damped' });
  it('reports φ per month from the grid and φ per step = φ_month^(stepDays/30.436875)', () => {
    const perMonth = weeklyFit.params.phiPerMonth as number;
    expect([0.8, 0.85, 0.9, 0.95, 0.98]).toContain(Math.round(perMonth * 100) / 100);
    expectRel(weeklyFit.params.phi as number, Math.pow(perMonth, 7 / 30.436875), 1e-9);
  });
  it('the same per-month φ damps a monthly and a weekly series alike over a year', () => {
    const weekly = fitHolt(ys(TV3), { damped: true, stepDays: 7 });
    const monthly = fitHolt(ys(TV3), { damped: true, stepDays: 30.436875 });
    // 52.18 weekly steps and 12 monthly steps make the same damping over 365.2425 days.
    expectRel(Math.pow(weekly.phi, 365.2425 / 7), Math.pow(Math.round(Math.pow(weekly.phi, 30.436875 / 7) * 100) / 100, 12), 1e-9);
    expect([0.8, 0.85, 0.9, 0.95, 0.98]).toContain(monthly.phi);
  });
});
