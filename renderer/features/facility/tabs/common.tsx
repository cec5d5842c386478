/**
 * What the Facility screen's tabs share: the live gauges beside a form, the editor's key, a list
 * of facts, the pick list, and the rows picked in each list (kept by the screen, so switching
 * tabs keeps them).
 */
import type { KeyboardEvent } from 'react';
import type { SiteDetail } from '../../../../shared/facility/site-record';
import type { LiveView } from '../ComponentEditor';
import { LimitGauges, type LoadBasis } from '../Gauges';
import { errorLine } from '../../../../shared/errors';

/** The row picked in a list: a row id, 'new' for the add form, or nothing. */
export type Pick = number | 'new' | null;

export interface Picks {
  pick(key: string): Pick;
  setPick(key: string, v: Pick): void;
  /** The row picked in a list of several; nothing picked: the first (a site with one edits it at once). */
  chosen<T extends { id: number }>(key: string, rows: readonly T[]): T | null;
}

/** What every tab with forms gets from the screen. */
export interface TabProps {
  detail: SiteDetail;
  /** The site with the bundled battery tables beside its own (what the forms compute with). */
  liveDetail: SiteDetail;
  readOnly: boolean;
  picks: Picks;
}

/** Live gauges of the limits whose keys start with one of `keys`, from a form's draft. */
export function LiveGauges({ view, keys, basis = 'measured' }: { view: LiveView; keys: string[]; basis?: LoadBasis }) {
  if (!view.valid) return <p className="muted">The limits follow once the marked fields are fixed.</p>;
  if (!view.live.ok)
    return (
      <p className="fac-over" role="status">
        {errorLine(view.live)}
      </p>
    );
  const limits = { ...view.live.limits, limits: view.live.limits.limits.filter((l) => keys.some((k) => l.key.startsWith(k))) };
  return (
    <>
      {limits.limits.length > 0 ? <LimitGauges limits={limits} detail={view.detail} basis={basis} /> : <p className="muted">No limit from this part yet.</p>}
      {view.live.warnings.map((w) => (
        <p key={w} className="badge warn fac-warning">
          {w}
        </p>
      ))}
    </>
  );
}

/**
 * An editor's key: the row it edits, as stored. The editor starts from the stored row and is
 * started again when that row changes (a save, an undo), so it never keeps showing, and then
 * saving back, what the row held before. Keyed on the workspace's change counter instead, it
 * restarted from the row of the previous load, before the new one had arrived (issue 10).
 */
export function editorKey(prefix: string, record: object | number | 'new' | null | undefined): string {
  if (record === null || record === undefined || record === 'new') return `${prefix}-new`;
  if (typeof record === 'number') return `${prefix}-${record}`;
  return `${prefix}-${JSON.stringify(record)}`;
}

export function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="fac-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd data-fact={k}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of rows to pick from with the arrow keys (Enter edits, N adds). */
export function PickList<T extends { id: number }>(props: {
  label: string;
  rows: T[];
  selected: Pick;
  columns: [string, (row: T) => string][];
  onSelect(id: number | 'new'): void;
  readOnly: boolean;
}) {
  const { label, rows, selected, columns, onSelect, readOnly } = props;
  const index = rows.findIndex((r) => r.id === selected);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, (index < 0 ? -1 : index) + (e.key === 'ArrowDown' ? 1 : -1)));
      if (rows[next]) onSelect(rows[next]!.id);
    } else if ((e.key === 'n' || e.key === 'N') && !readOnly) {
      e.preventDefault();
      onSelect('new');
    }
  };
  return (
    <div className="fac-list">
      <table className="grid" aria-label={label} tabIndex={0} onKeyDown={onKey} aria-activedescendant={index >= 0 ? `fac-row-${rows[index]!.id}` : undefined}>
        <thead>
          <tr>
            {columns.map(([h]) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              id={`fac-row-${r.id}`}
              className={r.id === selected ? 'selected' : ''}
              onClick={() => onSelect(r.id)}
              aria-selected={r.id === selected}
            >
              {columns.map(([h, f]) => (
                <td key={h}>{f(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onSelect('new')} disabled={readOnly} title="Add (N in the list)">
        + Add
      </button>
    </div>
  );
}
