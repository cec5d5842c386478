/**
 * The Registry: every block of an address space as a tree-grid (paged from the workspace as it
 * scrolls, so a million blocks open as fast as ten), the selected block's details beside it
 * (utilization, space map, free space, history), search by containment and text, Allocate and
 * Remove with their refusals at the field, and undo through the shell (Ctrl+Z).
 *
 * Keys in the grid: ↑ ↓ PgUp PgDn Home End move; Enter or → opens a block (shows only it and
 * what it holds); Backspace or ← goes back up; A allocates from the block; Delete removes it.
 * Anywhere on the screen: / or Ctrl+F searches.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PrefixRow, PrefixStatus } from '../../../shared/contract';
import { client } from '../../client';
import { useAreaVersion, useChange, useContractQuery } from '../../data/query';
import { errorText, useWorkspace } from '../../state';
import { hashParams } from '../shell/areas';
import { AddPrefixForm } from './AddPrefixForm';
import { AllocateDialog } from './AllocateDialog';
import { BulkEditBar } from './BulkEditBar';
import { usageOf } from './blocks';
import { Breadcrumbs } from './Breadcrumbs';
import { DetailPane } from './DetailPane';
import { PrefixGrid, ROW_HEIGHT, type GridHandle } from './PrefixGrid';
import { NewSpaceDialog } from './NewSpaceDialog';
import { RemoveDialog } from './RemoveDialog';
import { ImportDialog } from './ImportDialog';
import { SplitDialog } from './SplitDialog';
import { SearchBox } from './SearchBox';
import { usePagedPrefixes } from './usePagedPrefixes';
import { isTyping } from '../../components/keyboard';
import './registry.css';

// The routing view of an aggregate (issue 16) loads when first opened.
const RoutingView = lazy(() => import('../routing/RoutingView').then((m) => ({ default: m.RoutingView })));

type DialogState =
  | { kind: 'allocate'; from: PrefixRow; length?: number | undefined }
  | { kind: 'remove'; row: PrefixRow }
  | { kind: 'split'; row: PrefixRow }
  | { kind: 'space' }
  | null;

export function RegistryScreen() {
  const { state, notify } = useWorkspace();
  const change = useChange();
  /** Moves when a change touches the registry: the grid's pages are read again. */
  const version = useAreaVersion('registry');
  /** The row edited in place in the grid (its id), or null. */
  const [editing, setEditing] = useState<number | null>(null);
  /** The detail pane beside the grid, or folded away to give the grid the width (kept per machine). */
  const [paneOpen, setPaneOpen] = useState(() => localStorage.getItem('headroom.registry.pane') !== 'closed');
  const togglePane = () =>
    setPaneOpen((o) => {
      localStorage.setItem('headroom.registry.pane', o ? 'closed' : 'open');
      return !o;
    });
  /** Rows ticked for bulk edit, by id, with their rows. */
  const [ticked, setTicked] = useState<Map<number, PrefixRow>>(new Map());
  const [space, setSpace] = useState('global');
  /** The opened block (the grid shows it and what it holds), with its holders, outermost first. */
  const [trail, setTrail] = useState<PrefixRow[]>([]);
  const scope = trail[trail.length - 1] ?? null;
  const [selected, setSelected] = useState(0);
  /** A block to select and scroll to once a loaded page holds it (after adding, allocating, going up). */
  const [reveal, setReveal] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [importing, setImporting] = useState(false);
  /** The aggregate whose routing is shown instead of the blocks (`#/registry?routing=CIDR` opens it). */
  const [routing, setRouting] = useState<string | null>(() => hashParams(window.location.hash).get('routing'));
  const grid = useRef<GridHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const readOnly = state?.readOnly ?? true;
  const data = usePagedPrefixes(space, scope?.prefix ?? null, version, Boolean(state));
  const total = data.total ?? 0;
  const current = data.row(selected);

  const listed = useContractQuery('registry.listSpaces', {}, { enabled: Boolean(state) });
  const spaces = listed.data && !listed.isError ? listed.data : ['global'];

  // The selection stays on the list after a change shortens it (adjusted during render).
  if (data.total !== null && selected >= data.total && selected !== Math.max(0, data.total - 1)) setSelected(Math.max(0, data.total - 1));

  // A block to reveal is selected once a loaded page holds it, then scrolled into sight.
  const [scrollTo, setScrollTo] = useState<{ index: number } | null>(null);
  const revealAt = reveal ? data.indexOf((r) => r.prefix === reveal) : -1;
  if (reveal && revealAt >= 0) {
    setReveal(null);
    setSelected(revealAt);
    setScrollTo({ index: revealAt });
  }
  useEffect(() => {
    if (scrollTo) grid.current?.scrollToIndex(scrollTo.index);
  }, [scrollTo]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setSelected(next);
    grid.current?.scrollToIndex(next);
  };

  /** Opens a block: the grid shows it and what it holds, its holders in the trail above. */
  const open = useCallback(
    (row: PrefixRow) => {
      if (row.space !== space) setSpace(row.space);
      setSelected(0);
      setTrail([row]);
      grid.current?.scrollToIndex(0);
      grid.current?.focus();
      void client.call('registry.search', { query: row.prefix, space: row.space, limit: 1 }).then(
        (r) => {
          const holders = r.rows.filter((h) => h.length < row.length && h.family === row.family);
          setTrail((t) => (t[t.length - 1]?.id === row.id ? [...holders, row] : t));
        },
        () => undefined,
      );
    },
    [space],
  );

  /**
   * Selects a block's row (search, "Fix in the Registry"): the whole space is shown with the row
   * selected and in sight, rather than the block opened on its own.
   */
  const selectRow = useCallback(
    (row: { prefix: string; space: string }) => {
      if (row.space !== space) setSpace(row.space);
      setTrail([]);
      setReveal(row.prefix);
      grid.current?.focus();
    },
    [space],
  );

  // `#/registry?select=CIDR[&space=NAME]`: a link from elsewhere (a failed policy check) selects that block.
  useEffect(() => {
    const onHash = () => {
      const q = hashParams(window.location.hash);
      const prefix = q.get('select');
      if (prefix) selectRow({ prefix, space: q.get('space') ?? 'global' });
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [selectRow]);

  /** Back to the level above the opened block, with that block selected. */
  const up = (to?: PrefixRow | null) => {
    if (!scope) return;
    const target = to === undefined ? (trail[trail.length - 2] ?? null) : to;
    setReveal(scope.prefix);
    setSelected(0);
    if (target) setTrail(trail.slice(0, trail.findIndex((t) => t.id === target.id) + 1));
    else setTrail([]);
    grid.current?.focus();
  };

  /** Set when a dialog closes on success: the grid then takes the focus back from where the dialog returned it. */
  const focusGrid = useRef(false);
  const closeDialog = useCallback(() => setDialog(null), []);
  const allocateFrom = useCallback((from: PrefixRow, length?: number) => setDialog({ kind: 'allocate', from, length }), []);
  const removeRow = useCallback((row: PrefixRow) => setDialog({ kind: 'remove', row }), []);
  const splitRow = useCallback((row: PrefixRow) => setDialog({ kind: 'split', row }), []);
  const openRouting = useCallback((row: PrefixRow) => setRouting(row.prefix), []);
  const closeRouting = useCallback(() => {
    setRouting(null);
    setTimeout(() => grid.current?.focus(), 0);
  }, []);
  const saveEdit = useCallback(
    async (row: PrefixRow, edit: { status?: PrefixStatus; description?: string }) => {
      try {
        const r = await change('registry.setPrefix', { prefix: row.prefix, space: row.space, ...edit });
        notify('info', `Changed ${r.prefix}. Ctrl+Z undoes it.`);
        for (const w of r.warnings ?? []) notify('info', w);
        setEditing(null);
        focusGrid.current = true;
        grid.current?.focus();
        return true;
      } catch (e) {
        notify('error', errorText(e));
        return false;
      }
    },
    [notify, change],
  );
  const tick = useCallback((row: PrefixRow, on: boolean) => {
    setTicked((t) => {
      const next = new Map(t);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  }, []);
  const afterRemove = useCallback(() => {
    focusGrid.current = true;
    setDialog(null);
  }, []);
  /** After allocating, the new block is selected and the grid has the focus. */
  const afterAllocate = useCallback((prefix: string) => {
    focusGrid.current = true;
    setDialog(null);
    setReveal(prefix);
  }, []);
  // Runs after the dialog's own cleanup (which hands the focus back to what opened it).
  useEffect(() => {
    if (dialog || !focusGrid.current) return;
    focusGrid.current = false;
    grid.current?.focus();
  }, [dialog]);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const page = Math.max(1, Math.floor((e.currentTarget.clientHeight || ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selected + 1),
      ArrowUp: () => move(selected - 1),
      PageDown: () => move(selected + page),
      PageUp: () => move(selected - page),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => current && open(current),
      ArrowRight: () => current && usageOf(current).children > 0 && current.id !== scope?.id && open(current),
      ArrowLeft: () => up(),
      Backspace: () => up(),
      Delete: () => current && !readOnly && setDialog({ kind: 'remove', row: current }),
      F2: () => current && !readOnly && setEditing(current.id),
      ' ': () => current && !readOnly && tick(current, !ticked.has(current.id)),
      a: () => current && !readOnly && setDialog({ kind: 'allocate', from: current }),
      A: () => current && !readOnly && setDialog({ kind: 'allocate', from: current }),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  // '/' or Ctrl+F: to the search box, from anywhere on the screen.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (dialog) return;
      if ((e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog]);

  return (
    <section className="screen screen-fill registry" aria-labelledby="registry-title" aria-busy={data.total === null}>
      <header className="screen-header">
        <h1 id="registry-title">Registry</h1>
        <label className="space-picker">
          Address space{' '}
          <select
            value={space}
            onChange={(e) => {
              setSpace(e.target.value);
              setTrail([]);
              setSelected(0);
            }}
            aria-label="Address space"
          >
            {spaces.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setDialog({ kind: 'space' })} disabled={readOnly} title="Create an address space (a VRF)">
          New space…
        </button>
        <SearchBox inputRef={search} onOpen={selectRow} onLeave={() => grid.current?.focus()} />
        <button
          type="button"
          className="reg-pane-toggle"
          aria-expanded={paneOpen}
          aria-controls="reg-detail-pane"
          onClick={togglePane}
          title="Show or hide the selected block's details beside the list"
        >
          {paneOpen ? 'Hide details' : 'Show details'}
        </button>
        <span className="muted count" data-testid="prefix-count">
          {total.toLocaleString('en')} block{total === 1 ? '' : 's'}
          {scope ? ` in ${scope.prefix}` : ''}
        </span>
        <button
          type="button"
          onClick={() => setImporting(true)}
          disabled={readOnly}
          title="CSV, NetBox CSV or an RIR delegated stats file, checked before anything is written"
        >
          Import…
        </button>
      </header>
      {routing && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <RoutingView aggregate={routing} onClose={closeRouting} />
        </Suspense>
      )}
      <div className="reg-main" hidden={Boolean(routing)}>
        <AddPrefixForm space={space} disabled={readOnly} onAdded={setReveal} />
        <Breadcrumbs space={space} trail={trail} onGo={(r) => up(r)} />
        {ticked.size > 0 && <BulkEditBar rows={[...ticked.values()]} onClear={() => setTicked(new Map())} />}
        {data.error && (
          <p className="form-error" role="alert">
            {data.error}
          </p>
        )}
        <div className={`reg-layout${paneOpen ? '' : ' pane-closed'}`}>
          <PrefixGrid
            data={data}
            baseDepth={scope ? usageOf(scope).depth : 0}
            selected={selected}
            readOnly={readOnly}
            onSelect={setSelected}
            onOpen={open}
            onRemove={removeRow}
            onKeyDown={onGridKey}
            handle={grid}
            emptyText={scope ? 'Nothing here.' : 'No blocks in this space yet: add your RIR or upstream aggregate first.'}
            editing={editing}
            onEdit={(r) => {
              setEditing(r ? r.id : null);
              if (!r) grid.current?.focus();
            }}
            onSaveEdit={saveEdit}
            ticked={ticked}
            onTick={tick}
          />
          {paneOpen && (
            <DetailPane
              block={current}
              fresh={data.rowVersion(selected) === version}
              readOnly={readOnly}
              onOpen={open}
              onAllocate={allocateFrom}
              onRemove={removeRow}
              onSplit={splitRow}
              onRouting={openRouting}
            />
          )}
        </div>
      </div>
      <svg className="reg-defs" aria-hidden="true" focusable="false">
        <defs>
          <pattern id="reg-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect className="hatch-bg" width="4" height="4" />
            <line className="hatch-line" x1="0" y1="0" x2="0" y2="4" />
          </pattern>
        </defs>
      </svg>
      {dialog?.kind === 'allocate' && <AllocateDialog from={dialog.from} initialLength={dialog.length} onClose={closeDialog} onDone={afterAllocate} />}
      {dialog?.kind === 'remove' && <RemoveDialog row={dialog.row} onClose={closeDialog} onDone={afterRemove} />}
      {importing && <ImportDialog space={space} onClose={() => setImporting(false)} />}
      {dialog?.kind === 'split' && <SplitDialog row={dialog.row} onClose={closeDialog} onDone={afterAllocate} />}
      {dialog?.kind === 'space' && (
        <NewSpaceDialog
          onClose={closeDialog}
          onDone={(name) => {
            setDialog(null);
            setSpace(name);
            setTrail([]);
            setSelected(0);
          }}
        />
      )}
    </section>
  );
}
