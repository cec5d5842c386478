import type { HistoryEntry } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useContractQuery } from '../../data/query';

/** The audit log of the workspace, newest first. */
export function HistoryDialog({ onClose }: { onClose(): void }) {
  const history = useContractQuery('workspace.history', { limit: 200 });
  const entries: HistoryEntry[] | null = history.isError ? [] : (history.data ?? null);
  return (
    <Dialog title="History" onClose={onClose}>
      <div className="history-list" tabIndex={0}>
        {entries === null ? (
          <p className="muted">Loading…</p>
        ) : entries.length === 0 ? (
          <p className="muted">No changes yet.</p>
        ) : (
          <table className="grid">
            <thead>
              <tr>
                <th>#</th>
                <th>When (UTC)</th>
                <th>Who</th>
                <th>Change</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className={e.state === 'undone' || e.state === 'dropped' ? 'struck' : ''}>
                  <td>{e.id}</td>
                  <td className="mono">{e.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>{e.who}</td>
                  <td>{e.summary}</td>
                  <td>{e.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
