/**
 * The ASN blocks as a table: name, bounds in asplain and asdot, how many of the block's ASNs are
 * recorded (bar and numbers), description and the day it was obtained. Like the ASN table, one
 * row is current (roving focus): Up/Down/Home/End move it, Delete asks to remove it.
 */
import type { KeyboardEvent } from 'react';
import type { AsnRangeRow } from '../../../shared/contract';
import { useRowNavigation } from './useRowNavigation';
import { blockUsage, pctText, rangeText } from './blocks';

/** used/size as a bar (SVG: the CSP allows no inline styles) with the numbers beside it. */
export function BlockUsage({ block }: { block: AsnRangeRow }) {
  const { pct, level } = blockUsage(block);
  const text = `${block.used} of ${block.size} used (${pctText(pct)})`;
  return (
    <span className="asn-usage" data-testid="block-usage" title={text}>
      <svg
        className={`asn-usage-bar level-${level}`}
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="meter"
        aria-label={`${block.name} usage`}
        aria-valuemin={0}
        aria-valuemax={block.size}
        aria-valuenow={block.used}
        aria-valuetext={text}
      >
        <rect className="asn-usage-track" x="0" y="0" width="100" height="10" />
        {block.used > 0 && <rect className="asn-usage-used" x="0" y="0" width={Math.max(pct, 1)} height="10" />}
      </svg>
      <span className="asn-usage-numbers">
        <span data-testid="block-used">{block.used}</span>/<span data-testid="block-size">{block.size}</span>
      </span>
      <span className="asn-usage-pct muted">{pctText(pct)}</span>
    </span>
  );
}

interface Props {
  blocks: AsnRangeRow[];
  /** The current block's name, or null. */
  current: string | null;
  onCurrent(name: string): void;
  onRemove(block: AsnRangeRow): void;
  readOnly: boolean;
  /** Bumped to move the keyboard focus to the current row (after a removal). */
  focusTick: number;
}

export function BlockTable({ blocks, current, onCurrent, onRemove, readOnly, focusTick }: Props) {
  const { body, index, moveTo } = useRowNavigation({ keys: blocks.map((b) => b.name), current, onCurrent, focusTick, attr: 'data-block' });

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, block: AsnRangeRow, i: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown') moveTo(i + 1);
    else if (e.key === 'ArrowUp') moveTo(i - 1);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(blocks.length - 1);
    else if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) onRemove(block);
    else return;
    e.preventDefault();
  };

  return (
    <table className="grid asn-table asn-block-table" aria-label="ASN blocks" aria-describedby="asn-block-keys">
      <thead>
        <tr>
          <th scope="col">Block</th>
          <th scope="col">AS numbers</th>
          <th scope="col">asdot</th>
          <th scope="col">Used</th>
          <th scope="col">Description</th>
          <th scope="col">Obtained</th>
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {blocks.map((b, i) => {
          const isCurrent = i === (index < 0 ? 0 : index);
          const sameInAsdot = b.firstAsdot === String(b.first) && b.lastAsdot === String(b.last);
          return (
            <tr
              key={b.id}
              data-block={b.name}
              className={isCurrent && index >= 0 ? 'selected' : undefined}
              aria-selected={isCurrent && index >= 0}
              tabIndex={isCurrent ? 0 : -1}
              onClick={() => onCurrent(b.name)}
              onFocus={(e) => e.target === e.currentTarget && onCurrent(b.name)}
              onKeyDown={(e) => onKey(e, b, i)}
            >
              <td className="asn-block-name">{b.name}</td>
              <td className="mono asn-plain" data-testid="block-range">
                {rangeText(b.first, b.last)}
              </td>
              <td className="mono asn-block-asdot" data-testid="block-asdot">
                {sameInAsdot ? (
                  <span className="muted">
                    {b.firstAsdot}–{b.lastAsdot}
                  </span>
                ) : (
                  `${b.firstAsdot}–${b.lastAsdot}`
                )}
              </td>
              <td>
                <BlockUsage block={b} />
              </td>
              <td className="asn-desc">{b.description || <span className="muted">(no description)</span>}</td>
              <td className="asn-date" data-testid="block-date">
                {b.date}
              </td>
              <td className="asn-actions">
                {!readOnly && (
                  <button
                    type="button"
                    className="icon-button"
                    tabIndex={-1}
                    aria-label={`Remove block ${b.name}`}
                    title="Remove (Delete)"
                    onClick={(e) => {
                      e.stopPropagation();
                      onCurrent(b.name);
                      onRemove(b);
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
