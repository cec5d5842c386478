/**
 * The probability strip under a chart (issue 12 §7): one cell per month, the as-of month and
 * the 23 after it, shaded by the probability that the limit is reached by that month's end, in
 * the manner of Huston's per-month run-out probabilities. The numbers are shared/forecast's
 * runoutByMonth; this only draws them.
 */
import type { MonthProbability } from '../../../shared/forecast/runout';
import { percentText as percent } from '../../../shared/forecast/status-text';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthLabel(month: string): string {
  const m = Number(month.slice(5, 7));
  return MONTHS[m - 1] ?? month;
}

export function RunoutStrip({ months, title }: { months: MonthProbability[]; title: string }) {
  if (months.length === 0) return null;
  return (
    <figure className="fc-strip" aria-label={`${title}: probability of running out by the end of each month`}>
      <figcaption className="fc-strip-title">Probability full by the end of the month</figcaption>
      <ol className="fc-strip-cells">
        {months.map((m, i) => (
          <li
            key={m.month}
            className="fc-strip-cell"
            data-month={m.month}
            data-p={m.p}
            title={`${m.month}: ${percent(m.p)}`}
            style={{ ['--p' as string]: String(m.p) }}
          >
            <span className="fc-strip-p">{percent(m.p)}</span>
            <span className="fc-strip-m">{monthLabel(m.month)}</span>
            <span className="fc-strip-y">{i === 0 || m.month.endsWith('-01') ? m.month.slice(0, 4) : '\u00a0'}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
