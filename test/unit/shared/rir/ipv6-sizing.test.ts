import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arinEndUserPrefix, arinLirMaxPrefix, hdThreshold, hdThresholdPct, nibbleBits } from '../../../../shared/rir/ipv6-sizing';
import { POLICY_TABLE, policyRow, rirPolicy } from '../../../../shared/rir/policy-table';
import { refusalLine } from '../../../support/refusal';

describe('arinLirMaxPrefix (§2.1.1 table)', () => {
  it.each([
    [1, 200, 48, 32],
    [5, 1000, 48, 32],
    [13, 12, 48, 32],
    [20, 1000, 48, 28],
    [20, 5000, 48, 24],
    [200, 30000, 48, 20],
    [20, 1000, 56, 32],
  ])('%i serving sites, %i end sites, P=/%i → /%i', (sites, endSites, pau, want) => {
    expect(arinLirMaxPrefix(sites, endSites, pau)).toBe(want);
  });
  it('computes X and Y as in the table before the /32 floor', () => {
    expect([nibbleBits(1), nibbleBits(200)]).toEqual([4, 12]);
    expect([nibbleBits(13), nibbleBits(12)]).toEqual([8, 4]);
    expect([nibbleBits(200), nibbleBits(30000)]).toEqual([12, 16]);
  });
  it('refuses zero sites, naming the field', () => {
    expect(refusalLine(() => arinLirMaxPrefix(0, 10))).toMatch(/^servingSites:/);
    expect(refusalLine(() => arinLirMaxPrefix(1, 0))).toMatch(/^largestSiteEndSites:/);
  });
});

describe('arinEndUserPrefix (6.5.8.2)', () => {
  it.each([
    [1, 48],
    [2, 44],
    [12, 44],
    [13, 40],
    [192, 40],
    [193, 36],
    [3072, 36],
    [3073, 32],
    [49152, 32],
  ])('%i sites → /%i', (sites, want) => {
    expect(arinEndUserPrefix(sites)).toBe(want);
  });
});

describe('hdThreshold (§2.6 table)', () => {
  it.each([
    [32, 6183533, 36.86, 33689, 51.41],
    [31, 11863283, 35.36, 64634, 49.31],
    [30, 22760044, 33.92, 124002, 47.3],
    [29, 43665787, 32.53, 237901, 45.38],
    [28, 83774045, 31.21, 456419, 43.53],
  ])('/%i', (p, ripe, ripePct, afrinic, afrinicPct) => {
    expect(hdThreshold(p, 56, 0.94)).toBe(ripe);
    expect(hdThresholdPct(p, 56)).toBe(ripePct);
    expect(hdThreshold(p, 48, 0.94)).toBe(afrinic);
    expect(hdThresholdPct(p, 48)).toBe(afrinicPct);
  });
  it('is not APNIC’s misprinted 43,655,787 for /29', () => {
    expect(hdThreshold(29, 56)).not.toBe(43655787);
  });
  it('is monotonic in P: a larger allocation needs more units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 56 }), (p) => {
        expect(hdThreshold(p - 1, 56)).toBeGreaterThanOrEqual(hdThreshold(p, 56));
      }),
    );
  });
  it('refuses a prefix longer than the unit', () => {
    expect(refusalLine(() => hdThreshold(57, 56))).toMatch(/^prefix:/);
  });
});

describe('POLICY_TABLE', () => {
  it('has every row complete', () => {
    for (const r of POLICY_TABLE) {
      expect(r.source).not.toBe('');
      expect(r.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.unit).not.toBe('');
    }
  });
  it('has no duplicate keys', () => {
    const keys = POLICY_TABLE.map((r) => `${r.rir}.${r.family}.${r.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('marks the §8.1 values unconfirmed', () => {
    expect(policyRow('arin', 'ipv4', 'exhaustion-date').confirmed).toBe(false);
    expect(policyRow('arin', 'ipv6', 'lir-small-prefixes').confirmed).toBe(false);
    expect(policyRow('ripe', 'ipv4', 'transfer-holding-months').confirmed).toBe(false);
    expect(policyRow('lacnic', 'ipv6', 'hd-ratio').confirmed).toBe(false);
  });
  it('confirms the rows read in the RIR texts themselves, with the text named', () => {
    expect(policyRow('afrinic', 'asn', 'min-neighbour-ases')).toMatchObject({ confirmed: true, source: expect.stringMatching(/AFPUB-2006-ASN-001/) });
    expect(policyRow('lacnic', 'asn', 'interconnection-required')).toMatchObject({ confirmed: true, source: expect.stringMatching(/LAC-2014-2/) });
    expect(policyRow('arin', 'ipv4', 'waitlist-transfer-lock-months')).toMatchObject({
      value: 60,
      confirmed: true,
      source: expect.stringMatching(/ARIN-2020-1/),
    });
  });
  it('gives an unconfirmed row no source tag but a dash', () => {
    expect(policyRow('arin', 'ipv4', 'exhaustion-date').source).toBe('—');
  });
  it('falls back to the all-RIR row', () => {
    expect(policyRow('apnic', 'rdns', 'min-nameservers').value).toBe(2);
  });
});

describe('rirPolicy', () => {
  it('maps keys to values for one RIR and family', () => {
    expect(rirPolicy('ripe', 'ipv6')).toMatchObject({ 'min-prefix': 32, 'no-justification-max-prefix': 29, 'hd-ratio': 0.94, 'hd-unit-prefix': 56 });
    expect(rirPolicy('afrinic', 'ipv6')['hd-unit-prefix']).toBe(48);
    expect(rirPolicy('lacnic', 'rdns')).toEqual({ 'min-nameservers': 2 });
  });
});
