/**
 * The order-by date of a limit (issue 12 §9, docs/forecasts.md "Order-by dates"): the day the
 * planner must act so that the upgrade (a faster link, a new battery, a circuit) is in service
 * before the limit is reached. It is the crossing date minus the lead time. The crossing is the
 * headline date; for "may run out" it is the interval's earliest crossing, because the risk is
 * what must be ordered against. No crossing within the horizon: no order-by date.
 */
import { formatDay, parseDay } from '../dates';
import type { ForecastResult } from './types';

/** The lead time a link takes when the planner has set none (docs/forecasts.md). */
export const DEFAULT_LEAD_DAYS = 90;

export function orderByDate(r: Pick<ForecastResult, 'status' | 'date' | 'earliest'>, leadDays: number): string | null {
  const crossing = r.status === 'ok' || r.status === 'exceeded' || r.status === 'projectedNow' ? r.date : r.status === 'mayRunOut' ? r.earliest : null;
  if (crossing === null) return null;
  return formatDay(parseDay(crossing) - Math.max(0, Math.round(leadDays)));
}
