/**
 * The selected limit: switch the model, add planned demand, and the chart, all recomputed in
 * the browser with shared/forecast on the history the service returned, so it answers as you type.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { ForecastSeries, LimitForecast } from '../../../shared/contract';
import {
  fitAndProject,
  likelyPhrase,
  orderByDate,
  statusHeadline,
  warningLevelText,
  type ForecastMethod,
  type ForecastResult,
  type Scenario,
} from '../../../shared/forecast';
import { forecastCurve } from '../../../shared/forecast/curve';
import { useContractQuery } from '../../data/query';
import { Field } from '../../components/Field';
import { errorsFrom } from '../../state';
import { MODEL_LABEL, quantity } from './format';
import { LimitChart } from './LimitChart';
import { RunoutStrip } from './RunoutStrip';
import { parseScenario } from './scenario-text';

const METHODS: ForecastMethod[] = ['auto', 'linear', 'drift', 'exponential', 'holt', 'damped', 'quadratic'];

interface Computed {
  result: ForecastResult;
  warning: ForecastResult | null;
  curve: ReturnType<typeof forecastCurve>;
  error: string | null;
}

function compute(series: ForecastSeries, method: ForecastMethod, scenarios: Scenario[], treatOneOffs: boolean): Computed {
  const { limit, history, asOf } = series;
  const empty: ForecastResult = {
    status: limit.status,
    model: null,
    date: limit.date,
    earliest: null,
    latest: null,
    params: {},
    holdoutMae: null,
    warnings: limit.warnings,
    stale: limit.stale,
    runoutByMonth: limit.runoutByMonth,
  };
  if (limit.capacity === null || history.length === 0) return { result: empty, warning: null, curve: forecastCurve(history, empty, { asOf }), error: null };
  const c = limit.capacity > 0 ? limit.capacity : Number.MIN_VALUE;
  // The pool's planned blocks still to come step the projection up first (docs/forecasts.md §13).
  const steps = [...(series.plannedSteps ?? []), ...scenarios];
  const extra = { ...(steps.length > 0 ? { scenarios: steps } : {}), ...(treatOneOffs ? { treatOneOffs } : {}) };
  try {
    let result = fitAndProject(history, { capacity: c, method, asOf, ...extra });
    // The service knows the true first day over capacity from the whole history.
    if (result.status === 'exceeded' && limit.status === 'exceeded') result = { ...result, date: limit.date };
    const warning = result.model ? fitAndProject(history, { capacity: c * limit.warningFrac, method: result.model, asOf, ...extra }) : null;
    return { result, warning, curve: forecastCurve(history, result, { asOf, ...extra }), error: null };
  } catch (e) {
    return {
      result: empty,
      warning: null,
      curve: forecastCurve(history, empty, { asOf }),
      error: errorsFrom(e)._ ?? Object.values(errorsFrom(e))[0] ?? String(e),
    };
  }
}

/** A planned-demand amount in the limit's own unit: a link's is bit/s, so 100 Mbit/s. */
const example = (unit: string): string => (unit === 'bit/s' ? '+100000000' : '+2000');

/** "on 2025-01-15" from the one-off warnings of shared/forecast/project.ts. */
function oneOffDays(warnings: string[]): string {
  const days = warnings
    .filter((w) => w.startsWith('one-off step'))
    .map((w) => / on (\d{4}-\d{2}-\d{2})/.exec(w)?.[1])
    .filter(Boolean);
  return days.length ? `on ${days.join(', ')}` : '';
}

export function LimitPanel({ limit, asOf }: { limit: LimitForecast; asOf: string }) {
  const read = useContractQuery('forecast.series', { limitId: limit.id, asOf });
  const series: ForecastSeries | null = read.data ?? null;
  const loadError = read.error ? (Object.values(errorsFrom(read.error))[0] ?? 'could not load') : null;
  const [method, setMethod] = useState<ForecastMethod>('auto');
  const [scenarios, setScenarios] = useState<{ text: string; scenario: Scenario }[]>([]);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  /** Spec §4: a one-off step is never dropped silently; the planner may choose to fit without it. */
  const [treatOneOffs, setTreatOneOffs] = useState(false);

  // Another limit starts from its own fit, with no scenario (adjusted during render, not after).
  const [shownLimit, setShownLimit] = useState(limit.id);
  if (shownLimit !== limit.id) {
    setShownLimit(limit.id);
    setScenarios([]);
    setMethod('auto');
    setTreatOneOffs(false);
    setDraft('');
    setDraftError(undefined);
  }

  const parsed = draft.trim() === '' ? null : parseScenario(draft, limit.prefixUnit);
  // The chart previews the scenario being typed once it reads as one.
  const draftKey = parsed?.ok ? JSON.stringify(parsed.scenario) : '';
  const active = useMemo(() => {
    const list = scenarios.map((s) => s.scenario);
    return draftKey ? [...list, JSON.parse(draftKey) as Scenario] : list;
  }, [scenarios, draftKey]);

  const computed = useMemo(
    () => (series && series.limit.id === limit.id ? compute(series, method, active, treatOneOffs) : null),
    [series, limit.id, method, active, treatOneOffs],
  );

  const addScenario = (e: FormEvent) => {
    e.preventDefault();
    const p = parseScenario(draft, limit.prefixUnit);
    if (!p.ok) return setDraftError(p.message);
    setScenarios((s) => [...s, { text: p.text, scenario: p.scenario }]);
    setDraft('');
    setDraftError(undefined);
  };

  if (loadError) return <p className="badge warn">{loadError}</p>;
  if (!computed || !series)
    return (
      <p className="muted" aria-busy="true">
        Loading {limit.name}…
      </p>
    );
  const { result, warning, curve } = computed;
  const shown = { ...limit, ...result };
  const runnerUp =
    typeof result.params.runnerUp === 'string'
      ? `${MODEL_LABEL[result.params.runnerUp] ?? result.params.runnerUp}: ${result.params.runnerUpDate ?? result.params.runnerUpStatus}`
      : null;
  // The order-by date follows the model and scenarios shown, by shared/forecast's one formula.
  const orderBy = limit.leadDays === null ? null : orderByDate(result, limit.leadDays);
  const without = scenarios.length > 0 || parsed?.ok ? (result.params.withoutScenarioDate ?? result.params.withoutScenarioStatus) : null;

  return (
    <section className="fc-panel" aria-labelledby="fc-panel-title">
      <header className="fc-panel-head">
        <h2 id="fc-panel-title">
          {limit.name} <span className="muted">{limit.detail}</span>
        </h2>
        <p className={`fc-headline fc-st-${result.status}`} data-testid="fc-headline">
          {statusHeadline(shown)}
          {likelyPhrase(shown) && <span className="muted"> · {likelyPhrase(shown)}</span>}
        </p>
      </header>
      <dl className="fc-facts">
        <div>
          <dt>Now</dt>
          <dd>
            {quantity(limit.current, limit.unit)} of {quantity(limit.capacity, limit.unit)}
          </dd>
        </div>
        <div>
          <dt>Warning {Math.round(limit.warningFrac * 100)} %</dt>
          <dd>{warning ? warningLevelText(warning) : '—'}</dd>
        </div>
        {limit.leadDays !== null && (
          <div>
            <dt>Order by ({limit.leadDays} days ahead)</dt>
            <dd data-testid="fc-orderby">{orderBy ?? '—'}</dd>
          </div>
        )}
        <div>
          <dt>Model</dt>
          <dd>
            {result.model ? MODEL_LABEL[result.model] : '—'}
            {result.holdoutMae !== null && <span className="muted"> · MAE {quantity(result.holdoutMae, limit.unit)}</span>}
          </dd>
        </div>
        <div>
          <dt>Runner-up</dt>
          <dd title={typeof result.params.runnerUpReason === 'string' ? result.params.runnerUpReason : undefined}>{runnerUp ?? '—'}</dd>
        </div>
        {typeof result.params.runnerUpReason === 'string' && (
          <div className="fc-why">
            <dt>Why not the runner-up</dt>
            <dd>{result.params.runnerUpReason}</dd>
          </div>
        )}
        {without !== null && (
          <div>
            <dt>Without the scenarios</dt>
            <dd>{String(without)}</dd>
          </div>
        )}
      </dl>

      <div className="fc-controls">
        <Field label="Model">
          {(a) => (
            <select {...a} value={method} onChange={(e) => setMethod(e.target.value as ForecastMethod)}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {MODEL_LABEL[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <form className="fc-scenario-form" onSubmit={addScenario}>
          <Field
            label="Planned demand"
            error={draftError ?? (parsed && !parsed.ok ? parsed.message : undefined)}
            hint={
              limit.prefixUnit
                ? `e.g. +40 /${limit.prefixUnit.length} a month from 2026-03`
                : `e.g. ${example(limit.unit)} a month from 2026-03 (in ${limit.unit})`
            }
          >
            {(a) => (
              <input
                {...a}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                placeholder={limit.prefixUnit ? `+40 /${limit.prefixUnit.length} a month from 2026-03` : `${example(limit.unit)} a month from 2026-03`}
              />
            )}
          </Field>
          <button type="submit" disabled={!parsed?.ok}>
            Add scenario
          </button>
        </form>
      </div>
      {scenarios.length > 0 && (
        <ul className="fc-scenarios" aria-label="Scenarios">
          {scenarios.map((s, i) => (
            <li key={`${s.text}-${i}`}>
              <span>{s.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove scenario ${s.text}`}
                onClick={() => setScenarios((l) => l.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {(treatOneOffs || result.warnings.some((w) => w.startsWith('one-off step'))) && (
        <label className="checkbox fc-one-off">
          <input type="checkbox" checked={treatOneOffs} onChange={(e) => setTreatOneOffs(e.target.checked)} /> Treat the one-off step{' '}
          {oneOffDays(result.warnings)} as a one-off (fit the trend without it, then add it back)
        </label>
      )}
      {computed.error && <p className="badge warn">{computed.error}</p>}
      <LimitChart
        curve={curve}
        result={result}
        capacity={limit.capacity}
        warningFrac={limit.warningFrac}
        unit={limit.unit}
        asOf={series.asOf}
        title={limit.name}
        orderBy={orderBy}
        capacityLabel={limit.kind === 'link' ? 'Limit' : 'Capacity'}
      />
      <RunoutStrip months={result.runoutByMonth} title={limit.name} />
      {result.warnings.length > 0 && (
        <ul className="fc-warnings">
          {result.warnings.map((w) => (
            <li key={w} className="muted">
              {w}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
