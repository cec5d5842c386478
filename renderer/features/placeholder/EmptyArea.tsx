import { AREAS, type AreaId } from '../shell/areas';

/** What an area not built yet shows: what will be there. */
export function EmptyArea({ area }: { area: AreaId }) {
  const a = AREAS.find((x) => x.id === area)!;
  return (
    <section className="screen" aria-labelledby={`${area}-title`}>
      <header className="screen-header">
        <h1 id={`${area}-title`}>{a.label}</h1>
      </header>
      <div className="empty-state" data-testid="empty-state">
        <div className="empty-icon" aria-hidden="true">
          {a.icon}
        </div>
        <h2>Not built yet</h2>
        <p>{a.blurb}</p>
        <p className="muted">This area arrives in a coming version. Everything in it will read from this workspace and undo like the rest.</p>
      </div>
    </section>
  );
}
