/** Checks CHK-14…CHK-22: IPv4 sizes, waiting lists and transfers per RIR (§7). */
import type { RequestDraft } from './draft';
import {
  daysBetween,
  ipv4Addresses,
  missing,
  num,
  requestedIpv4Addresses,
  row,
  tryPrefix,
  weightedUsedPct,
  fail,
  ok,
  type PolicyCheck,
} from './policy-check-core';

const len = (d: RequestDraft): number | undefined => d.request.prefixLength;

export const IPV4_CHECKS: readonly PolicyCheck[] = [
  {
    rule: 'CHK-14',
    title: 'ARIN waitlist size /24…/22',
    rirs: ['arin'],
    kinds: ['ipv4'],
    severity: 'E',
    source: 'ARIN NRPM 4.1.8 (at most a /22 at any one time; a smaller block down to a /24)',
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
    rule: 'CHK-15',
    title: 'ARIN waitlist: holdings at most a /20',
    rirs: ['arin'],
    kinds: ['ipv4'],
    severity: 'E',
    source: 'ARIN NRPM 4.1.8 (more than a /20 equivalent in aggregate: not eligible)',
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
    rule: 'CHK-16',
    title: 'ARIN: 90 days since the last waitlist fill or transfer',
    rirs: ['arin'],
    kinds: ['ipv4'],
    severity: 'E',
    source: 'ARIN NRPM 4.1.8 (90 days after a waitlist distribution or a transfer)',
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
    rule: 'CHK-17',
    title: 'ARIN transfer: 80% used, no more than holdings or a /16',
    rirs: ['arin'],
    kinds: ['ipv4'],
    severity: 'E',
    source: 'ARIN NRPM 8.5.7 (80% of current space; up to current holdings, at most a /16)',
    run: (d) => {
      if (!d.request.viaTransfer) return null;
      const rows = [row(d, 'ipv4', 'transfer-utilization-pct'), row(d, 'ipv4', 'transfer-max-prefix')];
      const want = requestedIpv4Addresses(d);
      if (want === null) return missing('the requested prefix length');
      // NRPM 8.5.7 reads the organisation's ARIN space: "their currently allocated space" and
      // "the total size of their current ARIN IPv4 address holdings" — not an upstream's block,
      // nor another RIR's.
      const fromArin = d.holdings.filter((h) => h.source === 'arin');
      const used = weightedUsedPct(fromArin);
      const held = ipv4Addresses(fromArin.map((h) => h.prefix));
      const problems: string[] = [];
      if (used === null) problems.push('no utilization given for current ARIN holdings');
      else if (used < num(rows[0]!)) problems.push(`current space is ${used.toFixed(1)}% used, below ${num(rows[0]!)}%`);
      if (want > held) problems.push(`${want} addresses is more than current ARIN holdings (${held})`);
      if (want > 2 ** (32 - num(rows[1]!))) problems.push(`more than a /${num(rows[1]!)}`);
      return problems.length > 0 ? fail(problems.join('; '), rows) : ok(`transfer of ${want} addresses qualifies`, rows);
    },
  },
  {
    rule: 'CHK-18',
    title: 'ARIN transfer horizon at most 24 months',
    rirs: ['arin'],
    kinds: ['ipv4'],
    severity: 'E',
    source: 'ARIN NRPM 8.5.5 (a 24-month supply)',
    run: (d) => {
      if (!d.request.viaTransfer) return null;
      const r = row(d, 'ipv4', 'transfer-horizon-months');
      const h = d.request.horizonMonths;
      if (h === undefined) return missing('the plan horizon');
      return h > num(r) ? fail(`a ${h}-month plan is longer than ${num(r)} months`, [r]) : ok(`${h}-month plan`, [r]);
    },
  },
  {
    rule: 'CHK-19',
    title: 'RIPE IPv4: one /24, never held before',
    rirs: ['ripe'],
    kinds: ['ipv4'],
    severity: 'E',
    source: 'RIPE IPv4 policy §5.1 (since ripe-725: one /24 from the waiting list, to LIRs never allocated IPv4 by the RIPE NCC)',
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
    rule: 'CHK-20',
    title: 'APNIC IPv4: at most a /23 in total',
    rirs: ['apnic'],
    kinds: ['ipv4'],
    severity: 'E',
    source: '[APNIC-prop-168]',
    run: (d) => {
      const r = row(d, 'ipv4', 'max-total-addresses');
      const want = requestedIpv4Addresses(d);
      if (want === null) return missing('the requested prefix length');
      const total = ipv4Addresses(d.holdings.filter((h) => h.source === 'apnic').map((h) => h.prefix)) + want;
      return total > num(r)
        ? fail(`APNIC-delegated IPv4 would total ${total} addresses, above ${num(r)} (/23)`, [r])
        : ok(`APNIC IPv4 would total ${total} addresses`, [r]);
    },
  },
  {
    rule: 'CHK-21',
    title: 'LACNIC IPv4 (11.1)',
    rirs: ['lacnic'],
    kinds: ['ipv4'],
    severity: 'E',
    source: '[LACNIC-11.1], [LACNIC-waitlist]',
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
    rule: 'CHK-22',
    title: 'AFRINIC IPv4 soft landing',
    rirs: ['afrinic'],
    kinds: ['ipv4'],
    severity: 'E',
    source: '[AFRINIC-phase2]; AFRINIC CPM 5.4.6.1',
    run: (d) => {
      const rows = [row(d, 'ipv4', 'min-prefix'), row(d, 'ipv4', 'max-prefix'), row(d, 'ipv4', 'subsequent-used-pct'), row(d, 'ipv4', 'horizon-months')];
      const [min, max, usedPct, horizon] = rows.map(num) as [number, number, number, number];
      const l = len(d);
      const errors: string[] = [];
      if (l === undefined || l < max || l > min) errors.push(`size must be /${min}…/${max}${l === undefined ? '' : `, not /${l}`}`);
      // CPM 5.4.6.1: "at least 90% of all previous allocations or assignments": AFRINIC's own, not an upstream's space or another RIR's.
      const under = d.holdings.filter((h) => h.source === 'afrinic' && tryPrefix(h.prefix)?.family === 4 && (h.usedPct ?? 0) < usedPct);
      if (under.length > 0)
        errors.push(
          `earlier space below ${usedPct}% used: ${under.map((h) => `${h.prefix} (${h.usedPct === undefined ? 'use not stated' : `${h.usedPct}%`})`).join(', ')}`,
        );
      if (errors.length > 0) return fail(errors.join('; '), rows);
      if (d.request.horizonMonths !== horizon)
        return fail(`the plan should cover ${horizon} months, not ${d.request.horizonMonths ?? 'an unstated period'}`, rows, 'W');
      return ok('meets AFRINIC 5.4', rows);
    },
  },
];
