/**
 * How full a block is: used (solid) and reserved (hatched) shares of its space, drawn in SVG. With
 * `parts` (a parent's direct children), the bar is stacked child by child, each segment its share
 * of the parent, so the children visibly add up to the parent's percentage; the tooltip and the
 * meter's text say the sum in numbers.
 */
import type { PrefixUsage } from '../../../shared/contract';
import { pct, usageSum, type UsagePart } from './blocks';

interface Props {
  usage: Pick<PrefixUsage, 'usedPct' | 'reservedPct'>;
  label: string;
  wide?: boolean;
  parts?: readonly UsagePart[] | undefined;
  /** Direct children not among `parts` (not loaded yet). */
  missing?: number;
}

export function UsageBar({ usage, label, wide = false, parts, missing = 0 }: Props) {
  const used = Math.max(0, Math.min(100, usage.usedPct));
  const reserved = Math.max(0, Math.min(100 - used, usage.reservedPct));
  const level = used + reserved >= 90 ? 'over' : used + reserved >= 80 ? 'warn' : 'ok';
  const stacked = parts !== undefined && parts.length > 0;
  const text = stacked ? usageSum(used, parts, missing) : `${pct(used)} used${reserved > 0 ? `, ${pct(reserved)} reserved` : ''}`;
  // Segments end to end: the used children first (address order), then the reserved ones.
  const segments: { x: number; w: number; reserved: boolean; prefix: string }[] = [];
  if (stacked) {
    let x = 0;
    for (const p of [...parts.filter((q) => !q.reserved), ...parts.filter((q) => q.reserved)].filter((q) => q.pct > 0)) {
      const w = Math.min(p.pct, 100 - x);
      if (w <= 0) break;
      segments.push({ x, w, reserved: p.reserved, prefix: p.prefix });
      x += w;
    }
  }
  return (
    <span className={`usage${wide ? ' usage-wide' : ''}`} title={`${label}: ${text}`}>
      <svg
        className={`usage-bar level-${level}`}
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="meter"
        aria-label={`${label} utilization`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(used)}
        aria-valuetext={text}
      >
        <rect className="usage-track" x="0" y="0" width="100" height="10" />
        {stacked ? (
          segments.map((g) => (
            <rect
              key={g.prefix}
              className={`${g.reserved ? 'usage-reserved' : 'usage-used'} usage-part`}
              data-part={g.prefix}
              x={g.x}
              y="0"
              width={Math.max(g.w, 1)}
              height="10"
            />
          ))
        ) : (
          <>
            {used > 0 && <rect className="usage-used" x="0" y="0" width={Math.max(used, 1)} height="10" />}
            {reserved > 0 && <rect className="usage-reserved" x={used} y="0" width={Math.max(reserved, 1)} height="10" />}
          </>
        )}
      </svg>
      <span className="usage-pct">{pct(used)}</span>
    </span>
  );
}
