import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field, TextInput } from '../../components/Field';
import { client } from '../../client';
import { useContractQuery } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

export type WorkspaceAction = 'new' | 'open' | 'saveAs';

const TITLES: Record<WorkspaceAction, string> = { new: 'New workspace', open: 'Open workspace', saveAs: 'Save workspace as' };

/** New / open / save-as by path (the desktop app also offers native file dialogs in its menu). */
export function WorkspaceDialog({ action, onClose }: { action: WorkspaceAction; onClose(): void }) {
  const { opened, notify, state } = useWorkspace();
  /** What the planner typed; until then a new file or a copy is proposed beside the open one. */
  const [typed, setPath] = useState<string | null>(null);
  const [demo, setDemo] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const recentRead = useContractQuery('workspace.recent', {}, { enabled: action === 'open' });
  const recent = (action === 'open' && recentRead.data) || [];
  const proposed = action !== 'open' && state ? state.path.replace(/[^/\\]+$/, action === 'new' ? 'new.headroom' : 'copy.headroom') : '';
  const path = typed ?? proposed;

  const submit = async (target = path) => {
    setBusy(true);
    setErrors({});
    try {
      const r =
        action === 'open'
          ? await client.call('workspace.open', { path: target })
          : action === 'new'
            ? await client.call('workspace.create', { path: target, demo })
            : await client.call('workspace.saveAs', { path: target });
      notify(
        'info',
        `${action === 'open' ? 'Opened' : action === 'new' ? 'Created' : 'Saved as'} ${r.name}${r.readOnly ? ` (read-only: ${r.readOnlyReason})` : ''}`,
      );
      await opened();
      onClose();
    } catch (e) {
      setErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  // A full path, as the service requires (a bare name would land wherever Headroom was started).
  const t = path.trim();
  const notFull =
    t !== '' && !/^(\/|~[\\/]|[A-Za-z]:[\\/]|\\\\)/.test(t)
      ? `"${t}" is not a full path; give the folder too, such as /home/me/${t.replace(/^.*[\\/]/, '') || 'isp-plan.headroom'}`
      : undefined;

  return (
    <Dialog title={TITLES[action]} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          label="Workspace file (.headroom)"
          error={errors.path ?? errors._ ?? (action === 'new' ? notFull : undefined)}
          hint="A full path on this computer; a name without an ending gets .headroom."
        >
          {(p) => <TextInput {...p} name="path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/isp-plan.headroom" />}
        </Field>
        {action === 'new' && (
          <label className="checkbox">
            <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} /> Start from the demo ISP data
          </label>
        )}
        {action === 'open' && recent.length > 0 && (
          <div className="recent">
            <div className="muted">Recent</div>
            <ul>
              {recent.map((r) => (
                <li key={r}>
                  <button type="button" className="link" onClick={() => void submit(r)}>
                    {r}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !path.trim() || (action === 'new' && Boolean(notFull))}>
            {action === 'open' ? 'Open' : action === 'new' ? 'Create' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
