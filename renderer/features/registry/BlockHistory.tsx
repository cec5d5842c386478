/** Every recorded change of one block, newest first (undone ones struck through). */
import type { BlockHistoryEntry } from '../../../shared/contract';

function when(at: string): string {
  return at.replace('T', ' ').slice(0, 16);
}

function change(e: BlockHistoryEntry): string {
  if (e.change === 'added') return `added as ${e.after?.status ?? '?'}`;
  if (e.change === 'removed') return 'removed';
  const parts: string[] = [];
  if (e.before?.status !== e.after?.status) parts.push(`${e.before?.status} → ${e.after?.status}`);
  if (e.before?.description !== e.after?.description) parts.push('description changed');
  return parts.join(', ') || 'changed';
}

export function BlockHistory({ entries }: { entries: BlockHistoryEntry[] }) {
  if (entries.length === 0) return <p className="muted">No recorded change.</p>;
  return (
    <table className="grid reg-history" aria-label="Block history">
      <thead>
        <tr>
          <th>When (UTC)</th>
          <th>Change</th>
          <th>By</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={`${e.actionId}-${e.change}`} className={e.state === 'undone' ? 'struck' : ''} title={e.summary}>
            <td className="mono">{when(e.at)}</td>
            <td>
              {change(e)}
              <div className="muted reg-history-summary">
                {e.summary}
                {e.state === 'undone' ? ' (undone)' : ''}
              </div>
            </td>
            <td>{e.who}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
