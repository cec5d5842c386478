/**
 * Adds an AS number. What is typed is read as you type by the same parser the service uses
 * (asplain, asdot or AS64500), and the hint shows it in asplain and asdot with its size and
 * flag; a refusal (malformed, out of range, already recorded) shows at the field.
 */
import { DateInput } from '../../components/DateInput';
import { useState } from 'react';
import { formatAsdot, isAsn16, validateAsn } from '../../../shared/asn/asn';
import { classifyAsn } from '../../../shared/asn/special';
import type { AsnRow } from '../../../shared/contract';
import { useChange } from '../../data/query';
import { Field } from '../../components/Field';
import { SubmitForm, TextField, useFormState } from '../../components/SubmitForm';
import { useWorkspace } from '../../state';
import { FlagChip } from './FlagChip';

/** What the typed text reads as, for the hint under the field. */
function AsnPreview({ text }: { text: string }) {
  if (text.trim() === '') return <>asplain 65546, asdot 1.10 or AS65546</>;
  const [asn, problem] = validateAsn(text, 'asn');
  if (asn === null)
    return (
      <span data-testid="asn-preview" data-valid="false">
        {problem}
      </span>
    );
  const special = classifyAsn(asn);
  return (
    <span className="asn-preview" data-testid="asn-preview" data-valid="true">
      <span>
        <span className="mono">AS{asn}</span> · asdot <span className="mono">{formatAsdot(asn)}</span> · {isAsn16(asn) ? '16-bit' : '32-bit'}
      </span>
      {special && <FlagChip flag={{ kind: special.kind, purpose: special.purpose, rfc: special.rfc, legalInternally: special.legalInternally }} detail />}
    </span>
  );
}

export function AddAsnForm({ disabled, onAdded }: { disabled: boolean; onAdded(row: AsnRow): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const form = useFormState();
  const [asn, setAsn] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');

  const submit = async () => {
    // The same parser as the service: a malformed or out-of-range number is refused here,
    // with the service's own words, without a round trip.
    const [, problem] = validateAsn(asn, 'asn');
    if (problem) return form.refuse({ asn: problem });
    const row = await change('registry.addAsn', { asn: asn.trim(), description: description.trim(), ...(date ? { date } : {}) });
    notify('info', `Added AS${row.asn}${row.asn16 ? '' : ` (asdot ${row.asdot})`}. Ctrl+Z undoes it.`);
    setAsn('');
    setDescription('');
    setDate('');
    onAdded(row);
  };

  return (
    <SubmitForm form={form} label="Add an AS number" className="asn-form" submit="Add ASN" disabled={disabled} ready={Boolean(asn.trim())} onSubmit={submit}>
      <TextField
        form={form}
        name="asn"
        label="AS number"
        mono
        value={asn}
        placeholder="64500 or 1.10"
        onChange={setAsn}
        hint={<AsnPreview text={asn} />}
        disabled={disabled}
      />
      <TextField
        form={form}
        name="description"
        label="Description"
        value={description}
        placeholder="Our AS, an upstream, a peer…"
        onChange={setDescription}
        disabled={disabled}
      />
      <Field label="In use since" error={form.errors.date} hint="empty: today">
        {(p) => (
          <DateInput
            {...p}
            name="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              form.forget('date');
            }}
            disabled={disabled}
          />
        )}
      </Field>
    </SubmitForm>
  );
}
