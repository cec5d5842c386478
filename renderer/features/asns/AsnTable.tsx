/**
 * The ASNs as a table. One row is the current one (roving focus): Up/Down/Home/End move it,
 * Delete asks to remove it. The ✕ button does the same by mouse.
 */
import type { KeyboardEvent } from 'react';
import type { AsnRangeRow, AsnRow } from '../../../shared/contract';
import { useRowNavigation } from './useRowNavigation';
import { blockOf } from './blocks';
import { FlagChip } from './FlagChip';

interface Props {
  rows: AsnRow[];
  /** The workspace's ASN blocks, to show which one each ASN falls in. */
  blocks: AsnRangeRow[];
  /** The current row's ASN, or null. */
  current: number | null;
  onCurrent(asn: number): void;
  onRemove(row: AsnRow): void;
  readOnly: boolean;
  /** Bumped to move the keyboard focus to the current row (after a removal, from the filter box). */
  focusTick: number;
  /** Called when Up is pressed on the first row, to go back to the filter box. */
  onLeaveTop(): void;
}

export function AsnTable({ rows, blocks, current, onCurrent, onRemove, readOnly, focusTick, onLeaveTop }: Props) {
  const { body, index, moveTo } = useRowNavigation({ keys: rows.map((r) => r.asn), current, onCurrent, focusTick, attr: 'data-asn' });

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: AsnRow, i: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown') moveTo(i + 1);
    else if (e.key === 'ArrowUp') {
      if (i === 0) onLeaveTop();
      else moveTo(i - 1);
    } else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) onRemove(row);
    else return;
    e.preventDefault();
  };

  return (
    <table className="grid asn-table" aria-label="AS numbers" aria-describedby="asn-keys">
      <thead>
        <tr>
          <th scope="col">AS number</th>
          <th scope="col">asdot</th>
          <th scope="col">Size</th>
          <th scope="col">Block</th>
          <th scope="col">Flag</th>
          <th scope="col">Description</th>
          <th scope="col">In use since</th>
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((r, i) => {
          const isCurrent = i === (index < 0 ? 0 : index);
          const block = blockOf(r.asn, blocks);
          return (
            <tr
              key={r.id}
              data-asn={r.asn}
              data-kind={r.special?.kind ?? 'none'}
              className={isCurrent && index >= 0 ? 'selected' : undefined}
              aria-selected={isCurrent && index >= 0}
              tabIndex={isCurrent ? 0 : -1}
              onClick={() => onCurrent(r.asn)}
              onFocus={(e) => e.target === e.currentTarget && onCurrent(r.asn)}
              onKeyDown={(e) => onKey(e, r, i)}
            >
              <td className="mono asn-plain">AS{r.asn}</td>
              <td className="mono">{r.asn16 ? <span className="muted">{r.asdot}</span> : r.asdot}</td>
              <td className="asn-size">
                {r.asn16 ? '16-bit' : <span title="4-octet: old 2-octet BGP speakers see AS_TRANS 23456 in its place (RFC 6793)">32-bit</span>}
              </td>
              <td className="asn-block" data-testid="asn-block">
                {block ? (
                  block.name
                ) : (
                  <span className="muted" title="In none of the blocks above">
                    —
                  </span>
                )}
              </td>
              <td>{r.special ? <FlagChip flag={r.special} detail /> : <span className="muted">—</span>}</td>
              <td className="asn-desc">
                <div>{r.description || <span className="muted">(no description)</span>}</div>
                {r.warning && (
                  <div className={`asn-warning ${r.special?.legalInternally ? 'asn-warning-internal' : 'asn-warning-never'}`} data-testid="asn-warning">
                    {!r.special?.legalInternally && <span aria-hidden="true">⚠ </span>}
                    {r.warning}
                  </div>
                )}
              </td>
              <td className="asn-date" data-testid="asn-date">
                {r.date}
              </td>
              <td className="asn-actions">
                {!readOnly && (
                  <button
                    type="button"
                    className="icon-button"
                    tabIndex={-1}
                    aria-label={`Remove AS${r.asn}`}
                    title="Remove (Delete)"
                    onClick={(e) => {
                      e.stopPropagation();
                      onCurrent(r.asn);
                      onRemove(r);
                    }}
                  >
                    ✕
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
