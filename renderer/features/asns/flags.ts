/** How the ASNs screen names and matches an AS number: flag labels and the filter. */
import type { AsnFlag, AsnRow } from '../../../shared/contract';

/** Short names for the special-purpose kinds (shared/asn/special.ts), as the chips show them. */
const KIND_LABEL: Record<string, string> = {
  reserved: 'Reserved',
  as112: 'AS112',
  'as-trans': 'AS_TRANS',
  documentation: 'Documentation',
  'private-use': 'Private use',
  'iana-reserved': 'IANA reserved',
};

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}

/** The chip's tooltip and accessible description: what the range is for, and where that is written. */
export function flagDescription(flag: AsnFlag): string {
  return `${flag.purpose} (${flag.rfc})`;
}

/**
 * True when `row` matches what is typed in the filter box: part of its number as AS64500,
 * 64500 or asdot 1.10, its flag, its description, or the name of the block it is in (`block`).
 * Case and blanks around it do not matter.
 */
export function matchesFilter(row: AsnRow, filter: string, block: string | null = null): boolean {
  const q = filter.trim().toLowerCase();
  if (q === '') return true;
  const number = q.replace(/^as\s*/, '');
  if (number !== '' && (String(row.asn).includes(number) || row.asdot.includes(number))) return true;
  if (`as${row.asn}`.includes(q)) return true;
  if (row.special && (kindLabel(row.special.kind).toLowerCase().includes(q) || row.special.kind.includes(q))) return true;
  if (block !== null && block.toLowerCase().includes(q)) return true;
  return row.description.toLowerCase().includes(q);
}
