/**
 * The ASN blocks of the workspace (the ranges AS numbers are drawn from), each a limit the
 * Forecasts screen counts down: the list with how full each block is, the form that adds one,
 * and removal (✕ or Delete on the current row, after a confirmation; Ctrl+Z brings it back).
 */
import { useEffect, useRef, useState } from 'react';
import type { AsnRangeRow } from '../../../shared/contract';
import { useChange } from '../../data/query';
import { Dialog } from '../../components/Dialog';
import { errorText, useWorkspace } from '../../state';
import { AddBlockForm } from './AddBlockForm';
import { BlockTable } from './BlockTable';
import { rangeText } from './blocks';

function ConfirmRemoveBlock({ block, onConfirm, onClose }: { block: AsnRangeRow; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title={`Remove the block ${block.name}?`} onClose={onClose}>
      <p>
        The block <b>{block.name}</b> (<span className="mono">{rangeText(block.first, block.last)}</span>, {block.size} ASN{block.size === 1 ? '' : 's'}) will
        be removed, and with it its forecast limit. The {block.used} ASN{block.used === 1 ? '' : 's'} recorded in it stay{block.used === 1 ? 's' : ''}. Ctrl+Z
        brings the block back.
      </p>
      {/* Remove first: Delete then Enter removes, Escape keeps it. */}
      <div className="dialog-actions asn-confirm-actions">
        <button type="button" className="primary" onClick={onConfirm}>
          Remove {block.name}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function BlocksSection({ blocks, readOnly }: { blocks: AsnRangeRow[] | null; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [current, setCurrent] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<AsnRangeRow | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  /** After a removal, the focus goes to the row that took its place once the list is back. */
  const focusAfterLoad = useRef(false);
  /** Takes the focus when the last block is removed, so Ctrl+Z (ignored in text boxes) still undoes. */
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (blocks && focusAfterLoad.current) {
      focusAfterLoad.current = false;
      setFocusTick((t) => t + 1);
    }
  }, [blocks]);

  const remove = async (block: AsnRangeRow) => {
    setConfirm(null);
    const list = blocks ?? [];
    const at = list.findIndex((b) => b.name === block.name);
    const next = list[at + 1] ?? list[at - 1] ?? null;
    try {
      await change('registry.removeAsnRange', { name: block.name });
      notify('info', `Removed the block ${block.name}. Ctrl+Z undoes it.`);
      setCurrent(next?.name ?? null);
      if (next) focusAfterLoad.current = true;
      else panel.current?.focus();
    } catch (e) {
      notify('error', errorText(e));
    }
  };

  return (
    <section className="asn-section" aria-labelledby="asn-blocks-title">
      <div className="asn-section-head">
        <h2 id="asn-blocks-title">Blocks</h2>
        <span className="muted">
          The ranges your AS numbers are drawn from; each is a limit on <a href="#/forecasts">Forecasts</a>
        </span>
      </div>
      <div className="asn-blocks" ref={panel} tabIndex={-1}>
        {blocks !== null && blocks.length === 0 ? (
          <div className="empty-state small">No ASN blocks yet: add the block your RIR gave you, or a private range for customers, below.</div>
        ) : blocks !== null ? (
          <BlockTable blocks={blocks} current={current} onCurrent={setCurrent} onRemove={setConfirm} readOnly={readOnly} focusTick={focusTick} />
        ) : null}
        <AddBlockForm blocks={blocks ?? []} disabled={readOnly} onAdded={(row) => setCurrent(row.name)} />
      </div>
      <p id="asn-block-keys" className="muted asn-keys">
        ↑ ↓ Home End move between blocks · Delete removes the block (its ASNs stay) · Ctrl+Z undoes
      </p>
      {confirm && <ConfirmRemoveBlock block={confirm} onConfirm={() => void remove(confirm)} onClose={() => setConfirm(null)} />}
    </section>
  );
}
