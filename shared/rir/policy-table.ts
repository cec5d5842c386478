/**
 * RIR policy values as data (specs/rir-requests.md §2, §8): one row per value, with its
 * source tag, the date the research checked it, and whether it was confirmed. The checks
 * (policy-checks*.ts) read values only from here; an unconfirmed row never yields a hard
 * error, only "verify with the RIR".
 */
import type { Rir } from './rir';

export type PolicyFamily = 'ipv4' | 'ipv6' | 'asn' | 'rdns';
export type PolicyValue = number | string | boolean;

export interface PolicyRow {
  readonly rir: Rir | 'all';
  readonly family: PolicyFamily;
  readonly key: string;
  readonly value: PolicyValue;
  /** `prefix-length`, `addresses`, `percent`, `months`, `days`, `count`, `ratio`, `date`, `flag`, `text`. */
  readonly unit: string;
  /** Source tag(s) of §9, or `—` where none was found. */
  readonly source: string;
  /** The day the research last checked the source (spec: material up to May 2026). */
  readonly asOf: string;
  readonly confirmed: boolean;
}

/** Version of this table; bump when a row changes so exported drafts say which table judged them. */
export const POLICY_TABLE_VERSION = '2026-12-03.2';
const AS_OF = '2026-05-31';

type R = readonly [Rir | 'all', PolicyFamily, string, PolicyValue, string, string, boolean?];

const ROWS: readonly R[] = [
  // ARIN IPv4 (§2.1)
  ['arin', 'ipv4', 'min-prefix', 24, 'prefix-length', '[ARIN-prop-252]'],
  ['arin', 'ipv4', 'initial-isp-max-prefix', 21, 'prefix-length', '[ARIN-prop-252]'],
  ['arin', 'ipv4', 'waitlist-max-prefix', 22, 'prefix-length', 'ARIN NRPM 4.1.8'],
  ['arin', 'ipv4', 'waitlist-min-prefix', 24, 'prefix-length', 'ARIN NRPM 4.1.8'],
  ['arin', 'ipv4', 'waitlist-max-holdings-prefix', 20, 'prefix-length', 'ARIN NRPM 4.1.8'],
  ['arin', 'ipv4', 'waitlist-repeat-days', 90, 'days', 'ARIN NRPM 4.1.8'],
  ['arin', 'ipv4', 'waitlist-transfer-lock-months', 60, 'months', 'ARIN NRPM 4.1.8 (as amended by ARIN-2020-1: 8.2 transfers excepted)'],
  ['arin', 'ipv4', 'transfer-utilization-pct', 80, 'percent', 'ARIN NRPM 8.5.7'],
  ['arin', 'ipv4', 'transfer-max-prefix', 16, 'prefix-length', 'ARIN NRPM 8.5.7'],
  ['arin', 'ipv4', 'transfer-horizon-months', 24, 'months', 'ARIN NRPM 8.5.5'],
  ['arin', 'ipv4', 'exhaustion-date', '2015-09-24', 'date', '—', false],
  ['arin', 'ipv4', 'transfer-need-pct', 50, 'percent', '—', false],
  // ARIN IPv6
  ['arin', 'ipv6', 'nibble-boundary', true, 'flag', 'ARIN NRPM 6.5.2.1 (a)'],
  ['arin', 'ipv6', 'lir-min-prefix', 32, 'prefix-length', '—', false],
  ['arin', 'ipv6', 'lir-small-prefixes', '36,40', 'text', '—', false],
  ['arin', 'ipv6', 'provider-allocation-unit', 48, 'prefix-length', '[ARIN-2025-6]'],
  ['arin', 'ipv6', 'site-fill-pct', 75, 'percent', '[ARIN-2025-6]'],
  ['arin', 'ipv6', 'subsequent-total-pct', 75, 'percent', '[ARIN-prop-159]'],
  ['arin', 'ipv6', 'subsequent-site-pct', 90, 'percent', '[ARIN-prop-159]'],
  ['arin', 'ipv6', 'end-user-site-prefix', 48, 'prefix-length', '[ARIN-prop-346]'],
  // ARIN ASN
  ['arin', 'asn', 'criterion', 'unique-policy-or-multihomed', 'text', '[ARIN-2021-3]'],
  ['arin', 'asn', 'bits-practice', 'any', 'text', '—', false],
  // RIPE IPv4 (§2.2)
  ['ripe', 'ipv4', 'request-prefix', 24, 'prefix-length', 'RIPE IPv4 policy §5.1 (ripe-725 on)'],
  ['ripe', 'ipv4', 'max-total-addresses', 256, 'addresses', 'RIPE IPv4 policy §5.1 (ripe-725 on)'],
  ['ripe', 'ipv4', 'never-held-required', true, 'flag', 'RIPE IPv4 policy §5.1 (ripe-725 on)'],
  ['ripe', 'ipv4', 'transfer-holding-months', 24, 'months', '—', false],
  // RIPE IPv6
  ['ripe', 'ipv6', 'min-prefix', 32, 'prefix-length', '[RIPE-proposals-list]'],
  ['ripe', 'ipv6', 'no-justification-max-prefix', 29, 'prefix-length', 'RIPE ripe-738 §5.1.2'],
  ['ripe', 'ipv6', 'hd-ratio', 0.94, 'ratio', '[RIPE-APWG-HD]'],
  ['ripe', 'ipv6', 'hd-unit-prefix', 56, 'prefix-length', '[RIPE-APWG-HD]'],
  ['ripe', 'ipv6', 'nibble-advice', true, 'flag', 'advice (RFC 3596 §2.5)', false],
  // RIPE ASN
  ['ripe', 'asn', 'min-neighbours', 2, 'count', '[ripe-679 §2.0], [RIPE-AS-page]'],
  ['ripe', 'asn', 'rpsl-policy-required', true, 'flag', '[ripe-679 §2.0], [ripe-442]'],
  ['ripe', 'asn', 'default-bits', 32, 'count', '[ripe-562]'],
  // APNIC (§2.3)
  ['apnic', 'ipv4', 'min-prefix', 24, 'prefix-length', '[APNIC-blog-2019-02]'],
  ['apnic', 'ipv4', 'max-total-addresses', 512, 'addresses', '[APNIC-blog-2019-02], [APNIC-prop-168]'],
  ['apnic', 'ipv4', 'subsequent-threshold-pct', 80, 'percent', '—', false],
  ['apnic', 'ipv6', 'min-prefix', 32, 'prefix-length', '[APNIC-090]'],
  ['apnic', 'ipv6', 'hd-ratio', 0.94, 'ratio', '[APNIC-114-draft-table]'],
  ['apnic', 'ipv6', 'hd-unit-prefix', 56, 'prefix-length', '[APNIC-114-draft-table]'],
  ['apnic', 'ipv6', 'no-justification-max-prefix', 29, 'prefix-length', '—', false],
  ['apnic', 'ipv6', 'nibble-advice', true, 'flag', 'advice (RFC 3596 §2.5)', false],
  ['apnic', 'asn', 'soon-months-ipv4', 1, 'months', '[APNIC-multihoming-template]'],
  ['apnic', 'asn', 'soon-months-ipv6', 3, 'months', '[APNIC-multihoming-template]'],
  ['apnic', 'asn', 'min-peers', 2, 'count', '[APNIC-multihoming-template]'],
  ['apnic', 'asn', 'default-bits', 32, 'count', '[APNIC-ASN-archive]'],
  // LACNIC (§2.4)
  ['lacnic', 'ipv4', 'min-prefix', 24, 'prefix-length', '[LACNIC-11.1]'],
  ['lacnic', 'ipv4', 'max-prefix', 22, 'prefix-length', '[LACNIC-11.1]'],
  ['lacnic', 'ipv4', 'horizon-months', 12, 'months', '[LACNIC-11.1]'],
  ['lacnic', 'ipv4', 'waitlist-max-addresses', 1024, 'addresses', '[LACNIC-waitlist]'],
  ['lacnic', 'ipv4', 'requires-ipv6', true, 'flag', '[LACNIC-11.1], [LACNIC-waitlist]'],
  ['lacnic', 'ipv6', 'initial-prefix', 32, 'prefix-length', '—', false],
  ['lacnic', 'ipv6', 'hd-ratio', 0.94, 'ratio', '—', false],
  ['lacnic', 'ipv6', 'hd-unit-prefix', 48, 'prefix-length', '[LACNIC-ch4]'],
  ['lacnic', 'ipv6', 'nibble-advice', true, 'flag', 'advice (RFC 3596 §2.5)', false],
  ['lacnic', 'asn', 'interconnection-required', true, 'flag', 'LACNIC LAC-2014-2 (implemented 2015-03-03)'],
  // AFRINIC (§2.5)
  ['afrinic', 'ipv4', 'min-prefix', 24, 'prefix-length', '[AFRINIC-phase2]'],
  ['afrinic', 'ipv4', 'max-prefix', 22, 'prefix-length', '[AFRINIC-phase2]'],
  ['afrinic', 'ipv4', 'horizon-months', 8, 'months', '[AFRINIC-phase2]'],
  ['afrinic', 'ipv4', 'subsequent-used-pct', 90, 'percent', '[AFRINIC-phase2]'],
  ['afrinic', 'ipv6', 'min-prefix', 32, 'prefix-length', '[AFRINIC-ipv6]'],
  ['afrinic', 'ipv6', 'announce-months', 12, 'months', '[AFRINIC-ipv6], [AFRINIC-PAPI]'],
  ['afrinic', 'ipv6', 'hd-ratio', 0.94, 'ratio', '[AFRINIC-HD-0.94]'],
  ['afrinic', 'ipv6', 'hd-unit-prefix', 48, 'prefix-length', '[AFRINIC-HD-0.94]'],
  ['afrinic', 'ipv6', 'nibble-advice', true, 'flag', '[AFRINIC-ipv6]'],
  ['afrinic', 'ipv6', 'no-justification-max-prefix', 29, 'prefix-length', '—', false],
  ['afrinic', 'asn', 'min-neighbour-ases', 2, 'count', 'AFRINIC AFPUB-2006-ASN-001 §4.0 (CPM §7.4)'],
  // All RIRs
  ['all', 'rdns', 'min-nameservers', 2, 'count', '[RFC1034 §4.1]'],
];

export const POLICY_TABLE: readonly PolicyRow[] = ROWS.map(([rir, family, key, value, unit, source, confirmed]) => ({
  rir,
  family,
  key,
  value,
  unit,
  source,
  asOf: AS_OF,
  confirmed: confirmed ?? true,
}));

/** The row for (rir, family, key), falling back to the `all` row; throws when the table lacks it (a programming error). */
export function policyRow(rir: Rir, family: PolicyFamily, key: string): PolicyRow {
  const row =
    POLICY_TABLE.find((r) => r.rir === rir && r.family === family && r.key === key) ??
    POLICY_TABLE.find((r) => r.rir === 'all' && r.family === family && r.key === key);
  if (!row) throw new Error(`policy table has no ${rir}.${family}.${key}`);
  return row;
}

export function policyNumber(rir: Rir, family: PolicyFamily, key: string): number {
  const v = policyRow(rir, family, key).value;
  if (typeof v !== 'number') throw new Error(`policy ${rir}.${family}.${key} is not a number`);
  return v;
}

/** `rirPolicy.<rir>.<family>` as a key → value map (unconfirmed values included; read `policyRow` for the flag). */
export function rirPolicy(rir: Rir, family: PolicyFamily): Record<string, PolicyValue> {
  const out: Record<string, PolicyValue> = {};
  for (const r of POLICY_TABLE) if ((r.rir === 'all' || r.rir === rir) && r.family === family && !(r.key in out && r.rir === 'all')) out[r.key] = r.value;
  return out;
}

export interface PendingProposal {
  readonly rir: Rir;
  readonly id: string;
  readonly family: PolicyFamily;
  readonly summary: string;
  readonly state: string;
  readonly source: string;
  readonly confirmed: boolean;
}

/** Proposals that would change a rule the checks use (CHK-35). */
export const PENDING_PROPOSALS: readonly PendingProposal[] = [
  {
    rir: 'arin',
    id: 'ARIN-2023-8',
    family: 'ipv4',
    summary: 'waitlist: max /24, never-held-IPv4 requirement, need for a /24 on an operating network',
    state: 'Under Discussion (27 Jun 2025 text)',
    source: '[ARIN-2023-8]',
    confirmed: true,
  },
  { rir: 'arin', id: 'ARIN-2025-6', family: 'ipv6', summary: 'fixes the 6.5.2.1c formula (log2)', state: 'draft', source: '[ARIN-2025-6]', confirmed: true },
  {
    rir: 'arin',
    id: 'ARIN-2025-7',
    family: 'ipv6',
    summary: 'single-site end-user wording (6.5.8.2)',
    state: 'draft',
    source: '[ARIN-prop-346]',
    confirmed: true,
  },
  {
    rir: 'ripe',
    id: 'RIPE 2024-02',
    family: 'ipv6',
    summary: 'initial /32…/28 without documentation, one extension to /28',
    state: 'Review Phase ended 11 Jun 2025; outcome UNCONFIRMED',
    source: '[RIPE-2024-02-review]',
    confirmed: false,
  },
  {
    rir: 'apnic',
    id: 'prop-168',
    family: 'ipv4',
    summary: 'up to /22 for holders below a /22 aggregate, 5-year transfer lock, /16 reserve',
    state: 'for APNIC 61',
    source: '[APNIC-prop-168]',
    confirmed: true,
  },
  {
    rir: 'afrinic',
    id: 'AFPUB-2026-IPv4-001',
    family: 'ipv4',
    summary: 'soft landing made irreversible',
    state: 'under discussion',
    source: '[AFRINIC-2026-001]',
    confirmed: true,
  },
  {
    rir: 'afrinic',
    id: 'AFPUB-2026-IPv4-002',
    family: 'ipv4',
    summary: 'relaxes the 90% usage rule',
    state: 'under discussion',
    source: '[AFRINIC-2026-002]',
    confirmed: true,
  },
];
