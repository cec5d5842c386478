/**
 * Classification against the special-purpose tables (§1.5): longest match for an address or a
 * prefix inside a row (192.0.0.9 is G=True inside a G=False /24), and the warnings for a block
 * entered as RIR space that overlaps any row.
 */
import { parsePrefix, prefixContains, prefixesOverlap, formatPrefix, type Address, type Prefix } from './prefix';
import { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE, OTHER_SPECIAL_BLOCKS, type SpecialPurposeRow } from './special-purpose-data';

export interface SpecialPurposeMatch {
  readonly row: SpecialPurposeRow;
  /** The block of the row that matched. */
  readonly block: Prefix;
}

interface Entry {
  readonly row: SpecialPurposeRow;
  readonly block: Prefix;
}

// Parsed once; the table is small (55 blocks), so a scan beats any index.
const ENTRIES: readonly Entry[] = [...IPV4_SPECIAL_PURPOSE, ...IPV6_SPECIAL_PURPOSE, ...OTHER_SPECIAL_BLOCKS].flatMap((row) =>
  row.blocks.map((b) => ({ row, block: parsePrefix(b) })),
);

const asPrefix = (x: Prefix | Address): Prefix => ('value' in x ? ({ family: x.family, start: x.value, length: x.family === 4 ? 32 : 128 } as Prefix) : x);

export interface Classification {
  /** Every row whose block holds the query, outermost first. */
  readonly matches: SpecialPurposeMatch[];
  /** The most specific of them (longest match), or null for ordinary space. */
  readonly mostSpecific: SpecialPurposeMatch | null;
  /** From the most specific row: only 'True' counts; 'N/A', blank and 'False' do not (§1.5). */
  readonly isGloballyReachable: boolean;
}

/** Classifies an address or a prefix lying inside special-purpose rows. */
export function classifySpecialPurpose(query: Prefix | Address): Classification {
  const q = asPrefix(query);
  const matches = ENTRIES.filter((e) => prefixContains(e.block, q)).sort((a, b) => a.block.length - b.block.length);
  const mostSpecific = matches[matches.length - 1] ?? null;
  return { matches, mostSpecific, isGloballyReachable: mostSpecific === null || mostSpecific.row.flags.G === 'True' };
}

const GLOBAL_UNICAST_V6 = parsePrefix('2000::/3');

/**
 * Warnings for a block entered as RIR space (§1.5): one per special-purpose row it overlaps
 * (inside it or containing it), naming the row; and, for IPv6, one when it is not inside
 * 2000::/3, the only range IANA hands to RIRs.
 */
export function rirSpaceWarnings(block: Prefix): string[] {
  const text = formatPrefix(block);
  const warnings: string[] = [];
  if (block.family === 6 && !prefixContains(GLOBAL_UNICAST_V6, block)) {
    warnings.push(`${text} is not inside 2000::/3, the only IPv6 range IANA delegates to RIRs`);
  }
  for (const e of ENTRIES) {
    if (!prefixesOverlap(e.block, block)) continue;
    const where = prefixContains(e.block, block) ? 'lies inside' : 'contains';
    warnings.push(`${text} ${where} ${formatPrefix(e.block)}, ${e.row.name} (${e.row.rfc})`);
  }
  return warnings;
}
