import { useState } from 'react';
import { PREFIX_STATUSES, type PrefixStatus } from '../../../shared/contract';
import { validatePrefix } from '../../../shared/ip/prefix';
import { DateInput, dayProblem } from '../../components/DateInput';
import { Field, Select, TextInput } from '../../components/Field';
import { RIRS, RIR_LABEL } from './BlockEditor';
import { useChange } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

/** Adds a block; the CIDR is checked as you type by the same parser the services use. */
export function AddPrefixForm({ space, disabled, onAdded }: { space: string; disabled: boolean; onAdded?(prefix: string): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [prefix, setPrefix] = useState('');
  const [status, setStatus] = useState<PrefixStatus>('assigned');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [rir, setRir] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const checked = prefix.trim() ? validatePrefix(prefix.trim())[1] : null;
  const live = checked;
  const dateProblem = dayProblem(date);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const row = await change('registry.addPrefix', {
        prefix: prefix.trim(),
        status,
        description,
        space,
        ...(date.trim() ? { date: date.trim() } : {}),
        ...(rir ? { rir } : {}),
      });
      notify('info', `Added ${row.prefix} (${row.status}). Ctrl+Z undoes it.`);
      setWarnings(row.warnings ?? []);
      setPrefix('');
      setDescription('');
      setDate('');
      onAdded?.(row.prefix);
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="inline-form"
      aria-label="Add a block"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Block (CIDR)" error={errors.prefix ?? (live && prefix.length > 6 ? live : undefined)}>
        {(p) => (
          <TextInput
            {...p}
            name="prefix"
            className="mono"
            value={prefix}
            placeholder="198.51.100.128/26"
            onChange={(e) => {
              setPrefix(e.target.value);
              // A refusal from the last submit no longer describes what is typed now.
              if (errors.prefix) setErrors(({ prefix: _stale, ...rest }) => rest);
            }}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label="Status" error={errors.status}>
        {(p) => (
          <Select {...p} name="status" value={status} onChange={(e) => setStatus(e.target.value as PrefixStatus)} disabled={disabled}>
            {PREFIX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Description" error={errors.description}>
        {(p) => (
          <TextInput
            {...p}
            name="description"
            value={description}
            placeholder="Customer or purpose"
            onChange={(e) => setDescription(e.target.value)}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label={status === 'planned' ? 'Exists from' : 'Date'} error={errors.date ?? dateProblem ?? undefined}>
        {(p) => <DateInput {...p} name="date" value={date} onChange={(e) => setDate(e.target.value)} disabled={disabled} />}
      </Field>
      <Field label="RIR" error={errors.rir} hint="none: upstream or private space">
        {(p) => (
          <Select {...p} name="rir" value={rir} onChange={(e) => setRir(e.target.value)} disabled={disabled}>
            {RIRS.map((r) => (
              <option key={r} value={r}>
                {RIR_LABEL[r]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="form-submit">
        <button type="submit" className="primary" disabled={disabled || busy || !prefix.trim() || Boolean(dateProblem)}>
          Add block
        </button>
      </div>
      {errors._ && (
        <div className="form-error" role="alert">
          {errors._}
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="field-warning reg-add-warnings" role="status" aria-label="Look at this twice">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
