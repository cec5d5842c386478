/** The DHCP scope of an assigned IPv4 block: declare, change or remove it; refusals at their field. */
import { useState, type FormEvent } from 'react';
import type { PrefixRow, ScopeRow } from '../../../shared/contract';
import { DEFAULT_LEASE_S } from '../../../shared/dhcp/scope';
import { useChange } from '../../data/query';
import { Field, TextInput } from '../../components/Field';
import { errorsFrom } from '../../state';

interface Draft {
  first: string;
  last: string;
  leaseS: string;
  router: string;
  dns: string;
  domain: string;
}

const toDraft = (s: ScopeRow | null): Draft =>
  s
    ? { first: s.first, last: s.last, leaseS: String(s.leaseS), router: s.router ?? '', dns: s.dns.join(', '), domain: s.domain ?? '' }
    : { first: '', last: '', leaseS: String(DEFAULT_LEASE_S), router: '', dns: '', domain: '' };

/** One text field of the scope form: a labelled input with its error (or hint) below it. */
function ScopeField({
  label,
  value,
  error,
  hint,
  placeholder,
  mono = false,
  numeric = false,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  mono?: boolean;
  numeric?: boolean;
  disabled: boolean;
  onChange(value: string): void;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <TextInput
          {...p}
          className={mono ? 'mono' : undefined}
          inputMode={numeric ? 'numeric' : undefined}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function ScopeEditor({
  block,
  scope,
  readOnly,
  onChanged,
}: {
  block: PrefixRow;
  scope: ScopeRow | null;
  readOnly: boolean;
  onChanged(what: string): Promise<void>;
}) {
  const change = useChange();
  const [draft, setDraft] = useState<Draft>(() => toDraft(scope));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A new stored scope resets the form during render (React's "adjusting state when a prop changes").
  const [shown, setShown] = useState(scope);
  if (shown !== scope) {
    setShown(scope);
    setDraft(toDraft(scope));
    setErrors({});
  }
  const set = (k: keyof Draft, v: string) => setDraft({ ...draft, [k]: v });
  /** What every field of the form takes from the draft: its value, its change, read-only with the workspace. */
  const field = (k: keyof Draft) => ({ value: draft[k], disabled: readOnly, onChange: (v: string) => set(k, v) });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const lease = draft.leaseS.trim() === '' ? undefined : Number(draft.leaseS);
    if (lease !== undefined && !Number.isFinite(lease)) return setErrors({ leaseS: `"${draft.leaseS}" is not a number of seconds` });
    try {
      const input = {
        prefix: block.prefix,
        space: block.space,
        range: `${draft.first.trim()}-${draft.last.trim()}`,
        leaseS: lease,
        router: draft.router,
        dns: draft.dns
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
        domain: draft.domain,
      };
      if (scope) {
        // A change sends only the fields the planner touched: one saved meanwhile elsewhere stays.
        const was = toDraft(scope);
        const touched = (...keys: (keyof Draft)[]) => keys.some((k) => draft[k] !== was[k]);
        await change('dhcp.updateScope', {
          prefix: input.prefix,
          space: input.space,
          ...(touched('first', 'last') ? { range: input.range } : {}),
          ...(touched('leaseS') ? { leaseS: lease ?? DEFAULT_LEASE_S } : {}),
          ...(touched('router') ? { router: input.router } : {}),
          ...(touched('dns') ? { dns: input.dns } : {}),
          ...(touched('domain') ? { domain: input.domain } : {}),
        });
      } else await change('dhcp.addScope', input);
      setErrors({});
      await onChanged(scope ? `DHCP scope of ${block.prefix} changed` : `DHCP scope of ${block.prefix} declared`);
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };
  const remove = async () => {
    try {
      await change('dhcp.removeScope', { prefix: block.prefix, space: block.space });
      await onChanged(`DHCP scope of ${block.prefix} removed`);
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };
  return (
    <form className="addr-form scope-form" aria-label={`DHCP scope of ${block.prefix}`} onSubmit={(e) => void save(e)}>
      {!scope && <p className="muted addr-lead">No scope: this block hands out no address by DHCP. Declare its dynamic range to give it one.</p>}
      <div className="addr-grid">
        <ScopeField label="Range from" mono error={errors.range} placeholder="first address" {...field('first')} />
        <ScopeField label="to" mono placeholder="last address" {...field('last')} />
        <ScopeField
          label="Lease (seconds)"
          numeric
          error={errors.leaseS}
          hint={scope ? `${(scope.leaseS / 3600).toLocaleString('en', { maximumFractionDigits: 2 })} h` : 'one day by default'}
          {...field('leaseS')}
        />
        <ScopeField label="Router" mono error={errors.router} placeholder="optional" {...field('router')} />
        <ScopeField label="DNS servers" mono error={errors.dns} hint="comma-separated" {...field('dns')} />
        <ScopeField label="Domain" error={errors.domain} placeholder="e.g. office.example.net" {...field('domain')} />
      </div>
      {(errors.prefix || errors._) && (
        <p className="form-error" role="alert">
          {errors.prefix ?? errors._}
        </p>
      )}
      {scope && (
        <p className="muted addr-lead">
          {scope.size} addresses{scope.leased !== null ? ` · ${scope.leased} leased on ${scope.leasedAt}` : ' · no lease reading yet'}
        </p>
      )}
      <div className="addr-actions">
        <button type="submit" className="primary" disabled={readOnly}>
          {scope ? 'Save scope' : 'Declare scope'}
        </button>
        {scope && (
          <button type="button" className="danger" disabled={readOnly} onClick={() => void remove()}>
            Remove scope
          </button>
        )}
      </div>
    </form>
  );
}
