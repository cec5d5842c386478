import { describe, expect, it } from 'vitest';
import { fitHolt } from '../../../../shared/forecast/holt';
import { fitAndProject } from '../../../../shared/forecast/project';
import { rankModels } from '../../../support/holdout-reference';
import { expectRel, TV1, TV3 } from '../../../support/forecast-helpers';

// TV10: holdout choice on TV3. n = 12, H = 3, train 9 points, test 49.1, 50.3, 51.6.
describe('rankModels: holdout scores on TV3 (TV10)', () => {
  const scores = rankModels(TV3, { capacity: 80 });
  const by = (m: string) => scores.find((s) => s.model === m)!;
  const expected: Record<string, { f: number[]; mae: number; mape: number }> = {
    linear: { f: [48.77, 49.67, 50.57], mae: 0.6644, mape: 1.309 },
    drift: { f: [49.1, 50.0, 50.9], mae: 0.3333, mape: 0.651 },
    exponential: { f: [48.93, 49.93, 50.95], mae: 0.3961, mape: 0.7794 },
    holt: { f: [48.77, 49.67, 50.57], mae: 0.6644, mape: 1.309 },
  };

  it('scores the five candidates in tie order', () => {
    expect(scores.map((s) => s.model)).toEqual(['linear', 'drift', 'exponential', 'holt', 'damped']);
  });
  for (const [model, e] of Object.entries(expected)) {
    it(`${model} forecasts ${e.f.join(', ')} → MAE ${e.mae} (MAPE ${e.mape} %)`, () => {
      by(model).forecasts.forEach((f, i) => expectRel(f, e.f[i]!));
      expectRel(by(model).mae, e.mae);
      expectRel(by(model).mape!, e.mape);
    });
  }
  it('fits Holt on the 9 training points with α = 0.01, β = 0.00', () => {
    const fit = fitHolt(
      TV3.slice(0, 9).map((p) => p.value),
      { damped: false },
    );
    expect([fit.alpha, fit.beta]).toEqual([0.01, 0]);
  });
  it('scores damped with φ per month (issue 12): not the spec’s per-step 0.1605', () => {
    expect(by('damped').mae).not.toBeCloseTo(0.1605, 3);
  });
  it('fits damped on the 9 training points with α = 0.53, β = 0.94, φ = 0.98 (per-step grid)', () => {
    const fit = fitHolt(
      TV3.slice(0, 9).map((p) => p.value),
      { damped: true },
    );
    expect([fit.alpha, fit.beta, fit.phi]).toEqual([0.53, 0.94, 0.98]);
  });
});

describe('fitAndProject auto on TV3 (rolling-origin cross-validation, issue 12 §2)', () => {
  const r = fitAndProject(TV3, { capacity: 80, method: 'auto' });
  it('no longer picks damped: TV3 keeps accelerating, it shows no saturation', () => {
    expect(r.model).not.toBe('damped');
    expect(r.status).toBe('ok');
  });
  it('names the runner-up and says why it lost', () => {
    expect(typeof r.params.runnerUp).toBe('string');
    expect(String(r.params.runnerUpReason)).toMatch(new RegExp(String(r.params.runnerUp)));
  });
  it('reports the winner’s cross-validated error as holdoutMae', () => expect(r.holdoutMae).toBeGreaterThan(0));
  it('fits linear only when 6 ≤ n < 10', () => {
    const short = fitAndProject(TV3.slice(0, 8), { capacity: 80 });
    expect(short.model).toBe('linear');
    expect(short.holdoutMae).toBeNull();
  });
  it('is the default method', () => expect(fitAndProject(TV1, { capacity: 1024 }).model).toBe(fitAndProject(TV1, { capacity: 1024, method: 'auto' }).model));
});
