/** Where the grid is: the whole space, or a block opened with its holders above it. */
import type { PrefixRow } from '../../../shared/contract';

export function Breadcrumbs({ space, trail, onGo }: { space: string; trail: PrefixRow[]; onGo(row: PrefixRow | null): void }) {
  if (trail.length === 0) return null;
  return (
    <nav className="reg-crumbs" aria-label="Opened block">
      <ol>
        <li>
          <button type="button" className="link" onClick={() => onGo(null)} title="Every block of the space (Backspace goes up one level)">
            All of {space}
          </button>
        </li>
        {trail.map((r, i) => (
          <li key={r.id}>
            {i === trail.length - 1 ? (
              <span className="mono" aria-current="location">
                {r.prefix}
              </span>
            ) : (
              <button type="button" className="link mono" onClick={() => onGo(r)}>
                {r.prefix}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
