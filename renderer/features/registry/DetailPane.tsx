/** The selected block: what it is, how full, its map, its free space and its history, with its actions. */
import { memo } from 'react';
import type { PrefixRow } from '../../../shared/contract';
import { maxLength } from '../../../shared/ip/prefix';
import { AddressesSection } from './AddressesSection';
import { sizeText, statusText, usageOf, usedLabel } from './blocks';
import { BlockEditor } from './BlockEditor';
import { BlockHistory } from './BlockHistory';
import { FreeList } from './FreeList';
import { SpaceMap } from './SpaceMap';
import { useBlockDetails } from './useBlockDetails';
import { UtilizationFacts } from './UtilizationFacts';

interface Props {
  block: PrefixRow | undefined;
  /** False while the block's row is from before the last change (its page is being read again). */
  fresh: boolean;
  readOnly: boolean;
  onOpen(row: PrefixRow): void;
  onAllocate(row: PrefixRow, length?: number): void;
  onRemove(row: PrefixRow): void;
  /** Split the (empty) block into equal children. */
  onSplit?(row: PrefixRow): void;
  /** Opens the routing of an aggregate (its routes, ROA plan and RPKI check). */
  onRouting?(row: PrefixRow): void;
}

function Loading({ error }: { error: string | undefined }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : (
    <p className="muted">Loading…</p>
  );
}

/** Memoized: the grid re-renders as pages land and as it scrolls; the pane only when its block or the workspace changes. */
export const DetailPane = memo(function DetailPane({ block, fresh, readOnly, onOpen, onAllocate, onRemove, onSplit, onRouting }: Props) {
  const d = useBlockDetails(block, fresh);
  if (!block || !d) {
    return (
      <aside className="reg-detail" id="reg-detail-pane" aria-label="Selected block">
        <p className="muted">Select a block to see its map, free space and history.</p>
      </aside>
    );
  }
  const u = usageOf(block);
  return (
    <aside className="reg-detail" id="reg-detail-pane" aria-label="Selected block" data-block={block.prefix}>
      <header className="reg-detail-head">
        <h2 className="mono">{block.prefix}</h2>
        <span className={`status status-${block.status}`}>{statusText(block)}</span>
      </header>
      {block.description && <p className="reg-detail-desc">{block.description}</p>}
      <p className="muted reg-detail-meta">
        {sizeText(block.prefix)} · space {block.space}
        {block.date ? (
          <>
            {' · since '}
            <span className="nowrap">{block.date}</span>
          </>
        ) : (
          ''
        )}
        {block.rir ? ` · ${block.rir}` : ''}
        {block.unit ? ` · pool of /${block.unit}s` : ''}
        {u.children ? ` · holds ${u.children.toLocaleString('en')} block${u.children === 1 ? '' : 's'} directly` : ''}
      </p>
      <div className="reg-actions">
        <button
          type="button"
          className="primary"
          disabled={readOnly}
          onClick={() => onAllocate(block)}
          title="Allocate a block from this one (A)"
          aria-keyshortcuts="a"
        >
          Allocate…
        </button>
        <button type="button" onClick={() => onOpen(block)} title="Show only this block and what it holds (Enter)">
          Drill down
        </button>
        {onSplit && u.children === 0 && block.length < maxLength(block.family) && (
          <button type="button" disabled={readOnly} onClick={() => onSplit(block)} title="Split this block into equal parts">
            Split…
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => onRemove(block)}
          title="Remove this block (Delete)"
          aria-keyshortcuts="Delete"
        >
          Remove…
        </button>
        {block.space === 'global' && block.status === 'aggregate' && onRouting && (
          <button type="button" onClick={() => onRouting(block)} title="The routes we announce from this aggregate, their ROAs and their RPKI check">
            Routing…
          </button>
        )}
        {block.space === 'global' && (
          <a
            className="button-link"
            href={`#/requests?objects=${encodeURIComponent(block.prefix)}`}
            title="The RPSL objects and reverse-DNS zones of this block (Requests)"
          >
            RPSL &amp; reverse DNS
          </a>
        )}
      </div>

      <details className="reg-edit-section" open>
        <summary>
          <h3 id="reg-edit-title">Edit</h3>
        </summary>
        <BlockEditor block={block} readOnly={readOnly} />
      </details>

      <section aria-labelledby="reg-util-title">
        <h3 id="reg-util-title">Utilization</h3>
        {usedLabel(block).kind === 'whole' && (
          <p className="small-note reg-whole" data-testid="in-use-whole">
            {block.status === 'cooldown' ? `In cooldown until ${block.date ?? '—'}: ` : 'In use as a whole: '}
            its {sizeText(block.prefix)} count as used in the block around it. The figures below are of what is recorded inside it.
          </p>
        )}
        {d.util ? <UtilizationFacts u={d.util} family={block.family} /> : <Loading error={d.errors.util} />}
      </section>

      <section aria-labelledby="reg-map-title">
        <h3 id="reg-map-title">Space map</h3>
        {d.children ? <SpaceMap block={block} children={d.children} truncated={d.truncated} onOpen={onOpen} /> : <Loading error={d.errors.children} />}
      </section>

      <AddressesSection block={block} fresh={fresh} readOnly={readOnly} />

      <section aria-labelledby="reg-free-title">
        <h3 id="reg-free-title">Free space</h3>
        {d.free ? <FreeList free={d.free} readOnly={readOnly} onPick={(c) => onAllocate(block, Number(c.split('/')[1]))} /> : <Loading error={d.errors.free} />}
      </section>

      <section aria-labelledby="reg-history-title">
        <h3 id="reg-history-title">History</h3>
        {d.history ? <BlockHistory entries={d.history} /> : <Loading error={d.errors.history} />}
      </section>
    </aside>
  );
});
