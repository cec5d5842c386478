/**
 * The tree-grid of blocks: every block of the view in address order, indented by its depth in the
 * hierarchy, with status, a utilization bar (used and reserved), its number of direct children
 * and description. Virtualized: the scroll height is the whole view's, only the rows in sight are
 * rendered, and their pages are fetched as they come into sight.
 */
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { PrefixRow } from '../../../shared/contract';
import { usageOf } from './blocks';
import { UsageBar } from './UsageBar';
import { useFixedRows } from './useFixedRows';
import type { PagedPrefixes } from './usePagedPrefixes';

export const ROW_HEIGHT = 30;

/** Lets a PerformanceObserver ('element') report when rows first paint (the first-paint benchmark). */
const ELEMENT_TIMING = { elementtiming: 'registry-row' } as Record<string, string>;

export interface GridHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

interface Props {
  data: PagedPrefixes;
  /** Depth of the view's top (a drilled-into block's own depth), so its rows start at the left. */
  baseDepth: number;
  selected: number;
  readOnly: boolean;
  onSelect(index: number): void;
  onOpen(row: PrefixRow): void;
  onRemove(row: PrefixRow): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  handle: Ref<GridHandle>;
  emptyText: string;
}

export function PrefixGrid({ data, baseDepth, selected, readOnly, onSelect, onOpen, onRemove, onKeyDown, handle, emptyText }: Props) {
  const parentRef = useRef<HTMLDivElement>(null);
  const total = data.total ?? 0;
  const { rows, sizerHeight, first, last, scrollToIndex } = useFixedRows(parentRef, total, ROW_HEIGHT);

  const { want } = data;
  useEffect(() => want(first, last), [want, first, last]);
  useImperativeHandle(handle, () => ({ scrollToIndex, focus: () => parentRef.current?.focus() }), [scrollToIndex]);

  const current = data.row(selected);
  return (
    <div className="reg-grid">
      <div className="grid-head reg-cols" role="row">
        <span role="columnheader">Block</span>
        <span role="columnheader">Status</span>
        <span role="columnheader">Used</span>
        <span role="columnheader" className="num" title="Direct children">
          Holds
        </span>
        <span role="columnheader">Description</span>
        <span role="columnheader" className="sr-only">
          Actions
        </span>
      </div>
      <div
        className="grid-body"
        ref={parentRef}
        tabIndex={0}
        role="grid"
        aria-label="Blocks"
        aria-rowcount={total}
        aria-busy={data.total === null}
        aria-activedescendant={current ? `row-${current.id}` : undefined}
        onKeyDown={onKeyDown}
      >
        {data.total === 0 ? (
          <div className="empty-state small">{emptyText}</div>
        ) : (
          <div className="reg-sizer" style={{ height: sizerHeight }}>
            {rows.map((v) => {
              const r = data.row(v.index);
              if (!r) {
                return (
                  <div key={`p${v.index}`} role="row" aria-rowindex={v.index + 1} className="grid-row reg-cols placeholder" style={{ transform: `translateY(${v.top}px)`, height: ROW_HEIGHT }}>
                    <span role="gridcell" className="skeleton" />
                  </div>
                );
              }
              const u = usageOf(r);
              const depth = Math.max(0, u.depth - baseDepth);
              return (
                <div
                  key={r.id}
                  id={`row-${r.id}`}
                  role="row"
                  aria-rowindex={v.index + 1}
                  aria-selected={v.index === selected}
                  aria-level={depth + 1}
                  className={`grid-row reg-cols${v.index === selected ? ' selected' : ''}`}
                  style={{ transform: `translateY(${v.top}px)`, height: ROW_HEIGHT }}
                  onClick={() => onSelect(v.index)}
                  onDoubleClick={() => onOpen(r)}
                  data-prefix={r.prefix}
                >
                  <span role="gridcell" className="mono reg-block" style={{ paddingLeft: `${depth * 1.1 + 0.3}rem` }} {...ELEMENT_TIMING}>
                    <span className={`reg-twig${u.children ? ' has-children' : ''}`} aria-hidden="true">
                      {u.children ? '▸' : '·'}
                    </span>
                    {r.prefix}
                  </span>
                  <span role="gridcell">
                    <span className={`status status-${r.status}`}>{r.status}</span>
                  </span>
                  <span role="gridcell">
                    <UsageBar usage={u} label={r.prefix} />
                  </span>
                  <span role="gridcell" className="num muted">
                    {u.children ? u.children.toLocaleString('en') : ''}
                  </span>
                  <span role="gridcell" className="ellipsis" title={r.description}>
                    {r.description}
                  </span>
                  <span role="gridcell">
                    {!readOnly && (
                      <button type="button" className="icon-button" tabIndex={-1} aria-label={`Remove ${r.prefix}`} title="Remove (Delete)" onClick={() => onRemove(r)}>
                        ✕
                      </button>
                    )}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
