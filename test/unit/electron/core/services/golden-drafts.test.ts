/**
 * Golden request drafts (issue 11, "Done when"): 5 RIRs × 3 kinds on the demo workspace and on
 * a second workspace built here (a plausible applicant in each RIR's region, with Settings
 * filled), rendered as plain text with their checks. Each file under test/fixtures/rir-drafts/
 * was read as an analyst would (docs/rir.md, "Golden drafts"); a change shows as a diff.
 * `UPDATE_GOLDEN=1` rewrites them (then read them again before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { draftView, updateDraft, updateOrganisation } from '../../../../../electron/core/services/requests';
import { rpslFor } from '../../../../../electron/core/services/requests-objects';
import { listPrefixes } from '../../../../../electron/core/services/registry';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { renderDraftText } from '../../../../../shared/rir/draft-render';
import { RIRS, type Rir } from '../../../../../shared/rir/rir';
import { validateRpslObject } from '../../../../../shared/rir/rpsl-validate';
import { tempDir } from '../../../../support/tmp';

const DIR = new URL('../../../../fixtures/rir-drafts/', import.meta.url).pathname;
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
let n = 0;
const NOW = new Date('2026-05-15T12:00:00Z');
const KINDS = ['ipv4', 'ipv6', 'asn'] as const;

/** Per RIR: a country in its region, real-looking (non-documentation) space, ASNs. */
const APPLICANT: Record<Rir, { cc: string; v4: string; pool: string; v6: string; asn: number; up: [number, number]; peer: number; city: string }> = {
  arin: { cc: 'US', v4: '23.128.0.0/22', pool: '23.128.0', v6: '2602:f000::/32', asn: 400100, up: [174, 3356], peer: 6939, city: 'Denver, CO' },
  ripe: { cc: 'DE', v4: '185.100.0.0/22', pool: '185.100.0', v6: '2a0f:1000::/32', asn: 205000, up: [3320, 1299], peer: 6695, city: 'Berlin' },
  apnic: { cc: 'AU', v4: '103.150.0.0/23', pool: '103.150.0', v6: '2401:f000::/32', asn: 140100, up: [4826, 7474], peer: 7545, city: 'Brisbane' },
  lacnic: { cc: 'UY', v4: '200.10.0.0/22', pool: '200.10.0', v6: '2801:80::/32', asn: 263000, up: [6057, 3549], peer: 52320, city: 'Montevideo' },
  afrinic: { cc: 'KE', v4: '102.220.0.0/22', pool: '102.220.0', v6: '2c0f:f000::/32', asn: 328100, up: [37100, 36914], peer: 37704, city: 'Nairobi' },
};

async function second(rir: Rir): Promise<Workspace> {
  const a = APPLICANT[rir];
  const ws = await Workspace.create(tmp.path(`golden-${++n}.headroom`), { now: () => NOW });
  open.push(ws);
  addPrefix(ws, { prefix: a.v4, status: 'aggregate', rir, description: 'IPv4 allocation', date: '2024-01-10' });
  addPrefix(ws, { prefix: `${a.pool}.0/24`, status: 'allocated', description: 'Business customers', date: '2024-01-20' });
  for (let i = 0; i < 14; i++) {
    const d = new Date(Date.UTC(2025, 3 + i, 15)).toISOString().slice(0, 10);
    if (d > '2026-05-15') break;
    addPrefix(ws, { prefix: `${a.pool}.${i * 16}/28`, status: 'assigned', description: `Customer ${i + 1}`, date: d });
  }
  addPrefix(ws, { prefix: a.v6, status: 'aggregate', rir, unit: 48, description: 'IPv6 allocation', date: '2024-01-10' });
  const v6pool = a.v6.replace('::/32', '::/40');
  addPrefix(ws, { prefix: v6pool, status: 'allocated', unit: 56, description: 'Residential /56 pool', date: '2024-02-01' });
  ws.mutate('registry.addAsn', 'ASNs', (tx) => {
    tx.insert('asns', { asn: a.asn, description: 'Example Networks (our AS)', created_at: NOW.toISOString() });
    tx.insert('asns', { asn: a.up[0], description: 'Transit A (upstream)', created_at: NOW.toISOString() });
    tx.insert('asns', { asn: a.up[1], description: 'Transit B (upstream)', created_at: NOW.toISOString() });
    tx.insert('asns', { asn: a.peer, description: 'IX route servers (peer)', created_at: NOW.toISOString() });
  });
  const handle = rir === 'arin' ? 'EXA12-ARIN' : `EXA1-${rir.toUpperCase()}`;
  updateOrganisation(ws, {
    legalName: 'Example Networks Ltd',
    address: ['1 Harbour Road', a.city],
    country: a.cc,
    website: 'https://www.example.net',
    accountId: rir === 'ripe' ? 'de.example' : 'EXAMPLE-NET',
    mntner: rir === 'lacnic' ? 'MNT-UY-EXAM-LACNIC' : 'EXAMPLE-MNT',
    orgHandle: rir === 'ripe' ? 'ORG-EXA1-RIPE' : '',
    nameServers: ['ns1.example.net', 'ns2.example.org'],
    abuseC: rir === 'arin' ? '' : `ABU1-${rir.toUpperCase()}`,
    apnicIrt: 'IRT-EXAMPLE-AU',
    arinOrgId: 'EXAMP-1',
    arinAdminPoc: 'EXA12-ARIN',
    arinTechPoc: 'EXA13-ARIN',
    arinAbusePoc: 'ABUSE9-ARIN',
    contacts: [{ name: 'Ana Planner', email: 'ana@example.net', phone: '+1 303 555 0100', handle, roles: ['requester', 'admin', 'tech'] }],
    neighbours: [
      { asn: a.up[0], relation: 'upstream', contact: 'Transit A NOC', email: 'peering@transit-a.example', phone: '+1 555 0101', contractSigned: true },
      { asn: a.up[1], relation: 'upstream', contact: 'Transit B NOC', email: 'peering@transit-b.example', phone: '+1 555 0102', contractSigned: true },
      { asn: a.peer, relation: 'peer', contact: 'IX NOC', email: 'noc@ix.example', phone: '+1 555 0103', contractSigned: true },
    ],
  });
  updateDraft(ws, {
    rir,
    kind: 'asn',
    edits: { uniqueRoutingPolicy: 'The new AS serves a second, separately routed region that takes transit from one upstream only.' },
  });
  return ws;
}

async function demo(): Promise<Workspace> {
  const ws = await Workspace.create(tmp.path(`golden-${++n}.headroom`), { now: () => NOW });
  open.push(ws);
  seedDemo(ws);
  return ws;
}

function golden(name: string, text: string): void {
  const file = `${DIR}${name}.txt`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('rpsl of every block and of our AS, at its own RIR', () => {
  for (const rir of RIRS) {
    it(`${rir}: every object is valid against the ${rir} template`, async () => {
      const ws = await second(rir);
      const resources = [...listPrefixes(ws, {}).rows.map((r) => r.prefix), `AS${APPLICANT[rir].asn}`];
      let count = 0;
      for (const resource of resources) {
        // A block defaults to the RIR it was recorded with; an AS has none recorded (CLI.md: RIPE).
        for (const o of rpslFor(ws, { resource, ...(resource.startsWith('AS') ? { rir } : {}) }).objects) {
          count++;
          expect(validateRpslObject(o, { rir, isNew: false }), `${resource}: ${o.attributes[0]!.name} ${o.attributes[0]!.value}`).toEqual([]);
        }
      }
      expect(count).toBeGreaterThan(0);
    });
  }
});

describe('golden drafts', () => {
  for (const rir of RIRS) {
    for (const kind of KINDS) {
      it(`demo ${rir} ${kind}: objects valid against the ${rir} templates`, async () => {
        const v = draftView(await demo(), rir, kind);
        for (const o of v.draft.dbObjects) expect(validateRpslObject(o.object, { rir, isNew: false, draft: true }), o.object.attributes[0]!.value).toEqual([]);
        golden(`demo-${rir}-${kind}`, renderDraftText(v.draft, v.checks));
      });
      it(`applicant ${rir} ${kind}: objects valid against the ${rir} templates`, async () => {
        const v = draftView(await second(rir), rir, kind);
        for (const o of v.draft.dbObjects) expect(validateRpslObject(o.object, { rir, isNew: false, draft: true }), o.object.attributes[0]!.value).toEqual([]);
        golden(`applicant-${rir}-${kind}`, renderDraftText(v.draft, v.checks));
      });
    }
  }
});
