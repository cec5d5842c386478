/**
 * The forecasts board in the PDF report (issue 12 §8): every limit of the workspace ranked by
 * days to full (the service's order), with its status (and order-by date, for a limit with a
 * lead time), date range and the probability that it is full within 12 months. HTML only; the numbers are shared/forecast's.
 */
import type { LimitForecast } from '../contract/forecast';
import { describeStatus, likelyBetween, percentText, within12Months } from '../forecast/status-text';
import { escapeHtml as esc } from './html-escape';

export type BoardLimit = Pick<
  LimitForecast,
  'name' | 'detail' | 'status' | 'date' | 'earliest' | 'latest' | 'stale' | 'runoutByMonth' | 'usedFrac' | 'orderBy'
>;

/** Escaped text whose dates never break at their hyphens. */
const withDays = (text: string): string => esc(text).replace(/\d{4}-\d{2}-\d{2}/g, '<span class="day">$&</span>');

const pct = (p: number | null): string => (p === null ? '—' : percentText(p));

export function renderBoardHtml(limits: readonly BoardLimit[], asOf: string): string {
  const out = [
    `<h2 class="board">Limits, soonest first (as of ${esc(asOf)})</h2>`,
    '<table class="board"><colgroup><col class="b-limit"><col class="b-used"><col class="b-status"><col class="b-between"><col class="b-p12"></colgroup><thead><tr><th>Limit</th><th>Used</th><th>Status</th><th>Likely between</th><th>Full within 12 months</th></tr></thead><tbody>',
  ];
  for (const l of limits) {
    out.push(
      `<tr><td><b>${esc(l.name)}</b>${l.stale ? ' <span class="stale">stale</span>' : ''}<br><span class="space">${esc(l.detail)}</span></td>` +
        `<td>${l.usedFrac === null ? '—' : `${Math.round(l.usedFrac * 100)} %`}</td><td class="when">${withDays(describeStatus(l))}${l.orderBy ? `<br><span class="orderby">order by ${withDays(l.orderBy)}</span>` : ''}</td>` +
        `<td class="between">${withDays(likelyBetween(l)) || '—'}</td><td>${pct(within12Months(l))}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}
