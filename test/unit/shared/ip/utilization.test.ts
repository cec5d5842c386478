import { describe, expect, it } from 'vitest';
import { utilization, percentOf } from '../../../../shared/ip/utilization';
import { hdRatio, hdThreshold, meetsHdRatio } from '../../../../shared/ip/hd-ratio';
import { P, Ps } from '../../../support/ip-helpers';
import { refusalLine } from '../../../support/refusal';

/** 10 × /48 + 300 × /56 inside 2001:db8::/40 (§4.4). */
function example44() {
  const children = [];
  for (let i = 0; i < 10; i++) children.push(P(`2001:db8:${i}::/48`));
  for (let i = 0; i < 300; i++) children.push({ family: 6 as const, start: 0x20010db8_0010_0000n * (1n << 64n) + (BigInt(i) << 72n), length: 56 });
  return children;
}

describe('utilization', () => {
  it('counts the §4.4 example in /56 units: 2,860 of 65,536 = 4.364 %', () => {
    const u = utilization(P('2001:db8::/40'), example44(), 56);
    expect([u.unit, u.totalUnits, u.usedUnits, u.freeUnits]).toEqual([56, 65_536n, 2_860n, 62_676n]);
    expect(u.utilizationPct.toFixed(3)).toBe('4.364');
  });

  it('gives the HD-ratio beside the percentage (ln 2860 / ln 65536 for §4.4)', () => {
    expect(utilization(P('2001:db8::/40'), example44(), 56).hdRatio).toBeCloseTo(Math.log(2860) / Math.log(65536), 12);
  });

  it('counts an assignment longer than the unit as one whole unit', () => {
    const u = utilization(P('2001:db8::/48'), Ps('2001:db8::/64'), 56);
    expect([u.totalUnits, u.usedUnits]).toEqual([256n, 1n]);
  });

  it('counts two /64s in the same /56 unit once', () => {
    expect(utilization(P('2001:db8::/48'), Ps('2001:db8::/64, 2001:db8:0:1::/64'), 56).usedUnits).toBe(1n);
  });

  it('does not count nested or duplicate assignments twice', () => {
    expect(utilization(P('2001:db8::/40'), Ps('2001:db8::/48, 2001:db8::/56, 2001:db8::/48'), 56).usedUnits).toBe(256n);
  });

  it('counts IPv4 in addresses (container 10.0.0.0/22 with a nested child: 512/1024 = 50 %, §3.5)', () => {
    const u = utilization(P('10.0.0.0/22'), Ps('10.0.0.0/24, 10.0.0.0/25, 10.0.2.0/24'));
    expect([u.unit, u.totalUnits, u.usedUnits, u.utilizationPct]).toEqual([32, 1024n, 512n, 50]);
  });

  it('ignores the parts of children outside the pool', () => {
    expect(utilization(P('10.0.0.0/24'), Ps('10.0.0.0/16, 192.0.2.0/24')).usedUnits).toBe(256n);
  });

  it('counts a whole IPv6 /0 in /64 units without overflow', () => {
    const u = utilization(P('::/0'), Ps('8000::/1'), 64);
    expect([u.totalUnits, u.usedUnits, u.utilizationPct]).toEqual([1n << 64n, 1n << 63n, 50]);
  });

  it('refuses an IPv6 pool without a unit, naming the field', () => {
    expect(refusalLine(() => utilization(P('2001:db8::/32'), []))).toMatch(/^unit:/);
  });

  it('refuses a unit larger than the pool', () => {
    expect(() => utilization(P('2001:db8::/56'), [], 48)).toThrow(/larger than the pool/);
  });
});

describe('percentOf', () => {
  it('keeps a tiny ratio visible (10 addresses of a /64 = 5.42e-17 %)', () => {
    expect(percentOf(10n, 1n << 64n).toPrecision(3)).toBe('5.42e-17');
  });

  it('is 0 for an empty total', () => {
    expect(percentOf(0n, 0n)).toBe(0);
  });
});

describe('hdRatio', () => {
  it('is ln(10^6)/ln(2^24) = 0.8305 for a /32 with 1,000,000 /56s', () => {
    expect(hdRatio(1_000_000n, 1n << 24n)!.toFixed(4)).toBe('0.8305');
  });

  it('is just below 0.94 at 6,183,533 and just above at 6,183,534', () => {
    expect(hdRatio(6_183_533n, 1n << 24n)!).toBeLessThan(0.94);
    expect(hdRatio(6_183_534n, 1n << 24n)!).toBeGreaterThan(0.94);
  });

  it('is 0.9555 at 8,000,000', () => {
    expect(hdRatio(8_000_000n, 1n << 24n)!.toFixed(4)).toBe('0.9555');
  });

  it('is undefined (null) when nothing is used', () => {
    expect(hdRatio(0n, 1n << 24n)).toBeNull();
  });
});

describe('hdThreshold', () => {
  const rows: [string, number, bigint, string][] = [
    ['/32', 24, 6_183_534n, '36.86'],
    ['/29', 27, 43_665_787n, '32.53'],
    ['/28', 28, 83_774_046n, '31.21'],
    ['/24', 32, 1_134_964_479n, '26.43'],
  ];
  for (const [block, bits, units, pct] of rows) {
    it(`gives ${units} /56s (${pct} %) for a ${block} at HD 0.94 (§4.3)`, () => {
      const t = hdThreshold(1n << BigInt(bits));
      expect([t.units, t.pct.toFixed(2)]).toEqual([units, pct]);
    });
  }

  it('gives the unrounded T of the §4.3 table', () => {
    expect(hdThreshold(1n << 24n).exact.toFixed(2)).toBe('6183533.28');
    expect(hdThreshold(1n << 32n).exact.toFixed(2)).toBe('1134964478.87');
  });

  it("reproduces AfriNIC's /48-unit figures: /32 at 0.80 → 10.88 %, /20 at 0.80 → 2.06 %, /32 at 0.94 → 51.41 %", () => {
    const pct = (bits: number, hd: number) => ((hdThreshold(1n << BigInt(bits), hd).exact / 2 ** bits) * 100).toFixed(2);
    expect([pct(16, 0.8), pct(28, 0.8), pct(16, 0.94)]).toEqual(['10.88', '2.06', '51.41']);
  });

  it('refuses a total that is not a power of two', () => {
    expect(() => hdThreshold(1000n)).toThrow(RangeError);
  });
});

describe('meetsHdRatio', () => {
  it('is false one unit below the threshold and true at it (≥ on the count)', () => {
    expect(meetsHdRatio(6_183_533n, 1n << 24n)).toBe(false);
    expect(meetsHdRatio(6_183_534n, 1n << 24n)).toBe(true);
  });

  it('is false for 1,000,000 /56s in a /32', () => {
    expect(meetsHdRatio(1_000_000n, 1n << 24n)).toBe(false);
  });
});
