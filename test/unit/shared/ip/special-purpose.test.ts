import { IPv4, IPv6 } from 'ip-num';
import { describe, expect, it } from 'vitest';
import { classifySpecialPurpose, rirSpaceWarnings } from '../../../../shared/ip/special-purpose';
import { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE } from '../../../../shared/ip/special-purpose-data';
import { parseAddress, prefixSize } from '../../../../shared/ip/prefix';
import { P } from '../../../support/ip-helpers';

describe('IPV4_SPECIAL_PURPOSE', () => {
  it('has 25 rows and 26 blocks (§1.2)', () => {
    expect([IPV4_SPECIAL_PURPOSE.length, IPV4_SPECIAL_PURPOSE.flatMap((r) => r.blocks).length]).toEqual([25, 26]);
  });

  it('keeps 100.64.0.0/10 at 4,194,304 addresses', () => expect(prefixSize(P('100.64.0.0/10'))).toBe(4_194_304n));

  it('marks the terminated 6to4 relay row with blank flags', () => {
    const row = IPV4_SPECIAL_PURPOSE.find((r) => r.blocks[0] === '192.88.99.0/24')!;
    expect([row.flags.G, row.terminated]).toEqual(['', '2015-03']);
  });
});

describe('IPV6_SPECIAL_PURPOSE', () => {
  it('has 25 rows (§1.3)', () => expect(IPV6_SPECIAL_PURPOSE.length).toBe(25));

  it('keeps N/A as the raw G value of TEREDO and 6to4', () => {
    const g = (b: string) => IPV6_SPECIAL_PURPOSE.find((r) => r.blocks[0] === b)!.flags.G;
    expect([g('2001::/32'), g('2002::/16')]).toEqual(['N/A', 'N/A']);
  });
});

describe('classifySpecialPurpose', () => {
  it('finds 192.0.0.9 globally reachable inside a not-reachable /24 (longest match)', () => {
    const c = classifySpecialPurpose(parseAddress('192.0.0.9'));
    expect(c.matches.map((m) => m.block.length)).toEqual([24, 32]);
    expect([c.mostSpecific!.row.name, c.isGloballyReachable]).toEqual(['Port Control Protocol Anycast', true]);
  });

  it('returns both rows for 0.0.0.0 (the /8 and the /32)', () => {
    expect(classifySpecialPurpose(parseAddress('0.0.0.0')).matches.map((m) => m.row.name)).toEqual(['"This network"', '"This host on this network"']);
  });

  it('treats N/A as not globally reachable (2001::1, TEREDO)', () => {
    expect(classifySpecialPurpose(parseAddress('2001::1')).isGloballyReachable).toBe(false);
  });

  it('finds nothing for ordinary unicast space', () => {
    const c = classifySpecialPurpose(parseAddress('8.8.8.8'));
    expect([c.matches, c.mostSpecific, c.isGloballyReachable]).toEqual([[], null, true]);
  });

  it('classifies a prefix inside a row, and flags fd00::/8 beside fc00::/7', () => {
    expect(classifySpecialPurpose(P('fd12:3456:789a::/48')).matches.map((m) => m.row.name)).toEqual([
      'Unique-Local',
      'Unique-Local, locally assigned (L=1): one pseudo-random /48 per site',
    ]);
  });

  const ipNumWrong = [
    '100.64.0.1',
    '198.18.0.1',
    '192.0.0.9',
    '0.1.2.3',
    '192.88.99.1',
    '2002:c000:201::1',
    '64:ff9b::808:808',
    '5f00::1',
    '2001::1',
    'fec0::1',
    '2001:2::1',
  ];
  for (const text of ipNumWrong) {
    it(`flags ${text}, which ip-num 1.6.2 calls global unicast (§1.5)`, () => {
      const ipnum = text.includes(':') ? IPv6.fromString(text) : IPv4.fromString(text);
      expect(classifySpecialPurpose(parseAddress(text)).matches.length).toBeGreaterThan(0);
      expect(ipnum.isGlobalUnicast()).toBe(true);
    });
  }
});

describe('rirSpaceWarnings', () => {
  it('is empty for ordinary RIR space', () => expect(rirSpaceWarnings(P('185.0.0.0/16'))).toEqual([]));

  it('names a row the block lies inside', () => {
    expect(rirSpaceWarnings(P('100.64.1.0/24'))).toEqual(['100.64.1.0/24 lies inside 100.64.0.0/10, Shared Address Space (RFC 6598)']);
  });

  it('names every row a large block contains', () => {
    expect(rirSpaceWarnings(P('192.0.0.0/16')).length).toBe(8); // 192.0.0.0/24 with its 6 more-specific blocks, and 192.0.2.0/24
  });

  it('warns for IPv6 outside 2000::/3', () => {
    expect(rirSpaceWarnings(P('4000::/16'))[0]).toMatch(/not inside 2000::\/3/);
  });

  it('warns for documentation space entered as RIR space', () => {
    expect(rirSpaceWarnings(P('2001:db8:1::/48'))).toEqual(['2001:db8:1::/48 lies inside 2001:db8::/32, Documentation (RFC 3849)']);
  });
});
