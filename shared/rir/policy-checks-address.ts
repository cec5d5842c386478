/** Checks CHK-01…CHK-13: who should ask, prefix sanity, and the IPv6 size rules (§7). */
import { formatPrefix, prefixContains, type Prefix } from '../ip/prefix';
import { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE, OTHER_SPECIAL_BLOCKS } from '../ip/special-purpose-data';
import type { RequestDraft } from './draft';
import { arinEndUserPrefix, arinLirMaxPrefix, hdThreshold } from './ipv6-sizing';
import { missing, num, row, tryPrefix, fail, ok, type PolicyCheck } from './policy-check-core';
import { POLICY_TABLE } from './policy-table';
import { RIR_NAMES } from './rir';

/**
 * Documentation and special-use blocks a real draft must not carry: every block of the IANA
 * special-purpose registries (shared/ip/special-purpose-data, current with 3fff::/20, RFC 9637)
 * that is not globally reachable, once each (docs/rir.md §11).
 */
export const SPECIAL_USE_PREFIXES: readonly string[] = [
  ...new Set([...IPV4_SPECIAL_PURPOSE, ...IPV6_SPECIAL_PURPOSE, ...OTHER_SPECIAL_BLOCKS].filter((r) => r.flags.G !== 'True').flatMap((r) => r.blocks)),
];
const SPECIAL: readonly Prefix[] = SPECIAL_USE_PREFIXES.map((t) => tryPrefix(t)!);

/** Documentation (RFC 5398), private (RFC 6996) and reserved ASNs. */
export function specialAsnReason(asn: number): string | null {
  if ((asn >= 64496 && asn <= 64511) || (asn >= 65536 && asn <= 65551)) return 'documentation ASN (RFC 5398)';
  if ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294)) return 'private ASN (RFC 6996)';
  if (asn === 0 || asn === 23456 || asn === 65535 || asn === 4294967295) return 'reserved ASN';
  return null;
}

/** Every prefix text the draft names (request, holdings, routes to originate). */
function draftPrefixes(d: RequestDraft): string[] {
  return [...(d.request.prefix ? [d.request.prefix] : []), ...d.holdings.map((h) => h.prefix), ...d.originate];
}

const len = (d: RequestDraft): number | undefined => d.request.prefixLength;

export const ADDRESS_CHECKS: readonly PolicyCheck[] = [
  {
    rule: 'CHK-01',
    title: 'End user with one upstream: ask the upstream first',
    rirs: 'all',
    kinds: ['ipv4'],
    severity: 'I',
    source: '[RFC2901 Prerequisites], [RFC1930 §5.1]',
    run: (d) => {
      const c = d.connectivity;
      const triggered = d.organisation.role === 'end-user' && c.upstreams.length <= 1 && c.ownAsn === undefined;
      return triggered
        ? fail('an end user with one upstream and no ASN normally gets IPv4 from the upstream or the transfer market, not the RIR')
        : ok('requester is not a single-homed end user without an ASN');
    },
  },
  {
    rule: 'CHK-02',
    title: 'Prefixes valid, no host bits',
    rirs: 'all',
    severity: 'E',
    source: 'app rule; §5.3',
    run: (d) => {
      const bad: string[] = [];
      for (const t of draftPrefixes(d)) {
        if (!tryPrefix(t)) bad.push(t);
      }
      if (d.request.prefixLength !== undefined) {
        const max = d.request.kind === 'ipv4' ? 32 : 128;
        if (!Number.isInteger(d.request.prefixLength) || d.request.prefixLength < 0 || d.request.prefixLength > max) bad.push(`/${d.request.prefixLength}`);
      }
      return bad.length > 0 ? fail(`invalid prefix or host bits set: ${bad.join(', ')}`) : ok('every prefix is valid');
    },
  },
  {
    rule: 'CHK-03',
    title: 'No documentation or special-use resources',
    rirs: 'all',
    severity: 'E',
    source: '[RFC5737], [RFC3849], [RFC5398], [RFC6996]',
    run: (d) => {
      if (d.isExample) return null;
      const bad: string[] = [];
      // Each prefix named once, however many parts of the draft carry it.
      for (const t of new Set(
        draftPrefixes(d).map((x) => {
          const p = tryPrefix(x);
          return p ? formatPrefix(p) : x;
        }),
      )) {
        const p = tryPrefix(t);
        const hits = p ? SPECIAL.filter((s) => prefixContains(s, p) || prefixContains(p, s)) : [];
        const hit = hits.sort((a, b) => b.length - a.length)[0];
        if (p && hit) bad.push(formatPrefix(p) === formatPrefix(hit) ? formatPrefix(p) : `${formatPrefix(p)} (in ${formatPrefix(hit)})`);
      }
      const c = d.connectivity;
      for (const asn of [c.ownAsn, ...c.upstreams.map((u) => u.asn), ...c.peers.map((p) => p.asn)]) {
        const why = asn === undefined ? null : specialAsnReason(asn);
        if (why) bad.push(`AS${asn} (${why})`);
      }
      return bad.length > 0
        ? fail(`documentation or special-use resources in a real draft: ${bad.join(', ')}`)
        : ok('no documentation or special-use resources');
    },
  },
  {
    rule: 'CHK-04',
    title: 'ARIN IPv6 on a nibble boundary',
    rirs: ['arin'],
    kinds: ['ipv6'],
    severity: 'E',
    source: 'ARIN NRPM 6.5.2.1 (a): allocations on nibble boundaries',
    run: (d) => {
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const r = row(d, 'ipv6', 'nibble-boundary');
      return l % 4 === 0 ? ok(`/${l} is on a nibble boundary`, [r]) : fail(`/${l} is not on a nibble boundary (ARIN allocates /…, /28, /32, /36, /40…)`, [r]);
    },
  },
  {
    rule: 'CHK-05',
    title: 'IPv6 on a nibble boundary (advice)',
    rirs: ['ripe', 'apnic', 'lacnic', 'afrinic'],
    kinds: ['ipv6'],
    severity: 'W',
    source: 'advice (RFC 3596 §2.5: reverse zones delegate on nibbles); no rule at this RIR',
    run: (d) => {
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const r = row(d, 'ipv6', 'nibble-advice');
      // The RIR's own size without documentation (RIPE: /29, ripe-738 §5.1.2) is not advised against.
      const own = POLICY_TABLE.find((p) => p.rir === d.request.rir && p.family === 'ipv6' && p.key === 'no-justification-max-prefix' && p.confirmed);
      if (own && l === own.value)
        return ok(
          `/${l} is the size the ${RIR_NAMES[d.request.rir]} gives without documentation (${own.source}); its reverse zones are nibble zones one level down`,
          [own],
        );
      return l % 4 === 0
        ? ok(`/${l} is on a nibble boundary`, [r])
        : fail(`/${l} is not on a nibble boundary; nibble-aligned sizes keep reverse DNS simple`, [r]);
    },
  },
  {
    rule: 'CHK-06',
    title: 'ARIN LIR IPv6 no larger than 6.5.2.1c allows',
    rirs: ['arin'],
    kinds: ['ipv6'],
    severity: 'E',
    source: '[ARIN-2025-6]',
    run: (d) => {
      if (d.organisation.role !== 'lir') return null;
      const l = len(d);
      const s = d.ipv6;
      if (l === undefined) return missing('the requested prefix length');
      if (s?.servingSites === undefined || s.largestSiteEndSites === undefined) return missing('serving sites and end sites at the largest site');
      const pauRow = row(d, 'ipv6', 'provider-allocation-unit');
      const max = arinLirMaxPrefix(s.servingSites, s.largestSiteEndSites, s.providerAllocationUnit ?? num(pauRow));
      const rows = [pauRow, row(d, 'ipv6', 'site-fill-pct')];
      return l < max
        ? fail(`/${l} is larger than the /${max} that ${s.servingSites} serving sites with ${s.largestSiteEndSites} end sites at the largest justify`, rows)
        : ok(`/${l} is within the /${max} the site counts justify`, rows);
    },
  },
  {
    rule: 'CHK-07',
    title: 'ARIN LIR IPv6 longer than /32 only as /36 or /40',
    rirs: ['arin'],
    kinds: ['ipv6'],
    severity: 'W',
    source: '6.5.2.1b UNCONFIRMED',
    run: (d) => {
      if (d.organisation.role !== 'lir') return null;
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const rows = [row(d, 'ipv6', 'lir-min-prefix'), row(d, 'ipv6', 'lir-small-prefixes')];
      const allowed = String(rows[1]!.value).split(',').map(Number);
      return l > num(rows[0]!) && !allowed.includes(l)
        ? fail(`/${l} is longer than /32 and is neither /36 nor /40`, rows)
        : ok(`/${l} is an ARIN LIR size`, rows);
    },
  },
  {
    rule: 'CHK-08',
    title: 'ARIN end-user IPv6 size for the site count',
    rirs: ['arin'],
    kinds: ['ipv6'],
    severity: 'W',
    source: '[ARIN-prop-346]',
    run: (d) => {
      if (d.organisation.role !== 'end-user') return null;
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      if (d.ipv6?.endUserSites === undefined) return missing('the number of sites');
      const want = arinEndUserPrefix(d.ipv6.endUserSites);
      const rows = [row(d, 'ipv6', 'end-user-site-prefix')];
      return l === want
        ? ok(`/${l} matches ${d.ipv6.endUserSites} site(s)`, rows)
        : fail(`${d.ipv6.endUserSites} site(s) give a /${want} under 6.5.8.2, not /${l}`, rows);
    },
  },
  {
    rule: 'CHK-09',
    title: 'ARIN IPv6 subsequent: 75% total or a site over 90%',
    rirs: ['arin'],
    kinds: ['ipv6'],
    severity: 'E',
    source: '[ARIN-prop-159] (6.5.3)',
    run: (d) => {
      if (d.request.type !== 'subsequent') return null;
      const s = d.ipv6;
      if (s?.totalUsedPct === undefined) return missing('the total IPv6 utilization');
      const rows = [row(d, 'ipv6', 'subsequent-total-pct'), row(d, 'ipv6', 'subsequent-site-pct')];
      const [total, site] = rows.map(num) as [number, number];
      const pass = s.totalUsedPct >= total || (s.maxSiteUsedPct ?? 0) > site;
      return pass
        ? ok(`utilization ${s.totalUsedPct}% total, ${s.maxSiteUsedPct ?? 0}% at the busiest site qualifies`, rows)
        : fail(`total use ${s.totalUsedPct}% is below ${total}% and no serving site is above ${site}%`, rows);
    },
  },
  {
    rule: 'CHK-10',
    title: 'RIPE initial IPv6 shorter than /29 needs justification',
    rirs: ['ripe'],
    kinds: ['ipv6'],
    severity: 'E',
    source: 'RIPE ripe-738 §5.1.2 (up to a /29 without documentation)',
    run: (d) => {
      if (d.request.type !== 'initial') return null;
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const r = row(d, 'ipv6', 'no-justification-max-prefix');
      const justified = (d.request.justification ?? '').trim() !== '';
      return l < num(r) && !justified
        ? fail(`/${l} is larger than /${num(r)}, which needs a written justification`, [r])
        : ok(l < num(r) ? `/${l} comes with a justification` : `/${l} needs no justification`, [r]);
    },
  },
  ...(['ripe', 'afrinic'] as const).map((which): PolicyCheck => ({
    rule: which === 'ripe' ? 'CHK-11' : 'CHK-12',
    title: `IPv6 subsequent: HD-ratio threshold in /${which === 'ripe' ? 56 : 48} units`,
    rirs: which === 'ripe' ? ['ripe', 'apnic'] : ['afrinic'],
    kinds: ['ipv6'],
    severity: 'E',
    source: which === 'ripe' ? 'RIPE ripe-738 §5.1.2, §5.2 (HD-ratio 0.94 in /56 units); APNIC-127 (HD-ratio 0.94)' : '[AFRINIC-HD-0.94]',
    run: (d) => {
      if (d.request.type !== 'subsequent') return null;
      const s = d.ipv6;
      // RIPE (ripe-738 §5.1.2): an allocation is extended up to a /29 without any utilisation test.
      if (d.request.rir === 'ripe') {
        const r = row(d, 'ipv6', 'no-justification-max-prefix');
        const l = len(d);
        if (l !== undefined && l >= num(r)) return ok(`an extension up to /${num(r)} needs no utilisation test (ripe-738 §5.1.2)`, [r]);
      }
      if (s?.currentAllocationLength === undefined || s.assignedUnits === undefined) return missing('the current allocation and its assigned units');
      const rows = [row(d, 'ipv6', 'hd-unit-prefix'), row(d, 'ipv6', 'hd-ratio')];
      const unit = num(rows[0]!);
      const t = hdThreshold(s.currentAllocationLength, unit, num(rows[1]!));
      if (s.assignedUnits >= t) return ok(`${s.assignedUnits} assigned /${unit}s reach the threshold of ${t}`, rows);
      const said = `${s.assignedUnits} assigned /${unit}s in the /${s.currentAllocationLength}; the HD-ratio threshold is ${t}`;
      // RIPE (ripe-738 §5.2, since 2016-05): beyond /29 the HD-ratio is one justification among
      // others: hierarchical and geographical structure, segmentation for security, longevity.
      if (d.request.rir === 'ripe') {
        return (d.request.justification ?? '').trim() !== ''
          ? ok(`${said}; justified instead by the structure, segmentation or longevity the draft describes`, rows)
          : fail(`${said}; beyond /29 justify it by the HD-ratio or by structure, segmentation or longevity (write it in the justification)`, rows);
      }
      return fail(said, rows);
    },
  })),
  {
    rule: 'CHK-13',
    title: 'AFRINIC IPv6 announced within 12 months',
    rirs: ['afrinic'],
    kinds: ['ipv6'],
    severity: 'W',
    source: '[AFRINIC-PAPI]',
    run: (d) => {
      const r = row(d, 'ipv6', 'announce-months');
      const m = d.ipv6?.announceWithinMonths;
      return m === undefined || m > num(r)
        ? fail(`the allocation must be announced within ${num(r)} months (planned: ${m === undefined ? 'not stated' : `${m} months`})`, [r])
        : ok(`announced within ${m} months`, [r]);
    },
  },
];
