import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { PrefixRow } from '../../../shared/contract';
import { client } from '../../client';
import { useWorkspace } from '../../state';
import { AddPrefixForm } from './AddPrefixForm';

const PAGE = 5000;

/** Lets a PerformanceObserver ('element') report when rows first paint (the first-paint benchmark). */
const ELEMENT_TIMING = { elementtiming: 'registry-row' } as Record<string, string>;

/** Indentation by containment, from the sorted list (a stack walk, as NetBox rebuilds depth). */
function depths(rows: PrefixRow[]): number[] {
  const stack: { family: number; start: bigint; end: bigint }[] = [];
  return rows.map((r) => {
    const [addr, len] = r.prefix.split('/');
    const bits = r.family === 4 ? 32 : 128;
    const start = r.family === 4 ? BigInt(addr!.split('.').reduce((a, o) => a * 256 + Number(o), 0)) : ipv6ToBigInt(addr!);
    const end = start + (1n << BigInt(bits - Number(len))) - 1n;
    while (stack.length && (stack[stack.length - 1]!.family !== r.family || stack[stack.length - 1]!.end < start)) stack.pop();
    const depth = stack.length;
    stack.push({ family: r.family, start, end });
    return depth;
  });
}

function ipv6ToBigInt(text: string): bigint {
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

export function RegistryScreen() {
  const { state, version, refresh, notify } = useWorkspace();
  const [spaces, setSpaces] = useState<string[]>(['global']);
  const [space, setSpace] = useState('global');
  const [rows, setRows] = useState<PrefixRow[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState(0);
  /** A block just added: once the list holds it, it is selected and scrolled into view. */
  const [reveal, setReveal] = useState<string | null>(null);
  const parentRef = useRef<HTMLDivElement>(null);
  const readOnly = state?.readOnly ?? true;

  useEffect(() => {
    if (!state) return;
    void client.call('registry.listSpaces', {}).then(setSpaces, () => setSpaces(['global']));
    void client.call('registry.listPrefixes', { space, limit: PAGE }).then(
      (page) => {
        setRows(page.rows);
        setTotal(page.total);
      },
      (e: Error) => notify('error', e.message),
    );
  }, [state, version, space, notify]);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => 34, overscan: 12 });

  useEffect(() => {
    if (!reveal) return;
    const index = rows.findIndex((r) => r.prefix === reveal);
    if (index < 0) return;
    setReveal(null);
    setSelected(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [reveal, rows, virtualizer]);
  const depth = depths(rows);

  const remove = async (row: PrefixRow) => {
    try {
      await client.call('registry.removePrefix', { prefix: row.prefix, space: row.space });
      notify('info', `Removed ${row.prefix}. Ctrl+Z undoes it.`);
      await refresh();
    } catch (e) {
      notify('error', (e as Error).message);
    }
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, selected + (e.key === 'ArrowDown' ? 1 : -1)));
      setSelected(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Delete' && rows[selected] && !readOnly) {
      e.preventDefault();
      void remove(rows[selected]!);
    }
  };

  return (
    <section className="screen screen-fill" aria-labelledby="registry-title">
      <header className="screen-header">
        <h1 id="registry-title">Registry</h1>
        <label className="space-picker">
          Address space{' '}
          <select value={space} onChange={(e) => setSpace(e.target.value)} aria-label="Address space">
            {spaces.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span className="muted count" data-testid="prefix-count">
          {total.toLocaleString('en')} block{total === 1 ? '' : 's'}
          {total > rows.length ? ` (showing the first ${rows.length.toLocaleString('en')})` : ''}
        </span>
      </header>
      <AddPrefixForm space={space} disabled={readOnly} onAdded={setReveal} />
      <div className="grid-head" role="row">
        <span role="columnheader">Block</span>
        <span role="columnheader">Status</span>
        <span role="columnheader">Description</span>
        <span role="columnheader">Date</span>
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
        aria-rowcount={rows.length}
        aria-activedescendant={rows[selected] ? `row-${rows[selected]!.id}` : undefined}
        onKeyDown={onKey}
      >
        {rows.length === 0 ? (
          <div className="empty-state small">No blocks in this space yet: add your RIR or upstream aggregate first.</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const r = rows[v.index]!;
              return (
                <div
                  key={r.id}
                  id={`row-${r.id}`}
                  role="row"
                  className={`grid-row${v.index === selected ? ' selected' : ''}`}
                  style={{ transform: `translateY(${v.start}px)`, height: v.size }}
                  onClick={() => setSelected(v.index)}
                  data-prefix={r.prefix}
                >
                  <span role="gridcell" className="mono" style={{ paddingLeft: `${depth[v.index]! * 1.1 + 0.5}rem` }} {...ELEMENT_TIMING}>
                    {r.prefix}
                  </span>
                  <span role="gridcell">
                    <span className={`status status-${r.status}`}>{r.status}</span>
                  </span>
                  <span role="gridcell" className="ellipsis" title={r.description}>
                    {r.description}
                  </span>
                  <span role="gridcell" className="mono muted">
                    {r.date ?? ''}
                  </span>
                  <span role="gridcell">
                    {!readOnly && (
                      <button type="button" className="icon-button" aria-label={`Remove ${r.prefix}`} title="Remove (Delete)" onClick={() => void remove(r)}>
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
    </section>
  );
}
