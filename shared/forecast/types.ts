import type { ModelName, Params } from './models';
import type { MonthProbability } from './runout';

export type ForecastStatus = 'insufficientData' | 'exceeded' | 'projectedNow' | 'never' | 'beyondHorizon' | 'mayRunOut' | 'ok';

export type ForecastMethod = ModelName | 'auto';

/**
 * The Result object of forecast.md §0, key for key as `headroom fit --json` prints it.
 * A date that does not exist (no crossing within the horizon, or not applicable) is `null`.
 */
export interface ForecastResult {
  status: ForecastStatus;
  /** the model that drives the date; null only for `insufficientData` under `auto` */
  model: ModelName | null;
  date: string | null;
  earliest: string | null;
  latest: string | null;
  params: Params;
  holdoutMae: number | null;
  warnings: string[];
  /** the newest reading is older than 3 typical spacings before as-of (CLI.md "Forecast result, extended") */
  stale: boolean;
  /** P(reached by the end of the month) for the as-of month and the 23 after it; empty without a fit */
  runoutByMonth: MonthProbability[];
}
