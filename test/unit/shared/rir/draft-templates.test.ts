import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../../../../shared/rir/draft';
import { renderArchivedTemplate } from '../../../../shared/rir/draft-templates';
import { autNumObject } from '../../../../shared/rir/rpsl-build';

const base: RequestDraft = {
  requester: { name: 'Ana Noc', email: 'noc@example.net', phone: '+31 20 555 0100', handle: 'EXA1-RIPE' },
  organisation: { legalName: 'Example ISP B.V.', address: ['Street 1'], country: 'NL', role: 'lir', accountId: 'nl.example', website: 'https://example.net' },
  request: { rir: 'ripe', kind: 'asn', type: 'initial' },
  holdings: [{ prefix: '198.51.100.0/24', source: 'upstream', returnBy: '2026-12-31' }],
  plan: [{ purpose: 'residential', prefixLength: 40, now: 100, m12: 2000, m24: 5000 }],
  infrastructure: [],
  diagramAttached: false,
  connectivity: {
    upstreams: [
      { asn: 64496, org: 'Transit A', contact: 'Bo', email: 'peering@a.example' },
      { asn: 64497, org: 'Transit B', email: 'noc@b.example' },
    ],
    peers: [],
    ixps: [],
    ownAsn: 64500,
    multihoming: 'now',
  },
  originate: ['198.51.100.0/24', '2001:db8::/32'],
  dbObjects: [
    {
      object: autNumObject({
        asn: 64500,
        asName: 'EXAMPLE',
        announce: 'AS64500',
        neighbours: [{ asn: 64496 }, { asn: 64497 }],
        adminC: 'EXA1-RIPE',
        techC: 'EXA1-RIPE',
        mntBy: 'EXAMPLE-MNT',
      }),
    },
  ],
  reverse: [],
  isExample: true,
};

describe('renderArchivedTemplate', () => {
  it('fills the RIPE AS number form (ripe-562)', () => {
    const t = renderArchivedTemplate(base)!;
    // The template is named first (issue 11): which request this is.
    expect(t.startsWith('# Template: AS number request (LIR Portal; archived e-mail form ripe-562, as-number)')).toBe(true);
    expect(t).toContain('#[GENERAL INFORMATION]#\nrequest-type: as-number\nform-version: 1.2\nx-ncc-regid: nl.example\n');
    expect(t).toContain('#[ADDRESS SPACE TO BE ANNOUNCED]#\nprefix: 198.51.100.0/24\nprefix: 2001:db8::/32\npending-ticket-ID:\n');
    expect(t).toContain('#[PEERING CONTACTS]#\npeering: peering@a.example\npeering: noc@b.example\n');
    expect(t).toContain('AS Number Type: 32-bit\nWhy 16-bit:\n');
    expect(t).toContain('import:         from AS64496 accept ANY');
  });
  it('says why 16-bit when asked for one', () => {
    expect(renderArchivedTemplate({ ...base, asn: { bits: 16, reason16: 'old routers' } })).toContain('AS Number Type: 16-bit\nWhy 16-bit: old routers\n');
  });
  it('fills the RIPE IPv4 first-allocation form (ripe-609)', () => {
    const t = renderArchivedTemplate({ ...base, request: { rir: 'ripe', kind: 'ipv4', type: 'initial', prefixLength: 24 } })!;
    expect(t).toContain('request-type: ipv4-first-alloc\n');
    expect(t).toContain('status: ALLOCATED PA\nmnt-by: RIPE-NCC-HM-MNT\nmnt-lower: EXAMPLE-MNT\n');
  });
  it('fills the RIPE IPv6 first-allocation form (ripe-422) with the usage plan', () => {
    const t = renderArchivedTemplate({ ...base, request: { rir: 'ripe', kind: 'ipv6', type: 'initial', prefixLength: 29 } })!;
    expect(t).toContain('request-type: ipv6-first-alloc\nform-version: 1.1\n');
    expect(t).toContain('requested-size: /29\nresidential: /40, now 100, 12 months 2000, 24 months 5000\n');
  });
  it('fills APNIC’s multihoming template', () => {
    const t = renderArchivedTemplate({ ...base, request: { rir: 'apnic', kind: 'asn', type: 'initial' } })!;
    expect(t.split('\n').slice(0, 4)).toEqual([
      'conn-status: NOW',
      'peer-as-contacts: AS64496 Transit_A Bo - peering@a.example',
      'peer-as-contacts: AS64497 Transit_B - - noc@b.example',
      'ip-return: 198.51.100.0 /24 2026-12-31 Example_ISP_B.V. Ana_Noc +31_20_555_0100 noc@example.net',
    ]);
  });
  it('is null where no archived template is known', () => {
    expect(renderArchivedTemplate({ ...base, request: { rir: 'lacnic', kind: 'ipv4', type: 'initial' } })).toBeNull();
  });
});
