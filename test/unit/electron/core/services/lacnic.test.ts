/**
 * LACNIC (issue 11 item 8, docs/rir.md §8): LACNIC's IRR is generated in MiLACNIC from ROAs and
 * its registration data; only as-set is user-made. Drafts and `rpsl` give what LACNIC takes —
 * the ROAs, the as-set, the registration steps — and no RIPE-style inetnum, route or aut-num.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { draftView, updateOrganisation } from '../../../../../electron/core/services/requests';
import { rpslFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { renderDraftText } from '../../../../../shared/rir/draft-render';
import { rpslValues } from '../../../../../shared/rir/rpsl-object';
import { validateRpslObject } from '../../../../../shared/rir/rpsl-validate';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function lacnicIsp(): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  addPrefix(ws, { prefix: '200.10.0.0/22', status: 'aggregate', rir: 'lacnic', description: 'LACNIC IPv4' });
  addPrefix(ws, { prefix: '2801:80::/32', status: 'aggregate', rir: 'lacnic', unit: 48, description: 'LACNIC IPv6' });
  ws.mutate('registry.addAsn', 'ASNs', (tx) => {
    tx.insert('asns', { asn: 263000, description: 'Ejemplo (our AS)', created_at: '2026-01-01T00:00:00Z' });
    tx.insert('asns', { asn: 3549, description: 'Transit (upstream)', created_at: '2026-01-01T00:00:00Z' });
  });
  updateOrganisation(ws, { legalName: 'Ejemplo Telecom S.A.', address: ['Av. 1'], country: 'UY', mntner: 'MNT-UY-EJEM-LACNIC' });
  return ws;
}

describe('LACNIC drafts', () => {
  for (const kind of ['ipv4', 'ipv6', 'asn'] as const) {
    it(`${kind}: no inetnum, route or aut-num; the as-set and the registration steps`, async () => {
      const v = draftView(await lacnicIsp(), 'lacnic', kind);
      const classes = v.draft.dbObjects.map((o) => o.object.attributes[0]!.name);
      expect(classes).toEqual(['as-set']);
      expect(v.draft.steps!.join('\n')).toMatch(/MiLACNIC/);
      for (const o of v.draft.dbObjects) expect(validateRpslObject(o.object, { rir: 'lacnic' })).toEqual([]);
      expect(rpslValues(v.draft.dbObjects[0]!.object, 'as-set')).toEqual(['AS263000:AS-CUSTOMERS']);
    });
  }

  it('ipv4 lists the ROA of each block originated, with the routing issue explained', async () => {
    const v = draftView(await lacnicIsp(), 'lacnic', 'ipv4');
    expect(v.draft.roas).toEqual([{ prefix: '200.10.0.0/22', maxLength: 22, asn: 263000 }]);
    const txt = renderDraftText(v.draft, v.checks);
    expect(txt).toMatch(/ROAS TO CREATE \(RPKI\)/);
    expect(txt).toMatch(/REGISTRATION STEPS/);
    expect(txt).not.toMatch(/^route:/m);
  });
});

describe('rpsl --rir lacnic', () => {
  it('an ASN gives the as-set only', async () => {
    const r = rpslFor(await lacnicIsp(), { resource: 'AS263000', rir: 'lacnic' });
    expect(r.objects.map((o) => o.attributes[0]!.name)).toEqual(['as-set']);
    expect(r.warnings.join('\n')).toMatch(/LACNIC generates the aut-num/);
  });
});
