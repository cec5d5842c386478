/**
 * statsmodels (Debian's python3-statsmodels for /usr/bin/python3) as the external oracle of the
 * fits (issue 12): OLS means and 95 % prediction intervals and the run-out probability built on
 * them; Holt and damped Holt recursions with fixed parameters (tsa.holtwinters.Holt); the
 * forecast variance multipliers v_h of the additive ETS(A,A,N) / ETS(A,Ad,N) (ETSModel).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitHolt, holtForecast, holtVariances } from '../../../../shared/forecast/holt';
import { fitModel } from '../../../../shared/forecast/models';
import { runoutByMonth, runoutMonthEnds } from '../../../../shared/forecast/runout';
import { rng } from '../../../support/forecast-harness';
import { expectRel } from '../../../support/forecast-helpers';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, '..', '..', '..', 'support', 'forecast_oracle.py');

function oracle<T>(tasks: unknown[]): T[] {
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(tasks), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`forecast_oracle.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T[];
}

/** Seeded noisy growing series: n weekly values. */
function series(seed: number, n: number): number[] {
  const u = rng(seed);
  const out: number[] = [];
  let y = 500 + 500 * u();
  const slope = 5 + 20 * u();
  for (let i = 0; i < n; i++) out.push((y += slope * (0.3 + 1.4 * u())));
  return out;
}

describe('OLS against statsmodels', () => {
  const cases = [1, 2, 3, 4, 5].map((seed) => {
    const ys = series(seed, 12 + seed * 3);
    const days = ys.map((_, i) => 20000 + 7 * i);
    return { ys, days };
  });
  it('gives the same line, 95 % prediction band and P(y ≥ C) at future month ends', () => {
    const C = 2000;
    const tasks = cases.map(({ ys, days }) => {
      const asOf = days[days.length - 1]!;
      return { kind: 'ols', xs: days.map((d) => d - days[0]!), ys, at: runoutMonthEnds(asOf).map((d) => d - days[0]!), capacity: C };
    });
    const answers = oracle<{ a: number; b: number; mean: number[]; lo: number[]; hi: number[]; p: number[] }>(tasks);
    cases.forEach(({ ys, days }, k) => {
      const asOf = days[days.length - 1]!;
      const model = fitModel('linear', { days, ys, step: { kind: 'days', days: 7 }, level: 0.95 }, asOf + 3652);
      const ans = answers[k]!;
      expectRel(model.params.intercept as number, ans.a, 1e-9);
      expectRel(model.params.slopePerDay as number, ans.b, 1e-9);
      const ends = runoutMonthEnds(asOf);
      ends.forEach((d, i) => {
        expectRel(model.forecast(d), ans.mean[i]!, 1e-9);
        expectRel(model.band(d).lo, ans.lo[i]!, 1e-9);
        expectRel(model.band(d).hi, ans.hi[i]!, 1e-9);
      });
      const months = runoutByMonth({ models: [model], asOf, capacityAt: () => C, shift: 0, steps: [], exceeded: false });
      let running = 0;
      months.forEach((m, i) => {
        running = Math.max(running, ans.p[i]!);
        expect(Math.abs(m.p - running)).toBeLessThan(1e-4);
      });
    });
  });
});

describe('Holt and damped Holt against statsmodels', () => {
  const params = [
    { alpha: 0.8, beta: 0.2, phi: 1 },
    { alpha: 0.3, beta: 0.1, phi: 1 },
    { alpha: 0.5, beta: 0.5, phi: 0.9 },
    { alpha: 0.9, beta: 0.05, phi: 0.98 },
  ];
  const ys = series(42, 20);
  it('gives the same forecasts and one-step SSE with fixed α, β*, φ and the same ℓ0, b0', () => {
    const fits = params.map((p) => fitHolt(ys, { damped: p.phi < 1, alpha: p.alpha, beta: p.beta, ...(p.phi < 1 ? { phi: p.phi } : {}) }));
    const answers = oracle<{ forecast: number[]; sse: number }>(fits.map((f, k) => ({ kind: 'holt', ys, ...params[k], l0: f.l0, b0: f.b0, h: 12 })));
    fits.forEach((f, k) => {
      expectRel(f.sse, answers[k]!.sse, 1e-9);
      answers[k]!.forecast.forEach((v, i) => expectRel(holtForecast(f, i + 1), v, 1e-9));
    });
  });
  it('gives the same forecast variance multipliers v_h as ETS(A,A,N) / ETS(A,Ad,N)', () => {
    const fits = params.map((p) => fitHolt(ys, { damped: p.phi < 1, alpha: p.alpha, beta: p.beta, ...(p.phi < 1 ? { phi: p.phi } : {}) }));
    const answers = oracle<{ v: number[] }>(fits.map((f, k) => ({ kind: 'ets', ys, ...params[k], l0: f.l0, b0: f.b0, h: 30 })));
    fits.forEach((f, k) => {
      const v = holtVariances(f, 30);
      answers[k]!.v.forEach((vh, i) => expectRel(v[i + 1]!, vh, 1e-9));
    });
  });
});
