/**
 * Readings in bulk (issue 14 §9): paste or load a `date,value` CSV for one series (a site's IT
 * load or protected data; any series the contract's `seriesRef` names), see what it holds before
 * anything is written (bad rows as `line N: field: problem` as you type, from the same shared
 * parser the service uses; then the service's dry run: which days are new, which replace a
 * reading), and record it all or nothing as one undoable change.
 */
import { useMemo, useState } from 'react';
import type { ReadingsImportResult, SeriesRef } from '../../../shared/contract';
import { parseReadingsCsv } from '../../../shared/forecast/readings-csv';
import { Dialog } from '../../components/Dialog';
import { client } from '../../client';
import { useChange } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';
import './readings.css';

export interface SeriesChoice {
  ref: SeriesRef;
  /** What the planner calls it: "Measured IT load". */
  label: string;
  /** The unit of the values in the file: "W", "bytes". */
  unit: string;
}

const SHOWN = 200;

export function BulkReadingsDialog({ title, choices, onClose }: { title: string; choices: SeriesChoice[]; onClose(): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [which, setWhich] = useState(0);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<ReadingsImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choice = choices[which]!;
  const parsed = useMemo(() => (text.trim() === '' ? null : parseReadingsCsv(text)), [text]);

  const edit = (t: string) => {
    setText(t);
    setChecked(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = dryRun
        ? await client.call('readings.importSeries', { series: choice.ref, text, dryRun })
        : await change('readings.importSeries', { series: choice.ref, text, dryRun });
      if (dryRun) setChecked(r);
      else {
        notify(
          'info',
          `Recorded ${r.points.length.toLocaleString('en')} ${choice.label.toLowerCase()} reading${r.points.length === 1 ? '' : 's'} (Undo takes them all back)`,
        );
        onClose();
      }
    } catch (e) {
      setError(Object.values(errorsFrom(e))[0] ?? String(e));
    } finally {
      setBusy(false);
    }
  };

  const problems = parsed?.problems ?? [];
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="bulk-readings">
        <div className="bulk-fields">
          {choices.length > 1 && (
            <label className="field">
              <span>Series</span>
              <select aria-label="Series" value={which} onChange={(e) => (setWhich(Number(e.target.value)), setChecked(null))}>
                {choices.map((c, i) => (
                  <option key={c.label} value={i}>
                    {c.label} ({c.unit})
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>Load a file</span>
            <input type="file" accept=".csv,text/csv,text/plain" aria-label="Readings file" onChange={(e) => void e.target.files?.[0]?.text().then(edit)} />
          </label>
        </div>
        <label className="field">
          <span>
            Readings: <span className="mono">date,value</span>, one per line, values in {choice.unit}
          </span>
          <textarea
            className="mono bulk-text"
            aria-label="Readings"
            rows={8}
            value={text}
            placeholder={'date,value\n2026-01-01,12500\n2026-02-01,12900'}
            onChange={(e) => edit(e.target.value)}
            spellCheck={false}
          />
        </label>
        {problems.length > 0 && (
          <div className="bulk-problems" role="alert" aria-label="Bad rows">
            <p>
              {problems.length} bad row{problems.length === 1 ? '' : 's'}: nothing will be recorded until {problems.length === 1 ? 'it is' : 'they are'} fixed.
            </p>
            <ul className="mono">
              {problems.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {checked && (
          <div className="bulk-preview" aria-label="What will be recorded">
            <p>
              <strong>{checked.added.toLocaleString('en')}</strong> new day{checked.added === 1 ? '' : 's'}
              {checked.replaced > 0 ? (
                <>
                  , <strong>{checked.replaced.toLocaleString('en')}</strong> replacing the day’s reading
                </>
              ) : null}
              , from {checked.points[0]!.date} to {checked.points[checked.points.length - 1]!.date}.
            </p>
            <div className="bulk-table-wrap">
              <table className="bulk-table">
                <thead>
                  <tr>
                    <th>Date</th>
                    <th className="num">Value ({choice.unit})</th>
                    <th className="num">Replaces</th>
                  </tr>
                </thead>
                <tbody>
                  {checked.points.slice(0, SHOWN).map((p) => (
                    <tr key={p.date} className={p.before !== null ? 'bulk-replaces' : ''}>
                      <td className="mono">{p.date}</td>
                      <td className="num">{p.value.toLocaleString('en')}</td>
                      <td className="num">{p.before === null ? '—' : p.before.toLocaleString('en')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {checked.points.length > SHOWN && <p className="muted">… and {(checked.points.length - SHOWN).toLocaleString('en')} more.</p>}
            </div>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {checked ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(false)}>
              Record {checked.points.length.toLocaleString('en')} reading{checked.points.length === 1 ? '' : 's'}
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy || !parsed || problems.length > 0} onClick={() => void run(true)}>
              Preview
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** The button that opens the dialog: one line wherever a series lives. */
export function BulkReadingsButton({ title, choices, disabled }: { title: string; choices: SeriesChoice[]; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="bulk-open" onClick={() => setOpen(true)} disabled={disabled}>
        Readings in bulk…
      </button>
      {open && <BulkReadingsDialog title={title} choices={choices} onClose={() => setOpen(false)} />}
    </>
  );
}
