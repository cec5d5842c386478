/**
 * Issue 11 item 11, the smaller points (docs/rir.md §11): `rpsl` defaults to the block's own
 * RIR and warns when asked for another database; route objects longer than /24 or /48 are
 * warned about; the special-purpose list is current (3fff::/20, RFC 9637) and names each prefix
 * once; missing evidence of multihoming is flagged; RIPE drafts name their template.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../electron/core/services/registry';
import { updateOrganisation } from '../../../../electron/core/services/requests';
import { rpslFor } from '../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import type { RequestDraft } from '../../../../shared/rir/draft';
import { renderArchivedTemplate } from '../../../../shared/rir/draft-templates';
import { runCheck } from '../../../../shared/rir/policy-checks';
import { rpslValues } from '../../../../shared/rir/rpsl-object';
import { workspaceFiles } from '../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function ws(): Promise<Workspace> {
  const w = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  addPrefix(w, { prefix: '200.10.0.0/22', status: 'aggregate', rir: 'lacnic', description: 'LACNIC allocation' });
  addPrefix(w, { prefix: '185.100.0.0/22', status: 'aggregate', rir: 'ripe', description: 'RIPE allocation' });
  addPrefix(w, { prefix: '185.100.0.0/25', status: 'aggregate', rir: 'ripe', description: 'More specific announced' });
  w.mutate('registry.addAsn', 'ASNs', (tx) => {
    tx.insert('asns', { asn: 205000, description: 'Example (our AS)', created_at: '2026-01-01T00:00:00Z' });
    tx.insert('asns', { asn: 1299, description: 'Transit B (upstream)', created_at: '2026-01-01T00:00:00Z' });
    tx.insert('asns', { asn: 3320, description: 'Transit A (upstream)', created_at: '2026-01-01T00:00:00Z' });
  });
  updateOrganisation(w, { legalName: 'Example Telecom', address: ['1 Main St'], country: 'BR', mntner: 'EXAMPLE-MNT' });
  return w;
}

const base = (over: Partial<RequestDraft> = {}): RequestDraft => ({
  requester: { name: 'Ana', email: 'ana@acme.example' },
  organisation: { legalName: 'Acme', address: ['1 St'], country: 'NL', role: 'lir' },
  request: { rir: 'ripe', kind: 'ipv6', type: 'initial', prefixLength: 29 },
  holdings: [],
  plan: [],
  infrastructure: [],
  diagramAttached: false,
  connectivity: {
    upstreams: [
      { asn: 1299, org: 'Arelion' },
      { asn: 174, org: 'Cogent', email: 'peering@cogent.example' },
    ],
    peers: [],
    ixps: [],
    multihoming: 'now',
  },
  originate: [],
  dbObjects: [],
  reverse: [],
  ...over,
});

describe('rpsl and the RIR a block was recorded with', () => {
  it('a LACNIC block gives no source: RIPE object, but what LACNIC takes (a ROA)', async () => {
    const r = rpslFor(await ws(), { resource: '200.10.0.0/22' });
    expect(r.text).not.toMatch(/source:\s+RIPE/);
    expect(r.warnings.join('\n')).toMatch(/create a ROA in MiLACNIC \(RPKI\) for 200\.10\.0\.0\/22, max length \/22, origin AS205000/);
  });

  it('a RIPE block still gives RIPE objects by default', async () => {
    const r = rpslFor(await ws(), { resource: '185.100.0.0/22' });
    expect(r.objects.every((o) => rpslValues(o, 'source')[0] === 'RIPE')).toBe(true);
  });

  it('asked for another database, it says the block is not that RIR’s', async () => {
    const r = rpslFor(await ws(), { resource: '200.10.0.0/22', rir: 'ripe' });
    expect(r.warnings.join('\n')).toMatch(/200\.10\.0\.0\/22 was recorded with LACNIC: these objects are for the RIPE NCC database/);
  });

  it('warns on a route object longer than /24', async () => {
    expect(rpslFor(await ws(), { resource: '185.100.0.0/25' }).warnings.join('\n')).toMatch(/route 185\.100\.0\.0\/25: longer than a \/24/);
  });
});

describe('special-purpose space (CHK-03)', () => {
  it('knows 3fff::/20 (RFC 9637)', () => {
    const r = runCheck('CHK-03', base({ originate: ['3fff:100::/32'] }), { today: '2026-05-15' })!;
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/3fff:100::\/32 \(in 3fff::\/20\)/);
  });

  it('names each prefix once, however often the draft carries it', () => {
    const d = base({ originate: ['2001:db8::/32'], holdings: [{ prefix: '2001:db8::/32', source: 'ripe' }] });
    const r = runCheck('CHK-03', d, { today: '2026-05-15' })!;
    expect(r.message.match(/2001:db8::\/32/g)).toHaveLength(1);
  });
});

describe('evidence of multihoming (CHK-39)', () => {
  it('RIPE asks for a peering contact of each neighbour; ARIN for signed agreements', () => {
    const ripe = runCheck('CHK-39', base({ request: { rir: 'ripe', kind: 'asn', type: 'initial' } }), { today: '2026-05-15' })!;
    expect(ripe).toMatchObject({ ok: false, severity: 'W' });
    expect(ripe.message).toMatch(/AS1299 \(Arelion\) lacks a peering contact e-mail/);
    expect(ripe.message).not.toMatch(/AS174/);
    const arin = runCheck('CHK-39', base({ request: { rir: 'arin', kind: 'asn', type: 'initial' } }), { today: '2026-05-15' })!;
    expect(arin.message).toMatch(/AS174 \(Cogent\) lacks a signed agreement/);
  });
});

describe('RIPE drafts name their template', () => {
  it('first allocation vs extension', () => {
    expect(renderArchivedTemplate(base())).toMatch(/^# Template: IPv6 first allocation/);
    const sub = renderArchivedTemplate(base({ request: { rir: 'ripe', kind: 'ipv6', type: 'subsequent', prefixLength: 29 } }))!;
    expect(sub).toMatch(/^# Template: IPv6 allocation extension or additional allocation/);
    expect(sub).not.toMatch(/ipv6-first-alloc/);
  });
});
