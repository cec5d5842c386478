/** Checks CHK-01…CHK-22: who should ask, prefix sanity, and the per-RIR size rules (§7). */
import { formatPrefix, prefixContains, type Prefix } from '../ip/prefix';
import type { RequestDraft } from './draft';
import { arinEndUserPrefix, arinLirMaxPrefix, hdThreshold } from './ipv6-sizing';
import {
  daysBetween, ipv4Addresses, missing, num, requestedIpv4Addresses, row, tryPrefix, weightedUsedPct, type Finding, type PolicyCheck,
} from './policy-check-core';

const ok = (message: string, rows: Finding['rows'] = []): Finding => ({ ok: true, message, rows });
const fail = (message: string, rows: Finding['rows'] = [], severity?: Finding['severity']): Finding =>
  severity ? { ok: false, message, rows, severity } : { ok: false, message, rows };

/** Documentation and special-use blocks a real draft must not carry. */
export const SPECIAL_USE_PREFIXES: readonly string[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8',
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

const isV6 = (d: RequestDraft): boolean => d.request.kind === 'ipv6';
const len = (d: RequestDraft): number | undefined => d.request.prefixLength;

export const ADDRESS_CHECKS: readonly PolicyCheck[] = [
  {
    rule: 'CHK-01', title: 'End user with one upstream: ask the upstream first', rirs: 'all', kinds: ['ipv4'], severity: 'I',
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
    rule: 'CHK-02', title: 'Prefixes valid, no host bits', rirs: 'all', severity: 'E', source: 'app rule; §5.3',
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
    rule: 'CHK-03', title: 'No documentation or special-use resources', rirs: 'all', severity: 'E', source: '[RFC5737], [RFC3849], [RFC5398], [RFC6996]',
    run: (d) => {
      if (d.isExample) return null;
      const bad: string[] = [];
      for (const t of draftPrefixes(d)) {
        const p = tryPrefix(t);
        const hit = p && SPECIAL.find((s) => prefixContains(s, p) || prefixContains(p, s));
        if (p && hit) bad.push(`${formatPrefix(p)} (in ${formatPrefix(hit)})`);
      }
      const c = d.connectivity;
      for (const asn of [c.ownAsn, ...c.upstreams.map((u) => u.asn), ...c.peers.map((p) => p.asn)]) {
        const why = asn === undefined ? null : specialAsnReason(asn);
        if (why) bad.push(`AS${asn} (${why})`);
      }
      return bad.length > 0 ? fail(`documentation or special-use resources in a real draft: ${bad.join(', ')}`) : ok('no documentation or special-use resources');
    },
  },
  {
    rule: 'CHK-04', title: 'ARIN IPv6 on a nibble boundary', rirs: ['arin'], kinds: ['ipv6'], severity: 'E', source: '[ARIN-2025-6] (6.5.2.1a)',
    run: (d) => {
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const r = row(d, 'ipv6', 'nibble-boundary');
      return l % 4 === 0 ? ok(`/${l} is on a nibble boundary`, [r]) : fail(`/${l} is not on a nibble boundary (ARIN allocates /…, /28, /32, /36, /40…)`, [r]);
    },
  },
  {
    rule: 'CHK-05', title: 'IPv6 on a nibble boundary (advice)', rirs: ['ripe', 'apnic', 'lacnic', 'afrinic'], kinds: ['ipv6'], severity: 'W',
    source: '[AFRINIC-ipv6], [RIPE-2024-02 rationale]',
    run: (d) => {
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const r = row(d, 'ipv6', 'nibble-advice');
      return l % 4 === 0 ? ok(`/${l} is on a nibble boundary`, [r]) : fail(`/${l} is not on a nibble boundary; nibble-aligned sizes keep reverse DNS simple`, [r]);
    },
  },
  {
    rule: 'CHK-06', title: 'ARIN LIR IPv6 no larger than 6.5.2.1c allows', rirs: ['arin'], kinds: ['ipv6'], severity: 'E', source: '[ARIN-2025-6]',
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
    rule: 'CHK-07', title: 'ARIN LIR IPv6 longer than /32 only as /36 or /40', rirs: ['arin'], kinds: ['ipv6'], severity: 'W', source: '6.5.2.1b UNCONFIRMED',
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
    rule: 'CHK-08', title: 'ARIN end-user IPv6 size for the site count', rirs: ['arin'], kinds: ['ipv6'], severity: 'W', source: '[ARIN-prop-346]',
    run: (d) => {
      if (d.organisation.role !== 'end-user') return null;
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      if (d.ipv6?.endUserSites === undefined) return missing('the number of sites');
      const want = arinEndUserPrefix(d.ipv6.endUserSites);
      const rows = [row(d, 'ipv6', 'end-user-site-prefix')];
      return l === want ? ok(`/${l} matches ${d.ipv6.endUserSites} site(s)`, rows) : fail(`${d.ipv6.endUserSites} site(s) give a /${want} under 6.5.8.2, not /${l}`, rows);
    },
  },
  {
    rule: 'CHK-09', title: 'ARIN IPv6 subsequent: 75% total or a site over 90%', rirs: ['arin'], kinds: ['ipv6'], severity: 'E', source: '[ARIN-prop-159] (6.5.3)',
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
    rule: 'CHK-10', title: 'RIPE initial IPv6 shorter than /29 needs justification', rirs: ['ripe'], kinds: ['ipv6'], severity: 'E',
    source: '[RIPE-proposals-list], [APNIC-prop-112]',
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
    source: which === 'ripe' ? '[RIPE-APWG-HD], [APNIC-114-draft-table]' : '[AFRINIC-HD-0.94]',
    run: (d) => {
      if (d.request.type !== 'subsequent') return null;
      const s = d.ipv6;
      if (s?.currentAllocationLength === undefined || s.assignedUnits === undefined) return missing('the current allocation and its assigned units');
      const rows = [row(d, 'ipv6', 'hd-unit-prefix'), row(d, 'ipv6', 'hd-ratio')];
      const unit = num(rows[0]!);
      const t = hdThreshold(s.currentAllocationLength, unit, num(rows[1]!));
      return s.assignedUnits < t
        ? fail(`${s.assignedUnits} assigned /${unit}s in the /${s.currentAllocationLength}; the HD-ratio threshold is ${t}`, rows)
        : ok(`${s.assignedUnits} assigned /${unit}s reach the threshold of ${t}`, rows);
    },
  })),
  {
    rule: 'CHK-13', title: 'AFRINIC IPv6 announced within 12 months', rirs: ['afrinic'], kinds: ['ipv6'], severity: 'W', source: '[AFRINIC-PAPI]',
    run: (d) => {
      const r = row(d, 'ipv6', 'announce-months');
      const m = d.ipv6?.announceWithinMonths;
      return m === undefined || m > num(r)
        ? fail(`the allocation must be announced within ${num(r)} months (planned: ${m === undefined ? 'not stated' : `${m} months`})`, [r])
        : ok(`announced within ${m} months`, [r]);
    },
  },
  {
    rule: 'CHK-14', title: 'ARIN waitlist size /24…/22', rirs: ['arin'], kinds: ['ipv4'], severity: 'E', source: '[ARIN-prop-327]',
    run: (d) => {
      if (!d.request.waitlist) return null;
      const l = len(d);
      if (l === undefined) return missing('the requested prefix length');
      const rows = [row(d, 'ipv4', 'waitlist-max-prefix'), row(d, 'ipv4', 'waitlist-min-prefix')];
      const [max, min] = rows.map(num) as [number, number];
      const smallest = d.request.smallestAcceptableLength ?? l;
      const problems: string[] = [];
      if (l < max) problems.push(`/${l} is larger than the /${max} waitlist maximum`);
      if (smallest > min) problems.push(`smallest acceptable /${smallest} is smaller than /${min}`);
      if (smallest < l) problems.push(`smallest acceptable /${smallest} is larger than the requested /${l}`);
      return problems.length > 0 ? fail(problems.join('; '), rows) : ok(`/${l} (accepting down to /${smallest}) fits the waitlist`, rows);
    },
  },
  {
    rule: 'CHK-15', title: 'ARIN waitlist: holdings at most a /20', rirs: ['arin'], kinds: ['ipv4'], severity: 'E', source: '[ARIN-edit-2020-1]',
    run: (d) => {
      if (!d.request.waitlist) return null;
      const r = row(d, 'ipv4', 'waitlist-max-holdings-prefix');
      const held = ipv4Addresses(d.holdings.filter((h) => !h.arinExcluded).map((h) => h.prefix));
      const cap = 2 ** (32 - num(r));
      return held > cap
        ? fail(`holds ${held} IPv4 addresses (excluding 4.4/4.10 space), more than a /${num(r)} (${cap})`, [r])
        : ok(`holds ${held} IPv4 addresses, within a /${num(r)}`, [r]);
    },
  },
  {
    rule: 'CHK-16', title: 'ARIN: 90 days since the last waitlist fill or transfer', rirs: ['arin'], kinds: ['ipv4'], severity: 'E', source: '[ARIN-prop-327]',
    run: (d, ctx) => {
      if (!d.request.waitlist) return null;
      const r = row(d, 'ipv4', 'waitlist-repeat-days');
      const last = d.request.lastReceivedDate;
      if (last === undefined) return ok('no earlier waitlist fill or transfer', [r]);
      const days = daysBetween(last, ctx.today);
      return days < num(r) ? fail(`only ${days} days since ${last}; ${num(r)} are required`, [r]) : ok(`${days} days since ${last}`, [r]);
    },
  },
  {
    rule: 'CHK-17', title: 'ARIN transfer: 80% used, no more than holdings or a /16', rirs: ['arin'], kinds: ['ipv4'], severity: 'E', source: '[ARIN-prop-306] (8.5.7)',
    run: (d) => {
      if (!d.request.viaTransfer) return null;
      const rows = [row(d, 'ipv4', 'transfer-utilization-pct'), row(d, 'ipv4', 'transfer-max-prefix')];
      const want = requestedIpv4Addresses(d);
      if (want === null) return missing('the requested prefix length');
      const used = weightedUsedPct(d.holdings);
      const held = ipv4Addresses(d.holdings.map((h) => h.prefix));
      const problems: string[] = [];
      if (used === null) problems.push('no utilization given for current holdings');
      else if (used < num(rows[0]!)) problems.push(`current space is ${used.toFixed(1)}% used, below ${num(rows[0]!)}%`);
      if (want > held) problems.push(`${want} addresses is more than current holdings (${held})`);
      if (want > 2 ** (32 - num(rows[1]!))) problems.push(`more than a /${num(rows[1]!)}`);
      return problems.length > 0 ? fail(problems.join('; '), rows) : ok(`transfer of ${want} addresses qualifies`, rows);
    },
  },
  {
    rule: 'CHK-18', title: 'ARIN transfer horizon at most 24 months', rirs: ['arin'], kinds: ['ipv4'], severity: 'E', source: '[ARIN-prop-229]',
    run: (d) => {
      if (!d.request.viaTransfer) return null;
      const r = row(d, 'ipv4', 'transfer-horizon-months');
      const h = d.request.horizonMonths;
      if (h === undefined) return missing('the plan horizon');
      return h > num(r) ? fail(`a ${h}-month plan is longer than ${num(r)} months`, [r]) : ok(`${h}-month plan`, [r]);
    },
  },
  {
    rule: 'CHK-19', title: 'RIPE IPv4: one /24, never held before', rirs: ['ripe'], kinds: ['ipv4'], severity: 'E', source: '[APNIC-prop-168-v001], [RIPE-runout]',
    run: (d) => {
      const rows = [row(d, 'ipv4', 'request-prefix'), row(d, 'ipv4', 'never-held-required')];
      const problems: string[] = [];
      if (len(d) !== num(rows[0]!)) problems.push(`RIPE NCC gives a /${num(rows[0]!)} only, not ${len(d) === undefined ? 'an unstated size' : `/${len(d)}`}`);
      const earlier = d.holdings.filter((h) => h.source === 'ripe' && tryPrefix(h.prefix)?.family === 4);
      if (earlier.length > 0) problems.push(`the LIR already received IPv4 from the RIPE NCC (${earlier.map((h) => h.prefix).join(', ')})`);
      return problems.length > 0 ? fail(problems.join('; '), rows) : ok('one /24, first IPv4 from the RIPE NCC', rows);
    },
  },
  {
    rule: 'CHK-20', title: 'APNIC IPv4: at most a /23 in total', rirs: ['apnic'], kinds: ['ipv4'], severity: 'E', source: '[APNIC-prop-168]',
    run: (d) => {
      const r = row(d, 'ipv4', 'max-total-addresses');
      const want = requestedIpv4Addresses(d);
      if (want === null) return missing('the requested prefix length');
      const total = ipv4Addresses(d.holdings.filter((h) => h.source === 'apnic').map((h) => h.prefix)) + want;
      return total > num(r) ? fail(`APNIC-delegated IPv4 would total ${total} addresses, above ${num(r)} (/23)`, [r]) : ok(`APNIC IPv4 would total ${total} addresses`, [r]);
    },
  },
  {
    rule: 'CHK-21', title: 'LACNIC IPv4 (11.1)', rirs: ['lacnic'], kinds: ['ipv4'], severity: 'E', source: '[LACNIC-11.1], [LACNIC-waitlist]',
    run: (d) => {
      const rows = [row(d, 'ipv4', 'min-prefix'), row(d, 'ipv4', 'max-prefix'), row(d, 'ipv4', 'requires-ipv6')];
      const [min, max] = rows.map(num) as [number, number];
      const l = len(d);
      const problems: string[] = [];
      const lacnic = d.holdings.filter((h) => h.source === 'lacnic');
      if (lacnic.some((h) => tryPrefix(h.prefix)?.family === 4)) problems.push('the organisation already holds IPv4 from LACNIC');
      if (l === undefined || l < max || l > min) problems.push(`size must be /${min}…/${max}${l === undefined ? '' : `, not /${l}`}`);
      if (!lacnic.some((h) => tryPrefix(h.prefix)?.family === 6)) problems.push('no IPv6 block from LACNIC is held');
      if (l !== undefined && l < min && (d.request.need12mAddresses ?? 0) < 2 ** (32 - min)) {
        problems.push(`a /${l} needs a 12-month need of at least a /${min}`);
      }
      return problems.length > 0 ? fail(problems.join('; '), rows) : ok('meets LACNIC 11.1', rows);
    },
  },
  {
    rule: 'CHK-22', title: 'AFRINIC IPv4 soft landing', rirs: ['afrinic'], kinds: ['ipv4'], severity: 'E', source: '[AFRINIC-phase2]',
    run: (d) => {
      const rows = [row(d, 'ipv4', 'min-prefix'), row(d, 'ipv4', 'max-prefix'), row(d, 'ipv4', 'subsequent-used-pct'), row(d, 'ipv4', 'horizon-months')];
      const [min, max, usedPct, horizon] = rows.map(num) as [number, number, number, number];
      const l = len(d);
      const errors: string[] = [];
      if (l === undefined || l < max || l > min) errors.push(`size must be /${min}…/${max}${l === undefined ? '' : `, not /${l}`}`);
      const under = d.holdings.filter((h) => tryPrefix(h.prefix)?.family === 4 && (h.usedPct ?? 0) < usedPct);
      if (under.length > 0) errors.push(`earlier space below ${usedPct}% used: ${under.map((h) => `${h.prefix} (${h.usedPct ?? 0}%)`).join(', ')}`);
      if (errors.length > 0) return fail(errors.join('; '), rows);
      if (d.request.horizonMonths !== horizon) return fail(`the plan should cover ${horizon} months, not ${d.request.horizonMonths ?? 'an unstated period'}`, rows, 'W');
      return ok('meets AFRINIC 5.4', rows);
    },
  },
];
