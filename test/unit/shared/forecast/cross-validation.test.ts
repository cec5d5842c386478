/**
 * Model choice by rolling-origin cross-validation (issue 12 §2, FPP3 §5.10): several origins,
 * each scored over the planner's horizon; the simpler model unless another is clearly better;
 * damped only on evidence of saturation; the runner-up and why it lost.
 */
import { describe, expect, it } from 'vitest';
import { chooseByCv, convex, crossValidate, cvOrigins, regressionAdequate, saturating, type CvScore } from '../../../../shared/forecast/cross-validation';
import { prepare } from '../../../../shared/forecast/options';
import { fitAndProject } from '../../../../shared/forecast/project';
import { rng } from '../../../support/forecast-harness';
import { everyDays, weekly } from '../../../support/forecast-helpers';

const score = (model: CvScore['model'], mae: number): CvScore => ({ model, mae, origins: 6 });
const days26 = Array.from({ length: 26 }, (_, i) => 7 * i);
/** A straight line with alternating noise: residuals uncorrelated, no curvature. */
const line = days26.map((d, i) => 1000 + 5 * d + (i % 2 ? 9 : -9) + (i % 3) * 4);

describe('cvOrigins', () => {
  it('spreads up to six origins from ⌈n/2⌉ to n − 3', () => expect(cvOrigins(26)).toEqual([13, 15, 17, 19, 21, 23]));
  it('keeps at least six training points', () => expect(cvOrigins(12)).toEqual([6, 7, 8, 9]));
  it('has none when fewer than three points would be scored after six', () => expect(cvOrigins(8)).toEqual([]));
});

describe('crossValidate', () => {
  it('scores every origin over the horizon: a perfect line has zero error for linear and drift', () => {
    const s = everyDays(
      '2024-01-01',
      7,
      days26.map((d) => 100 + 2 * d),
    );
    const p = prepare(s, { capacity: 1e6 });
    const scores = crossValidate(p, { capacity: 1e6 }, ['linear', 'drift']);
    for (const sc of scores) {
      expect(sc.origins).toBe(6);
      expect(sc.mae).toBeLessThan(1e-9);
    }
  });
  it('scores only points within the planner’s horizon of each origin', () => {
    const s = everyDays(
      '2024-01-01',
      7,
      days26.map((d, i) => 100 + 2 * d + (i >= 24 ? 500 : 0)),
    );
    const p = prepare(s, { capacity: 1e6 });
    // With a 7-day horizon only the next point counts: the jump at 24 is seen by origin 23 alone.
    const [near] = crossValidate(p, { capacity: 1e6 }, ['linear'], 7);
    const [far] = crossValidate(p, { capacity: 1e6 }, ['linear'], 365);
    expect(near!.mae).not.toBeCloseTo(far!.mae, 3);
  });
});

describe('chooseByCv', () => {
  it('keeps the simpler linear when drift is less than 20 % better, and says so', () => {
    const c = chooseByCv([score('linear', 10), score('drift', 8.5), score('holt', 9)], days26, line)!;
    expect(c.chosen.model).toBe('linear');
    expect(c.runnerUp!.model).toBe('drift');
    expect(c.reason).toMatch(/drift was only 15 % better.*not clearly better.*linear is kept/);
  });
  it('takes a more flexible model that is clearly better', () => {
    expect(chooseByCv([score('linear', 10), score('drift', 7), score('holt', 9)], days26, line)!.chosen.model).toBe('drift');
  });
  it('never takes damped without evidence of saturation, however low its error', () => {
    const c = chooseByCv([score('linear', 10), score('damped', 1)], days26, line)!;
    expect(c.chosen.model).toBe('linear');
    expect(c.reason).toMatch(/damped was not used: .*no sign of saturation/);
  });
  it('takes damped when the growth has clearly slowed and damped is clearly better', () => {
    const sat = days26.map((d) => 1000 + 400 * (1 - Math.exp(-d / 60)) + (d % 14 ? 1 : -1));
    expect(saturating(sat)).toBe(true);
    expect(chooseByCv([score('linear', 10), score('holt', 9), score('damped', 3)], days26, sat)!.chosen.model).toBe('damped');
  });
  it('puts every model near the chosen one’s error into the interval (the plausible set)', () => {
    const c = chooseByCv([score('linear', 10), score('drift', 14), score('holt', 30)], days26, line)!;
    expect(c.plausible.map((s) => s.model)).toEqual(['linear', 'drift']);
  });
});

describe('diagnostics', () => {
  it('a random walk around a line has autocorrelated residuals: linear is not adequate', () => {
    const u = rng(7);
    let y = 1000;
    const walk = days26.map(() => (y += 30 + 60 * (u() - 0.5) * 2));
    expect(regressionAdequate(days26, walk, 'linear')).toBe(false);
    expect(regressionAdequate(days26, line, 'linear')).toBe(true);
  });
  it('convex: exponential growth curves upward, a line does not', () => {
    expect(
      convex(
        days26,
        days26.map((d) => 1000 * Math.exp(0.004 * d)),
      ),
    ).toBe(true);
    expect(convex(days26, line)).toBe(false);
  });
});

describe('fitAndProject auto', () => {
  it('prints the runner-up and why it lost (params.runnerUpReason)', () => {
    const r = fitAndProject(weekly('2024-01-07', line.slice(0, 20)), { capacity: 5000 });
    expect(r.model).toBe('linear');
    expect(typeof r.params.runnerUpReason).toBe('string');
  });
});
