import { describe, expect, it } from 'vitest';
import { asSetObject, autNumObject, inetnumObject, mntnerObject, roleObject, routeObject } from '../../../../shared/rir/rpsl-build';
import { parseRpsl, parseRpslObject, renderRpsl, renderRpslObjects } from '../../../../shared/rir/rpsl-text';
import { checkStatus } from '../../../../shared/rir/rpsl-status';
import { checkAsSetName, checkReverseDomain, checkAuth, checkNicHdl, checkOrganisation, checkPhone, checkRoute } from '../../../../shared/rir/rpsl-syntax';
import { orderByTemplate, rpslTemplate } from '../../../../shared/rir/rpsl-templates';
import { checkRpslText, validateRpslObject } from '../../../../shared/rir/rpsl-validate';
import { rpslValue } from '../../../../shared/rir/rpsl-object';
import { refusalLine } from '../../../support/refusal';

const C = { adminC: 'EXA1-RIPE', techC: 'EXA1-RIPE', mntBy: 'EXAMPLE-MNT' };

const SPEC_EXAMPLES = `inetnum:        198.51.100.0 - 198.51.100.255
netname:        EXAMPLE-CUSTOMERS
descr:          Example ISP customer pool
country:        NL
admin-c:        EXA1-RIPE
tech-c:         EXA1-RIPE
status:         ASSIGNED PA
mnt-by:         EXAMPLE-MNT
source:         RIPE

inet6num:       2001:db8:1200::/40
netname:        EXAMPLE-BB-V6
descr:          Residential /56 pool, north region
country:        NL
admin-c:        EXA1-RIPE
tech-c:         EXA1-RIPE
status:         AGGREGATED-BY-LIR
assignment-size: 56
mnt-by:         EXAMPLE-MNT
source:         RIPE

aut-num:        AS64500
as-name:        EXAMPLE-ISP
descr:          Example ISP backbone
import:         from AS64496 accept ANY
import:         from AS64497 accept ANY
export:         to AS64496 announce AS64500:AS-CUSTOMERS
export:         to AS64497 announce AS64500:AS-CUSTOMERS
mp-import:      afi ipv6.unicast from AS64496 accept ANY
mp-export:      afi ipv6.unicast to AS64496 announce AS64500:AS-CUSTOMERS
admin-c:        EXA1-RIPE
tech-c:         EXA1-RIPE
mnt-by:         EXAMPLE-MNT
source:         RIPE

route6:         2001:db8:1200::/40
descr:          Example ISP broadband aggregate
origin:         AS64500
mnt-by:         EXAMPLE-MNT
source:         RIPE
`;

describe('RPSL builders (§4.5 examples)', () => {
  const built = [
    inetnumObject({ ...C, prefix: '198.51.100.0/24', netname: 'EXAMPLE-CUSTOMERS', descr: 'Example ISP customer pool', country: 'nl', status: 'ASSIGNED PA' }),
    inetnumObject({
      ...C,
      prefix: '2001:db8:1200::/40',
      netname: 'EXAMPLE-BB-V6',
      descr: 'Residential /56 pool, north region',
      country: 'NL',
      status: 'AGGREGATED-BY-LIR',
      assignmentSize: 56,
    }),
    autNumObject({
      ...C,
      asn: 64500,
      asName: 'EXAMPLE-ISP',
      descr: 'Example ISP backbone',
      announce: 'AS64500:AS-CUSTOMERS',
      neighbours: [{ asn: 64496, ipv6: true }, { asn: 'AS64497' }],
    }),
    routeObject({ prefix: '2001:db8:1200::/40', descr: 'Example ISP broadband aggregate', origin: 64500, mntBy: 'EXAMPLE-MNT' }),
  ];
  it('renders the four spec objects byte for byte', () => {
    expect(renderRpslObjects(built)).toBe(SPEC_EXAMPLES);
  });
  it('each spec example parses and passes the RIPE template (mandatory, no unknown, syntax)', () => {
    for (const o of parseRpsl(SPEC_EXAMPLES)) expect(validateRpslObject(o)).toEqual([]);
  });
  it('the companions pass too', () => {
    const companions = [
      routeObject({ prefix: '198.51.100.0/24', origin: 'AS64500', mntBy: 'EXAMPLE-MNT' }),
      asSetObject({ ...C, name: 'AS64500:AS-CUSTOMERS', members: ['AS64500'] }),
      mntnerObject({ name: 'EXAMPLE-MNT', adminC: 'EXA1-RIPE', updTo: 'noc@example.net', auth: ['SSO noc@example.net'] }),
      roleObject({
        role: 'Example NOC',
        address: ['Example Street 1', 'Amsterdam'],
        email: 'noc@example.net',
        abuseMailbox: 'abuse@example.net',
        mntBy: 'EXAMPLE-MNT',
      }),
    ];
    for (const o of companions) expect(validateRpslObject(o)).toEqual([]);
    expect(rpslValue(companions[3]!, 'nic-hdl')).toBe('AUTO-1');
  });
  it('statuses obey §4.4 under the given parents', () => {
    expect(checkStatus('ripe', 'inetnum', 'ASSIGNED PA', 'ALLOCATED PA')).toEqual([]);
    expect(checkStatus('ripe', 'inet6num', 'AGGREGATED-BY-LIR', 'ALLOCATED-BY-RIR')).toEqual([]);
  });
  it('refuses a route origin that is not an AS number', () => {
    expect(refusalLine(() => routeObject({ prefix: '192.0.2.0/24', origin: 'ASX', mntBy: 'X-MNT' }))).toMatch(/^origin:/);
  });
});

describe('validateRpslObject', () => {
  it('reports a missing mandatory attribute', () => {
    const o = parseRpslObject('route: 192.0.2.0/24\nmnt-by: X-MNT\nsource: RIPE\n');
    expect(validateRpslObject(o)).toEqual([{ attribute: 'origin', message: 'mandatory attribute "origin" is missing', confirmed: true }]);
  });
  it('reports an unknown attribute', () => {
    const o = parseRpslObject('route: 192.0.2.0/24\norigin: AS64500\nmnt-by: X-MNT\ncolour: blue\nsource: RIPE\n');
    expect(validateRpslObject(o).map((p) => p.attribute)).toEqual(['colour']);
  });
  it('reports bad key syntax (three-octet route)', () => {
    const o = parseRpslObject('route: 192.0.2/24\norigin: AS64500\nmnt-by: X-MNT\nsource: RIPE\n');
    expect(validateRpslObject(o)[0]!.message).toMatch(/four octets/);
  });
  it('requires descr and mnt-irt on APNIC inetnum', () => {
    const o = inetnumObject({ ...C, prefix: '192.0.2.0/24', netname: 'X', country: 'AU', status: 'ASSIGNED NON-PORTABLE', source: 'APNIC' });
    expect(
      validateRpslObject(o, { rir: 'apnic' })
        .map((p) => p.attribute)
        .sort(),
    ).toEqual(['descr', 'mnt-irt']);
  });
  it('marks problems from UNCONFIRMED templates (AFRINIC route) as unconfirmed', () => {
    const o = parseRpslObject('route: 192.0.2.0/24\norigin: AS64500\nmnt-by: X-MNT\ncolour: blue\nsource: AFRINIC\n');
    const problems = validateRpslObject(o, { rir: 'afrinic' });
    expect(problems.map((p) => p.attribute)).toEqual(['colour']);
    expect(problems.every((p) => !p.confirmed)).toBe(true);
  });
  it('reports a class the RIR has no template for', () => {
    expect(validateRpslObject(parseRpslObject('inetnum: 192.0.2.0 - 192.0.2.255\n'), { rir: 'arin' })[0]!.message).toMatch(/no ARIN template/);
  });
  it('refuses a new non-hierarchical as-set at RIPE', () => {
    const o = parseRpslObject('as-set: AS-CUSTOMERS\ntech-c: EXA1-RIPE\nadmin-c: EXA1-RIPE\nmnt-by: X-MNT\nsource: RIPE\n');
    expect(validateRpslObject(o).map((p) => p.attribute)).toEqual(['as-set']);
    expect(validateRpslObject(o, { isNew: false })).toEqual([]);
  });
  it('finds a blank line inside object text', () => {
    expect(checkRpslText('route: 192.0.2.0/24\n\norigin: AS64500\n', 1)[0]!.message).toMatch(/blank line/);
    expect(checkRpslText(renderRpsl(routeObject({ prefix: '192.0.2.0/24', origin: 1, mntBy: 'X-MNT' })), 1)).toEqual([]);
  });
});

describe('checkAsSetName', () => {
  it('accepts flat and hierarchical names', () => {
    expect(checkAsSetName('AS-RESTENA')).toBeNull();
    expect(checkAsSetName('AS64500:AS-CUSTOMERS')).toBeNull();
    expect(checkAsSetName('AS64500:AS-CUSTOMERS:AS64501')).toBeNull();
  });
  it('refuses names RIPE would refuse for a new object', () => {
    expect(checkAsSetName('AS-CUSTOMERS', true)).toMatch(/hierarchical/);
    expect(checkAsSetName('AS-A:AS-B', true)).toMatch(/hierarchical/);
  });
  it('refuses bad syntax', () => {
    expect(checkAsSetName('CUSTOMERS')).toMatch(/AS- /);
    expect(checkAsSetName('AS64500:AS-')).toMatch(/component/);
    expect(checkAsSetName('AS64500:AS-BAD-')).toMatch(/component/);
    expect(checkAsSetName('AS64500')).toMatch(/needs an AS- component/);
    expect(checkAsSetName('AS64500:AS-' + 'X'.repeat(80))).toMatch(/80/);
    expect(checkAsSetName('AS64500:AS-ANY')).toMatch(/reserved/);
  });
  it('as-set builder refuses it naming as-set', () => {
    expect(refusalLine(() => asSetObject({ ...C, name: 'AS-CUSTOMERS', members: [] }))).toMatch(/^as-set:/);
  });
});

describe('RPSL syntax checks', () => {
  it('nic-hdl', () => {
    expect(checkNicHdl('EXA1-RIPE')).toBeNull();
    expect(checkNicHdl('AUTO-1')).toBeNull();
    expect(checkNicHdl('E1-RIPE')).not.toBeNull();
    expect(checkNicHdl('EXA01-RIPE')).not.toBeNull();
  });
  it('auth', () => {
    expect(checkAuth('SSO noc@example.net')).toBeNull();
    expect(checkAuth('PGPKEY-1A2B3C4D')).toBeNull();
    expect(checkAuth('X509-1')).toBeNull();
    expect(checkAuth('MD5-PW $1$abcdefgh$0123456789abcdefABCDEF')).toBeNull();
    expect(checkAuth('CRYPT-PW xxx')).not.toBeNull();
  });
  it('route', () => {
    expect(checkRoute('198.51.100.0/24')).toBeNull();
    expect(checkRoute('198.51.100.1/24')).toMatch(/host bits/);
  });
  it('reverse domain: RIPE dash label only below a full /24', () => {
    expect(checkReverseDomain('0-63.2.0.192.in-addr.arpa')).toBeNull();
    expect(checkReverseDomain('0-255.2.0.192.in-addr.arpa')).toMatch(/full \/24/);
    expect(checkReverseDomain('8.b.d.0.1.0.0.2.ip6.arpa')).toBeNull();
    expect(checkReverseDomain('8.b.d.01.1.0.0.2.ip6.arpa')).toMatch(/nibble/);
    expect(checkReverseDomain('example.net')).toMatch(/in-addr/);
  });
});

describe('checkStatus (§4.4)', () => {
  it('refuses a status its parent does not allow', () => {
    expect(checkStatus('ripe', 'inetnum', 'SUB-ALLOCATED PA', 'ALLOCATED UNSPECIFIED')[0]).toMatch(/not allowed under/);
    expect(checkStatus('ripe', 'inet6num', 'ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR')[0]).toMatch(/not allowed under/);
  });
  it('refuses an LIR creating an RIR-only status', () => {
    expect(checkStatus('ripe', 'inetnum', 'ALLOCATED PA', 'ALLOCATED UNSPECIFIED')[0]).toMatch(/set by the RIR/);
    expect(checkStatus('ripe', 'inetnum', 'ALLOCATED PA', 'ALLOCATED UNSPECIFIED', 'rir')).toEqual([]);
    expect(checkStatus('apnic', 'inetnum', 'ALLOCATED PORTABLE', null)[0]).toMatch(/set by the RIR/);
  });
  it('refuses an unknown status and accepts lower case', () => {
    expect(checkStatus('ripe', 'inetnum', 'ASSIGNED', null)[0]).toMatch(/not a RIPE inetnum status/);
    expect(checkStatus('ripe', 'inetnum', 'assigned pa', 'allocated pa')).toEqual([]);
  });
  it('APNIC non-portable under portable', () => {
    expect(checkStatus('apnic', 'inetnum', 'ASSIGNED NON-PORTABLE', 'ALLOCATED PORTABLE')).toEqual([]);
  });
});

describe('rpslTemplate', () => {
  it('has RIPE templates for every §4.3 class', () => {
    for (const c of ['inetnum', 'inet6num', 'aut-num', 'route', 'route6', 'mntner', 'person', 'role', 'organisation', 'as-set', 'domain']) {
      expect(rpslTemplate('ripe', c)?.confirmed).toBe(true);
    }
  });
});

describe('rpslObject (generated values)', () => {
  it('refuses # in a generated value, naming the attribute', () => {
    expect(refusalLine(() => routeObject({ prefix: '192.0.2.0/24', origin: 1, mntBy: 'X-MNT', descr: 'core #1' }))).toMatch(/^descr: .*remarks/);
  });
  it('refuses a line break in a generated value', () => {
    expect(refusalLine(() => routeObject({ prefix: '192.0.2.0/24', origin: 1, mntBy: 'X-MNT', descr: 'a\nb' }))).toMatch(/^descr:/);
  });
});

describe('validateRpslObject (AGGREGATED-BY-LIR)', () => {
  it('asks to verify a missing assignment-size (unconfirmed rule)', () => {
    const o = inetnumObject({ ...C, prefix: '2001:db8:1200::/40', netname: 'X', country: 'NL', status: 'AGGREGATED-BY-LIR' });
    expect(validateRpslObject(o)).toEqual([
      { attribute: 'assignment-size', message: 'AGGREGATED-BY-LIR needs assignment-size (the size of each assignment inside it)', confirmed: false },
    ]);
  });
  it('is satisfied by assignment-size', () => {
    const o = inetnumObject({ ...C, prefix: '2001:db8:1200::/40', netname: 'X', country: 'NL', status: 'AGGREGATED-BY-LIR', assignmentSize: 56 });
    expect(validateRpslObject(o)).toEqual([]);
  });
});

describe('orderByTemplate', () => {
  it('puts attributes in RIPE template order, keeping repeats in order', () => {
    const o = parseRpslObject('route: 192.0.2.0/24\nsource: RIPE\nmnt-by: B-MNT\norigin: AS1\ndescr: one\ndescr: two\n');
    expect(orderByTemplate(o).attributes.map((a) => `${a.name}=${a.value}`)).toEqual([
      'route=192.0.2.0/24',
      'descr=one',
      'descr=two',
      'origin=AS1',
      'mnt-by=B-MNT',
      'source=RIPE',
    ]);
  });
});

describe('RPSL syntax (real-world forms)', () => {
  it('accepts a comma-separated mnt-by list and a lower-case MD5-pw keyword', () => {
    const o = parseRpslObject(
      'mntner: AS760-MNT\nadmin-c: DUMY-RIPE\nupd-to: a@b.example\nauth: MD5-pw $1$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM.\nmnt-by: A-MNT, B-MNT\nsource: RIPE\n',
    );
    expect(validateRpslObject(o)).toEqual([]);
  });
  it('allows a netname that a mntner name could not have', () => {
    const o = inetnumObject({ ...C, prefix: '192.0.2.0/24', netname: 'AS-TEST', country: 'NL', status: 'ASSIGNED PA' });
    expect(validateRpslObject(o)).toEqual([]);
    expect(validateRpslObject(mntnerObject({ name: 'AS-MNT', adminC: 'EXA1-RIPE', updTo: 'a@b.example', auth: ['SSO a@b.example'] }))[0]!.message).toMatch(
      /reserved/,
    );
  });
});

describe('RPSL syntax (RIPE AttributeSyntax patterns)', () => {
  it('SSO needs an e-mail-like user', () => {
    expect(checkAuth('SSO noc')).not.toBeNull();
    expect(checkAuth('sso noc@example.net')).toBeNull();
  });
  it('nic-hdl source suffix is letters only', () => {
    expect(checkNicHdl('EXA1-RIPE')).toBeNull();
    expect(checkNicHdl('EXA1-R1PE')).not.toBeNull();
  });
  it('phone with a (…) part and ext., at most 30 characters', () => {
    expect(checkPhone('+31 (0)20 555 0100')).toBeNull();
    expect(checkPhone('+31 20 555 0100 ext.12')).toBeNull();
    expect(checkPhone('020 555 0100')).not.toBeNull();
    expect(checkPhone('+31 20 555 0100 555 0100 555 01')).not.toBeNull();
  });
  it('organisation ids', () => {
    expect(checkOrganisation('ORG-EXA1-RIPE')).toBeNull();
    expect(checkOrganisation('ORG-E1-RIPE')).not.toBeNull();
  });
});

describe('checkStatus (LIR-created statuses)', () => {
  it('lets an LIR create only the four IPv4 and three IPv6 LIR statuses', () => {
    for (const s of ['LIR-PARTITIONED PA', 'SUB-ALLOCATED PA', 'AGGREGATED-BY-LIR', 'ASSIGNED PA']) expect(checkStatus('ripe', 'inetnum', s, null)).toEqual([]);
    for (const s of ['ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR', 'ASSIGNED']) expect(checkStatus('ripe', 'inet6num', s, null)).toEqual([]);
    for (const s of ['ASSIGNED PI', 'LEGACY', 'ASSIGNED ANYCAST'])
      expect(checkStatus('ripe', 'inetnum', s, 'ALLOCATED UNSPECIFIED')[0]).toMatch(/an LIR cannot create it/);
  });
});
