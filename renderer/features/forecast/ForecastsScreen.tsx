/**
 * Forecasts: what runs out first. Every limit of the workspace (address pools, ASN blocks,
 * facility limits, links, …) in one list, soonest first, with its date, "likely between" interval, model and holdout
 * error and the runner-up's date; the selected limit's chart below, with model, scenarios and
 * as-of to play with; below, the links (LinksSection), whose limits are on the same board.
 */
import { DateInput } from '../../components/DateInput';
import { useState, type KeyboardEvent } from 'react';
import type { ForecastLimits, LimitForecast } from '../../../shared/contract';
import { useContractQuery } from '../../data/query';
import { errorsFrom } from '../../state';
import { likelyBetween, percentText, statusHeadline, within12Months } from '../../../shared/forecast';
import { isCalendarDay } from '../../../shared/dates';
import { MODEL_LABEL, quantity } from './format';
import { LimitPanel } from './LimitPanel';
import { LinksSection } from './LinksSection';
import './forecast.css';

const today = () => new Date().toISOString().slice(0, 10);

/** Text whose dates never break at their hyphens (a date split as 2024-04-| 02 in a narrow column). */
function WholeDays({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="fc-day">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function usedText(l: LimitForecast): string {
  if (l.usedFrac === null) return '—';
  return `${Math.round(l.usedFrac * 100)} %`;
}

function LimitRow({ l, selected, onSelect }: { l: LimitForecast; selected: boolean; onSelect(): void }) {
  const over = l.status === 'exceeded' || l.status === 'projectedNow';
  const warn = !over && l.usedFrac !== null && l.usedFrac >= l.warningFrac;
  const p12 = within12Months(l);
  return (
    <tr id={`fc-row-${l.id}`} className={selected ? 'selected' : ''} aria-selected={selected} onClick={onSelect} data-limit={l.id}>
      <td className={`fc-when fc-st-${l.status}`}>
        <WholeDays text={statusHeadline(l)} />
        {l.orderBy && <div className="fc-detail fc-orderby">order by {l.orderBy}</div>}
      </td>
      <td>
        <div className="fc-name">
          {l.name}
          {l.stale && (
            <span className="fc-stale" title="The newest reading is older than three of its usual spacings">
              stale
            </span>
          )}
        </div>
        <div className="muted fc-detail">{l.detail}</div>
      </td>
      <td className={`num ${over ? 'fc-over' : warn ? 'fc-warn' : ''}`} title={`${quantity(l.current, l.unit)} of ${quantity(l.capacity, l.unit)}`}>
        {usedText(l)}
      </td>
      <td className="fc-between">{likelyBetween(l) || <span className="muted">—</span>}</td>
      <td className="num fc-p12" title="Probability that it is full within 12 months">
        {p12 === null ? <span className="muted">—</span> : percentText(p12)}
      </td>
      <td className="fc-col-model">
        {l.model ? MODEL_LABEL[l.model] : '—'}
        {l.holdoutMae !== null && <div className="muted fc-detail">MAE {quantity(l.holdoutMae, l.unit)}</div>}
      </td>
      <td className="fc-col-runner">
        {l.runnerUp ? <span>{l.runnerUp.date ?? '—'}</span> : <span className="muted">—</span>}
        {l.runnerUp && <div className="muted fc-detail">{MODEL_LABEL[l.runnerUp.model] ?? l.runnerUp.model}</div>}
      </td>
    </tr>
  );
}

export function ForecastsScreen() {
  const [asOfText, setAsOfText] = useState(today);
  /** The last day typed that reads as one. */
  const [asOf, setAsOf] = useState(today);
  if (isCalendarDay(asOfText) && asOfText !== asOf) setAsOf(asOfText);
  const [picked, setSelected] = useState<string | null>(null);

  const read = useContractQuery('forecast.limits', { asOf });
  const data: ForecastLimits | null = read.data ?? null;
  const error = read.error ? (Object.values(errorsFrom(read.error))[0] ?? 'could not load the forecasts') : null;
  const limits = data?.limits ?? [];
  // The picked limit while it is listed; else the first that can be forecast.
  const selected = picked && limits.some((l) => l.id === picked) ? picked : (limits.find((l) => l.status === 'ok')?.id ?? limits[0]?.id ?? null);
  const index = limits.findIndex((l) => l.id === selected);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? limits.length - 1
          : Math.max(0, Math.min(limits.length - 1, (index < 0 ? -1 : index) + (e.key === 'ArrowDown' ? 1 : -1)));
    const l = limits[next];
    if (l) {
      setSelected(l.id);
      document.getElementById(`fc-row-${l.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  };
  const current = limits.find((l) => l.id === selected) ?? null;
  const asOfError = asOfText !== '' && !isCalendarDay(asOfText) ? 'must be a date as YYYY-MM-DD' : undefined;

  return (
    <section className="screen forecasts" aria-labelledby="forecasts-title" aria-busy={data === null && error === null}>
      <header className="screen-header">
        <h1 id="forecasts-title">Forecasts</h1>
        <span className="muted">What runs out first, soonest at the top</span>
        <label className="fc-asof">
          As of <DateInput aria-label="As of" aria-invalid={Boolean(asOfError)} value={asOfText} onChange={(e) => setAsOfText(e.target.value)} />
        </label>
        {asOf !== today() && (
          <button type="button" onClick={() => setAsOfText(today())}>
            Today
          </button>
        )}
      </header>
      {error && <p className="badge warn">{error}</p>}
      {data && limits.length === 0 && (
        <div className="empty-state small">
          <h2>Nothing to forecast yet</h2>
          <p className="muted">Add an aggregate or allocated block in the Registry, a site with readings in Facility, or a link below.</p>
        </div>
      )}
      {limits.length > 0 && (
        <div className="fc-layout">
          <div className="fc-list">
            <table
              className="grid"
              aria-label="Limits, soonest first"
              tabIndex={0}
              onKeyDown={onKey}
              aria-activedescendant={index >= 0 ? `fc-row-${limits[index]!.id}` : undefined}
            >
              <thead>
                <tr>
                  <th>Runs out</th>
                  <th>Limit</th>
                  <th className="num">Used</th>
                  <th>Likely between</th>
                  <th className="num" title="Probability that it is full within 12 months">
                    ≤ 12 months
                  </th>
                  <th className="fc-col-model">Model</th>
                  <th className="fc-col-runner">Runner-up</th>
                </tr>
              </thead>
              <tbody>
                {limits.map((l) => (
                  <LimitRow key={l.id} l={l} selected={l.id === selected} onSelect={() => setSelected(l.id)} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="fc-detail-pane">{current ? <LimitPanel limit={current} asOf={data!.asOf} /> : <p className="muted">Pick a limit.</p>}</div>
        </div>
      )}
      {data && (
        <LinksSection
          limits={limits}
          onShow={(id) => {
            setSelected(id);
            // The row and its chart: the board scrolls to it, the window to the panel.
            requestAnimationFrame(() => {
              document.getElementById(`fc-row-${id}`)?.scrollIntoView({ block: 'nearest' });
              document.querySelector('.fc-panel')?.scrollIntoView({ block: 'start' });
            });
          }}
        />
      )}
    </section>
  );
}
