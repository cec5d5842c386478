/**
 * forecast.*: every limit of the workspace (address pools in their unit, facility limits of
 * specs/facility.md §8) with its growth fit and the date it runs out (specs/forecast.md).
 * Read-only: the forecasts are recomputed from the workspace's history on every call.
 */
import { z } from 'zod';
import type { ForecastMethod, ForecastStatus, ModelName, Scenario, SeriesPoint } from '../forecast';
import type { MonthProbability } from '../forecast/runout';
import type { CurvePoint } from '../forecast/curve';
import { query } from './define';
import { isoDay } from './registry';

/** One name per kind of limit on the board (electron/core/services/forecast-sources.ts LIMIT_SOURCES). */
export type LimitKind = 'pool' | 'asn' | 'facility' | 'link' | 'dhcp';

export interface LimitForecast {
  /** `pool:<prefix row id>`, `asn:<ASN block id>`, `facility:<site id>:<limit key>` `link:<link id>` or `dhcp:<scope id>` */
  id: string;
  kind: LimitKind;
  /** what runs out: `198.51.100.64/26` or `UPS at max loading` */
  name: string;
  /** where: the pool's description and space, or the site's name */
  detail: string;
  /** the forecast variable's unit: `addresses`, `/56`, `ASNs`, `W`, `bytes` */
  unit: string;
  /** for a pool: its family and the prefix length one unit stands for (IPv4: 32) */
  prefixUnit: { family: 4 | 6; length: number } | null;
  capacity: number | null;
  /** the last value of the history, null without one */
  current: number | null;
  usedFrac: number | null;
  /** the warning level as a fraction of the capacity (80 % by default) */
  warningFrac: number;
  status: ForecastStatus;
  model: ModelName | null;
  date: string | null;
  earliest: string | null;
  latest: string | null;
  holdoutMae: number | null;
  runnerUp: { model: string; date: string | null; status: string | null } | null;
  /** the day the warning level is crossed (or was: `exceeded` at the warning level) */
  warningDate: string | null;
  warningStatus: ForecastStatus | null;
  warnings: string[];
  /** grid points in the history the forecast was fitted on */
  points: number;
  /** the newest reading is older than 3 typical spacings before as-of */
  stale: boolean;
  /** P(reached by the end of the month), the as-of month and the 23 after it */
  runoutByMonth: MonthProbability[];
  /** days the planner needs before the crossing to act (a link's lead time); null: not applicable */
  leadDays: number | null;
  /** the crossing (or the earliest possible one) minus leadDays: the day to order by; null without a crossing or a lead */
  orderBy: string | null;
}

export interface ForecastLimits {
  asOf: string;
  /** soonest first: exceeded, at the limit now, dated, may run out, beyond the horizon, never, too little data */
  limits: LimitForecast[];
}

export interface ForecastSeries {
  asOf: string;
  limit: LimitForecast;
  /** the fitted history on its grid (the limit's unit) */
  history: SeriesPoint[];
  /** history and projection day by day as the chart draws them */
  curve: CurvePoint[];
  /** Steps the workspace knows of (a pool's planned blocks after as-of), already in `curve` and `limit`; a client that re-fits adds them first. */
  plannedSteps?: Scenario[];
}

const scenarioSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('monthly'),
    start: isoDay,
    perMonth: z.number().refine(Number.isFinite, 'must be a finite number'),
    until: isoDay.optional(),
  }),
  z.object({ kind: z.literal('once'), date: isoDay, amount: z.number().refine(Number.isFinite, 'must be a finite number') }),
]);

const METHOD_NAMES = ['auto', 'linear', 'exponential', 'drift', 'holt', 'damped', 'quadratic'] as const satisfies readonly ForecastMethod[];

const windowDays = z.number().int().min(90, 'must be at least 90 days').max(3650, 'must be at most 3650 days');

export const forecastOps = {
  'forecast.limits': query<ForecastLimits>()(
    z.object({ asOf: isoDay.optional(), windowDays: windowDays.optional() }),
    'Every limit with its status, run-out date and interval, soonest first',
  ),
  'forecast.series': query<ForecastSeries>()(
    z.object({
      limitId: z.string().min(1, 'is required'),
      method: z.enum(METHOD_NAMES, { error: () => `must be one of ${METHOD_NAMES.join(', ')}` }).optional(),
      asOf: isoDay.optional(),
      windowDays: windowDays.optional(),
      scenarios: z.array(scenarioSchema).max(50).optional(),
    }),
    'One limit: its history, projection, band, limit and warning level, crossing',
  ),
};
