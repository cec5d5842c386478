/**
 * Split an empty block into N equal children in one step (`registry.splitPrefix`): the parts,
 * their status and description, with the blocks it will make shown before anything changes.
 */
import { useState } from 'react';
import { PREFIX_STATUSES, type PrefixRow, type PrefixStatus } from '../../../shared/contract';
import { formatPrefix, ipv4Network, ipv6Network, maxLength, parsePrefix, prefixEnd, type Prefix } from '../../../shared/ip/prefix';
import { Dialog } from '../../components/Dialog';
import { Field, Select, TextInput } from '../../components/Field';
import { useChange } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

/** The parts a block of this length can be split into (up to 256 at a time here). */
function partChoices(row: PrefixRow): number[] {
  const room = maxLength(row.family) - row.length;
  return [2, 4, 8, 16, 32, 64, 128, 256].filter((n) => Math.log2(n) <= room);
}

/** The first and last child of the split, for the preview. */
function ends(prefix: string, parts: number): [string, string] {
  const p = parsePrefix(prefix);
  const bits = Math.log2(parts);
  const length = p.length + bits;
  // The last child ends where the block ends: the network of the block's last address.
  const last = p.family === 4 ? ipv4Network(prefixEnd(p), length) : ipv6Network(prefixEnd(p), length);
  return [formatPrefix({ ...p, length } as Prefix), formatPrefix({ family: p.family, start: last, length } as Prefix)];
}

export function SplitDialog({ row, onClose, onDone }: { row: PrefixRow; onClose(): void; onDone(first: string): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const choices = partChoices(row);
  const [parts, setParts] = useState(choices.includes(4) ? 4 : (choices[0] ?? 2));
  const [status, setStatus] = useState<PrefixStatus>('assigned');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [first, last] = ends(row.prefix, parts);
  const submit = async () => {
    setBusy(true);
    try {
      const made = await change('registry.splitPrefix', { prefix: row.prefix, space: row.space, parts, status, description });
      notify('info', `Split ${row.prefix} into ${made.length} blocks. Ctrl+Z undoes it.`);
      onDone(made[0]!.prefix);
    } catch (e) {
      setErrors(errorsFrom(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Split ${row.prefix}`} onClose={onClose}>
      <form
        aria-label={`Split ${row.prefix}`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="reg-split-grid">
          <Field label="Equal parts" error={errors.parts}>
            {(p) => (
              <Select {...p} name="parts" value={String(parts)} onChange={(e) => setParts(Number(e.target.value))}>
                {choices.map((n) => (
                  <option key={n} value={String(n)}>
                    {n} × /{row.length + Math.log2(n)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Status" error={errors.status}>
            {(p) => (
              <Select {...p} name="status" value={status} onChange={(e) => setStatus(e.target.value as PrefixStatus)}>
                {PREFIX_STATUSES.filter((s) => s !== 'cooldown').map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Description" error={errors.description}>
            {(p) => <TextInput {...p} name="description" value={description} placeholder="for every part" onChange={(e) => setDescription(e.target.value)} />}
          </Field>
        </div>
        <p className="reg-preview" role="status" aria-label="Preview">
          Makes <strong>{parts}</strong> blocks: <span className="mono">{first}</span> … <span className="mono">{last}</span>
        </p>
        {errors._ && (
          <div className="form-error" role="alert">
            {errors._}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Split into {parts}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
