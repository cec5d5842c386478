import { describe, expect, it } from 'vitest';
import { fitAndProject } from '../../../../shared/forecast/project';
import { fitOls, olsBandCrossings, olsPiHalfWidth, olsPredict } from '../../../../shared/forecast/ols';
import { fitModel, interpolatedCrossing } from '../../../../shared/forecast/models';
import { driftForecast, driftHalfWidth, fitDrift } from '../../../../shared/forecast/drift';
import { tQuantile } from '../../../../shared/forecast/quantiles';
import { day, expectRel, TV1, TV2 } from '../../../support/forecast-helpers';

const xsOf = (s: { date: string }[]) => s.map((p) => day(p.date) - day(s[0]!.date));
const ysOf = (s: { value: number }[]) => s.map((p) => p.value);

describe('fitOls on TV1 (weekly IPv4 /22)', () => {
  const fit = fitOls(xsOf(TV1), ysOf(TV1));
  const t = tQuantile(0.975, 8);

  it('has slope 37/15 per day and intercept 413.0', () => {
    expectRel(fit.b, 37 / 15);
    expectRel(fit.a, 413.0);
  });
  it('has x̄ = 31.5, Sxx = 4042.5, SSE = 79.73, s = 3.157', () => {
    expectRel(fit.xMean, 31.5);
    expectRel(fit.sxx, 4042.5);
    expectRel(fit.sse, 79.73);
    expectRel(fit.s, 3.157);
  });
  it('has SE(b) = 0.04965, SE(a) = 1.856, b/SE(b) = 49.68, R² = 0.9968', () => {
    expectRel(fit.seB, 0.04965);
    expectRel(fit.seA, 1.856);
    expectRel(fit.b / fit.seB, 49.68);
    expectRel(fit.r2, 0.9968);
  });
  it('predicts 568.4 [560.0, 576.8] at x = 63', () => {
    expectRel(olsPredict(fit, 63), 568.4);
    expectRel(olsPredict(fit, 63) - olsPiHalfWidth(fit, 63, t), 560.0);
    expectRel(olsPredict(fit, 63) + olsPiHalfWidth(fit, 63, t), 576.8);
  });
  it('predicts 1017 [991.7, 1043] at x = 245 (2024-09-08)', () => {
    expectRel(olsPredict(fit, 245), 1017);
    expectRel(olsPredict(fit, 245) - olsPiHalfWidth(fit, 245, t), 991.7);
    expectRel(olsPredict(fit, 245) + olsPiHalfWidth(fit, 245, t), 1043);
  });
  it('has its band roots at 237.6 (upper) and 258.7 (lower) and its line root at 247.7', () => {
    const { upper, lower } = olsBandCrossings(fit, 1024, t, 63);
    expectRel(upper!, 237.6);
    expectRel(lower!, 258.7);
    expectRel((1024 - fit.a) / fit.b, 247.7);
  });
});

describe('fitAndProject, linear, on TV1', () => {
  const r = fitAndProject(TV1, { capacity: 1024, method: 'linear' });
  it('runs out on 2024-09-11, likely between 2024-09-01 and 2024-09-22', () => {
    expect(r).toMatchObject({ status: 'ok', model: 'linear', date: '2024-09-11', earliest: '2024-09-01', latest: '2024-09-22' });
  });
  it('gives the same dates as a daily scan of the band', () => {
    const m = fitModel('linear', { days: TV1.map((p) => day(p.date)), ys: ysOf(TV1), step: { kind: 'days', days: 7 }, level: 0.95 }, day('2034-03-10'));
    const first = (pred: (d: number) => boolean) => {
      for (let d = day('2024-03-10'); ; d++) if (pred(d)) return d;
    };
    expect(first((d) => m.band(d).hi >= 1024)).toBe(day('2024-09-01'));
    expect(first((d) => m.forecast(d) >= 1024)).toBe(day('2024-09-11'));
    expect(first((d) => m.band(d).lo >= 1024)).toBe(day('2024-09-22'));
  });
});

describe('fitAndProject at the 80 % level', () => {
  it('narrows the interval of the date around the same date (t(0.90, 8))', () => {
    const r80 = fitAndProject(TV1, { capacity: 1024, method: 'linear', level: 0.8 });
    expect(r80.date).toBe('2024-09-11');
    expect(r80.earliest! > '2024-09-01' && r80.earliest! <= '2024-09-11').toBe(true);
    expect(r80.latest! < '2024-09-22' && r80.latest! >= '2024-09-11').toBe(true);
    expectRel(r80.params.t as number, tQuantile(0.9, 8), 1e-12);
  });
  it('uses z = 1.281552 for the step models', () => {
    expect(fitAndProject(TV1, { capacity: 1024, method: 'drift', level: 0.8 }).params.z).toBe(1.281552);
  });
});

describe('fitDrift on TV1 (the benchmark)', () => {
  const fit = fitDrift(ysOf(TV1));
  const z = 1.959964;
  it('has d = 17.44 per week and σ̂ = 5.681', () => {
    expectRel(fit.d, 17.44);
    expectRel(fit.sigma, 5.681);
  });
  it('forecasts 795.8 [733.0, 858.5] 13 weeks ahead', () => {
    expectRel(driftForecast(fit, 13), 795.8);
    expectRel(driftForecast(fit, 13) - driftHalfWidth(fit, 13, z), 733.0);
    expectRel(driftForecast(fit, 13) + driftHalfWidth(fit, 13, z), 858.5);
  });
  it('crosses at h* = 26.08 and its band at h = 20.79 and 34.28', () => {
    expectRel((1024 - fit.last) / fit.d, 26.08);
    const hs = Array.from({ length: 60 }, (_, h) => h);
    const upper = hs.map((h) => driftForecast(fit, h) + (h === 0 ? 0 : driftHalfWidth(fit, h, z)));
    const lower = hs.map((h) => driftForecast(fit, h) - (h === 0 ? 0 : driftHalfWidth(fit, h, z)));
    expectRel(interpolatedCrossing(upper, 1024)!, 20.79);
    expectRel(interpolatedCrossing(lower, 1024)!, 34.28);
  });
  it('dates them 2024-09-09, 2024-08-03 and 2024-11-05', () => {
    const r = fitAndProject(TV1, { capacity: 1024, method: 'drift' });
    expect(r).toMatchObject({ status: 'ok', model: 'drift', date: '2024-09-09', earliest: '2024-08-03', latest: '2024-11-05' });
    expect(r.params).toMatchObject({ step: 'days', stepDays: 7 });
  });
});

describe('exponential (log-linear) fit on TV2 (IPv6 /56 in a /44)', () => {
  const xs = xsOf(TV2);
  const fit = fitOls(xs, ysOf(TV2).map(Math.log));
  const t = tQuantile(0.975, 10);
  const model = fitModel('exponential', { days: TV2.map((p) => day(p.date)), ys: ysOf(TV2), step: { kind: 'month' }, level: 0.95 }, day('2034-01-01'));
  const first = day('2023-01-31');

  it('uses x = 0, 28, 59, …, 334', () => expect(xs).toEqual([0, 28, 59, 89, 120, 150, 181, 212, 242, 273, 303, 334]));
  it('has a = 7.095 (e^a = 1206), b = 0.001279/day, s = 0.007354, SE(b) = 2.017e-5', () => {
    expectRel(fit.a, 7.095);
    expectRel(Math.exp(fit.a), 1206);
    expectRel(fit.b, 0.001279);
    expectRel(fit.s, 0.007354);
    expectRel(fit.seB, 2.017e-5);
  });
  it('grows 3.970 % per month and doubles in 541.9 days', () => {
    const r = fitAndProject(TV2, { capacity: 4096, method: 'exponential' });
    expectRel(r.params.growthPerMonth as number, 0.0397);
    expectRel(r.params.doublingDays as number, 541.9);
  });
  it('predicts 1849 [1815, 1884] at x = 334 and 2949 [2864, 3038] at x = 699 (asymmetric band)', () => {
    expectRel(model.forecast(first + 334), 1849);
    expectRel(model.band(first + 334).lo, 1815);
    expectRel(model.band(first + 334).hi, 1884);
    expectRel(model.forecast(first + 699), 2949);
    expectRel(model.band(first + 699).lo, 2864);
    expectRel(model.band(first + 699).hi, 3038);
  });
  it('has roots 955.7 (line), 925.9 (upper band), 987.5 (lower band)', () => {
    expectRel((Math.log(4096) - fit.a) / fit.b, 955.7);
    const { upper, lower } = olsBandCrossings(fit, Math.log(4096), t, 334);
    expectRel(upper!, 925.9);
    expectRel(lower!, 987.5);
  });
  it('runs out on 2025-09-13, likely between 2025-08-14 and 2025-10-15', () => {
    expect(fitAndProject(TV2, { capacity: 4096, method: 'exponential' })).toMatchObject({
      status: 'ok',
      model: 'exponential',
      date: '2025-09-13',
      earliest: '2025-08-14',
      latest: '2025-10-15',
    });
  });
  it('moves about 18 months later with the linear fit of the same data: 2027-03-29 (2027-01-21 – 2027-06-10)', () => {
    const r = fitAndProject(TV2, { capacity: 4096, method: 'linear' });
    expectRel(r.params.slopePerDay as number, 1.917);
    expectRel(r.params.intercept as number, 1187);
    expectRel(r.params.s as number, 15.56);
    expect(r).toMatchObject({ status: 'ok', date: '2027-03-29', earliest: '2027-01-21', latest: '2027-06-10' });
  });
  it('refuses a series with a value ≤ 0', () => {
    const bad = TV2.map((p, i) => (i === 0 ? { ...p, value: 0 } : p));
    expect(() => fitAndProject(bad, { capacity: 4096, method: 'exponential' })).toThrow(/exponential needs every value > 0/);
  });
});
