/** Confirms removing a block; a refusal (it still holds blocks) shows at the Block field and nothing changes. */
import { useState } from 'react';
import type { PrefixRow } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { Field, TextInput } from '../../components/Field';
import { client } from '../../client';
import { errorsFrom, useWorkspace } from '../../state';

export function RemoveDialog({ row, onClose, onDone }: { row: PrefixRow; onClose(): void; onDone(): void }) {
  const { refresh, notify } = useWorkspace();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await client.call('registry.removePrefix', { prefix: row.prefix, space: row.space });
      notify('info', `Removed ${row.prefix}. Ctrl+Z undoes it.`);
      await refresh();
      onDone();
    } catch (e) {
      setErrors(errorsFrom(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Remove block" onClose={onClose}>
      <form
        aria-label="Remove block"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          Remove <span className="mono">{row.prefix}</span> ({row.status}
          {row.description ? `, ${row.description}` : ''}) from space {row.space}? Ctrl+Z brings it back.
        </p>
        <Field label="Block" error={errors.prefix}>
          {(p) => <TextInput {...p} name="prefix" className="mono" value={row.prefix} readOnly />}
        </Field>
        {(errors._ ?? errors.space) && (
          <div className="form-error" role="alert">
            {errors._ ?? errors.space}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary danger" disabled={busy || Boolean(errors.prefix)}>
            Remove
          </button>
        </div>
      </form>
    </Dialog>
  );
}
