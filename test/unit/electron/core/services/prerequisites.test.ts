/**
 * Prerequisites and region (issue 11 item 9, docs/rir.md §9): the organisation's country is in
 * the RIR's service region (CHK-38); Settings holds ARIN's Org ID and POC handles, APNIC's IRT
 * and an abuse contact, and the objects carry them; APNIC templates keep only APNIC's
 * attributes; ARIN's IRR route has no `changed`, POC handles and an MNT- maintainer.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { draftView, getOrganisation, updateOrganisation } from '../../../../../electron/core/services/requests';
import { rpslFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { rpslValues } from '../../../../../shared/rir/rpsl-object';
import { rpslTemplate } from '../../../../../shared/rir/rpsl-templates';
import { validateRpslObject } from '../../../../../shared/rir/rpsl-validate';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function isp(rir: 'arin' | 'apnic' | 'ripe', country: string): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  addPrefix(ws, { prefix: '185.100.0.0/22', status: 'aggregate', rir, description: 'IPv4 allocation' });
  ws.mutate('registry.addAsn', 'ASNs', (tx) => {
    tx.insert('asns', { asn: 205000, description: 'Example (our AS)', created_at: '2026-01-01T00:00:00Z' });
  });
  updateOrganisation(ws, {
    legalName: 'Example Telecom',
    address: ['1 Main St'],
    country,
    mntner: 'EXAMPLE-MNT',
    abuseC: 'ABU1-RIPE',
    apnicIrt: 'IRT-EXAMPLE-AP',
    arinOrgId: 'EXAMP-1',
    arinAdminPoc: 'EXA12-ARIN',
    arinTechPoc: 'EXA13-ARIN',
    arinAbusePoc: 'ABUSE9-ARIN',
  });
  return ws;
}

describe('service region (CHK-38)', () => {
  it('an organisation in Germany asking ARIN is told it is served by the RIPE NCC, and what NRPM §9 asks', async () => {
    const ws = await isp('arin', 'DE');
    const c = draftView(ws, 'arin', 'ipv4').checks.find((x) => x.rule === 'CHK-38')!;
    // NRPM §9 (Out of Region Use, since 2016) lets ARIN serve an organisation with a real and
    // substantial connection to the ARIN region that uses the same kind of resource in region
    // (IPv4: at least a /22): a warning naming those conditions, not a refusal.
    expect(c).toMatchObject({ ok: false, severity: 'W' });
    expect(c.message).toMatch(/DE is not in the ARIN service region; DE is served by RIPE NCC/);
    expect(c.message).toMatch(/real and substantial connection.*at least a \/22 used in the ARIN region/);
    expect(draftView(ws, 'ripe', 'ipv4').checks.find((x) => x.rule === 'CHK-38')).toMatchObject({ ok: true });
  });
  it('outside ARIN, a country out of the region is still an error', async () => {
    const ws = await isp('apnic', 'DE');
    expect(draftView(ws, 'apnic', 'ipv4').checks.find((x) => x.rule === 'CHK-38')).toMatchObject({ ok: false, severity: 'E' });
  });
});

describe('Settings fields reach the objects', () => {
  it('keeps them (stored with the profile; older workspaces read them as empty)', async () => {
    const ws = await isp('ripe', 'DE');
    expect(getOrganisation(ws)).toMatchObject({ abuseC: 'ABU1-RIPE', apnicIrt: 'IRT-EXAMPLE-AP', arinOrgId: 'EXAMP-1', arinAdminPoc: 'EXA12-ARIN' });
  });

  it('ARIN route: POC handles, MNT-<Org ID>, source ARIN, no changed; valid against the ARIN IRR template', async () => {
    const ws = await isp('arin', 'US');
    const route = rpslFor(ws, { resource: '185.100.0.0/22', rir: 'arin' }).objects.find((o) => o.attributes[0]!.name === 'route')!;
    expect(rpslValues(route, 'admin-c')).toEqual(['EXA12-ARIN']);
    expect(rpslValues(route, 'tech-c')).toEqual(['EXA13-ARIN']);
    expect(rpslValues(route, 'mnt-by')).toEqual(['MNT-EXAMP-1']);
    expect(rpslValues(route, 'source')).toEqual(['ARIN']);
    expect(rpslTemplate('arin', 'route')!.attributes.map((a) => a.name)).not.toContain('changed');
    expect(validateRpslObject(route, { rir: 'arin' })).toEqual([]);
  });

  it('APNIC inetnum: mnt-irt and abuse-c from Settings; the template has no RIPE-only attribute', async () => {
    const ws = await isp('apnic', 'AU');
    const num = rpslFor(ws, { resource: '185.100.0.0/22', rir: 'apnic' }).objects.find((o) => o.attributes[0]!.name === 'inetnum')!;
    expect(rpslValues(num, 'mnt-irt')).toEqual(['IRT-EXAMPLE-AP']);
    expect(rpslValues(num, 'abuse-c')).toEqual(['ABU1-RIPE']);
    const names = rpslTemplate('apnic', 'inetnum')!.attributes.map((a) => a.name);
    for (const ripeOnly of ['sponsoring-org', 'assignment-size', 'geofeed']) expect(names).not.toContain(ripeOnly);
    expect(validateRpslObject(num, { rir: 'apnic' })).toEqual([]);
  });
});
