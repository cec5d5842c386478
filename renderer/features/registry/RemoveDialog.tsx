/**
 * Confirms removing a block. A block that holds blocks is removed with all of them, after the
 * dialog has said how many (one undoable change, `registry.removePrefixTree`).
 */
import { useState } from 'react';
import type { PrefixRow } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { Field, TextInput } from '../../components/Field';
import { useChange, useContractQuery } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

export function RemoveDialog({ row, onClose, onDone }: { row: PrefixRow; onClose(): void; onDone(): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [failed, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const counted = useContractQuery(
    'registry.listPrefixes',
    { within: row.prefix, space: row.space, limit: 1 },
    { enabled: row.usage.children !== 0, placeholderData: undefined },
  );
  /** Blocks inside it (at every depth), once counted. */
  const inside = row.usage.children === 0 ? 0 : counted.data ? counted.data.total - 1 : null;
  const errors = counted.error ? { ...errorsFrom(counted.error), ...failed } : failed;
  const submit = async () => {
    setBusy(true);
    try {
      if (inside) {
        const r = await change('registry.removePrefixTree', { prefix: row.prefix, space: row.space });
        notify(
          'info',
          `Removed ${row.prefix} and the ${(r.removed - 1).toLocaleString('en')} block${r.removed === 2 ? '' : 's'} inside it. Ctrl+Z brings them back.`,
        );
      } else {
        await change('registry.removePrefix', { prefix: row.prefix, space: row.space });
        notify('info', `Removed ${row.prefix}. Ctrl+Z undoes it.`);
      }
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
          {row.description ? `, ${row.description}` : ''}) from space {row.space}
          {inside ? (
            <>
              {' '}
              <strong>
                with the {inside.toLocaleString('en')} block{inside === 1 ? '' : 's'} inside it
              </strong>
            </>
          ) : null}
          ? Ctrl+Z brings {inside ? 'them' : 'it'} back.
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
          <button type="submit" className="primary danger" disabled={busy || inside === null || Boolean(errors.prefix)}>
            {inside ? `Remove ${(inside + 1).toLocaleString('en')} blocks` : 'Remove'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
