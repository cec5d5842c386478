import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDsRdata } from '../../../../shared/rir/ds-rdata';
import { domainObject, domainObjects, type DomainObjectOptions } from '../../../../shared/rir/domain-object';
import { reverseZones } from '../../../../shared/rir/reverse-zones';
import { renderRpsl } from '../../../../shared/rir/rpsl-text';
import { checkReverseDomain } from '../../../../shared/rir/rpsl-syntax';
import type { Prefix } from '../../../../shared/ip/prefix';
import { refusalLine } from '../../../support/refusal';

const DS = '12345 13 2 E15723E0BA9F7D4B487AF258893143C4EFA16BD12048FB36A141CCAB8F8ACF8B';
const base: DomainObjectOptions = {
  nserver: ['ns1.example.net', 'ns2.example.net'],
  adminC: 'EXA1-RIPE',
  techC: 'EXA1-RIPE',
  zoneC: 'EXA1-RIPE',
  mntBy: 'EXAMPLE-MNT',
  descr: 'Reverse zone, customer pool',
  dsRdata: [DS],
};

describe('domainObject', () => {
  it('renders the §5.4 example exactly', () => {
    const [obj] = domainObjects('198.51.100.0/24', base);
    expect(renderRpsl(obj!)).toBe(
      [
        'domain:         100.51.198.in-addr.arpa',
        'descr:          Reverse zone, customer pool',
        'admin-c:        EXA1-RIPE',
        'tech-c:         EXA1-RIPE',
        'zone-c:         EXA1-RIPE',
        'nserver:        ns1.example.net',
        'nserver:        ns2.example.net',
        `ds-rdata:       ${DS}`,
        'mnt-by:         EXAMPLE-MNT',
        'source:         RIPE',
        '',
      ].join('\n'),
    );
  });
  it('uses the RIPE dash name for a sub-/24 block', () => {
    const [obj] = domainObjects('192.0.2.0/26', base);
    expect(obj!.attributes[0]).toEqual({ name: 'domain', value: '0-63.2.0.192.in-addr.arpa' });
  });
  it('makes one object per zone', () => {
    expect(domainObjects('2001:db8:1000::/38', base)).toHaveLength(4);
  });
  it('refuses fewer than two name servers, naming nserver', () => {
    expect(refusalLine(() => domainObjects('192.0.2.0/24', { ...base, nserver: ['ns1.example.net'] }))).toMatch(/^nserver: at least two/);
  });
  it('allows glue for a server inside the zone', () => {
    const [zone] = reverseZones('2001:db8:abcd::/48');
    const obj = domainObject(zone!, {
      ...base,
      dsRdata: [],
      nserver: [{ host: `ns1.${zone!.name}`, glue: '2001:db8:abcd::53' }, 'ns2.example.net'],
    });
    expect(obj.attributes.filter((a) => a.name === 'nserver')[0]!.value).toBe(`ns1.${zone!.name} 2001:db8:abcd::53`);
  });
  it('refuses glue on an out-of-zone server', () => {
    expect(
      refusalLine(() => domainObjects('192.0.2.0/24', { ...base, nserver: [{ host: 'ns1.example.net', glue: '192.0.2.53' }, 'ns2.example.net'] })),
    ).toMatch(/^nserver 1: glue/);
  });
  it('refuses a DS digest of the wrong length, naming the field', () => {
    expect(refusalLine(() => domainObjects('192.0.2.0/24', { ...base, dsRdata: ['12345 13 2 ABCDEF'] }))).toMatch(
      /^ds-rdata 1: digest type 2 needs 64 hex digits, got 6/,
    );
  });
  it('refuses a bad handle', () => {
    expect(refusalLine(() => domainObjects('192.0.2.0/24', { ...base, adminC: 'bad handle' }))).toMatch(/^admin-c:/);
  });
});

describe('parseDsRdata', () => {
  it('reads the four fields', () => {
    expect(parseDsRdata(DS)).toEqual({ keyTag: 12345, algorithm: 13, digestType: 2, digest: DS.split(' ')[3] });
  });
  it('accepts a SHA-1 digest of 40 hex digits and spaces inside the digest', () => {
    expect(parseDsRdata('1 8 1 0123456789ABCDEF0123 456789abcdef01234567').digest).toHaveLength(40);
  });
  it('refuses a key tag above 65535', () => {
    expect(refusalLine(() => parseDsRdata('65536 13 2 ' + 'A'.repeat(64)))).toMatch(/^ds-rdata: key tag/);
  });
  it('refuses an algorithm above 255', () => {
    expect(refusalLine(() => parseDsRdata('1 256 2 ' + 'A'.repeat(64)))).toMatch(/^ds-rdata: algorithm/);
  });
  it('refuses a SHA-384 digest of the wrong length', () => {
    expect(() => parseDsRdata('1 14 4 ' + 'A'.repeat(64))).toThrow(/needs 96 hex digits/);
  });
  it('refuses non-hex digits', () => {
    expect(() => parseDsRdata('1 13 2 ' + 'G'.repeat(64))).toThrow(/hexadecimal/);
  });
  it('refuses missing fields', () => {
    expect(refusalLine(() => parseDsRdata('1 13 2'))).toMatch(/^ds-rdata:/);
  });
});

describe('domainObjects (property)', () => {
  const prefixArb = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 16, max: 32 }))
      .map(([v, len]): Prefix => ({ family: 4, start: Math.floor(v / 2 ** (32 - len)) * 2 ** (32 - len), length: len })),
    fc
      .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 4, max: 128 }))
      .map(([v, len]): Prefix => ({ family: 6, start: (v >> BigInt(128 - len)) << BigInt(128 - len), length: len })),
  );
  it('names every zone in a form the RIPE domain syntax accepts', () => {
    fc.assert(
      fc.property(prefixArb, (p) => {
        for (const o of domainObjects(p, { ...base, dsRdata: [] })) expect(checkReverseDomain(o.attributes[0]!.value)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
