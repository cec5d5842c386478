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
import { Field, TextInput } from '../../components/Field';
import { errorsFrom, useWorkspace } from '../../state';
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
  const [asn, setAsn] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    // The same parser as the service: a malformed or out-of-range number is refused here,
    // with the service's own words, without a round trip.
    const [, problem] = validateAsn(asn, 'asn');
    if (problem) {
      setErrors({ asn: problem });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const row = await change('registry.addAsn', { asn: asn.trim(), description: description.trim(), ...(date ? { date } : {}) });
      notify('info', `Added AS${row.asn}${row.asn16 ? '' : ` (asdot ${row.asdot})`}. Ctrl+Z undoes it.`);
      setAsn('');
      setDescription('');
      setDate('');
      onAdded(row);
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="asn-form"
      aria-label="Add an AS number"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="AS number" error={errors.asn} hint={<AsnPreview text={asn} />}>
        {(p) => (
          <TextInput
            {...p}
            name="asn"
            className="mono"
            value={asn}
            placeholder="64500 or 1.10"
            onChange={(e) => {
              setAsn(e.target.value);
              // A refusal from the last submit no longer describes what is typed now.
              if (errors.asn) setErrors(({ asn: _stale, ...rest }) => rest);
            }}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label="Description" error={errors.description}>
        {(p) => (
          <TextInput
            {...p}
            name="description"
            value={description}
            placeholder="Our AS, an upstream, a peer…"
            onChange={(e) => {
              setDescription(e.target.value);
              if (errors.description) setErrors(({ description: _stale, ...rest }) => rest);
            }}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label="In use since" error={errors.date} hint="empty: today">
        {(p) => (
          <DateInput
            {...p}
            name="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              if (errors.date) setErrors(({ date: _stale, ...rest }) => rest);
            }}
            disabled={disabled}
          />
        )}
      </Field>
      <div className="form-submit">
        <button type="submit" className="primary" disabled={disabled || busy || !asn.trim()}>
          Add ASN
        </button>
      </div>
      {errors._ && (
        <div className="form-error" role="alert">
          {errors._}
        </div>
      )}
    </form>
  );
}
