/**
 * Edit a block in place (docs/registry.md §2): status, description, date, RIR and, for IPv6, the
 * assignment unit. Only the fields the planner changed are sent (`registry.setPrefix`), so a
 * field nobody touched is never written; one save is one undoable change. Release puts an
 * assignment in cooldown.
 */
import { useState } from 'react';
import { PREFIX_STATUSES, type EditedPrefix, type InputOf, type PrefixRow, type PrefixStatus } from '../../../shared/contract';
import { DateInput, dayProblem } from '../../components/DateInput';
import { Field, Select, TextInput } from '../../components/Field';
import { useChange } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

/** The RIRs a block can come from ('' : upstream or private space), as the delegated files name them. */
export const RIRS = ['', 'afrinic', 'apnic', 'arin', 'lacnic', 'ripencc'] as const;
export const RIR_LABEL: Record<string, string> = { '': 'none', afrinic: 'AFRINIC', apnic: 'APNIC', arin: 'ARIN', lacnic: 'LACNIC', ripencc: 'RIPE NCC' };

interface Draft {
  status: PrefixStatus;
  description: string;
  date: string;
  rir: string;
  unit: string;
}

function draftOf(b: PrefixRow): Draft {
  return { status: b.status, description: b.description, date: b.date ?? '', rir: b.rir ?? '', unit: b.unit === null ? '' : String(b.unit) };
}

export function BlockEditor({ block, readOnly }: { block: PrefixRow; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [draft, setDraft] = useState<Draft>(() => draftOf(block));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Another block, or this one changed elsewhere (undo): the form shows what is stored.
  const key = `${block.id}|${block.status}|${block.description}|${block.date}|${block.rir}|${block.unit}`;
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setDraft(draftOf(block));
    setErrors({});
  }

  const stored = draftOf(block);
  const changed = (Object.keys(draft) as (keyof Draft)[]).filter((k) => draft[k] !== stored[k]);
  const dateProblem = dayProblem(draft.date);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    if (errors[k]) setErrors(({ [k]: _stale, ...rest }) => rest);
  };

  const save = async () => {
    if (changed.length === 0 || dateProblem) return;
    setBusy(true);
    setErrors({});
    const input: InputOf<'registry.setPrefix'> = { prefix: block.prefix, space: block.space };
    if (changed.includes('status')) input.status = draft.status;
    if (changed.includes('description')) input.description = draft.description;
    if (changed.includes('date')) input.date = draft.date.trim();
    if (changed.includes('rir')) input.rir = draft.rir || null;
    if (changed.includes('unit')) input.unit = draft.unit === '' ? null : Number(draft.unit);
    try {
      const row: EditedPrefix = await change('registry.setPrefix', input);
      setWarnings(row.warnings ?? []);
      notify('info', `Changed ${row.prefix}. Ctrl+Z undoes it.`);
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  const release = async () => {
    setBusy(true);
    try {
      const row = await change('registry.releasePrefix', { prefix: block.prefix, space: block.space });
      notify('info', `Released ${row.prefix}: in cooldown until ${row.date}. Ctrl+Z undoes it.`);
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="reg-edit"
      aria-label={`Edit ${block.prefix}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label="Status" error={errors.status}>
        {(p) => (
          <Select {...p} name="status" value={draft.status} disabled={readOnly} onChange={(e) => set('status', e.target.value as PrefixStatus)}>
            {PREFIX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label={draft.status === 'cooldown' ? 'Free again on' : draft.status === 'planned' ? 'Exists from' : 'Date'}
        error={errors.date ?? dateProblem ?? undefined}
      >
        {(p) => <DateInput {...p} name="date" value={draft.date} disabled={readOnly} onChange={(e) => set('date', e.target.value)} />}
      </Field>
      <Field label="Description" error={errors.description}>
        {(p) => <TextInput {...p} name="description" value={draft.description} disabled={readOnly} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <Field label="RIR" error={errors.rir} hint="none: upstream or private space">
        {(p) => (
          <Select {...p} name="rir" value={draft.rir} disabled={readOnly} onChange={(e) => set('rir', e.target.value)}>
            {[...new Set([...RIRS, draft.rir])].map((r) => (
              <option key={r} value={r}>
                {RIR_LABEL[r] ?? r}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {block.family === 6 && (
        <Field label="Assignment unit" error={errors.unit}>
          {(p) => (
            <Select {...p} name="unit" value={draft.unit} disabled={readOnly} onChange={(e) => set('unit', e.target.value)}>
              <option value="">from the pool around it</option>
              {[48, 56, 64]
                .filter((u) => u >= block.length)
                .map((u) => (
                  <option key={u} value={String(u)}>
                    /{u}
                  </option>
                ))}
            </Select>
          )}
        </Field>
      )}
      <div className="reg-edit-actions">
        <button type="submit" className="primary" disabled={readOnly || busy || changed.length === 0 || Boolean(dateProblem)}>
          Save changes
        </button>
        <button type="button" disabled={readOnly || busy || changed.length === 0} onClick={() => setDraft(stored)}>
          Discard
        </button>
        {(block.status === 'assigned' || block.status === 'allocated' || block.status === 'reserved') && (
          <button
            type="button"
            disabled={readOnly || busy}
            onClick={() => void release()}
            title="End this assignment: cooldown for 180 days, then its space is free again"
          >
            Release
          </button>
        )}
      </div>
      {errors._ && (
        <div className="form-error" role="alert">
          {errors._}
        </div>
      )}
      {errors.prefix && (
        <div className="form-error" role="alert">
          {errors.prefix}
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="field-warning reg-edit-warnings" role="status">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
