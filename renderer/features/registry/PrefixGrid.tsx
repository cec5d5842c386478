/**
 * The tree-grid of blocks: every block of the view in address order, indented by its depth in the
 * hierarchy, with status, a utilization bar (used and reserved), its number of direct children
 * and description. Virtualized: the scroll height is the whole view's, only the rows in sight are
 * rendered, and their pages are fetched as they come into sight.
 */
import { useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import { PREFIX_STATUSES, type PrefixRow, type PrefixStatus } from '../../../shared/contract';
import { statusText, usageOf, usageParts, usedLabel } from './blocks';
import { UsageBar } from './UsageBar';
import { useBlockColumnWidth } from './useBlockColumn';
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
  /** The row being edited in place (F2, or a double click on its description), or null. */
  editing: number | null;
  onEdit(row: PrefixRow | null): void;
  /** Saves an in-place edit: only the fields that differ from the row are given. */
  onSaveEdit(row: PrefixRow, change: { status?: PrefixStatus; description?: string }): Promise<boolean>;
  /** Rows ticked for bulk edit (ids). */
  ticked: { has(id: number): boolean };
  onTick(row: PrefixRow, on: boolean): void;
}

/** The status and description of one row, edited in place: Enter saves, Escape leaves it as it was. */
function RowEditor({
  row,
  onSave,
  onCancel,
}: {
  row: PrefixRow;
  onSave(change: { status?: PrefixStatus; description?: string }): Promise<boolean>;
  onCancel(): void;
}) {
  const [status, setStatus] = useState<PrefixStatus>(row.status);
  const [description, setDescription] = useState(row.description);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const save = async () => {
    const change: { status?: PrefixStatus; description?: string } = {};
    if (status !== row.status) change.status = status;
    if (description !== row.description) change.description = description;
    if (Object.keys(change).length === 0) return onCancel();
    await onSave(change);
  };
  const keys = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <>
      <span role="gridcell">
        <select
          aria-label={`Status of ${row.prefix}`}
          className="reg-inline"
          value={status}
          onChange={(e) => setStatus(e.target.value as PrefixStatus)}
          onKeyDown={keys}
        >
          {PREFIX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </span>
      <span role="gridcell" />
      <span role="gridcell" />
      <span role="gridcell">
        <input
          ref={input}
          aria-label={`Description of ${row.prefix}`}
          className="reg-inline"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onKeyDown={keys}
        />
      </span>
      <span role="gridcell">
        <button type="button" className="icon-button" aria-label={`Save ${row.prefix}`} title="Save (Enter)" onClick={() => void save()}>
          ✓
        </button>
      </span>
    </>
  );
}

export function PrefixGrid({
  data,
  baseDepth,
  selected,
  readOnly,
  onSelect,
  onOpen,
  onRemove,
  onKeyDown,
  handle,
  emptyText,
  editing,
  onEdit,
  onSaveEdit,
  ticked,
  onTick,
}: Props) {
  const parentRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  useBlockColumnWidth(gridRef, String(baseDepth));
  const total = data.total ?? 0;
  const { rows, sizerHeight, first, last, scrollToIndex } = useFixedRows(parentRef, total, ROW_HEIGHT);

  const { want } = data;
  useEffect(() => want(first, last), [want, first, last]);
  useImperativeHandle(handle, () => ({ scrollToIndex, focus: () => parentRef.current?.focus() }), [scrollToIndex]);

  const current = data.row(selected);
  // A parent's direct children among the loaded rows (tree order: they follow it, deeper than it).
  const loadedChildren = (index: number, parent: PrefixRow): PrefixRow[] => {
    const out: PrefixRow[] = [];
    const depth = usageOf(parent).depth;
    for (let j = index + 1; j < total && j <= index + 4096; j++) {
      const c = data.row(j);
      if (!c || usageOf(c).depth <= depth) break;
      if (usageOf(c).parentId === parent.id) out.push(c);
    }
    return out;
  };
  return (
    <div className="reg-grid" ref={gridRef}>
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
                  <div
                    key={`p${v.index}`}
                    role="row"
                    aria-rowindex={v.index + 1}
                    className="grid-row reg-cols placeholder"
                    style={{ transform: `translateY(${v.top}px)`, height: ROW_HEIGHT }}
                  >
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
                  <span role="gridcell" className="mono reg-block" style={{ '--depth': depth } as CSSProperties} {...ELEMENT_TIMING}>
                    <span className={`reg-twig${u.children ? ' has-children' : ''}`} aria-hidden="true">
                      {u.children ? '▸' : '·'}
                    </span>
                    {r.prefix}
                  </span>
                  {editing === r.id ? (
                    <RowEditor row={r} onSave={(c) => onSaveEdit(r, c)} onCancel={() => onEdit(null)} />
                  ) : (
                    <>
                      <span role="gridcell">
                        <span className={`status status-${r.status}`} title={statusText(r)}>
                          {r.status}
                        </span>
                      </span>
                      <span role="gridcell">
                        {(() => {
                          const l = usedLabel(r);
                          return l.kind === 'whole' ? (
                            <span className="usage-whole" title={`${r.prefix} counts as fully used in the block around it`}>
                              {l.text}
                            </span>
                          ) : (
                            <UsageBar usage={u} label={r.prefix} {...(u.children ? usageParts(r, loadedChildren(v.index, r)) : {})} />
                          );
                        })()}
                      </span>
                      <span role="gridcell" className="num muted">
                        {u.children ? u.children.toLocaleString('en') : ''}
                      </span>
                      <span
                        role="gridcell"
                        className="ellipsis"
                        title={
                          r.status === 'cooldown' || r.status === 'planned' ? `${statusText(r)}${r.description ? ` · ${r.description}` : ''}` : r.description
                        }
                        onDoubleClick={(e) => {
                          if (readOnly) return;
                          e.stopPropagation();
                          onSelect(v.index);
                          onEdit(r);
                        }}
                      >
                        {r.status === 'cooldown' || r.status === 'planned' ? (
                          <span className="muted reg-when">{statusText(r).replace(/^\w+ /, '')} </span>
                        ) : null}
                        {r.description}
                      </span>
                      <span role="gridcell" className="reg-row-actions">
                        {!readOnly && (
                          <>
                            <input
                              type="checkbox"
                              tabIndex={-1}
                              aria-label={`Select ${r.prefix} for bulk edit`}
                              checked={ticked.has(r.id)}
                              onChange={(e) => onTick(r, e.target.checked)}
                              onClick={(e) => e.stopPropagation()}
                            />
                            <button
                              type="button"
                              className="icon-button"
                              tabIndex={-1}
                              aria-label={`Remove ${r.prefix}`}
                              title="Remove (Delete)"
                              onClick={() => onRemove(r)}
                            >
                              ✕
                            </button>
                          </>
                        )}
                      </span>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
