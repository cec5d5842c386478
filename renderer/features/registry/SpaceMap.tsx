/**
 * The map of a block's space: its range laid out as a grid of cells (left to right, top to
 * bottom, like a bitmap), each direct child drawn where it sits and coloured by status, the rest
 * free. Clicking a child (or Enter on it) drills into it.
 */
import { useMemo, type KeyboardEvent } from 'react';
import type { PrefixRow, PrefixStatus } from '../../../shared/contract';
import { cellText, mapGrid, mapRect, span, STATUS_LABEL, statusText } from './blocks';

const CELL = 14;
const LEGEND: (PrefixStatus | 'free')[] = ['aggregate', 'allocated', 'assigned', 'reserved', 'cooldown', 'planned', 'free'];

interface Props {
  block: PrefixRow;
  children: PrefixRow[];
  /** More direct children than were drawn (a huge pool): the map shows the first ones. */
  truncated: number;
  onOpen(row: PrefixRow): void;
}

export function SpaceMap({ block, children, truncated, onOpen }: Props) {
  const grid = useMemo(() => mapGrid(block.prefix), [block.prefix]);
  const rects = useMemo(() => {
    const base = span(block.prefix).start;
    return children.map((c) => mapRect(grid, base, span(c.prefix)));
  }, [grid, block.prefix, children]);
  const width = grid.cols * CELL;
  const height = grid.rows * CELL;
  const key = (e: KeyboardEvent, r: PrefixRow) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(r);
    }
  };
  return (
    <figure className="space-map">
      <svg viewBox={`0 0 ${width} ${height}`} className="space-map-svg" role="group" aria-label={`Map of ${block.prefix}: ${children.length} direct children`}>
        <rect className="map-free" x="0" y="0" width={width} height={height} />
        {Array.from({ length: grid.rows - 1 }, (_, i) => (
          <line key={`h${i}`} className="map-grid" x1="0" x2={width} y1={(i + 1) * CELL} y2={(i + 1) * CELL} />
        ))}
        {Array.from({ length: grid.cols - 1 }, (_, i) => (
          <line key={`v${i}`} className="map-grid" y1="0" y2={height} x1={(i + 1) * CELL} x2={(i + 1) * CELL} />
        ))}
        {children.map((c, i) => {
          const r = rects[i]!;
          return (
            <g
              key={c.id}
              className={`map-block map-${c.status}`}
              data-block={c.prefix}
              tabIndex={0}
              role="button"
              aria-label={`${c.prefix}, ${statusText(c)}${c.description ? `: ${c.description}` : ''} — drill down`}
              onClick={() => onOpen(c)}
              onKeyDown={(e) => key(e, c)}
            >
              <title>{`${c.prefix} · ${statusText(c)}${c.description ? ` · ${c.description}` : ''}`}</title>
              <rect x={r.x * CELL + 0.5} y={r.y * CELL + 0.5} width={Math.max(1.5, r.w * CELL - 1)} height={r.h * CELL - 1} rx="2" />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label="Legend">
          {LEGEND.map((s) => (
            <li key={s}>
              <svg viewBox="0 0 10 10" className="legend-swatch" aria-hidden="true">
                <rect className={s === 'free' ? 'map-free' : `map-swatch map-${s}`} x="0.5" y="0.5" width="9" height="9" rx="2" />
              </svg>
              {STATUS_LABEL[s]}
            </li>
          ))}
        </ul>
        <span className="muted map-scale">
          One cell is {cellText(grid.cellLength, block.family)}.
          {truncated > 0 ? ` The first ${children.length.toLocaleString('en')} children are drawn; ${truncated.toLocaleString('en')} more are not.` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
