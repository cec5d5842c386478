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

/** The interval as a phrase after a headline: "likely between A – B", "likely from A on (…)", or ''. */
export function likelyPhrase(r: Ranged): string {
  const b = likelyBetween(r);
  if (!b) return '';
  return b.startsWith('from ') ? `likely ${b} on (no later bound within 10 years)` : `likely between ${b}`;
}

/** What a chart says where it draws no crossing marker; null when it draws one (a dated crossing). */
export function chartNote(r: Dated): string | null {
  switch (r.status) {
    case 'ok':
    case 'projectedNow':
      return null;
    case 'mayRunOut':
      return `May run out from ${r.earliest}: the line stays below, the interval reaches the limit`;
    case 'exceeded':
      return `Over since ${r.date}`;
    case 'never':
      return STATUS_TEXT.never;
    case 'beyondHorizon':
      return 'Runs out in more than 10 years';
    case 'insufficientData':
      return `${STATUS_TEXT.insufficientData}: no line drawn`;
  }
}

/**
 * P(full by the end of the 12th month after the as-of month): the 13th entry of runoutByMonth
 * (the as-of month is the first); 1 when the limit is already reached; null with no months.
 */
export function within12Months(r: Pick<ForecastResult, 'status' | 'runoutByMonth'>): number | null {
  if (r.status === 'exceeded' || r.status === 'projectedNow') return 1;
  return r.runoutByMonth[12]?.p ?? null;
}

/** A probability in whole percent; what is only nearly 0 or 1 says "<1 %" or ">99 %", never 0 % or 100 %. */
export function percentText(p: number): string {
  if (p >= 0.995) return '>99 %';
  if (p > 0 && p < 0.005) return '<1 %';
  return `${Math.round(p * 100)} %`;
}

/** When a warning level (80 % of the limit) is reached, for a fact beside its label: `≈ D`, `since D`. */
export function warningLevelText(r: Dated): string {
  if (r.status === 'exceeded') return `since ${r.date}`;
  if ((r.status === 'ok' || r.status === 'projectedNow') && r.date) return `≈ ${r.date}`;
  return statusHeadline(r);
}
