/**
 * The routing services through dispatch (the path every transport takes) on real temp demo
 * workspaces: routes added, listed, removed and undone; refusals that name the field and change
 * nothing; the ROA plan with its reasons; the check against real-world-shaped validator exports
 * (rpki-client and Routinator json/jsonext) with the VRPs for other space ignored and counted;
 * the exports, the SLURM file validated against RFC 8416's schema with ajv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../../../shared/contract';
import { dispatchSessions } from '../../../../support/dispatch';
import { rpkiClientJson, routinatorJson, routinatorJsonext, strangersVrps, type TestVrp } from '../../../../support/vrp-files';

const newWorkspace = dispatchSessions('headroom-routing-');

/**
 * The demo ISP: aggregates 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32; AS64496
 * ours, AS64497/64498 upstreams, AS64500 the IXP route servers (a peer), AS64511 a lab ASN; the
 * ASN block 64496–64511 (so AS64505, not recorded, is a customer's).
 */
async function demo() {
  const d = await newWorkspace({ demo: true, now: () => new Date('2026-12-03T12:00:00Z') });
  const refusal = async (channel: Channel, input: unknown) => {
    const r = await d.dispatch(channel, input);
    if (r.ok) throw new Error(`${channel} was not refused`);
    return r.error;
  };
  return { call: d.call, refusal, ws: d.session.require() };
}

describe('routes', () => {
  it('are added, listed in CLI order, removed, and undone and redone', async () => {
    const { call, ws } = await demo();
    await call('routing.addRoute', { prefix: '2001:db8::/32', origin: 'AS64496', description: 'IPv6 aggregate' });
    const r = await call('routing.addRoute', { prefix: '198.51.100.0/24', origin: '64496' });
    expect(r).toMatchObject({ prefix: '198.51.100.0/24', origin: 64496, aggregate: '198.51.100.0/24', originKind: 'ours' });
    const c = await call('routing.addRoute', { prefix: '192.0.2.128/25', origin: '64505', description: 'customer BGP' });
    expect(c.originKind).toBe('customer');
    expect((await call('routing.listRoutes', {})).map((x) => `${x.prefix} ${x.origin}`)).toEqual([
      '192.0.2.128/25 64505',
      '198.51.100.0/24 64496',
      '2001:db8::/32 64496',
    ]);
    expect((await call('routing.listRoutes', { within: '192.0.2.0/24' })).map((x) => x.prefix)).toEqual(['192.0.2.128/25']);
    await call('routing.removeRoute', { prefix: '198.51.100.0/24', origin: 'AS64496' });
    expect((await call('routing.listRoutes', {})).length).toBe(2);
    ws.undo();
    expect((await call('routing.listRoutes', {})).map((x) => x.prefix)).toContain('198.51.100.0/24');
    ws.undo(); // the customer route
    expect((await call('routing.listRoutes', {})).map((x) => x.prefix)).toEqual(['198.51.100.0/24', '2001:db8::/32']);
    ws.redo();
    expect((await call('routing.listRoutes', {})).map((x) => x.prefix)).toEqual(['192.0.2.128/25', '198.51.100.0/24', '2001:db8::/32']);
    const hist = await call('workspace.history', { limit: 10 });
    expect(hist.map((h) => h.summary)).toContain('Add the route 192.0.2.128/25 from AS64505');
  });

  it.each([
    ['a malformed prefix', { prefix: '198.51.100.0/33', origin: '64496' }, 'prefix', /prefix length/],
    ['host bits set', { prefix: '198.51.100.1/24', origin: '64496' }, 'prefix', /host bits/],
    ['a prefix outside our space', { prefix: '10.0.0.0/24', origin: '64496' }, 'prefix', /not inside any of our aggregates \(192\.0\.2\.0\/24/],
    ['an IPv6 prefix outside our space', { prefix: '2001:db9::/48', origin: '64496' }, 'prefix', /not inside any of our aggregates \(2001:db8::\/32\)/],
    ['a malformed ASN', { prefix: '198.51.100.0/24', origin: '12abc' }, 'origin', /not an AS number/],
    ['an ASN out of range', { prefix: '198.51.100.0/24', origin: '4294967296' }, 'origin', /above the largest/],
    ['AS0', { prefix: '198.51.100.0/24', origin: 'AS0' }, 'origin', /AS0 never originates/],
    ['an upstream ASN', { prefix: '198.51.100.0/24', origin: '64497' }, 'origin', /an upstream/],
    ['a peer ASN', { prefix: '198.51.100.0/24', origin: '64500' }, 'origin', /a peer/],
    [
      "an ASN that is not ours or a customer's",
      { prefix: '198.51.100.0/24', origin: '65001' },
      'origin',
      /neither one of our recorded ASNs nor in one of our ASN blocks/,
    ],
    ['the same route twice', { prefix: '203.0.113.0/24', origin: '64496' }, 'prefix', /already recorded/],
  ])('refuses %s at its field, changing nothing', async (_what, input, field, message) => {
    const { call, refusal, ws } = await demo();
    await call('routing.addRoute', { prefix: '203.0.113.0/24', origin: '64496' });
    const before = { tables: ws.dumpUserTables(), routes: ws.all('SELECT * FROM routes'), actions: ws.all('SELECT * FROM actions') };
    const e = await refusal('routing.addRoute', input);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(/\[\d+\]/);
    expect({ tables: ws.dumpUserTables(), routes: ws.all('SELECT * FROM routes'), actions: ws.all('SELECT * FROM actions') }).toEqual(before);
  });

  it('refuses to remove a route that is not recorded', async () => {
    const { refusal } = await demo();
    expect(await refusal('routing.removeRoute', { prefix: '198.51.100.0/24', origin: '64496' })).toMatchObject({ code: 'not-found', field: 'prefix' });
  });
});

describe('the ROA plan', () => {
  it('keeps maxLength at the prefix length, widens it only over a complete set, one ROA per origin, AS0 for the rest', async () => {
    const { call } = await demo();
    await call('routing.addRoute', { prefix: '198.51.100.0/24', origin: '64496' });
    await call('routing.addRoute', { prefix: '198.51.100.0/25', origin: '64496' }); // one half only: no wider maxLength
    await call('routing.addRoute', { prefix: '203.0.113.0/24', origin: '64496' });
    await call('routing.addRoute', { prefix: '203.0.113.0/25', origin: '64496' });
    await call('routing.addRoute', { prefix: '203.0.113.128/25', origin: '64496' }); // both halves: one entry /24-25
    await call('routing.addRoute', { prefix: '203.0.113.0/24', origin: '64505' }); // a second origin: its own ROA
    await call('routing.addRoute', { prefix: '2001:db8::/32', origin: '64496' });
    const plan = await call('routing.planRoas', {});
    expect(plan.roas.map((r) => `${r.prefix}-${r.maxLength} AS${r.asn}`)).toEqual([
      '198.51.100.0/24-24 AS64496',
      '198.51.100.0/25-25 AS64496',
      '203.0.113.0/24-24 AS64505',
      '203.0.113.0/24-25 AS64496',
      '2001:db8::/32-32 AS64496',
    ]);
    const byKey = new Map(plan.roas.map((r) => [`${r.prefix}-${r.maxLength} AS${r.asn}`, r]));
    expect(byKey.get('198.51.100.0/24-24 AS64496')!.reason).toMatch(/more-specifics get entries of their own.*RFC 9319/);
    expect(byKey.get('203.0.113.0/24-25 AS64496')!.reason).toMatch(/every more-specific down to \/25.*RFC 9319 §5.*AS64505 also originates it/);
    expect(byKey.get('203.0.113.0/24-24 AS64505')!.roa).toBe('AS64505-routes');
    expect(plan.warnings).toEqual(
      ['198.51.100.0/25', '203.0.113.0/25', '203.0.113.128/25'].map(
        (p) => `route ${p} AS64496: longer than /24; most networks filter IPv4 routes longer than /24, so it will not travel far`,
      ),
    );

    const as0 = await call('routing.planRoas', { as0: true });
    expect(as0.roas.filter((r) => r.asn === 0).map((r) => `${r.prefix}-${r.maxLength}`)).toEqual(['192.0.2.0/24-32']);
    expect(as0.roas.find((r) => r.asn === 0)!.reason).toMatch(/AS0 ROA.*RFC 6483/);
  });

  it('gives AS0 ROAs for the gaps of a partly routed aggregate', async () => {
    const { call } = await demo();
    await call('routing.addRoute', { prefix: '2001:db8::/33', origin: '64496' });
    await call('routing.addRoute', { prefix: '192.0.2.0/25', origin: '64496' });
    const as0 = (await call('routing.planRoas', { as0: true })).roas.filter((r) => r.asn === 0);
    expect(as0.map((r) => `${r.prefix}-${r.maxLength}`)).toEqual(['192.0.2.128/25-32', '198.51.100.0/24-32', '203.0.113.0/24-32', '2001:db8:8000::/33-128']);
  });
});

/** The scenario of the check: our routes, and the VRPs the world publishes about our space. */
const OURS: TestVrp[] = [
  { asn: 64496, prefix: '198.51.100.0/24', maxLength: 24, ta: 'ripe' }, // 198.51.100.0/24 valid
  { asn: 64496, prefix: '198.51.100.0/24', maxLength: 24, ta: 'ripe' }, // the same VRP twice (two repositories): one VRP
  { asn: 64496, prefix: '198.51.100.0/23', maxLength: 25, ta: 'ripe' }, // covers our aggregate: too permissive, makes the /24-24 redundant
  { asn: 64511, prefix: '203.0.113.0/24', maxLength: 24, ta: 'ripe' }, // wrong origin: 203.0.113.0/24 AS64496 invalid-asn
  { asn: 64496, prefix: '2001:db8::/32', maxLength: 32, ta: 'ripe' }, // /32 valid, /40 invalid-length
  { asn: 64496, prefix: '2001:db8:ff00::/40', maxLength: 48, ta: 'ripe' }, // no route: ROA without route, too permissive
  { asn: 0, prefix: '192.0.2.0/25', maxLength: 32, ta: 'ripe' }, // AS0 on our space
];

async function scenario() {
  const d = await demo();
  for (const [prefix, origin] of [
    ['198.51.100.0/24', '64496'],
    ['203.0.113.0/24', '64496'],
    ['2001:db8::/32', '64496'],
    ['2001:db8:100::/40', '64496'],
    ['192.0.2.128/25', '64505'],
  ] as const) {
    await d.call('routing.addRoute', { prefix, origin });
  }
  return d;
}

describe('the check against a validator export', () => {
  it.each([
    ['rpki-client json (asn as text)', (v: TestVrp[]) => rpkiClientJson(v)],
    ['rpki-client json (asn as a number)', (v: TestVrp[]) => rpkiClientJson(v, { numericAsn: true })],
    ['Routinator json', routinatorJson],
    ['Routinator jsonext', routinatorJsonext],
  ])('gives each route its RFC 6811 state and lists the VRPs to fix, from %s', async (_shape, make) => {
    const { call } = await scenario();
    const strangers = strangersVrps(400);
    const r = await call('routing.checkRoas', { vrps: make([...strangers.slice(0, 200), ...OURS, ...strangers.slice(200)]) });
    expect(r.routes.map((x) => `${x.prefix} AS${x.origin} ${x.state}`)).toEqual([
      '192.0.2.128/25 AS64505 not-found',
      '198.51.100.0/24 AS64496 valid',
      '203.0.113.0/24 AS64496 invalid-asn',
      '2001:db8::/32 AS64496 valid',
      '2001:db8:100::/40 AS64496 invalid-length',
    ]);
    expect(r.vrps.map((x) => `${x.prefix}-${x.maxLength} AS${x.asn} ${x.finding}`)).toEqual([
      '198.51.100.0/23-25 AS64496 too-permissive',
      '198.51.100.0/24-24 AS64496 redundant',
      '2001:db8:ff00::/40-48 AS64496 too-permissive',
    ]);
    expect(r).toMatchObject({ total: strangers.length + OURS.length, considered: OURS.length, ignored: strangers.length });
    expect(r.routes.find((x) => x.state === 'invalid-length')!.reason).toMatch(/not as long as \/40/);
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'route 203.0.113.0/24 AS64496: the route object has no matching ROA (invalid-asn)',
        'route 192.0.2.128/25 AS64505: the route object has no matching ROA (not-found)',
        'ROA 2001:db8:ff00::/40-48 AS64496: no route of ours matches it (remove it, or record the route)',
        'ROA 203.0.113.0/24-24 AS64511: no route of ours matches it (remove it, or record the route)',
        'route 192.0.2.128/25 AS64505: longer than /24; most networks filter IPv4 routes longer than /24, so it will not travel far',
      ]),
    );
  });

  it("flags a VRP origin that is neither ours nor a customer's", async () => {
    const { call } = await scenario();
    const r = await call('routing.checkRoas', { vrps: routinatorJson([{ asn: 65001, prefix: '203.0.113.0/24', maxLength: 24, ta: 'ripe' }]) });
    expect(r.warnings).toContain("ROA 203.0.113.0/24-24 AS65001: AS65001 is neither one of our ASNs nor a customer's");
  });

  it.each([
    ['text that is not JSON', 'roas: []', /not JSON/],
    ['a document without roas', JSON.stringify({ metadata: { generated: 1 } }), /no "roas" list/],
    ['roas that is not a list', JSON.stringify({ roas: {} }), /no "roas" list/],
    [
      'a maxLength below the prefix length',
      routinatorJson([{ asn: 64496, prefix: '198.51.100.0/24', maxLength: 20, ta: 'ripe' }]),
      /entry 1 \(198\.51\.100\.0\/24\): maxLength 20 is below the prefix length \/24/,
    ],
    [
      'a maxLength above 32',
      routinatorJson([...strangersVrps(3), { asn: 64496, prefix: '198.51.100.0/24', maxLength: 33, ta: 'ripe' }]),
      /entry 5 .*maxLength 33 is above \/32/,
    ],
    ['a maxLength above 128', routinatorJson([{ asn: 64496, prefix: '2001:db8::/32', maxLength: 129, ta: 'ripe' }]), /above \/128/],
    ['a malformed prefix', routinatorJson([{ asn: 64496, prefix: '198.51.100.0/24x', maxLength: 24, ta: 'ripe' }]), /entry 1/],
    ['a malformed ASN', JSON.stringify({ roas: [{ asn: 'ASx', prefix: '198.51.100.0/24', maxLength: 24 }] }), /entry 1 .*not an AS number/],
  ])('refuses %s, naming the field', async (_what, text, message) => {
    const { refusal } = await scenario();
    const e = await refusal('routing.checkRoas', { vrps: text });
    expect(e).toMatchObject({ code: 'invalid', field: 'vrps' });
    expect(e.message).toMatch(message);
  });
});

describe('ROA exports', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'fixtures', 'routing', 'rfc8416-slurm.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strictRequired: false }).compile(schema);

  it('writes an RFC 8416 SLURM file the schema accepts, with the planned ROAs as prefix assertions', async () => {
    const { call } = await scenario();
    const r = await call('routing.exportRoas', { format: 'slurm', as0: true });
    const doc = JSON.parse(r.text) as { locallyAddedAssertions: { prefixAssertions: { asn: number; prefix: string; maxPrefixLength: number }[] } };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const plan = await call('routing.planRoas', { as0: true });
    expect(doc.locallyAddedAssertions.prefixAssertions.map((a) => [a.asn, a.prefix, a.maxPrefixLength])).toEqual(
      plan.roas.map((p) => [p.asn, p.prefix, p.maxLength]),
    );
    for (const a of doc.locallyAddedAssertions.prefixAssertions) {
      const len = Number(a.prefix.split('/')[1]);
      expect(a.maxPrefixLength).toBeGreaterThanOrEqual(len);
      expect(a.maxPrefixLength).toBeLessThanOrEqual(a.prefix.includes(':') ? 128 : 32);
    }
    expect(r).toMatchObject({ items: plan.roas.length, fileName: 'roas.slurm.json' });
    // The schema can fail: a SLURM file without its filters, or with a string ASN, is refused.
    expect(validate({ slurmVersion: 1, locallyAddedAssertions: { prefixAssertions: [], bgpsecAssertions: [] } })).toBe(false);
    expect(validate({ ...doc, locallyAddedAssertions: { prefixAssertions: [{ asn: 'AS1', prefix: '192.0.2.0/24' }], bgpsecAssertions: [] } })).toBe(false);
  });

  it('writes CSV, LACNIC, ARIN and RIPE NCC forms of the same plan', async () => {
    const { call } = await scenario();
    const csv = (await call('routing.exportRoas', { format: 'csv' })).text;
    expect(csv.split('\r\n')).toEqual([
      'asn,prefix,maxLength',
      'AS64505,192.0.2.128/25,25',
      'AS64496,198.51.100.0/24,24',
      'AS64496,203.0.113.0/24,24',
      'AS64496,2001:db8::/32,32',
      'AS64496,2001:db8:100::/40,40',
      '',
    ]);
    const lacnic = (await call('routing.exportRoas', { format: 'lacnic' })).text.split('\n');
    expect(lacnic[0]).toMatch(/^#/);
    expect(lacnic.slice(1, 3)).toEqual(['192.0.2.128/25-25 64505', '198.51.100.0/24-24 64496']);
    const arin = (await call('routing.exportRoas', { format: 'arin' })).text.trim().split('\n');
    const ts = Date.parse('2026-12-03T12:00:00Z') / 1000;
    expect(arin).toEqual([
      `1|${ts}|AS64505-routes|64505|12-03-2026|12-03-2027|192.0.2.128|25|25|`,
      `1|${ts}|AS64496-routes|64496|12-03-2026|12-03-2027|198.51.100.0|24|24|203.0.113.0|24|24|2001:db8::|32|32|2001:db8:100::|40|40|`,
    ]);
    const ripe = JSON.parse((await call('routing.exportRoas', { format: 'ripe' })).text) as { added: unknown[]; deleted: unknown[] };
    expect(ripe.deleted).toEqual([]);
    expect(ripe.added[0]).toEqual({ asn: 'AS64505', prefix: '192.0.2.128/25', maximalLength: 25 });
  });
});

describe('ROA files in Reports (reports.file)', () => {
  const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

  it('are the bytes of routing.exportRoas, with or without AS0, and carry the plan warnings', async () => {
    const { call } = await scenario();
    for (const format of ['slurm', 'csv', 'lacnic', 'arin', 'ripe'] as const) {
      for (const as0 of [false, true]) {
        const file = await call('reports.file', { format: `roa-${format}`, as0 });
        const cli = await call('routing.exportRoas', { format, as0 });
        expect(decode(file.base64), `${format} as0=${as0}`).toBe(cli.text);
        expect(file.text).toBe(cli.text);
        expect(file).toMatchObject({ fileName: cli.fileName, items: cli.items });
      }
    }
    const csv = await call('reports.file', { format: 'roa-csv', as0: true });
    expect(csv.text).toContain('AS0,192.0.2.0/25,32\r\n');
    // The plan's own warnings: a route longer than /24 travels badly.
    expect(csv.warnings).toContain(
      'route 192.0.2.128/25 AS64505: longer than /24; most networks filter IPv4 routes longer than /24, so it will not travel far',
    );
    expect((await call('routing.exportRoas', { format: 'csv' })).warnings).toEqual(csv.warnings);
    // ARIN's lines are requests to sign, and the file says so before it is saved.
    expect((await call('reports.file', { format: 'roa-arin' })).warnings.some((w) => /sign each line/.test(w))).toBe(true);
  });

  it('warn that an empty plan makes an empty file', async () => {
    const { call } = await demo();
    const file = await call('reports.file', { format: 'roa-slurm' });
    expect(file.items).toBe(0);
    expect(file.warnings).toEqual(['no route recorded (Registry → Routing): no ROA planned']);
  });
});

describe('ASPA drafts (routing.planAspas)', () => {
  it('draft one ASPA per AS of ours over the recorded upstreams, and follow Settings → Neighbours', async () => {
    const { call } = await demo();
    const neighbours = (await call('requests.getOrganisation', {})).neighbours;
    const own = neighbours.filter((n) => n.relation === 'own').map((n) => n.asn);
    const upstreams = neighbours.filter((n) => n.relation === 'upstream').map((n) => n.asn);
    expect(own).toContain(64496);
    expect(upstreams).toEqual([64497, 64498]);
    const plan = await call('routing.planAspas', {});
    expect(plan.aspas.map((a) => a.customer)).toEqual(own);
    expect(plan.aspas.find((a) => a.customer === 64496)).toMatchObject({ providers: [64497, 64498] });
    // An upstream marked as a peer leaves every provider set.
    await call('requests.updateOrganisation', { neighbours: [{ asn: 64498, relation: 'peer' }] });
    expect((await call('routing.planAspas', {})).aspas.find((a) => a.customer === 64496)!.providers).toEqual([64497]);
  });
});
