/**
 * The requests services against a real temp workspace: drafts filled from the registry, the
 * ASN registry, Settings and the facility equipment; the planner's edits kept with undo and
 * redo; checks that name the rule and the field; RPSL and reverse zones that refuse bad input
 * naming the field and the rule.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { checklist, draftView, getOrganisation, markStep, resetDraft, updateDraft, updateOrganisation } from '../../../../../electron/core/services/requests';
import { project } from '../../../../../electron/core/services/requests-plan';
import { guessRelation } from '../../../../../electron/core/services/requests-settings';
import { reverseFor, rpslFor } from '../../../../../electron/core/services/requests-objects';
import { Session } from '../../../../../electron/core/services/session';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { parseRpsl } from '../../../../../shared/rir/rpsl-text';
import { rpslValues } from '../../../../../shared/rir/rpsl-object';
import { validateRpslObject } from '../../../../../shared/rir/rpsl-validate';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

const NOW = new Date('2026-05-15T12:00:00Z');

/** A small ISP in real-looking (not documentation) space, so CHK-03 can pass. */
async function isp(): Promise<Workspace> {
  const ws = await Workspace.create(tmp.path(`req-${++n}.headroom`), { now: () => NOW });
  open.push(ws);
  addPrefix(ws, { prefix: '185.100.0.0/22', status: 'aggregate', rir: 'ripe', description: 'IPv4 allocation', date: '2024-01-10' });
  addPrefix(ws, { prefix: '185.100.0.0/24', status: 'allocated', description: 'Customers', date: '2024-01-20' });
  for (let i = 0; i < 8; i++) {
    addPrefix(ws, { prefix: `185.100.0.${i * 16}/28`, status: 'assigned', description: `Customer ${i}`, date: `2025-${String(i + 1).padStart(2, '0')}-15` });
  }
  addPrefix(ws, { prefix: '2a0f:1000::/32', status: 'aggregate', rir: 'ripe', unit: 48, description: 'IPv6 allocation', date: '2024-01-10' });
  addPrefix(ws, { prefix: '2a0f:1000::/40', status: 'allocated', unit: 56, description: 'Residential', date: '2024-02-01' });
  addPrefix(ws, { prefix: '2a0f:1000::/56', status: 'assigned', description: 'Block 0', date: '2025-01-01' });
  ws.mutate('registry.addAsn', 'ASNs', (tx) => {
    for (const [asn, description] of [
      [205000, 'Example Telecom (our AS)'],
      [3320, 'Transit A (upstream)'],
      [1299, 'Transit B upstream'],
      [6695, 'IX route servers'],
    ] as const) {
      tx.insert('asns', { asn, description, created_at: NOW.toISOString() });
    }
  });
  updateOrganisation(ws, {
    legalName: 'Example Telecom GmbH',
    address: ['Hauptstrasse 1', '10115 Berlin'],
    country: 'de',
    accountId: 'de.example',
    mntner: 'EXAMPLE-MNT',
    orgHandle: 'ORG-EXA1-RIPE',
    nameServers: ['ns1.example.net', 'ns2.example.net'],
    contacts: [{ name: 'Ana Planner', email: 'ana@example.net', phone: '+49 30 5550100', handle: 'AP1-RIPE', roles: ['requester', 'admin', 'tech'] }],
  });
  return ws;
}

describe('fillDraft through draftView', () => {
  it('fills the organisation, requester and holdings from the workspace', async () => {
    const ws = await isp();
    const v = draftView(ws, 'ripe', 'ipv4');
    expect(v.draft.organisation).toMatchObject({ legalName: 'Example Telecom GmbH', country: 'DE', accountId: 'de.example', role: 'lir' });
    expect(v.draft.requester).toMatchObject({ name: 'Ana Planner', email: 'ana@example.net', handle: 'AP1-RIPE' });
    // 8 × /28 assigned inside the allocated /24: 128 of 1,024 (the /24 itself is our own pool).
    // Both families are listed (the RIRs ask for every resource held).
    expect(v.draft.holdings).toEqual([
      { prefix: '185.100.0.0/22', source: 'ripe', date: '2024-01-10', usedPct: 12.5 },
      { prefix: '2a0f:1000::/32', source: 'ripe', date: '2024-01-10', usedPct: expect.any(Number) },
    ]);
    expect(v.draft.request).toMatchObject({ rir: 'ripe', kind: 'ipv4', type: 'subsequent', prefixLength: 24 });
    expect(v.missing).toEqual([]);
  });

  it('projects the addressing plan from the dates blocks were assigned', async () => {
    const ws = await isp();
    const [row] = draftView(ws, 'ripe', 'ipv4').plan;
    expect(row).toMatchObject({ pool: '185.100.0.0/24', unit: 'addresses', totalUnits: 256, now: 128, method: 'trend' });
    expect(row!.m3).toBeGreaterThan(128);
    expect(row!.m12).toBeGreaterThanOrEqual(row!.m6);
    expect(row!.m24).toBeGreaterThan(256); // demand is not capped at the pool (docs/rir.md §2)
  });

  it('counts IPv6 pools in their assignment unit', async () => {
    const ws = await isp();
    const v = draftView(ws, 'ripe', 'ipv6');
    expect(v.plan).toEqual([expect.objectContaining({ pool: '2a0f:1000::/40', unit: '/56', totalUnits: 65536, now: 1 })]);
    expect(v.draft.ipv6).toMatchObject({ currentAllocationLength: 32, assignedUnits: 1 });
  });

  it('takes neighbours from the ASN registry and renders the routing policy as aut-num lines', async () => {
    const ws = await isp();
    const v = draftView(ws, 'ripe', 'asn');
    expect(v.draft.connectivity.ownAsn).toBe(205000);
    expect(v.draft.connectivity.upstreams.map((u) => u.asn)).toEqual([1299, 3320]);
    expect(v.draft.connectivity.peers.map((u) => u.asn)).toEqual([6695]);
    const aut = v.draft.dbObjects.find((o) => o.object.attributes[0]!.name === 'aut-num')!.object;
    // The new AS (ASNEW) is drafted; a peer's routes are accepted by its AS, not ANY.
    expect(rpslValues(aut, 'import')).toEqual(['from AS1299 accept ANY', 'from AS3320 accept ANY', 'from AS6695 accept AS6695']);
    expect(rpslValues(aut, 'export')).toContain('to AS3320 announce ASNEW');
    expect(v.checks.find((c) => c.rule === 'CHK-23')).toMatchObject({ ok: true });
    // AS205000 is held: the only error is the missing routing policy of the new AS (CHK-37).
    expect(v.checks.filter((c) => c.severity === 'E' && !c.ok).map((c) => c.rule)).toEqual(['CHK-37']);
  });

  it('says what the workspace does not know yet', async () => {
    const ws = await Workspace.create(tmp.path(`req-${++n}.headroom`), { now: () => NOW });
    open.push(ws);
    const v = draftView(ws, 'arin', 'ipv4');
    expect(v.missing.map((m) => m.field)).toEqual(expect.arrayContaining(['organisation.legalName', 'organisation.country', 'contacts']));
  });
});

describe('guessRelation', () => {
  it('reads our AS, upstreams and peers from descriptions', () => {
    expect(guessRelation('Example Networks (our AS)')).toBe('own');
    expect(guessRelation('Transit B (upstream)')).toBe('upstream');
    expect(guessRelation('Regional IXP route servers')).toBe('peer');
    expect(guessRelation('Lab and staging')).toBe('none');
  });
});

describe('project', () => {
  it('stays flat without two distinct days of history', () => {
    expect(project([], 100, 5).at(12)).toBe(5);
  });
  it('never projects below today, and leaves demand uncapped by the pool (docs/rir.md §2)', () => {
    const p = project(
      [
        { x: 0, y: 0 },
        { x: 30, y: 100 },
      ],
      30,
      100,
    );
    expect(p.method).toBe('trend');
    expect(p.at(1)).toBeGreaterThan(100);
    expect(p.at(24)).toBe(Math.round(100 + (100 / 30) * 24 * 30.4375));
  });
});

describe('updateDraft and resetDraft', () => {
  it('keeps the planner’s edits, and undo and redo move between them', async () => {
    const ws = await isp();
    updateDraft(ws, { rir: 'ripe', kind: 'ipv6', edits: { prefixLength: 29, justification: 'two regions' } });
    expect(draftView(ws, 'ripe', 'ipv6').draft.request).toMatchObject({ prefixLength: 29, justification: 'two regions' });
    updateDraft(ws, { rir: 'ripe', kind: 'ipv6', edits: { prefixLength: 30 } });
    expect(draftView(ws, 'ripe', 'ipv6').draft.request.prefixLength).toBe(30);
    ws.undo();
    expect(draftView(ws, 'ripe', 'ipv6').draft.request.prefixLength).toBe(29);
    ws.redo();
    expect(draftView(ws, 'ripe', 'ipv6').edits).toEqual({ prefixLength: 30, justification: 'two regions' });
  });

  it('clears an edit given as null, and reset drops them all (undoably)', async () => {
    const ws = await isp();
    updateDraft(ws, { rir: 'ripe', kind: 'ipv6', edits: { prefixLength: 29, notes: 'x' } });
    expect(updateDraft(ws, { rir: 'ripe', kind: 'ipv6', edits: { notes: null } }).edits).toEqual({ prefixLength: 29 });
    expect(resetDraft(ws, { rir: 'ripe', kind: 'ipv6' }).edits).toEqual({});
    ws.undo();
    expect(draftView(ws, 'ripe', 'ipv6').edits).toEqual({ prefixLength: 29 });
  });

  it('takes equipment from the facility sites until the planner edits the list', async () => {
    const ws = await isp();
    expect(draftView(ws, 'ripe', 'ipv4').draft.infrastructure).toEqual([]);
    const v = updateDraft(ws, {
      rir: 'ripe',
      kind: 'ipv4',
      edits: { equipment: [{ name: 'Core router', vendor: 'Juniper', model: 'MX204', usage: 'loopbacks and links' }] },
    });
    expect(v.draft.infrastructure).toEqual([{ name: 'Core router', vendor: 'Juniper', model: 'MX204', usage: 'loopbacks and links' }]);
  });

  it('keeps edits per RIR and kind', async () => {
    const ws = await isp();
    updateDraft(ws, { rir: 'arin', kind: 'ipv6', edits: { servingSites: 20, largestSiteEndSites: 1000 } });
    expect(draftView(ws, 'ripe', 'ipv6').edits).toEqual({});
    expect(draftView(ws, 'arin', 'ipv6').draft.ipv6).toMatchObject({ servingSites: 20, largestSiteEndSites: 1000, providerAllocationUnit: 48 });
  });
});

describe('checks on a real draft', () => {
  it('refuses documentation space, naming CHK-03 and the holding', async () => {
    const ws = await isp();
    addPrefix(ws, { prefix: '198.51.100.0/24', status: 'aggregate', description: 'from upstream' });
    const c = draftView(ws, 'ripe', 'ipv4').checks.find((x) => x.rule === 'CHK-03')!;
    expect(c).toMatchObject({ ok: false, verdict: 'FAIL', field: 'holdings[1].prefix' });
    expect(c.message).toContain('198.51.100.0/24');
  });

  it('refuses a private ASN among the neighbours (CHK-03, at connectivity)', async () => {
    const ws = await isp();
    ws.mutate('registry.addAsn', 'private ASN', (tx) =>
      tx.insert('asns', { asn: 65010, description: 'Lab transit (upstream)', created_at: NOW.toISOString() }),
    );
    const c = draftView(ws, 'ripe', 'asn').checks.find((x) => x.rule === 'CHK-03')!;
    expect(c).toMatchObject({ ok: false, field: 'connectivity' });
    expect(c.message).toContain('AS65010 (private ASN (RFC 6996))');
  });

  it('passes CHK-03 when the space is real', async () => {
    const ws = await isp();
    expect(draftView(ws, 'ripe', 'ipv4').checks.find((x) => x.rule === 'CHK-03')).toMatchObject({ ok: true });
  });

  it('flags an IPv6 size off a nibble boundary at ARIN (CHK-04, at prefixLength)', async () => {
    const ws = await isp();
    const v = updateDraft(ws, { rir: 'arin', kind: 'ipv6', edits: { prefixLength: 30 } });
    expect(v.checks.find((x) => x.rule === 'CHK-04')).toMatchObject({ ok: false, severity: 'E', field: 'prefixLength' });
    expect(v.conforming).toBe(false);
  });

  it('flags an as-set name RIPE refuses (CHK-30, at asSet)', async () => {
    const ws = await isp();
    const v = updateDraft(ws, { rir: 'ripe', kind: 'asn', edits: { asSet: 'AS-CUSTOMERS' } });
    expect(v.checks.find((x) => x.rule === 'CHK-30')).toMatchObject({ ok: false, field: 'asSet' });
  });

  it('flags a DS record with a bad digest length (CHK-33, at dsRdata)', async () => {
    const ws = await isp();
    const v = updateDraft(ws, { rir: 'ripe', kind: 'ipv4', edits: { dsRdata: ['12345 13 2 ABCDEF'] } });
    const c = v.checks.find((x) => x.rule === 'CHK-33')!;
    expect(c).toMatchObject({ ok: false, field: 'dsRdata' });
    expect(c.message).toMatch(/64 hex digits/);
  });

  it('flags fewer than two name servers (CHK-32)', async () => {
    const ws = await isp();
    updateOrganisation(ws, { nameServers: ['ns1.example.net'] });
    expect(draftView(ws, 'ripe', 'ipv4').checks.find((x) => x.rule === 'CHK-32')).toMatchObject({ ok: false, field: 'organisation.nameServers' });
  });

  it('shows an UNCONFIRMED rule as "verify with the RIR", never as an error', async () => {
    const ws = await isp();
    const v = updateDraft(ws, { rir: 'arin', kind: 'ipv6', edits: { prefixLength: 44 } });
    const c = v.checks.find((x) => x.rule === 'CHK-07')!;
    expect(c).toMatchObject({ ok: false, verify: true, verdict: 'verify' });
    expect(c.severity).not.toBe('E');
    expect(c.message).toMatch(/^verify with the RIR: /);
  });
});

describe('rpslFor', () => {
  it('drafts inetnum and route for an aggregate, in the RIPE template', async () => {
    const ws = await isp();
    const r = rpslFor(ws, { resource: '185.100.0.0/22' });
    const objs = parseRpsl(r.text);
    expect(objs.map((o) => o.attributes[0]!.name)).toEqual(['inetnum', 'route']);
    expect(rpslValues(objs[0]!, 'status')).toEqual(['ALLOCATED PA']);
    expect(rpslValues(objs[1]!, 'origin')).toEqual(['AS205000']);
    for (const o of objs) expect(validateRpslObject(o, { rir: 'ripe' })).toEqual([]);
    // Settings has no abuse contact yet (issue 11 item 9): the only thing said.
    expect(r.warnings).toEqual([expect.stringMatching(/no abuse contact \(abuse-c\) in Settings/)]);
  });

  it('gives an internal pool of same-size assignments AGGREGATED-BY-LIR (not SUB-ALLOCATED PA) and an IPv6 pool AGGREGATED-BY-LIR with its unit', async () => {
    const ws = await isp();
    const v4 = parseRpsl(rpslFor(ws, { resource: '185.100.0.0/24' }).text)[0]!;
    expect(rpslValues(v4, 'status')).toEqual(['AGGREGATED-BY-LIR']);
    expect(rpslValues(v4, 'assignment-size')).toEqual(['28']);
    const v6 = parseRpsl(rpslFor(ws, { resource: '2a0f:1000::/40' }).text)[0]!;
    expect(rpslValues(v6, 'status')).toEqual(['AGGREGATED-BY-LIR']);
    expect(rpslValues(v6, 'assignment-size')).toEqual(['56']);
  });

  it('refuses host bits set, naming the field and CHK-02', async () => {
    const ws = await isp();
    expect(() => rpslFor(ws, { resource: '185.100.0.1/22' })).toThrow(expect.objectContaining({ field: 'prefix', message: expect.stringMatching(/CHK-02/) }));
  });

  it('refuses a non-hierarchical as-set name at RIPE, naming CHK-30', async () => {
    const ws = await isp();
    expect(() => rpslFor(ws, { resource: 'AS205000', asSet: 'AS-CUSTOMERS' })).toThrow(
      expect.objectContaining({ field: 'as-set', message: expect.stringMatching(/CHK-30/) }),
    );
    expect(parseRpsl(rpslFor(ws, { resource: 'AS205000', asSet: 'AS205000:AS-CUSTOMERS' }).text).map((o) => o.attributes[0]!.name)).toEqual([
      'aut-num',
      'as-set',
    ]);
  });
});

describe('reverseFor', () => {
  it('refuses fewer than two name servers, naming ns and CHK-32', async () => {
    const ws = await isp();
    expect(() => reverseFor(ws, { prefix: '185.100.0.0/24', ns: ['ns1.example.net'], format: 'bind' })).toThrow(
      expect.objectContaining({ field: 'ns', message: expect.stringMatching(/CHK-32/) }),
    );
  });

  it('refuses a DS digest of the wrong length, naming the record and CHK-33', async () => {
    const ws = await isp();
    expect(() => reverseFor(ws, { prefix: '185.100.0.0/24', ns: ['ns1.example.net', 'ns2.example.net'], format: 'rpsl', ds: ['12345 13 2 ABCD'] })).toThrow(
      expect.objectContaining({ field: 'ds-rdata[0]', message: expect.stringMatching(/CHK-33/) }),
    );
  });

  it('uses the name servers from Settings when none are given', async () => {
    const ws = await isp();
    const r = reverseFor(ws, { prefix: '185.100.0.0/23', ns: [], format: 'rpsl' });
    expect(r.zones.map((z) => z.zone)).toEqual(['0.100.185.in-addr.arpa', '1.100.185.in-addr.arpa']);
    expect(rpslValues(parseRpsl(r.text)[0]!, 'nserver')).toEqual(['ns1.example.net', 'ns2.example.net']);
  });
});

describe('organisation settings', () => {
  it('keeps neighbours set by the planner over the guess', async () => {
    const ws = await isp();
    updateOrganisation(ws, { neighbours: [{ asn: 6695, relation: 'none' }] });
    const n = getOrganisation(ws).neighbours.find((x) => x.asn === 6695)!;
    expect(n).toMatchObject({ relation: 'none', guessed: false });
    ws.undo();
    expect(getOrganisation(ws).neighbours.find((x) => x.asn === 6695)).toMatchObject({ relation: 'peer', guessed: true });
  });

  it('refuses a bad country through the contract, naming the field and changing nothing', async () => {
    const session = new Session({ now: () => NOW });
    await session.create(tmp.path(`req-${++n}.headroom`));
    const dispatch = createDispatch(createHandlers(session));
    const r = await dispatch('requests.updateOrganisation', { country: 'Germany' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'country' } });
    const org = await dispatch('requests.getOrganisation', {});
    expect(org).toMatchObject({ ok: true, value: { country: '' } });
    session.close();
  });
});

describe('checklist', () => {
  it('lists the eleven RFC 2901 steps with what is done', async () => {
    const ws = await isp();
    const steps = checklist(ws);
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(steps.filter((s) => s.manual).map((s) => s.step)).toEqual([3, 6, 10]);
    expect(steps[0]).toMatchObject({ state: 'done' });
    expect(steps[7]).toMatchObject({ state: 'done', detail: 'AS205000 is ours' });
    expect(steps[2]).toMatchObject({ state: 'todo' });
  });

  it('ticks a manual step, undoably', async () => {
    const ws = await isp();
    expect(markStep(ws, { step: 3, done: true })[2]).toMatchObject({ state: 'done' });
    ws.undo();
    expect(checklist(ws)[2]).toMatchObject({ state: 'todo' });
  });
});
