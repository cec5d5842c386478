/**
 * The words for a forecast's status: the one home of them (issue 12), used by the CLI, the
 * PDF report's board and the Forecasts screen. forecast.md §0 names the statuses; "may run out"
 * gives the interval's earliest crossing (issue 12 §5).
 */
import type { ForecastResult, ForecastStatus } from './types';

type Dated = Pick<ForecastResult, 'status' | 'date' | 'earliest'>;
type Ranged = Pick<ForecastResult, 'status' | 'earliest' | 'latest'>;

/** A status on its own, without its dates, capitalised (filters, legends, empty states). */
export const STATUS_TEXT: Record<ForecastStatus, string> = {
  exceeded: 'Over capacity',
  projectedNow: 'At the limit now',
  ok: 'Runs out',
  beyondHorizon: '> 10 years',
  mayRunOut: 'May run out',
  never: 'Not projected to run out',
  insufficientData: 'Need ≥ 6 points over ≥ 4 weeks',
};

/** What a person reads for a status, as a phrase: `runs out ≈ 2027-10-04`, `may run out from …`. */
export function describeStatus(r: Dated): string {
  switch (r.status) {
    case 'ok':
      return `runs out ≈ ${r.date}`;
    case 'exceeded':
      return `over capacity since ${r.date}`;
    case 'projectedNow':
      return r.date ? `at the limit now (${r.date})` : 'at the limit now';
    case 'never':
      return 'not projected to run out';
    case 'beyondHorizon':
      return '> 10 years';
    case 'mayRunOut':
      return `may run out from ${r.earliest}`;
    case 'insufficientData':
      return 'need ≥ 6 points over ≥ 4 weeks';
  }
}

/** The same, short and capitalised, for a table cell: `≈ 2027-10-04`, `Over since …`. */
export function statusHeadline(r: Dated): string {
  switch (r.status) {
    case 'mayRunOut':
      return `May run out from ${r.earliest}`;
    case 'ok':
      return `≈ ${r.date}`;
    case 'exceeded':
      return `Over since ${r.date}`;
    default:
      return STATUS_TEXT[r.status];
  }
}

/** The interval in words: `A – B`, `from A` (no later bound within the horizon), or '' when none applies. */
export function likelyBetween(r: Ranged): string {
  if (r.status === 'mayRunOut') return r.earliest ? `from ${r.earliest}` : '';
  if (r.status !== 'ok' && r.status !== 'projectedNow') return '';
  if (r.earliest === null && r.latest === null) return '';
  // No lower-band crossing within the horizon: the date has no later bound.
  if (r.latest === null) return `from ${r.earliest}`;
  return `${r.earliest ?? '…'} – ${r.latest}`;
}
