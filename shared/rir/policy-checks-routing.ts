/** Checks CHK-23…CHK-35: ASN gates, database objects, reverse DNS, stats import, pending policy (§7). */
import { prefixContains } from '../ip/prefix';
import { DelegatedParseError, parseDelegated } from './delegated';
import type { RequestDraft } from './draft';
import { isInZone } from './hostname';
import { PENDING_PROPOSALS } from './policy-table';
import { num, row, tryPrefix, fail, ok, type PolicyCheck } from './policy-check-core';
import { rpslClass, rpslKey, rpslValues } from './rpsl-object';
import { checkStatus } from './rpsl-status';
import { checkAsSetName, checkDsRdata, checkReverseDomain } from './rpsl-syntax';
import { validateRpslObject } from './rpsl-validate';

function neighbourAsns(d: RequestDraft): number[] {
  return [...new Set([...d.connectivity.upstreams, ...d.connectivity.peers].map((n) => n.asn))];
}

const objectsOf = (d: RequestDraft, cls: string) => d.dbObjects.filter((o) => rpslClass(o.object) === cls);

/** Reverse delegations named in the draft, from its reverse list and its `domain` objects. */
function delegations(d: RequestDraft): { zone: string; nserver: string[]; ds: string[] }[] {
  return [
    ...d.reverse.map((r) => ({ zone: r.zone, nserver: [...r.nserver], ds: [...(r.dsRdata ?? [])] })),
    ...objectsOf(d, 'domain').map((o) => ({ zone: rpslKey(o.object), nserver: rpslValues(o.object, 'nserver'), ds: rpslValues(o.object, 'ds-rdata') })),
  ];
}

export const ROUTING_CHECKS: readonly PolicyCheck[] = [
  {
    rule: 'CHK-23',
    title: 'RIPE ASN: two neighbours, import/export for each',
    rirs: ['ripe'],
    kinds: ['asn'],
    severity: 'E',
    source: '[ripe-679 §2.0], [ripe-442]',
    run: (d) => {
      const rows = [row(d, 'asn', 'min-neighbours'), row(d, 'asn', 'rpsl-policy-required')];
      const peers = neighbourAsns(d);
      const problems: string[] = [];
      if (peers.length < num(rows[0]!)) problems.push(`${peers.length} distinct neighbour ASN(s); multihoming needs at least ${num(rows[0]!)}`);
      const aut = objectsOf(d, 'aut-num')[0]?.object;
      if (!aut) problems.push('no aut-num draft with the routing policy in RPSL');
      else {
        const text = (names: string[]) => names.flatMap((n) => rpslValues(aut, n)).join('\n');
        const imports = text(['import', 'mp-import']);
        const exports = text(['export', 'mp-export']);
        for (const asn of peers) {
          if (!new RegExp(`\\bfrom\\s+AS${asn}\\b`, 'i').test(imports)) problems.push(`no import from AS${asn}`);
          if (!new RegExp(`\\bto\\s+AS${asn}\\b`, 'i').test(exports)) problems.push(`no export to AS${asn}`);
        }
      }
      return problems.length > 0 ? fail(problems.join('; '), rows) : ok(`multihomed to ${peers.map((a) => `AS${a}`).join(', ')} with policy for each`, rows);
    },
  },
  {
    rule: 'CHK-24',
    title: 'APNIC ASN: multihomed, or PI and planning to',
    rirs: ['apnic'],
    kinds: ['asn'],
    severity: 'E',
    source: '[APNIC-prop-114-impl], [APNIC-multihoming-template]',
    run: (d) => {
      const c = d.connectivity;
      if (c.multihoming === 'no' && !d.asn?.holdsPiAndPlansMultihoming) return fail('not multihomed, and not holding PI space with a plan to multihome');
      if (c.multihoming === 'soon') {
        const r = row(d, 'asn', d.asn?.family === 'ipv6' ? 'soon-months-ipv6' : 'soon-months-ipv4');
        if (c.soonMonths === undefined || c.soonMonths > num(r)) {
          return fail(`multihoming "SOON" must be within ${num(r)} month(s), stated ${c.soonMonths ?? 'no date'}`, [r], 'W');
        }
        return ok(`multihoming within ${c.soonMonths} month(s)`, [r]);
      }
      return ok(c.multihoming === 'now' ? 'multihomed now' : 'holds PI space and plans to multihome');
    },
  },
  {
    rule: 'CHK-25',
    title: '16-bit ASN needs a reason',
    rirs: ['apnic', 'ripe'],
    kinds: ['asn'],
    severity: 'W',
    source: '[APNIC-ASN-archive], [ripe-562]',
    run: (d) => {
      const r = row(d, 'asn', 'default-bits');
      if (d.asn?.bits !== 16) return ok('32-bit ASN (the default)', [r]);
      return (d.asn.reason16 ?? '').trim() === '' ? fail('a 16-bit ASN is requested without a stated reason', [r]) : ok('16-bit ASN with a reason', [r]);
    },
  },
  {
    rule: 'CHK-26',
    title: 'ARIN ASN: multihomed or a unique routing policy, and interconnected',
    rirs: ['arin'],
    kinds: ['asn'],
    severity: 'E',
    source: '[ARIN-2021-3]',
    run: (d) => {
      const r = row(d, 'asn', 'criterion');
      const c = d.connectivity;
      const problems: string[] = [];
      if (c.multihoming === 'no' && (c.uniqueRoutingPolicy ?? '').trim() === '') problems.push('neither multihomed nor a described unique routing policy');
      const interconnects = c.upstreams.length + c.peers.length + c.ixps.length > 0 || c.interconnectionPlanned === true;
      if (!interconnects) problems.push('no interconnection planned (a network that does not interconnect uses a private ASN)');
      return problems.length > 0 ? fail(problems.join('; '), [r]) : ok('qualifies under NRPM 5', [r]);
    },
  },
  {
    rule: 'CHK-27',
    title: 'AFRINIC: a multi-homed site; LACNIC: a need to interconnect',
    rirs: ['afrinic', 'lacnic'],
    kinds: ['asn'],
    severity: 'W',
    source: 'AFRINIC AFPUB-2006-ASN-001 §4.0 (CPM §7.4); LACNIC LAC-2014-2 (Policy Manual, ASN section)',
    run: (d) => {
      const c = d.connectivity;
      if (d.request.rir === 'afrinic') {
        // Multi-homed: connected to more than one other AS, upstream or peer alike; or to be within a short time.
        const r = row(d, 'asn', 'min-neighbour-ases');
        const others = new Set([...c.upstreams, ...c.peers].map((n) => n.asn)).size;
        if (others >= num(r)) return ok(`multi-homed: ${others} other ASes`, [r]);
        if (c.multihoming === 'soon') return ok(`multi-homed within ${c.soonMonths ?? 'a few'} months (${others} other AS now)`, [r]);
        return fail(`not a multi-homed site: ${others} other AS, and none planned; AFRINIC assigns an ASN to a multi-homed site (now or within a short time)`, [
          r,
        ]);
      }
      const r = row(d, 'asn', 'interconnection-required');
      const interconnects = c.upstreams.length + c.peers.length + c.ixps.length > 0 || c.interconnectionPlanned === true;
      return interconnects ? ok('interconnection planned', [r]) : fail('no interconnection with another AS, now or within a year', [r]);
    },
  },
  {
    rule: 'CHK-28',
    title: 'RPSL objects follow the template',
    rirs: 'all',
    severity: 'E',
    source: '§4.1–§4.3',
    run: (d) => {
      if (d.dbObjects.length === 0) return null;
      const problems = d.dbObjects.flatMap((o) =>
        validateRpslObject(o.object, { rir: d.request.rir, isNew: false, draft: true }).map((p) => ({
          ...p,
          where: `${rpslClass(o.object)} ${rpslKey(o.object)}`,
        })),
      );
      const text = problems.map((p) => `${p.where}: ${p.attribute}: ${p.message}`).join('; ');
      if (problems.length === 0) return ok(`${d.dbObjects.length} object(s) follow the ${d.request.rir.toUpperCase()} templates`);
      return { ok: false, message: text, verify: problems.every((p) => !p.confirmed) };
    },
  },
  {
    rule: 'CHK-29',
    title: 'Status allowed under the parent',
    rirs: ['ripe', 'apnic'],
    severity: 'E',
    source: '[RIPE-whois InetnumStatus], [RIPE-whois Inet6numStatus], [APNIC-status]',
    run: (d) => {
      const nums = d.dbObjects.filter((o) => ['inetnum', 'inet6num'].includes(rpslClass(o.object)));
      if (nums.length === 0) return null;
      const problems = nums.flatMap((o) => {
        const status = rpslValues(o.object, 'status')[0];
        if (status === undefined) return [`${rpslKey(o.object)}: no status`];
        return checkStatus(d.request.rir, rpslClass(o.object) as 'inetnum' | 'inet6num', status, o.parentStatus ?? null).map(
          (p) => `${rpslKey(o.object)}: ${p}`,
        );
      });
      return problems.length > 0 ? fail(problems.join('; ')) : ok('every status is allowed under its parent');
    },
  },
  {
    rule: 'CHK-30',
    title: 'RIPE new as-set names are hierarchical',
    rirs: ['ripe'],
    severity: 'E',
    source: '[RIPE-whois AttributeSyntax]',
    run: (d) => {
      const sets = objectsOf(d, 'as-set').filter((o) => o.isNew !== false);
      if (sets.length === 0) return null;
      const problems = sets.map((o) => checkAsSetName(rpslKey(o.object), true)).filter((p): p is string => p !== null);
      return problems.length > 0 ? fail(problems.join('; ')) : ok('as-set names are hierarchical');
    },
  },
  {
    rule: 'CHK-31',
    title: 'Routes: our origin, inside held space',
    rirs: 'all',
    severity: 'E',
    source: 'app rule (registry consistency)',
    run: (d) => {
      const routes = [...objectsOf(d, 'route'), ...objectsOf(d, 'route6')];
      if (routes.length === 0) return null;
      const own = d.connectivity.ownAsn;
      const held = [...d.holdings.map((h) => h.prefix), ...(d.request.prefix ? [d.request.prefix] : [])].map(tryPrefix).filter((p) => p !== null);
      const problems: string[] = [];
      for (const o of routes) {
        const key = rpslKey(o.object);
        const origin = rpslValues(o.object, 'origin')[0] ?? '';
        if (own === undefined || origin.toUpperCase() !== `AS${own}`) problems.push(`${key}: origin ${origin || '(none)'} is not the ISP's AS${own ?? '?'}`);
        const p = tryPrefix(key);
        if (!p || !held.some((h) => prefixContains(h, p))) problems.push(`${key}: outside the space held`);
      }
      return problems.length > 0 ? fail(problems.join('; ')) : ok('every route is ours and inside held space');
    },
  },
  {
    rule: 'CHK-32',
    title: 'Reverse zones: two servers, in-zone glue, nibble zones, RIPE dash labels',
    rirs: 'all',
    severity: 'E',
    source: '[RFC1034 §4.1], [RIPE-whois AttributeSyntax], [RFC3596 §2.5], [RIPE-whois Domain]',
    run: (d) => {
      const list = delegations(d);
      if (list.length === 0) return null;
      const r = row(d, 'rdns', 'min-nameservers');
      const problems: string[] = [];
      for (const z of list) {
        const syntax = checkReverseDomain(z.zone);
        if (syntax) problems.push(syntax);
        const hosts = new Set(z.nserver.map((n) => n.trim().split(/\s+/)[0]!.toLowerCase().replace(/\.$/, '')));
        if (hosts.size < num(r)) problems.push(`${z.zone}: ${hosts.size} name server(s), at least ${num(r)} required`);
        for (const n of z.nserver) {
          const [host, glue] = n.trim().split(/\s+/);
          if (glue !== undefined && !isInZone(host!, z.zone)) problems.push(`${z.zone}: glue on ${host}, which is outside the zone`);
        }
      }
      return problems.length > 0 ? fail(problems.join('; '), [r]) : ok(`${list.length} reverse zone(s) well formed`, [r]);
    },
  },
  {
    rule: 'CHK-33',
    title: 'DS records well formed',
    rirs: 'all',
    severity: 'E',
    source: '[RFC4034 §5.3], [RFC4509]',
    run: (d) => {
      const ds = delegations(d).flatMap((z) => z.ds.map((v) => ({ zone: z.zone, v })));
      if (ds.length === 0) return null;
      const problems = ds
        .map((x) => ({ x, p: checkDsRdata(x.v) }))
        .filter((y) => y.p !== null)
        .map((y) => `${y.x.zone}: ds-rdata: ${y.p}`);
      return problems.length > 0 ? fail(problems.join('; ')) : ok(`${ds.length} DS record(s) well formed`);
    },
  },
  {
    rule: 'CHK-34',
    title: 'Delegated-stats import balances',
    rirs: 'all',
    severity: 'E',
    source: '[RIR-stats-APNIC §4]',
    run: (d) => {
      if (d.statsImport === undefined) return null;
      try {
        const f = parseDelegated(d.statsImport);
        return ok(`${f.records.length} records; header and summary counts balance`);
      } catch (e) {
        if (e instanceof DelegatedParseError) return fail(e.message.split('\n').slice(0, 5).join('; '));
        throw e;
      }
    },
  },
  {
    rule: 'CHK-35',
    title: 'Pending proposals that may change the rule',
    rirs: 'all',
    severity: 'I',
    source: '§2 tables',
    run: (d) => {
      const family = d.request.kind;
      const hits = PENDING_PROPOSALS.filter((p) => p.rir === d.request.rir && p.family === family);
      return hits.length > 0
        ? fail(`pending: ${hits.map((p) => `${p.id} (${p.summary}; ${p.state})`).join('; ')}`)
        : ok('no pending proposal affects this request');
    },
  },
];
