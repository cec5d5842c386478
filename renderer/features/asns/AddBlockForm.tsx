/**
 * Adds an ASN block: a name, its first and last AS number (inclusive, asplain or asdot), what it
 * is and the day it was obtained. The bounds are read as you type by the parser the service
 * uses; a bound that cannot be read or a last below the first is refused here with the
 * service's words, and what only the workspace knows (an overlap, a name taken) comes back from
 * it and shows at its field.
 */
import { DateInput } from '../../components/DateInput';
import { useState } from 'react';
import { formatAsdot, validateAsn } from '../../../shared/asn/asn';
import type { AsnRangeRow } from '../../../shared/contract';
import { useChange } from '../../data/query';
import { Field, TextInput } from '../../components/Field';
import { errorsFrom, useWorkspace } from '../../state';
import { overlapping, rangeText } from './blocks';

type Bound = 'first' | 'last';

/** The service's refusal for a last bound below the first (electron/core/services/asn-ranges.ts). */
const belowFirst = (first: number, last: number) => `AS${last} is below the first ASN of the block (AS${first})`;

/** What a typed bound reads as: the number and its asdot, or the problem (quietly, as a hint). */
function BoundPreview({ text, field, extra }: { text: string; field: Bound; extra?: { problem?: string; note?: string } | undefined }) {
  if (text.trim() === '') return <>{field === 'first' ? 'asplain 64512 or asdot 0.64512' : 'inclusive'}</>;
  const [asn, problem] = validateAsn(text, field);
  if (asn === null || extra?.problem) {
    return (
      <span data-testid={`block-${field}-preview`} data-valid="false">
        {asn === null ? problem! : extra!.problem}
      </span>
    );
  }
  return (
    <span className="asn-preview" data-testid={`block-${field}-preview`} data-valid="true">
      <span>
        <span className="mono">AS{asn}</span> · asdot <span className="mono">{formatAsdot(asn)}</span>
        {extra?.note ? ` · ${extra.note}` : ''}
      </span>
    </span>
  );
}

export function AddBlockForm({ blocks, disabled, onAdded }: { blocks: AsnRangeRow[]; disabled: boolean; onAdded(row: AsnRangeRow): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [name, setName] = useState('');
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const [firstAsn] = validateAsn(first, 'first');
  const [lastAsn] = validateAsn(last, 'last');
  const both = firstAsn !== null && lastAsn !== null;
  const inverted = both && lastAsn < firstAsn;
  const clash = both && !inverted ? overlapping(firstAsn, lastAsn, blocks) : null;

  /** A field's refusal from the last submit no longer describes what is typed now. */
  const edited = (field: string, set: (v: string) => void) => (value: string) => {
    set(value);
    if (errors[field] || errors._) setErrors(({ [field]: _stale, _: _whole, ...rest }) => rest);
  };

  const submit = async () => {
    const [f, fp] = validateAsn(first, 'first');
    const [l, lp] = validateAsn(last, 'last');
    const found: Record<string, string> = {};
    if (fp) found.first = fp;
    if (lp) found.last = lp;
    if (f !== null && l !== null && l < f) found.last = belowFirst(f, l);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const row = await change('registry.addAsnRange', {
        name: name.trim(),
        first: first.trim(),
        last: last.trim(),
        description: description.trim(),
        ...(date ? { date } : {}),
      });
      notify('info', `Added the block ${row.name} (${rangeText(row.first, row.last)}, ${row.size} ASN${row.size === 1 ? '' : 's'}). Ctrl+Z undoes it.`);
      setName('');
      setFirst('');
      setLast('');
      setDescription('');
      setDate('');
      onAdded(row);
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  const size = both && !inverted ? lastAsn - firstAsn + 1 : null;
  return (
    <form
      className="asn-form asn-block-form"
      aria-label="Add an ASN block"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Block name" error={errors.name}>
        {(p) => (
          <TextInput {...p} name="name" value={name} placeholder="RIPE-2025" onChange={(e) => edited('name', setName)(e.target.value)} disabled={disabled} />
        )}
      </Field>
      <Field
        label="First ASN"
        error={errors.first}
        hint={
          <BoundPreview
            text={first}
            field="first"
            extra={clash ? { problem: `overlaps the block ${clash.name} (${rangeText(clash.first, clash.last)})` } : undefined}
          />
        }
      >
        {(p) => (
          <TextInput
            {...p}
            name="first"
            className="mono"
            value={first}
            placeholder="64512"
            onChange={(e) => edited('first', setFirst)(e.target.value)}
            disabled={disabled}
          />
        )}
      </Field>
      <Field
        label="Last ASN"
        error={errors.last}
        hint={
          <BoundPreview
            text={last}
            field="last"
            extra={inverted ? { problem: belowFirst(firstAsn, lastAsn) } : size !== null ? { note: `${size} ASN${size === 1 ? '' : 's'}` } : undefined}
          />
        }
      >
        {(p) => (
          <TextInput
            {...p}
            name="last"
            className="mono"
            value={last}
            placeholder="64767"
            onChange={(e) => edited('last', setLast)(e.target.value)}
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
            placeholder="From our RIR, for BGP customers…"
            onChange={(e) => edited('description', setDescription)(e.target.value)}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label="Obtained" error={errors.date} hint="empty: today">
        {(p) => <DateInput {...p} name="date" value={date} onChange={(e) => edited('date', setDate)(e.target.value)} disabled={disabled} />}
      </Field>
      <div className="form-submit">
        <button type="submit" className="primary" disabled={disabled || busy || !name.trim() || !first.trim() || !last.trim()}>
          Add block
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
