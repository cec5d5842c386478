/**
 * The spec's single holdout (§2.8), kept as a test reference only: fit each candidate on the
 * first n − H points and forecast the H held-out ones. `auto` chooses by rolling-origin
 * cross-validation (shared/forecast/cross-validation.ts, issue 12 §2); the spec's test vector
 * TV10 still pins each model's fit on TV3's first nine points through this.
 */
import { fitModel, type ModelName } from '../../shared/forecast/models';
import { AUTO_ORDER, fitInput, prepare, validateOptions, type FitOptions, type Prepared } from '../../shared/forecast/options';
import type { SeriesPoint } from '../../shared/forecast/series';

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

/** The candidates of `auto` on this series, each scored on the single holdout, in tie order. */
export function rankModels(series: ReadonlyArray<SeriesPoint>, options: FitOptions): HoldoutScore[] {
  validateOptions(options);
  const p = prepare(series, options);
  if (p.days.length < 10) return [];
  return holdoutScores(
    p,
    options,
    AUTO_ORDER.filter((m) => m !== 'exponential' || p.ys.every((y) => y > 0)),
  );
}
