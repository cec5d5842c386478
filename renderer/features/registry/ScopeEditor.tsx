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
      await (scope ? change('dhcp.updateScope', input) : change('dhcp.addScope', input));
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
  const rangeError = errors.range;
  return (
    <form className="addr-form scope-form" aria-label={`DHCP scope of ${block.prefix}`} onSubmit={(e) => void save(e)}>
      {!scope && <p className="muted addr-lead">No scope: this block hands out no address by DHCP. Declare its dynamic range to give it one.</p>}
      <div className="addr-grid">
        <Field label="Range from" error={rangeError}>
          {(p) => (
            <TextInput
              {...p}
              className="mono"
              value={draft.first}
              placeholder="first address"
              disabled={readOnly}
              onChange={(e) => set('first', e.target.value)}
            />
          )}
        </Field>
        <Field label="to">
          {(p) => (
            <TextInput
              {...p}
              className="mono"
              value={draft.last}
              placeholder="last address"
              disabled={readOnly}
              onChange={(e) => set('last', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Lease (seconds)"
          error={errors.leaseS}
          hint={scope ? `${(scope.leaseS / 3600).toLocaleString('en', { maximumFractionDigits: 2 })} h` : 'one day by default'}
        >
          {(p) => <TextInput {...p} inputMode="numeric" value={draft.leaseS} disabled={readOnly} onChange={(e) => set('leaseS', e.target.value)} />}
        </Field>
        <Field label="Router" error={errors.router}>
          {(p) => (
            <TextInput
              {...p}
              className="mono"
              value={draft.router}
              placeholder="optional"
              disabled={readOnly}
              onChange={(e) => set('router', e.target.value)}
            />
          )}
        </Field>
        <Field label="DNS servers" error={errors.dns} hint="comma-separated">
          {(p) => <TextInput {...p} className="mono" value={draft.dns} disabled={readOnly} onChange={(e) => set('dns', e.target.value)} />}
        </Field>
        <Field label="Domain" error={errors.domain}>
          {(p) => (
            <TextInput {...p} value={draft.domain} placeholder="e.g. office.example.net" disabled={readOnly} onChange={(e) => set('domain', e.target.value)} />
          )}
        </Field>
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
