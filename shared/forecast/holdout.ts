/**
 * Model choice by holdout error (spec §2.8): fit each candidate on the first n − H points,
 * forecast the H held-out ones, lowest MAE wins, ties to the earlier of linear, drift,
 * exponential, Holt, damped.
 */
import { fitModel, type ModelName } from './models';
import { fitInput, type FitOptions, type Prepared } from './options';

export interface HoldoutScore {
  model: ModelName;
  mae: number;
  /** null when a held-out value is 0 */
  mape: number | null;
  forecasts: number[];
}

/**
 * Holdout H = max(3, round(0.2·n)): fit on the first n − H points, forecast the H held-out ones
 * (regressions at their x, step models h = 1..H), MAE = mean|y − ŷ|.
 */
export function holdoutScores(p: Prepared, options: FitOptions, models: ReadonlyArray<ModelName>): HoldoutScore[] {
  const n = p.days.length;
  const H = Math.max(3, Math.round(0.2 * n));
  const trainDays = p.days.slice(0, n - H);
  const trainYs = p.ys.slice(0, n - H);
  const testDays = p.days.slice(n - H);
  const testYs = p.ys.slice(n - H);
  const input = fitInput(p, options, trainDays, trainYs);
  const maxDay = testDays[testDays.length - 1] as number;
  return models.map((name) => {
    const model = fitModel(name, input, maxDay);
    const forecasts = testDays.map((d, i) => model.forecastAhead(i + 1, d));
    let abs = 0;
    let pct = 0;
    let zero = false;
    forecasts.forEach((f, i) => {
      const y = testYs[i] as number;
      abs += Math.abs(y - f);
      if (y === 0) zero = true;
      else pct += Math.abs((y - f) / y);
    });
    return { model: name, mae: abs / H, mape: zero ? null : (100 * pct) / H, forecasts };
  });
}

/** Lowest MAE wins; a tie (within float noise) goes to the earlier candidate. */
export function pickByMae(scores: ReadonlyArray<HoldoutScore>): { best: HoldoutScore; runnerUp: HoldoutScore | null } {
  const sorted = scores.filter((s) => Number.isFinite(s.mae));
  let best = sorted[0] as HoldoutScore;
  let runnerUp: HoldoutScore | null = null;
  const beats = (a: HoldoutScore, b: HoldoutScore): boolean => a.mae < b.mae - 1e-9 * Math.max(1e-300, Math.abs(b.mae));
  for (const s of sorted.slice(1)) {
    if (beats(s, best)) {
      runnerUp = best;
      best = s;
    } else if (runnerUp === null || beats(s, runnerUp)) runnerUp = s;
  }
  return { best, runnerUp };
}
