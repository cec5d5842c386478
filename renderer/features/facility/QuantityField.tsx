/** One form field: a label, the typed value, its unit (a select when there is a choice) and its error. */
import { Field } from '../../components/Field';
import type { FieldSpec } from './fields';
import { unitsOf, type UnitKind } from './units';

export interface TableChoice {
  id: number | string;
  label: string;
}

interface Props {
  spec: FieldSpec;
  text: string;
  unit: string;
  error?: string | undefined;
  /** A valid but doubtful value (about 1000× off its neighbours), in plain words. */
  warning?: string | undefined;
  disabled?: boolean;
  tables?: TableChoice[];
  onText(text: string): void;
  onUnit(unit: string): void;
  /** The planner left the field (a unit typed after the number moves into the picker). */
  onSettle?(): void;
}

export function QuantityField({ spec, text, unit, error, warning, disabled, tables, onText, onUnit, onSettle }: Props) {
  if (spec.kind === 'choice' || spec.kind === 'table') {
    const options =
      spec.kind === 'choice'
        ? [...(spec.optional ? [{ id: '', label: '(none)' }] : []), ...spec.choices!.map((c) => ({ id: c, label: c }))]
        : [{ id: '', label: '(none)' }, ...(tables ?? [])];
    return (
      <Field label={spec.label} error={error} hint={spec.hint}>
        {(p) => (
          <select {...p} name={spec.key} value={text} disabled={disabled} onChange={(e) => onText(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  const units = spec.kind === 'text' ? [] : unitsOf(spec.kind as UnitKind);
  const label = units.length === 1 && units[0]!.label ? `${spec.label} (${units[0]!.label})` : spec.label;
  return (
    <Field label={label} error={error} warning={warning} hint={spec.hint ?? (spec.optional && spec.kind !== 'text' ? 'optional' : undefined)}>
      {(p) => (
        <div className={`fac-quantity${units.length > 1 ? ' with-unit' : ''}`}>
          <input
            {...p}
            type="text"
            inputMode={spec.kind === 'text' ? 'text' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            name={spec.key}
            value={text}
            disabled={disabled}
            className={spec.kind === 'text' ? '' : 'num'}
            onChange={(e) => onText(e.target.value)}
            onBlur={onSettle}
          />
          {units.length > 1 && (
            <select aria-label={`${spec.label} unit`} value={unit} disabled={disabled} onChange={(e) => onUnit(e.target.value)} className="fac-unit">
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </Field>
  );
}
