import { describe, expect, it } from 'vitest';
import type { RequestDraft, RequestBlock } from '../../../../shared/rir/draft';
import { isPolicyConforming, POLICY_CHECKS, runCheck, runPolicyChecks, type CheckResult } from '../../../../shared/rir/policy-checks';
import { asSetObject, autNumObject, inetnumObject, routeObject } from '../../../../shared/rir/rpsl-build';
import { parseRpslObject } from '../../../../shared/rir/rpsl-text';
import type { Rir } from '../../../../shared/rir/rpsl-templates';

const CTX = { today: '2026-05-25' };
const C = { adminC: 'NOC1-RIPE', techC: 'NOC1-RIPE', mntBy: 'ACME-MNT' };
const DS = '12345 13 2 E15723E0BA9F7D4B487AF258893143C4EFA16BD12048FB36A141CCAB8F8ACF8B';

/** A draft that passes the rules it meets; tests override one thing to make a rule fail. */
function draft(rir: Rir, kind: RequestBlock['kind'], over: Partial<RequestDraft> = {}, req: Partial<RequestBlock> = {}): RequestDraft {
  return {
    requester: { name: 'Ana Noc', email: 'noc@acme.example', phone: '+31 20 555 0100' },
    organisation: { legalName: 'Acme Net B.V.', address: ['Street 1', 'Amsterdam'], country: 'NL', role: 'lir' },
    request: { rir, kind, type: 'initial', prefixLength: kind === 'ipv4' ? 24 : 32, ...req },
    holdings: [],
    plan: [{ purpose: 'customers', prefixLength: 24, now: 100, m12: 200, m24: 250 }],
    infrastructure: [{ name: 'core-1', vendor: 'Juniper', model: 'MX204' }],
    diagramAttached: true,
    connectivity: {
      upstreams: [
        { asn: 1299, org: 'Arelion' },
        { asn: 174, org: 'Cogent' },
      ],
      peers: [],
      ixps: ['AMS-IX'],
      ownAsn: 3333,
      multihoming: 'now',
    },
    originate: [],
    dbObjects: [],
    reverse: [],
    ...over,
  };
}

const result = (rule: string, d: RequestDraft): CheckResult => {
  const r = runCheck(rule, d, CTX);
  if (!r) throw new Error(`${rule} did not apply`);
  return r;
};
const passes = (rule: string, d: RequestDraft): void => {
  const r = result(rule, d);
  expect(r.ok, r.message).toBe(true);
};
const fails = (rule: string, d: RequestDraft, severity: 'E' | 'W' | 'I', verify = false): CheckResult => {
  const r = result(rule, d);
  expect(r.ok, r.message).toBe(false);
  expect(r.severity).toBe(severity);
  expect(r.verify).toBe(verify);
  if (verify) expect(r.message).toMatch(/^verify with the RIR: /);
  return r;
};

const autNum = (peers: number[]) =>
  autNumObject({ ...C, asn: 3333, asName: 'ACME', announce: 'AS3333:AS-CUSTOMERS', neighbours: peers.map((asn) => ({ asn })) });

describe('policy checks CHK-01…CHK-35', () => {
  it('CHK-01 passes for an LIR; informs a single-homed end user without an ASN', () => {
    passes('CHK-01', draft('ripe', 'ipv4'));
    const d = draft('arin', 'ipv4', {
      organisation: { legalName: 'Shop', address: ['x'], country: 'US', role: 'end-user' },
      connectivity: { upstreams: [{ asn: 7018, org: 'AT&T' }], peers: [], ixps: [], multihoming: 'no' },
    });
    expect(fails('CHK-01', d, 'I').message).toMatch(/upstream or the transfer market/);
  });
  it('CHK-02 passes valid prefixes; fails host bits set', () => {
    passes('CHK-02', draft('ripe', 'ipv6', { originate: ['2a0b:1234::/32'] }));
    expect(fails('CHK-02', draft('ripe', 'ipv6', {}, { prefix: '2001:db8:1200::/38' }), 'E').message).toMatch(/2001:db8:1200::\/38/);
  });
  it('CHK-03 passes real resources; fails documentation space or ASNs', () => {
    passes('CHK-03', draft('ripe', 'ipv4', { originate: ['45.67.88.0/24'] }));
    expect(fails('CHK-03', draft('ripe', 'ipv4', { originate: ['198.51.100.0/24'] }), 'E').message).toMatch(/198\.51\.100\.0\/24/);
    const d = draft('ripe', 'asn');
    expect(fails('CHK-03', { ...d, connectivity: { ...d.connectivity, ownAsn: 65000 } }, 'E').message).toMatch(/AS65000 \(private/);
    expect(runCheck('CHK-03', { ...draft('ripe', 'ipv4', { originate: ['192.0.2.0/24'] }), isExample: true }, CTX)).toBeNull();
  });
  it('CHK-04 ARIN: nibble boundary passes; /30 fails', () => {
    passes('CHK-04', draft('arin', 'ipv6', {}, { prefixLength: 32 }));
    fails('CHK-04', draft('arin', 'ipv6', {}, { prefixLength: 30 }), 'E');
  });
  it('CHK-05 other RIRs: off-nibble only warns (verify), except the size the RIR itself gives', () => {
    passes('CHK-05', draft('ripe', 'ipv6', {}, { prefixLength: 28 }));
    // The RIPE NCC's own size without documentation (ripe-738 §5.1.2): no advice against it.
    expect(result('CHK-05', draft('ripe', 'ipv6', {}, { prefixLength: 29 })).message).toMatch(/the size the RIPE NCC gives .*ripe-738/);
    passes('CHK-05', draft('ripe', 'ipv6', {}, { prefixLength: 29 }));
    fails('CHK-05', draft('ripe', 'ipv6', {}, { prefixLength: 30 }), 'W', true);
    fails('CHK-05', draft('afrinic', 'ipv6', {}, { prefixLength: 30 }), 'W');
  });
  it('CHK-06 ARIN LIR: within the 6.5.2.1c size passes; larger fails', () => {
    const ipv6 = { servingSites: 20, largestSiteEndSites: 1000 };
    passes('CHK-06', draft('arin', 'ipv6', { ipv6 }, { prefixLength: 28 }));
    expect(fails('CHK-06', draft('arin', 'ipv6', { ipv6 }, { prefixLength: 24 }), 'E').message).toMatch(/larger than the \/28/);
    expect(fails('CHK-06', draft('arin', 'ipv6', {}, { prefixLength: 32 }), 'W').message).toMatch(/cannot check/);
  });
  it('CHK-07 ARIN LIR: /36 passes; /44 warns as unconfirmed', () => {
    passes('CHK-07', draft('arin', 'ipv6', {}, { prefixLength: 36 }));
    fails('CHK-07', draft('arin', 'ipv6', {}, { prefixLength: 44 }), 'W', true);
  });
  it('CHK-08 ARIN end user: size for the site count passes; another size warns', () => {
    const eu = { legalName: 'Uni', address: ['x'], country: 'US', role: 'end-user' as const };
    passes('CHK-08', draft('arin', 'ipv6', { organisation: eu, ipv6: { endUserSites: 13 } }, { prefixLength: 40 }));
    expect(fails('CHK-08', draft('arin', 'ipv6', { organisation: eu, ipv6: { endUserSites: 13 } }, { prefixLength: 44 }), 'W').message).toMatch(/\/40/);
  });
  it('CHK-09 ARIN subsequent: 75% passes; below 75% with no busy site fails', () => {
    passes('CHK-09', draft('arin', 'ipv6', { ipv6: { totalUsedPct: 80, maxSiteUsedPct: 50 } }, { type: 'subsequent' }));
    passes('CHK-09', draft('arin', 'ipv6', { ipv6: { totalUsedPct: 40, maxSiteUsedPct: 95 } }, { type: 'subsequent' }));
    fails('CHK-09', draft('arin', 'ipv6', { ipv6: { totalUsedPct: 60, maxSiteUsedPct: 90 } }, { type: 'subsequent' }), 'E');
  });
  it('CHK-10 RIPE: /29 needs nothing; /28 without justification fails', () => {
    passes('CHK-10', draft('ripe', 'ipv6', {}, { prefixLength: 29 }));
    passes('CHK-10', draft('ripe', 'ipv6', {}, { prefixLength: 28, justification: '2.1 M subscribers, /56 each' }));
    fails('CHK-10', draft('ripe', 'ipv6', {}, { prefixLength: 28 }), 'E');
  });
  it('CHK-11 RIPE/APNIC subsequent: 6,183,533 /56s in a /32 pass; one fewer fails', () => {
    passes('CHK-11', draft('ripe', 'ipv6', { ipv6: { currentAllocationLength: 32, assignedUnits: 6183533 } }, { type: 'subsequent' }));
    expect(
      fails('CHK-11', draft('apnic', 'ipv6', { ipv6: { currentAllocationLength: 32, assignedUnits: 6183532 } }, { type: 'subsequent' }), 'E').message,
    ).toMatch(/6183533/);
  });
  it('CHK-12 AFRINIC subsequent: 33,689 /48s in a /32 pass; fewer fail', () => {
    passes('CHK-12', draft('afrinic', 'ipv6', { ipv6: { currentAllocationLength: 32, assignedUnits: 33689 } }, { type: 'subsequent' }));
    fails('CHK-12', draft('afrinic', 'ipv6', { ipv6: { currentAllocationLength: 32, assignedUnits: 30000 } }, { type: 'subsequent' }), 'E');
  });
  it('CHK-13 AFRINIC: announce within 12 months passes; 18 warns', () => {
    passes('CHK-13', draft('afrinic', 'ipv6', { ipv6: { announceWithinMonths: 6 } }));
    fails('CHK-13', draft('afrinic', 'ipv6', { ipv6: { announceWithinMonths: 18 } }), 'W');
  });
  it('CHK-14 ARIN waitlist: /22 down to /24 passes; /21 or smallest above requested fails', () => {
    passes('CHK-14', draft('arin', 'ipv4', {}, { waitlist: true, prefixLength: 22, smallestAcceptableLength: 24 }));
    fails('CHK-14', draft('arin', 'ipv4', {}, { waitlist: true, prefixLength: 21 }), 'E');
    fails('CHK-14', draft('arin', 'ipv4', {}, { waitlist: true, prefixLength: 23, smallestAcceptableLength: 22 }), 'E');
    fails('CHK-14', draft('arin', 'ipv4', {}, { waitlist: true, prefixLength: 24, smallestAcceptableLength: 25 }), 'E');
  });
  it('CHK-15 ARIN waitlist: a /20 held passes (4.10 space excluded); more fails', () => {
    const holdings = [
      { prefix: '23.10.0.0/20', source: 'arin' as const },
      { prefix: '23.20.0.0/22', source: 'arin' as const, arinExcluded: true },
    ];
    passes('CHK-15', draft('arin', 'ipv4', { holdings }, { waitlist: true }));
    fails('CHK-15', draft('arin', 'ipv4', { holdings: [...holdings, { prefix: '23.30.0.0/24', source: 'upstream' }] }, { waitlist: true }), 'E');
  });
  it('CHK-16 ARIN waitlist: 90 days since the last receipt passes; 30 fails', () => {
    passes('CHK-16', draft('arin', 'ipv4', {}, { waitlist: true, lastReceivedDate: '2026-02-24' }));
    expect(fails('CHK-16', draft('arin', 'ipv4', {}, { waitlist: true, lastReceivedDate: '2026-04-25' }), 'E').message).toMatch(/only 30 days/);
  });
  it('CHK-17 ARIN transfer: 80% used and within holdings passes; 70% or too big fails', () => {
    const held = [{ prefix: '23.10.0.0/22', source: 'arin' as const, usedPct: 85 }];
    passes('CHK-17', draft('arin', 'ipv4', { holdings: held }, { viaTransfer: true, prefixLength: 22, horizonMonths: 24 }));
    fails('CHK-17', draft('arin', 'ipv4', { holdings: [{ ...held[0]!, usedPct: 70 }] }, { viaTransfer: true, prefixLength: 22 }), 'E');
    expect(fails('CHK-17', draft('arin', 'ipv4', { holdings: held }, { viaTransfer: true, prefixLength: 21 }), 'E').message).toMatch(
      /more than current ARIN holdings/,
    );
  });
  it('CHK-17 reads ARIN holdings only (NRPM 8.5.7: "their current ARIN IPv4 address holdings")', () => {
    const arin = { prefix: '23.10.0.0/22', source: 'arin' as const, usedPct: 85 };
    const upstream = { prefix: '192.0.2.0/24', source: 'upstream' as const, usedPct: 10 };
    const other = { prefix: '185.1.0.0/20', source: 'ripe' as const, usedPct: 90 };
    // An upstream's block, barely used, does not pull ARIN space below 80 %.
    passes('CHK-17', draft('arin', 'ipv4', { holdings: [arin, upstream] }, { viaTransfer: true, prefixLength: 22, horizonMonths: 24 }));
    // A RIPE /20 does not let ARIN transfer more than the ARIN /22 held.
    expect(fails('CHK-17', draft('arin', 'ipv4', { holdings: [arin, other] }, { viaTransfer: true, prefixLength: 21 }), 'E').message).toMatch(
      /more than current ARIN holdings \(1024\)/,
    );
  });
  it('CHK-18 ARIN transfer: 24-month plan passes; 36 fails', () => {
    passes('CHK-18', draft('arin', 'ipv4', {}, { viaTransfer: true, horizonMonths: 24 }));
    fails('CHK-18', draft('arin', 'ipv4', {}, { viaTransfer: true, horizonMonths: 36 }), 'E');
  });
  it('CHK-19 RIPE IPv4: first /24 passes; a /23 or a second allocation fails', () => {
    passes('CHK-19', draft('ripe', 'ipv4'));
    fails('CHK-19', draft('ripe', 'ipv4', {}, { prefixLength: 23 }), 'E');
    expect(fails('CHK-19', draft('ripe', 'ipv4', { holdings: [{ prefix: '185.1.2.0/24', source: 'ripe' }] }), 'E').message).toMatch(/already received/);
  });
  it('CHK-20 APNIC: /24 more on a /24 passes; on a /23 fails', () => {
    passes('CHK-20', draft('apnic', 'ipv4', { holdings: [{ prefix: '103.1.2.0/24', source: 'apnic' }] }));
    fails('CHK-20', draft('apnic', 'ipv4', { holdings: [{ prefix: '103.1.2.0/23', source: 'apnic' }] }), 'E');
  });
  it('CHK-21 LACNIC: /24 with LACNIC IPv6 passes; without IPv6 or a /22 without need fails', () => {
    const v6 = [{ prefix: '2804:1234::/32', source: 'lacnic' as const }];
    passes('CHK-21', draft('lacnic', 'ipv4', { holdings: v6 }));
    passes('CHK-21', draft('lacnic', 'ipv4', { holdings: v6 }, { prefixLength: 22, need12mAddresses: 512 }));
    expect(fails('CHK-21', draft('lacnic', 'ipv4'), 'E').message).toMatch(/no IPv6 block/);
    expect(fails('CHK-21', draft('lacnic', 'ipv4', { holdings: v6 }, { prefixLength: 22 }), 'E').message).toMatch(/12-month need/);
    expect(fails('CHK-21', draft('lacnic', 'ipv4', { holdings: [...v6, { prefix: '177.1.0.0/22', source: 'lacnic' }] }), 'E').message).toMatch(/already holds/);
  });
  it('CHK-22 AFRINIC: /22, 90% used, 8-month plan passes; 80% fails; 12-month plan warns', () => {
    const holdings = [{ prefix: '41.1.0.0/22', source: 'afrinic' as const, usedPct: 95 }];
    passes('CHK-22', draft('afrinic', 'ipv4', { holdings }, { prefixLength: 22, horizonMonths: 8 }));
    fails('CHK-22', draft('afrinic', 'ipv4', { holdings: [{ ...holdings[0]!, usedPct: 80 }] }, { prefixLength: 22, horizonMonths: 8 }), 'E');
    fails('CHK-22', draft('afrinic', 'ipv4', {}, { prefixLength: 21, horizonMonths: 8 }), 'E');
    fails('CHK-22', draft('afrinic', 'ipv4', { holdings }, { prefixLength: 22, horizonMonths: 12 }), 'W');
  });
  it("CHK-22 reads AFRINIC's own earlier allocations (CPM 5.4.6.1), not an upstream's space or another RIR's", () => {
    const ours = { prefix: '41.1.0.0/22', source: 'afrinic' as const, usedPct: 95 };
    const upstream = { prefix: '196.2.0.0/24', source: 'upstream' as const, usedPct: 40 };
    const ripe = { prefix: '185.1.0.0/24', source: 'ripe' as const, usedPct: 10 };
    passes('CHK-22', draft('afrinic', 'ipv4', { holdings: [ours, upstream, ripe] }, { prefixLength: 22, horizonMonths: 8 }));
  });
  it('CHK-23 RIPE ASN: two neighbours with import/export passes; one neighbour or missing policy fails', () => {
    passes('CHK-23', draft('ripe', 'asn', { dbObjects: [{ object: autNum([1299, 174]) }] }));
    expect(fails('CHK-23', draft('ripe', 'asn', { dbObjects: [{ object: autNum([1299]) }] }), 'E').message).toMatch(/no import from AS174/);
    const d = draft('ripe', 'asn', { dbObjects: [{ object: autNum([1299]) }] });
    expect(fails('CHK-23', { ...d, connectivity: { ...d.connectivity, upstreams: [{ asn: 1299, org: 'Arelion' }] } }, 'E').message).toMatch(
      /1 distinct neighbour/,
    );
    expect(fails('CHK-23', draft('ripe', 'asn'), 'E').message).toMatch(/no aut-num/);
  });
  it('CHK-24 APNIC ASN: multihomed passes; single-homed without PI fails; SOON in 3 months warns for IPv4', () => {
    passes('CHK-24', draft('apnic', 'asn'));
    const d = draft('apnic', 'asn');
    fails('CHK-24', { ...d, connectivity: { ...d.connectivity, multihoming: 'no' } }, 'E');
    passes('CHK-24', { ...d, connectivity: { ...d.connectivity, multihoming: 'no' }, asn: { bits: 32, holdsPiAndPlansMultihoming: true } });
    fails('CHK-24', { ...d, connectivity: { ...d.connectivity, multihoming: 'soon', soonMonths: 3 }, asn: { bits: 32, family: 'ipv4' } }, 'W');
    passes('CHK-24', { ...d, connectivity: { ...d.connectivity, multihoming: 'soon', soonMonths: 3 }, asn: { bits: 32, family: 'ipv6' } });
  });
  it('CHK-25 RIPE/APNIC: 16-bit with a reason passes; without warns', () => {
    passes('CHK-25', draft('ripe', 'asn', { asn: { bits: 16, reason16: 'legacy router firmware' } }));
    fails('CHK-25', draft('apnic', 'asn', { asn: { bits: 16 } }), 'W');
  });
  it('CHK-26 ARIN ASN: multihomed passes; neither multihomed nor unique policy fails; no interconnection fails', () => {
    passes('CHK-26', draft('arin', 'asn'));
    const d = draft('arin', 'asn');
    fails('CHK-26', { ...d, connectivity: { ...d.connectivity, multihoming: 'no' } }, 'E');
    passes('CHK-26', { ...d, connectivity: { ...d.connectivity, multihoming: 'no', uniqueRoutingPolicy: 'blackhole community handling differs' } });
    expect(fails('CHK-26', { ...d, connectivity: { upstreams: [], peers: [], ixps: [], multihoming: 'no', uniqueRoutingPolicy: 'x' } }, 'E').message).toMatch(
      /private ASN/,
    );
  });
  it('CHK-27 AFRINIC: a multi-homed site, now or soon (AFPUB-2006-ASN-001); LACNIC: a need to interconnect (LAC-2014-2)', () => {
    passes('CHK-27', draft('afrinic', 'asn'));
    const d = draft('afrinic', 'asn');
    const one = { asn: 37100, org: 'SEACOM' };
    // One upstream and no other AS: not multi-homed, and no plan to be.
    const single = { ...d.connectivity, upstreams: [one], peers: [], multihoming: 'no' as const };
    expect(fails('CHK-27', { ...d, connectivity: single }, 'W').message).toMatch(/multi-homed/);
    // One upstream and a peer: two other ASes, multi-homed (the policy does not ask for two transit providers).
    passes('CHK-27', { ...d, connectivity: { ...single, peers: [{ asn: 37662, org: 'WIOCC' }] } });
    // One upstream today, a second within a short time: eligible.
    passes('CHK-27', { ...d, connectivity: { ...single, multihoming: 'soon' } });
    passes('CHK-27', draft('lacnic', 'asn'));
    fails('CHK-27', draft('lacnic', 'asn', { connectivity: { upstreams: [], peers: [], ixps: [], multihoming: 'no' } }), 'W');
    // Interconnection planned within a year is enough at LACNIC.
    passes('CHK-27', draft('lacnic', 'asn', { connectivity: { upstreams: [], peers: [], ixps: [], multihoming: 'no', interconnectionPlanned: true } }));
  });
  it('CHK-28 objects following the template pass; a missing mandatory attribute fails', () => {
    const good = routeObject({ prefix: '45.67.88.0/24', origin: 3333, mntBy: 'ACME-MNT' });
    passes('CHK-28', draft('ripe', 'ipv4', { dbObjects: [{ object: good }] }));
    const bad = parseRpslObject('route: 45.67.88.0/24\nmnt-by: ACME-MNT\nsource: RIPE\n');
    expect(fails('CHK-28', draft('ripe', 'ipv4', { dbObjects: [{ object: bad }] }), 'E').message).toMatch(/origin.*missing/);
    // ARIN's template is confirmed from ARIN's IRR RESTful API User Guide: its problems are errors.
    const arin = routeObject({ prefix: '23.1.2.0/24', origin: 3333, mntBy: 'ACME-MNT', source: 'ARIN' });
    expect(fails('CHK-28', draft('arin', 'ipv4', { dbObjects: [{ object: arin }] }), 'E').message).toMatch(/admin-c.*missing.*MNT-<Org ID>/);
  });
  it('CHK-29 status under its parent passes; a wrong parent or an RIR-only status fails', () => {
    const o = inetnumObject({ ...C, prefix: '45.67.88.0/24', netname: 'ACME-CUST', country: 'NL', status: 'ASSIGNED PA' });
    passes('CHK-29', draft('ripe', 'ipv4', { dbObjects: [{ object: o, parentStatus: 'ALLOCATED PA' }] }));
    fails('CHK-29', draft('ripe', 'ipv4', { dbObjects: [{ object: o, parentStatus: 'ALLOCATED UNSPECIFIED' }] }), 'E');
    const rir = inetnumObject({ ...C, prefix: '45.67.88.0/22', netname: 'ACME', country: 'NL', status: 'ALLOCATED PA' });
    expect(fails('CHK-29', draft('ripe', 'ipv4', { dbObjects: [{ object: rir, parentStatus: 'ALLOCATED UNSPECIFIED' }] }), 'E').message).toMatch(
      /set by the RIR/,
    );
  });
  it('CHK-30 RIPE: hierarchical as-set passes; a flat new one fails', () => {
    passes('CHK-30', draft('ripe', 'asn', { dbObjects: [{ object: asSetObject({ ...C, name: 'AS3333:AS-CUSTOMERS', members: ['AS3333'] }) }] }));
    const flat = parseRpslObject('as-set: AS-ACME\ntech-c: NOC1-RIPE\nadmin-c: NOC1-RIPE\nmnt-by: ACME-MNT\nsource: RIPE\n');
    fails('CHK-30', draft('ripe', 'asn', { dbObjects: [{ object: flat }] }), 'E');
    expect(runCheck('CHK-30', draft('ripe', 'asn', { dbObjects: [{ object: flat, isNew: false }] }), CTX)).toBeNull();
  });
  it('CHK-31 route with our origin inside held space passes; another origin or outside space fails', () => {
    const holdings = [{ prefix: '45.67.88.0/22', source: 'ripe' as const }];
    const r = (prefix: string, origin: number) => ({ object: routeObject({ prefix, origin, mntBy: 'ACME-MNT' }) });
    passes('CHK-31', draft('ripe', 'ipv4', { holdings, dbObjects: [r('45.67.89.0/24', 3333)] }));
    expect(fails('CHK-31', draft('ripe', 'ipv4', { holdings, dbObjects: [r('45.67.89.0/24', 1299)] }), 'E').message).toMatch(/origin AS1299/);
    expect(fails('CHK-31', draft('ripe', 'ipv4', { holdings, dbObjects: [r('45.68.0.0/24', 3333)] }), 'E').message).toMatch(/outside/);
  });
  it('CHK-32 reverse zones: two servers pass; one server, out-of-zone glue, a full-/24 dash label or an off-nibble zone fail', () => {
    const ns = ['ns1.acme.example', 'ns2.acme.example'];
    passes('CHK-32', draft('ripe', 'ipv4', { reverse: [{ zone: '88.67.45.in-addr.arpa', nserver: ns }] }));
    fails('CHK-32', draft('ripe', 'ipv4', { reverse: [{ zone: '88.67.45.in-addr.arpa', nserver: ['ns1.acme.example'] }] }), 'E');
    expect(
      fails(
        'CHK-32',
        draft('ripe', 'ipv4', { reverse: [{ zone: '88.67.45.in-addr.arpa', nserver: ['ns1.acme.example 45.67.88.53', 'ns2.acme.example'] }] }),
        'E',
      ).message,
    ).toMatch(/glue/);
    fails('CHK-32', draft('ripe', 'ipv4', { reverse: [{ zone: '0-255.88.67.45.in-addr.arpa', nserver: ns }] }), 'E');
    fails('CHK-32', draft('ripe', 'ipv6', { reverse: [{ zone: '8b.d.0.1.0.0.2.ip6.arpa', nserver: ns }] }), 'E');
  });
  it('CHK-33 DS records: a 64-hex SHA-256 digest passes; a short one fails', () => {
    const ns = ['ns1.acme.example', 'ns2.acme.example'];
    passes('CHK-33', draft('ripe', 'ipv4', { reverse: [{ zone: '88.67.45.in-addr.arpa', nserver: ns, dsRdata: [DS] }] }));
    expect(
      fails('CHK-33', draft('ripe', 'ipv4', { reverse: [{ zone: '88.67.45.in-addr.arpa', nserver: ns, dsRdata: ['1 13 2 ABCD'] }] }), 'E').message,
    ).toMatch(/64 hex/);
  });
  it('CHK-34 a balanced stats file passes; a wrong header count fails', () => {
    const text = '2|ripencc|1|1|19930901|20260511|+0200\nripencc|*|ipv4|*|1|summary\nripencc|NL|ipv4|45.67.88.0|256|20191125|allocated|x\n';
    passes('CHK-34', draft('ripe', 'ipv4', { statsImport: text }));
    expect(fails('CHK-34', draft('ripe', 'ipv4', { statsImport: text.replace('|1|1|', '|1|2|') }), 'E').message).toMatch(/header says 2 records/);
  });
  it('CHK-35 names a pending proposal (ARIN IPv4: ARIN-2023-8); none for a RIPE ASN', () => {
    expect(fails('CHK-35', draft('arin', 'ipv4'), 'I').message).toMatch(/ARIN-2023-8/);
    passes('CHK-35', draft('ripe', 'asn'));
  });
});

describe('runPolicyChecks', () => {
  it('has all rules, in order (CHK-36 and on: issue 11, docs/rir.md)', () => {
    expect(POLICY_CHECKS.map((c) => c.rule)).toEqual(Array.from({ length: POLICY_CHECKS.length }, (_, i) => `CHK-${String(i + 1).padStart(2, '0')}`));
    expect(POLICY_CHECKS.length).toBeGreaterThanOrEqual(36);
  });
  it('runs only the rules that apply to the RIR and kind', () => {
    const rules = runPolicyChecks(draft('ripe', 'ipv4'), CTX).map((r) => r.rule);
    expect(rules).toContain('CHK-19');
    expect(rules).not.toContain('CHK-14');
    expect(rules).not.toContain('CHK-23');
  });
  it('never makes an unconfirmed rule an error', () => {
    const results = runPolicyChecks(draft('arin', 'ipv6', {}, { prefixLength: 44 }), CTX);
    for (const r of results.filter((x) => x.verify)) expect(r.severity).not.toBe('E');
  });
  it('a clean RIPE IPv4 draft is policy-conforming; a /23 is not', () => {
    expect(isPolicyConforming(runPolicyChecks(draft('ripe', 'ipv4'), CTX))).toBe(true);
    expect(isPolicyConforming(runPolicyChecks(draft('ripe', 'ipv4', {}, { prefixLength: 23 }), CTX))).toBe(false);
  });
  it('every result carries a source and an as-of date', () => {
    for (const r of runPolicyChecks(draft('apnic', 'asn'), CTX)) {
      expect(r.source).not.toBe('');
      expect(r.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
