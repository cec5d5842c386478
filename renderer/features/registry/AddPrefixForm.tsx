import { useState } from 'react';
import { PREFIX_STATUSES, type PrefixStatus } from '../../../shared/contract';
import { validatePrefix } from '../../../shared/ip/prefix';
import { DateInput, dayProblem } from '../../components/DateInput';
import { Field, Select } from '../../components/Field';
import { SubmitForm, TextField, useFormState } from '../../components/SubmitForm';
import { RIRS, RIR_LABEL } from './BlockEditor';
import { useChange } from '../../data/query';
import { useWorkspace } from '../../state';

/** Adds a block; the CIDR is checked as you type by the same parser the services use. */
export function AddPrefixForm({ space, disabled, onAdded }: { space: string; disabled: boolean; onAdded?(prefix: string): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const form = useFormState();
  const [prefix, setPrefix] = useState('');
  const [status, setStatus] = useState<PrefixStatus>('assigned');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [rir, setRir] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const checked = prefix.trim() ? validatePrefix(prefix.trim())[1] : null;
  const live = checked;
  const dateProblem = dayProblem(date);

  const submit = async () => {
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
  };

  return (
    <SubmitForm
      form={form}
      label="Add a block"
      className="inline-form"
      submit="Add block"
      disabled={disabled}
      ready={Boolean(prefix.trim()) && !dateProblem}
      onSubmit={submit}
      footer={
        warnings.length > 0 && (
          <ul className="field-warning reg-add-warnings" role="status" aria-label="Look at this twice">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )
      }
    >
      <TextField
        form={form}
        name="prefix"
        label="Block (CIDR)"
        mono
        value={prefix}
        placeholder="198.51.100.128/26"
        onChange={setPrefix}
        live={live && prefix.length > 6 ? live : null}
        disabled={disabled}
      />
      <Field label="Status" error={form.errors.status}>
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
      <TextField
        form={form}
        name="description"
        label="Description"
        value={description}
        placeholder="Customer or purpose"
        onChange={setDescription}
        disabled={disabled}
      />
      <Field label={status === 'planned' ? 'Exists from' : 'Date'} error={form.errors.date ?? dateProblem ?? undefined}>
        {(p) => <DateInput {...p} name="date" value={date} onChange={(e) => setDate(e.target.value)} disabled={disabled} />}
      </Field>
      <Field label="RIR" error={form.errors.rir} hint="none: upstream or private space">
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
    </SubmitForm>
  );
}
