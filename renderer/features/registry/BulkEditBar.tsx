/**
 * Bulk edit of the ticked rows (Space or the row's checkbox ticks one): one status and/or one
 * description for all of them, all or nothing, as one undoable change (`registry.setPrefixes`).
 */
import { useState } from 'react';
import { PREFIX_STATUSES, type PrefixRow, type PrefixStatus } from '../../../shared/contract';
import { useChange } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

export function BulkEditBar({ rows, onClear }: { rows: PrefixRow[]; onClear(): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [status, setStatus] = useState<PrefixStatus | ''>('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const items = rows.map((r) => ({ prefix: r.prefix, space: r.space, ...(status ? { status } : {}), ...(touched ? { description } : {}) }));
      const r = await change('registry.setPrefixes', { items });
      notify('info', `Changed ${r.changed} block${r.changed === 1 ? '' : 's'}. Ctrl+Z undoes it.`);
      onClear();
    } catch (e) {
      const errs = errorsFrom(e);
      setError(Object.values(errs)[0] ?? 'not changed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="reg-bulk"
      aria-label="Bulk edit"
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      <strong>
        {rows.length} block{rows.length === 1 ? '' : 's'} selected
      </strong>
      <label>
        Status{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as PrefixStatus | '')}>
          <option value="">keep each one's</option>
          {PREFIX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Description{' '}
        <input
          type="text"
          value={description}
          placeholder="keep each one's"
          onChange={(e) => {
            setDescription(e.target.value);
            setTouched(true);
          }}
        />
      </label>
      <button type="submit" className="primary" disabled={busy || (!status && !touched)}>
        Apply to {rows.length}
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
