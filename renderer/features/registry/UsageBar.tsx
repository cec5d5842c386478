/** How full a block is: used (solid) and reserved (hatched) shares of its space, drawn in SVG. */
import type { PrefixUsage } from '../../../shared/contract';
import { pct } from './blocks';

export function UsageBar({ usage, label, wide = false }: { usage: Pick<PrefixUsage, 'usedPct' | 'reservedPct'>; label: string; wide?: boolean }) {
  const used = Math.max(0, Math.min(100, usage.usedPct));
  const reserved = Math.max(0, Math.min(100 - used, usage.reservedPct));
  const level = used + reserved >= 90 ? 'over' : used + reserved >= 80 ? 'warn' : 'ok';
  const text = `${pct(used)} used${reserved > 0 ? `, ${pct(reserved)} reserved` : ''}`;
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
        {used > 0 && <rect className="usage-used" x="0" y="0" width={Math.max(used, 1)} height="10" />}
        {reserved > 0 && <rect className="usage-reserved" x={used} y="0" width={Math.max(reserved, 1)} height="10" />}
      </svg>
      <span className="usage-pct">{pct(used)}</span>
    </span>
  );
}
