/**
 * IANA Special-Purpose AS Numbers (§2.3), plus the range IANA's AS Numbers registry lists as
 * Reserved (65552–131071): not special-purpose, but never delegated, so equally suspicious as
 * "ours".
 */

export type SpecialAsnKind = 'reserved' | 'as112' | 'as-trans' | 'documentation' | 'private-use' | 'iana-reserved';

export interface SpecialAsnRow {
  readonly first: number;
  readonly last: number;
  readonly kind: SpecialAsnKind;
  readonly purpose: string;
  readonly rfc: string;
  /** Legal inside a network or a lab (private use, documentation): a note rather than a warning. */
  readonly legalInternally: boolean;
}

export const SPECIAL_ASNS: readonly SpecialAsnRow[] = [
  {
    first: 0,
    last: 0,
    kind: 'reserved',
    purpose: 'Reserved; must not appear in AS_PATH; used in AS0 ROAs to disavow a prefix',
    rfc: 'RFC 7607, RFC 6483 §4',
    legalInternally: false,
  },
  { first: 112, last: 112, kind: 'as112', purpose: 'AS112 project (sinks misdirected reverse-DNS queries)', rfc: 'RFC 7534', legalInternally: false },
  {
    first: 23456,
    last: 23456,
    kind: 'as-trans',
    purpose: 'AS_TRANS (stands in for 4-octet ASNs towards 2-octet speakers)',
    rfc: 'RFC 6793',
    legalInternally: false,
  },
  { first: 64496, last: 64511, kind: 'documentation', purpose: 'Reserved for documentation', rfc: 'RFC 5398', legalInternally: true },
  { first: 64512, last: 65534, kind: 'private-use', purpose: 'Private use', rfc: 'RFC 6996 §5', legalInternally: true },
  { first: 65535, last: 65535, kind: 'reserved', purpose: 'Reserved (last 16-bit ASN)', rfc: 'RFC 7300', legalInternally: false },
  { first: 65536, last: 65551, kind: 'documentation', purpose: 'Reserved for documentation', rfc: 'RFC 5398', legalInternally: true },
  { first: 4200000000, last: 4294967294, kind: 'private-use', purpose: 'Private use', rfc: 'RFC 6996 §5', legalInternally: true },
  { first: 4294967295, last: 4294967295, kind: 'reserved', purpose: 'Reserved (last 32-bit ASN)', rfc: 'RFC 7300', legalInternally: false },
];

/** In IANA's AS Numbers registry, not the special-purpose one: reserved, never delegated. */
export const IANA_RESERVED_ASNS: SpecialAsnRow = {
  first: 65552,
  last: 131071,
  kind: 'iana-reserved',
  purpose: 'Reserved by IANA (AS Numbers registry), never delegated to an RIR',
  rfc: 'IANA AS Numbers registry',
  legalInternally: false,
};

/** Number of ASNs in a row (computed from the bounds, as the spec's counts are). */
export function specialAsnCount(row: SpecialAsnRow): number {
  return row.last - row.first + 1;
}

/** The special-purpose (or IANA-reserved) row holding `asn`, or null for an ordinary ASN. */
export function classifyAsn(asn: number): SpecialAsnRow | null {
  for (const row of SPECIAL_ASNS) if (asn >= row.first && asn <= row.last) return row;
  if (asn >= IANA_RESERVED_ASNS.first && asn <= IANA_RESERVED_ASNS.last) return IANA_RESERVED_ASNS;
  return null;
}

/**
 * The warning to show when a planner records `asn` as one of theirs (§2.4), or null. Private and
 * documentation numbers still get one, worded as legal only inside the network or a lab.
 */
export function ownAsnWarning(asn: number): string | null {
  const row = classifyAsn(asn);
  if (row === null) return null;
  const span = row.first === row.last ? `AS${row.first}` : `AS${row.first}–AS${row.last}`;
  const base = `AS${asn} is in ${span}: ${row.purpose} (${row.rfc})`;
  return row.legalInternally ? `${base}; fine inside your network or a lab, never announced to the Internet` : `${base}; it cannot be an AS number of yours`;
}
