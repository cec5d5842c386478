/** Create an address space (a VRF) from the Registry (`registry.addSpace`); the new space is then shown. */
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field, TextInput } from '../../components/Field';
import { useChange } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

export function NewSpaceDialog({ onClose, onDone }: { onClose(): void; onDone(name: string): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    try {
      await change('registry.addSpace', { name: name.trim(), description });
      notify('info', `Added address space ${name.trim()}. Ctrl+Z undoes it.`);
      onDone(name.trim());
    } catch (e) {
      setErrors(errorsFrom(e));
    }
  };
  return (
    <Dialog title="New address space" onClose={onClose}>
      <form
        aria-label="New address space"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted">
          An address space (a VRF) holds its own blocks: private space planned per customer or service overlaps nothing in the global space.
        </p>
        <Field label="Name" error={errors.name} hint="e.g. vrf-customers">
          {(p) => <TextInput {...p} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(p) => <TextInput {...p} name="description" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        {errors._ && (
          <div className="form-error" role="alert">
            {errors._}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
