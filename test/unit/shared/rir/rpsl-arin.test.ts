/**
 * ARIN's IRR objects against ARIN's own current template text: the "ARIN IRR RESTful API User
 * Guide" (https://www.arin.net/resources/manage/irr/irr-restful/), whose RPSL payload tables list
 * the fields of route/route6, aut-num and as-set, and whose example payloads are copied here
 * verbatim. docs/rir.md §9.
 */
import { describe, expect, it } from 'vitest';
import { parseRpslObject } from '../../../../shared/rir/rpsl-text';
import { rpslTemplate, rpslTemplateClasses } from '../../../../shared/rir/rpsl-templates';
import { validateRpslObject } from '../../../../shared/rir/rpsl-validate';

const ARIN_ROUTE = `route: 192.0.2.0/24
origin: AS65536
descr: Example Corp LLC Arizona 1
descr: Phoenix AZ 33333
descr: USA
admin-c: EXAMPLEADMIN-ARIN
tech-c: EXAMPLETECH-ARIN
mnt-by: MNT-EXAMPLECORP
source: ARIN
`;
const ARIN_ROUTE6 = ARIN_ROUTE.replace('route: 192.0.2.0/24', 'route6: 2001:db8::/32');
const ARIN_AUT_NUM = `aut-num: AS65536
as-name: AS-ARIZ-NODE1
descr: Example Corp LLC Arizona 1
descr: Phoenix AZ 33333
descr: United States
import: from AS65540 accept ANY
export: to AS65550 announce ANY
admin-c: EXAMPLEADMIN-ARIN
tech-c: EXAMPLETECH-ARIN
mnt-by: MNT-EXAMPLECORP
source: ARIN
`;
const ARIN_AS_SET = `as-set: AS-EXAMPLE-ARIZ
mnt-by: MNT-EXAMPLECORP
descr: Peers in AZ network
tech-c: EXAMPLETECH-ARIN
admin-c: EXAMPLEADMIN-ARIN
remarks: This is an example.
members: AS-PHOENIX
members: AS-MESA
members: AS-SEDONA
source: ARIN
`;

const arin = (text: string) => validateRpslObject(parseRpslObject(text), { rir: 'arin' });

describe("ARIN IRR templates follow ARIN's IRR RESTful API User Guide", () => {
  it("accepts ARIN's own example payloads (route, route6, aut-num, as-set) without a problem", () => {
    expect(arin(ARIN_ROUTE)).toEqual([]);
    expect(arin(ARIN_ROUTE6)).toEqual([]);
    expect(arin(ARIN_AUT_NUM)).toEqual([]);
    expect(arin(ARIN_AS_SET)).toEqual([]);
  });

  it('accepts real ARIN POC handle shapes, longer than a RIPE NIC handle', () => {
    for (const h of ['IPADM258-ARIN', 'ABUSE5250-ARIN', 'NOC33562-ARIN', 'ZG39-ARIN']) {
      expect(arin(ARIN_ROUTE.replace('EXAMPLEADMIN-ARIN', h)), h).toEqual([]);
    }
    expect(arin(ARIN_ROUTE.replace('EXAMPLEADMIN-ARIN', 'EXA1-RIPE')).map((p) => p.attribute)).toEqual(['admin-c']);
  });

  it("refuses attributes ARIN's payload does not list, as confirmed problems", () => {
    const route = arin(ARIN_ROUTE.replace('source: ARIN', 'notify: noc@example.net\nmnt-routes: MNT-OTHER\npingable: 192.0.2.1\nsource: ARIN'));
    expect(route.map((p) => p.attribute).sort()).toEqual(['mnt-routes', 'notify', 'pingable']);
    expect(route.every((p) => p.confirmed)).toBe(true);
    expect(arin(ARIN_AUT_NUM.replace('source: ARIN', 'org: ORG-EA1-RIPE\nabuse-c: EXA1-RIPE\nsource: ARIN')).map((p) => p.attribute)).toEqual([
      'org',
      'abuse-c',
    ]);
    expect(arin(ARIN_AS_SET.replace('source: ARIN', 'mnt-lower: MNT-EXAMPLECORP\nsource: ARIN')).map((p) => p.attribute)).toEqual(['mnt-lower']);
  });

  it('requires the POC handles, an MNT-<Org ID> maintainer and source ARIN', () => {
    expect(arin(ARIN_ROUTE.replace('admin-c: EXAMPLEADMIN-ARIN\n', '')).map((p) => p.attribute)).toEqual(['admin-c']);
    expect(arin(ARIN_ROUTE.replace('MNT-EXAMPLECORP', 'EXAMPLE-MNT'))[0]).toMatchObject({ attribute: 'mnt-by', confirmed: true });
    expect(arin(ARIN_ROUTE.replace('source: ARIN', 'source: RADB'))[0]).toMatchObject({ attribute: 'source', confirmed: true });
  });

  it('an as-set name begins with AS-, as ARIN asks', () => {
    expect(arin(ARIN_AS_SET.replace('AS-EXAMPLE-ARIZ', 'AS65536:AS-EXAMPLE'))[0]).toMatchObject({ attribute: 'as-set' });
  });

  it('has no mntner template: ARIN maintains the objects as MNT-<Org ID> itself', () => {
    expect(rpslTemplateClasses('arin').sort()).toEqual(['as-set', 'aut-num', 'route', 'route6']);
    for (const cls of rpslTemplateClasses('arin')) expect(rpslTemplate('arin', cls)!.confirmed, cls).toBe(true);
    expect(rpslTemplate('arin', 'route')!.attributes.map((a) => a.name)).not.toContain('changed');
  });
});
