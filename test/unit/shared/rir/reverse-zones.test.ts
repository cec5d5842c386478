import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeadroomError } from '../../../../shared/errors';
import { parsePrefix, prefixEnd, prefixSize, type Prefix } from '../../../../shared/ip/prefix';
import { MAX_REVERSE_ZONES, reverseZones } from '../../../../shared/rir/reverse-zones';

const names = (p: string): string[] => reverseZones(p).map((z) => z.name);

describe('reverseZones (§5.3 worked examples)', () => {
  it('cuts a /22 into four /24 zones', () => {
    expect(names('198.51.100.0/22')).toEqual(['100.51.198.in-addr.arpa', '101.51.198.in-addr.arpa', '102.51.198.in-addr.arpa', '103.51.198.in-addr.arpa']);
  });
  it('gives a /24 its own zone', () => {
    expect(names('192.0.2.0/24')).toEqual(['2.0.192.in-addr.arpa']);
  });
  it('gives a /26 an RFC 2317 child, its RIPE name and 64 parent CNAMEs', () => {
    const [z] = reverseZones('192.0.2.0/26');
    expect(z!.name).toBe('0-63.2.0.192.in-addr.arpa');
    expect(z!.ripeName).toBe('0-63.2.0.192.in-addr.arpa');
    expect(z!.parentZone).toBe('2.0.192.in-addr.arpa');
    expect(z!.cnames).toHaveLength(64);
    expect(z!.cnames![0]).toEqual({ owner: '0.2.0.192.in-addr.arpa', target: '0.0-63.2.0.192.in-addr.arpa' });
    expect(z!.cnames![63]).toEqual({ owner: '63.2.0.192.in-addr.arpa', target: '63.0-63.2.0.192.in-addr.arpa' });
  });
  it('names a /27 inside a /24', () => {
    const [z] = reverseZones('192.0.2.64/27');
    expect(z!.name).toBe('64-95.2.0.192.in-addr.arpa');
    expect(z!.ripeName).toBe('64-95.2.0.192.in-addr.arpa');
  });
  it('names a /25 upper half', () => {
    const [z] = reverseZones('203.0.113.128/25');
    expect(z!.name).toBe('128-255.113.0.203.in-addr.arpa');
    expect(z!.ripeName).toBe('128-255.113.0.203.in-addr.arpa');
  });
  it('gives an IPv6 /32 one nibble zone', () => {
    expect(names('2001:db8::/32')).toEqual(['8.b.d.0.1.0.0.2.ip6.arpa']);
  });
  it('gives an IPv6 /40 one nibble zone', () => {
    expect(names('2001:db8:1200::/40')).toEqual(['2.1.8.b.d.0.1.0.0.2.ip6.arpa']);
  });
  it('cuts an IPv6 /38 into four /40 zones', () => {
    expect(names('2001:db8:1000::/38')).toEqual(['0', '1', '2', '3'].map((d) => `${d}.1.8.b.d.0.1.0.0.2.ip6.arpa`));
  });
  it('cuts an IPv6 /42 into four /44 zones', () => {
    expect(names('2001:db8:1200::/42')).toEqual(['0', '1', '2', '3'].map((d) => `${d}.2.1.8.b.d.0.1.0.0.2.ip6.arpa`));
  });
  it('gives a /48 and a /56 one zone each', () => {
    expect(names('2001:db8:abcd::/48')).toEqual(['d.c.b.a.8.b.d.0.1.0.0.2.ip6.arpa']);
    expect(names('2001:db8:abcd:ff00::/56')).toEqual(['f.f.d.c.b.a.8.b.d.0.1.0.0.2.ip6.arpa']);
  });
  it('rejects host bits set, naming the containing prefix', () => {
    expect(() => reverseZones('2001:db8:1200::/38')).toThrow(/host bits set.*2001:db8:1000::\/38/);
  });
});

describe('reverseZones (octet edges)', () => {
  it('keeps a whole /16 as one zone', () => {
    expect(names('198.51.0.0/16')).toEqual(['51.198.in-addr.arpa']);
  });
  it('keeps a whole /8 as one zone', () => {
    expect(names('10.0.0.0/8')).toEqual(['10.in-addr.arpa']);
  });
  it('cuts a /17 into 128 /24 zones', () => {
    const z = reverseZones('198.51.128.0/17');
    expect(z).toHaveLength(128);
    expect(z[0]!.name).toBe('128.51.198.in-addr.arpa');
    expect(z[127]!.name).toBe('255.51.198.in-addr.arpa');
  });
  it('names a single address /32 as an RFC 2317 child', () => {
    expect(reverseZones('192.0.2.5/32')[0]!.name).toBe('5-5.2.0.192.in-addr.arpa');
  });
  it('refuses a block needing more than the zone limit', () => {
    expect(() => reverseZones('8.0.0.0/7')).toThrow(HeadroomError);
    expect(MAX_REVERSE_ZONES).toBe(65536);
  });
});

const ipv4PrefixArb = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 12, max: 32 }))
  .map(([v, len]): Prefix => ({ family: 4, start: Math.floor(v / 2 ** (32 - len)) * 2 ** (32 - len), length: len }));
const ipv6PrefixArb = fc
  .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 1, max: 128 }))
  .map(([v, len]): Prefix => ({ family: 6, start: (v >> BigInt(128 - len)) << BigInt(128 - len), length: len }));

describe('reverseZones (properties)', () => {
  it('covers the prefix exactly, without gap or overlap', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4PrefixArb, ipv6PrefixArb), (p) => {
        const zones = reverseZones(p);
        let total = 0n;
        let next: bigint = BigInt(p.start);
        for (const z of zones) {
          expect(BigInt(z.prefix.start)).toBe(next);
          next = BigInt(prefixEnd(z.prefix)) + 1n;
          total += prefixSize(z.prefix);
        }
        expect(total).toBe(prefixSize(p));
        expect(next - 1n).toBe(BigInt(prefixEnd(p)));
      }),
    );
  });
  it('puts IPv6 zones on nibble boundaries', () => {
    fc.assert(
      fc.property(ipv6PrefixArb, (p) => {
        for (const z of reverseZones(p)) expect(z.prefix.length % 4).toBe(0);
      }),
    );
  });
  it('parses the same as the text form', () => {
    expect(reverseZones(parsePrefix('192.0.2.0/24'))).toEqual(reverseZones('192.0.2.0/24'));
  });
});
