import fc from 'fast-check';
import { IPv4, IPv6 } from 'ip-num';
import { describe, expect, it } from 'vitest';
import {
  comparePrefixes,
  formatAddress,
  formatIPv4,
  formatIPv6,
  formatPrefix,
  parseAddress,
  parsePrefix,
  prefixContains,
  prefixEnd,
  prefixSize,
} from '../../../../shared/ip/prefix';
import { ipv4Address, ipv4Prefix, ipv6Address, ipv6AddressSparse, ipv6Prefix } from '../../../support/ip-arbitraries';
import { refusalLine } from '../../../support/refusal';

const anyIpv6 = fc.oneof(ipv6Address, ipv6AddressSparse);

describe('parseAddress', () => {
  it('round-trips every IPv4 address through formatAddress (property)', () => {
    fc.assert(
      fc.property(ipv4Address, (v) => {
        expect(parseAddress(formatAddress({ family: 4, value: v }))).toEqual({ family: 4, value: v });
      }),
    );
  });

  it('round-trips every IPv6 address through formatAddress (property)', () => {
    fc.assert(
      fc.property(anyIpv6, (v) => {
        expect(parseAddress(formatAddress({ family: 6, value: v }))).toEqual({ family: 6, value: v });
      }),
    );
  });

  it('reads IPv4 addresses to the same value as ip-num (property)', () => {
    fc.assert(
      fc.property(ipv4Address, (v) => {
        const text = formatIPv4(v);
        expect(BigInt(parseAddress(text).value)).toBe(IPv4.fromString(text).getValue());
      }),
    );
  });

  it('reads IPv6 addresses to the same value as ip-num, compressed or not (property)', () => {
    fc.assert(
      fc.property(anyIpv6, (v) => {
        const compressed = formatIPv6(v);
        const full = Array.from({ length: 8 }, (_, i) => ((v >> BigInt(112 - 16 * i)) & 0xffffn).toString(16).padStart(4, '0')).join(':');
        expect(parseAddress(compressed).value).toBe(IPv6.fromString(compressed).getValue());
        expect(parseAddress(full).value).toBe(IPv6.fromString(full).getValue());
      }),
    );
  });

  it('reads an embedded IPv4 tail (::ffff:1.2.3.4)', () => {
    expect(parseAddress('::ffff:1.2.3.4').value).toBe(0xffff01020304n);
  });

  for (const bad of ['1.2.3', '01.2.3.4', '256.0.0.0', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '']) {
    it(`refuses ${JSON.stringify(bad)} naming the field`, () => expect(refusalLine(() => parseAddress(bad))).toMatch(/^address: /));
  }
});

describe('formatIPv6', () => {
  it('compresses the longest zero run, the leftmost on a tie, never a single group (RFC 5952)', () => {
    expect([formatIPv6(0x20010db8000000000001000000000001n), formatIPv6(0x20010db8000100000001000100010001n)]).toEqual([
      '2001:db8::1:0:0:1',
      '2001:db8:1:0:1:1:1:1',
    ]);
  });
});

describe('parsePrefix', () => {
  it('round-trips every IPv4 prefix (property)', () => {
    fc.assert(
      fc.property(ipv4Prefix, (p) => {
        expect(parsePrefix(formatPrefix(p))).toEqual(p);
      }),
    );
  });

  it('round-trips every IPv6 prefix (property)', () => {
    fc.assert(
      fc.property(ipv6Prefix, (p) => {
        expect(parsePrefix(formatPrefix(p))).toEqual(p);
      }),
    );
  });

  it('refuses host bits set and suggests the network', () => {
    expect(() => parsePrefix('10.0.0.1/8')).toThrow(/did you mean 10\.0\.0\.0\/8/);
  });

  it('refuses a length above the family maximum', () => {
    expect(() => parsePrefix('2001:db8::/129')).toThrow(/0 to 128/);
  });
});

describe('prefixEnd', () => {
  it('reaches the top of both spaces without overflow', () => {
    expect([prefixEnd(parsePrefix('0.0.0.0/0')), prefixEnd(parsePrefix('::/0'))]).toEqual([2 ** 32 - 1, (1n << 128n) - 1n]);
  });
});

describe('prefixSize', () => {
  it('is 2^(max − length) as bigint', () => expect(prefixSize(parsePrefix('::/0'))).toBe(1n << 128n));
});

describe('prefixContains', () => {
  it('is true for a prefix and itself, false across families', () => {
    const p = parsePrefix('10.0.0.0/8');
    expect([prefixContains(p, p), prefixContains(p, parsePrefix('::/0'))]).toEqual([true, false]);
  });
});

describe('comparePrefixes', () => {
  it('orders IPv4 first, then by address, then shorter first', () => {
    const list = ['2001:db8::/32', '10.0.0.0/16', '10.0.0.0/8', '9.0.0.0/8'].map((t) => parsePrefix(t));
    expect(list.sort(comparePrefixes).map(formatPrefix)).toEqual(['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '2001:db8::/32']);
  });
});
