/** The fixed hosts of a block: a table with add, edit and remove (each one undoable change). */
import { Fragment, useState, type FormEvent } from 'react';
import { HOST_ROLE_NAMES, type HostRoleName, type HostRow, type PrefixRow } from '../../../shared/contract';
import { useChange } from '../../data/query';
import { Field, TextInput } from '../../components/Field';
import { errorsFrom, errorText } from '../../state';

interface Draft {
  ip: string;
  name: string;
  mac: string;
  role: HostRoleName;
  description: string;
}

/** A DNS name that a narrow column wraps after a dot, between labels, rather than inside one. */
function DnsName({ name }: { name: string }) {
  const labels = name.split('.');
  return labels.map((label, i) => (
    <Fragment key={i}>
      {label}
      {i < labels.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

const blank: Draft = { ip: '', name: '', mac: '', role: 'server', description: '' };
const toDraft = (h: HostRow): Draft => ({ ip: h.ip, name: h.name, mac: h.mac ?? '', role: h.role, description: h.description });

function HostForm({ block, editing, onDone, onCancel }: { block: PrefixRow; editing: HostRow | null; onDone(what: string): Promise<void>; onCancel(): void }) {
  const change = useChange();
  const [d, setD] = useState<Draft>(editing ? toDraft(editing) : blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof Draft, v: string) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const fields = { name: d.name, mac: d.mac, role: d.role, description: d.description, space: block.space };
      let h;
      if (editing) {
        // A change sends only the fields the planner touched: one saved meanwhile elsewhere stays.
        const was = toDraft(editing);
        const touched = Object.fromEntries((['ip', 'name', 'mac', 'role', 'description'] as const).filter((k) => d[k] !== was[k]).map((k) => [k, d[k]]));
        const { ip: newIp, ...rest } = touched;
        h = await change('dhcp.updateHost', { ip: editing.ip, space: block.space, ...(newIp !== undefined ? { newIp } : {}), ...rest });
      } else h = await change('dhcp.addHost', { ip: d.ip, ...fields });
      await onDone(editing ? `Host ${h.name} (${h.ip}) changed` : `Host ${h.name} (${h.ip}) added`);
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };
  return (
    <form className="addr-form host-form" aria-label={editing ? `Edit host ${editing.ip}` : 'Add a host'} onSubmit={(e) => void submit(e)}>
      <div className="addr-grid">
        <Field label="Address" error={errors.ip}>
          {(p) => <TextInput {...p} className="mono" value={d.ip} autoFocus placeholder={block.prefix} onChange={(e) => set('ip', e.target.value)} />}
        </Field>
        <Field label="Role" error={errors.role}>
          {(p) => (
            <select {...p} value={d.role} onChange={(e) => set('role', e.target.value)}>
              {HOST_ROLE_NAMES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={errors.name} hint="fully qualified">
          {(p) => <TextInput {...p} value={d.name} placeholder="printer1.example.net" onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label="MAC" error={errors.mac} hint="for a DHCP reservation">
          {(p) => <TextInput {...p} className="mono" value={d.mac} placeholder="optional" onChange={(e) => set('mac', e.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(p) => <TextInput {...p} value={d.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
      </div>
      {errors._ && (
        <p className="form-error" role="alert">
          {errors._}
        </p>
      )}
      <div className="addr-actions">
        <button type="submit" className="primary">
          {editing ? 'Save host' : 'Add host'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function HostsTable({
  block,
  hosts,
  readOnly,
  onChanged,
}: {
  block: PrefixRow;
  hosts: HostRow[];
  readOnly: boolean;
  onChanged(what: string): Promise<void>;
}) {
  /** null: no form; 'new': the add form; an address: that host's edit form. */
  const change = useChange();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const done = async (what: string) => {
    setOpen(null);
    await onChanged(what);
  };
  const remove = async (h: HostRow) => {
    try {
      await change('dhcp.removeHost', { ip: h.ip, space: block.space });
      setError(undefined);
      await onChanged(`Host ${h.name} (${h.ip}) removed`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div className="hosts">
      {hosts.length === 0 ? (
        <p className="muted addr-lead">No fixed host in this block.</p>
      ) : (
        <table className="hosts-table" aria-label={`Fixed hosts of ${block.prefix}`}>
          <thead>
            <tr>
              <th>Address</th>
              <th>Host</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((h) =>
              open === h.ip ? (
                <tr key={h.ip}>
                  <td colSpan={2}>
                    <HostForm block={block} editing={h} onDone={done} onCancel={() => setOpen(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={h.ip} data-ip={h.ip} data-family={h.family}>
                  <td className="mono">{h.ip}</td>
                  <td>
                    <div className="host-name">
                      <DnsName name={h.name} />
                    </div>
                    <div className="muted host-meta">
                      <span className={`host-role role-${h.role}`}>{h.role}</span>
                      {h.mac && <span className="mono"> · {h.mac}</span>}
                      {h.description && <span> · {h.description}</span>}
                    </div>
                    <div className="host-actions">
                      <button type="button" className="small" disabled={readOnly} onClick={() => setOpen(h.ip)} aria-label={`Edit ${h.name}`}>
                        Edit
                      </button>
                      <button type="button" className="small danger" disabled={readOnly} onClick={() => void remove(h)} aria-label={`Remove ${h.name}`}>
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {open === 'new' ? (
        <HostForm block={block} editing={null} onDone={done} onCancel={() => setOpen(null)} />
      ) : (
        <div className="addr-actions">
          <button type="button" disabled={readOnly} onClick={() => setOpen('new')}>
            Add host…
          </button>
        </div>
      )}
    </div>
  );
}
