/** ASN blocks on the ASNs screen: which block an ASN falls in, what a new block would overlap, how full one is. */
import type { AsnRangeRow } from '../../../shared/contract';

/** The block holding `asn` (blocks never overlap, so there is at most one), or null. */
export function blockOf(asn: number, blocks: readonly AsnRangeRow[]): AsnRangeRow | null {
  return blocks.find((b) => b.first <= asn && asn <= b.last) ?? null;
}

/** The first listed block that shares an ASN with first–last, or null (the service's own check decides). */
export function overlapping(first: number, last: number, blocks: readonly AsnRangeRow[]): AsnRangeRow | null {
  return blocks.find((b) => b.first <= last && b.last >= first) ?? null;
}

/** AS64496–AS64511, or AS64496 for a block of one. */
export function rangeText(first: number, last: number): string {
  return first === last ? `AS${first}` : `AS${first}–AS${last}`;
}

export type UsageLevel = 'ok' | 'warn' | 'full';

/** Share of the block recorded, 0–100, and how worrying that is (80 % and over warns, a full block has none left). */
export function blockUsage(b: Pick<AsnRangeRow, 'used' | 'size'>): { pct: number; level: UsageLevel } {
  const pct = b.size > 0 ? Math.min(100, (b.used / b.size) * 100) : 0;
  return { pct, level: b.used >= b.size ? 'full' : pct >= 80 ? 'warn' : 'ok' };
}

/** 31 % or 0.4 % (a sliver of a huge block still shows it is not empty). */
export function pctText(pct: number): string {
  if (pct === 0 || pct >= 100) return `${Math.round(pct)} %`;
  // Not full is never shown as 100 %.
  if (pct >= 10) return `${Math.min(99, Math.round(pct))} %`;
  return `${pct < 0.1 ? '<0.1' : pct.toFixed(1)} %`;
}
