/**
 * ASNs: the AS numbers of the workspace (ours and our neighbours') in asplain and asdot, 16- or
 * 32-bit, with the special-purpose flag of each (IANA registry, spec §2.3) and the warning an
 * ASN gets when it cannot be one of ours on the public Internet (§2.4). Add, filter, remove;
 * every change is one undoable step (Ctrl+Z), and everything works from the keyboard.
 */
import { useCallback, useRef, useState } from 'react';
import type { AsnRangeRow, AsnRow } from '../../../shared/contract';
import { useChange, useContractQuery } from '../../data/query';
import { Dialog } from '../../components/Dialog';
import { errorText, useReadFailure, useWorkspace } from '../../state';
import { AddAsnForm } from './AddAsnForm';
import { AsnTable } from './AsnTable';
import { BlocksSection } from './BlocksSection';
import { blockOf } from './blocks';
import { matchesFilter } from './flags';
import './asns.css';

function ConfirmRemove({ row, onConfirm, onClose }: { row: AsnRow; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title={`Remove AS${row.asn}?`} onClose={onClose}>
      <p>
        <span className="mono">AS{row.asn}</span>
        {row.asn16 ? '' : ` (asdot ${row.asdot})`}
        {row.description ? `, “${row.description}”,` : ''} will be removed from the registry. Ctrl+Z brings it back.
      </p>
      {/* Remove first: Delete then Enter removes, Escape keeps it. */}
      <div className="dialog-actions asn-confirm-actions">
        <button type="button" className="primary" onClick={onConfirm}>
          Remove AS{row.asn}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function AsnsScreen() {
  const { state, notify } = useWorkspace();
  const change = useChange();
  const [filter, setFilter] = useState('');
  const [current, setCurrent] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<AsnRow | null>(null);
  /** After a removal, the keyboard focus goes to the row that took its place once the list is back. */
  const [focusTick, setFocusTick] = useState(0);
  const filterBox = useRef<HTMLInputElement>(null);
  /** Takes the focus when the last row shown is removed, so Ctrl+Z (ignored in text boxes) still undoes. */
  const list = useRef<HTMLDivElement>(null);
  const readOnly = state?.readOnly ?? true;

  // Both lists together: a block's count of used ASNs and the ASN table's block column agree.
  const asns = useContractQuery('registry.listAsns', {}, { enabled: Boolean(state) });
  const ranges = useContractQuery('registry.listAsnRanges', {}, { enabled: Boolean(state) });
  const both = asns.data && ranges.data;
  const rows: AsnRow[] | null = both ? asns.data : null;
  const blocks: AsnRangeRow[] | null = both ? ranges.data : null;
  useReadFailure(asns.error ?? ranges.error);

  const blockName = (asn: number) => (blocks ? (blockOf(asn, blocks)?.name ?? null) : null);
  const shown = (rows ?? []).filter((r) => matchesFilter(r, filter, blockName(r.asn)));

  const remove = useCallback(
    async (row: AsnRow) => {
      setConfirm(null);
      const at = shown.findIndex((r) => r.asn === row.asn);
      const next = shown[at + 1] ?? shown[at - 1] ?? null;
      try {
        await change('registry.removeAsn', { asn: String(row.asn) });
        notify('info', `Removed AS${row.asn}. Ctrl+Z undoes it.`);
        setCurrent(next?.asn ?? null);
        if (next) setFocusTick((t) => t + 1);
        else list.current?.focus();
      } catch (e) {
        notify('error', errorText(e));
      }
    },
    [shown, notify, change],
  );

  const total = rows?.length ?? 0;
  return (
    <section className="screen asns" aria-labelledby="asns-title" aria-busy={rows === null}>
      <header className="screen-header">
        <h1 id="asns-title">ASNs</h1>
        <span className="muted">Your AS numbers and your neighbours’, in asplain and asdot, with special-purpose flags</span>
      </header>
      <BlocksSection blocks={blocks} readOnly={readOnly} />
      <section className="asn-section" aria-labelledby="asn-numbers-title">
        <div className="asn-section-head">
          <h2 id="asn-numbers-title">AS numbers</h2>
        </div>
        <AddAsnForm
          disabled={readOnly}
          onAdded={(row) => {
            // Show the new ASN even if the filter would hide it.
            if (!matchesFilter(row, filter, blockName(row.asn))) setFilter('');
            setCurrent(row.asn);
          }}
        />
        <div className="asn-toolbar">
          <label className="asn-filter">
            <span>Filter</span>
            <input
              ref={filterBox}
              type="search"
              aria-label="Filter ASNs"
              placeholder="AS number, flag, block or description"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && shown.length > 0) {
                  e.preventDefault();
                  if (current === null || !shown.some((r) => r.asn === current)) setCurrent(shown[0]!.asn);
                  setFocusTick((t) => t + 1);
                }
              }}
            />
          </label>
          <span className="muted count" data-testid="asn-count">
            {shown.length === total ? `${total} ASN${total === 1 ? '' : 's'}` : `${shown.length} of ${total} ASNs`}
          </span>
        </div>
        <div className="asn-list" ref={list} tabIndex={-1}>
          {rows !== null && total === 0 ? (
            <div className="empty-state small">No AS numbers yet: add yours and your neighbours’ above.</div>
          ) : rows !== null && shown.length === 0 ? (
            <div className="empty-state small">No ASN matches “{filter}”.</div>
          ) : (
            <AsnTable
              rows={shown}
              blocks={blocks ?? []}
              current={current}
              onCurrent={setCurrent}
              onRemove={setConfirm}
              readOnly={readOnly}
              focusTick={focusTick}
              onLeaveTop={() => filterBox.current?.focus()}
            />
          )}
        </div>
        <p id="asn-keys" className="muted asn-keys">
          ↑ ↓ Home End move between rows · Delete removes the row · Ctrl+Z undoes, Ctrl+Shift+Z redoes
        </p>
      </section>
      {confirm && <ConfirmRemove row={confirm} onConfirm={() => void remove(confirm)} onClose={() => setConfirm(null)} />}
    </section>
  );
}
