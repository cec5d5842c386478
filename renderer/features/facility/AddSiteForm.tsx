/** Adds a site by name (the rest of its fields on the Site tab). */
import { useState } from 'react';
import { useChange } from '../../data/query';
import { errorText, useWorkspace } from '../../state';

export function AddSiteForm({ onAdded, readOnly }: { onAdded(id: number): void; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      const s = await change('facility.addSite', { name, loadPf: 0.95 });
      notify('info', `Added site “${s.name}”. Ctrl+Z undoes it.`);
      setName('');
      onAdded(s.id);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="fac-add-site"
      aria-label="Add a site"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        aria-label="New site name"
        placeholder="New site name"
        value={name}
        disabled={readOnly}
        onChange={(e) => (setName(e.target.value), setError(null))}
      />
      <button type="submit" disabled={readOnly || !name.trim()}>
        Add site
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
