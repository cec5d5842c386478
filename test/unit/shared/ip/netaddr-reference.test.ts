/**
 * Reference test against Python: netaddr's IPSet (what NetBox uses) for free space, and the
 * standard library's ipaddress for range decomposition and RFC 5952 text. One Python process
 * per check, fed a batch of fast-check plans as JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freePrefixList } from '../../../../shared/ip/free-space';
import { IPV4_SPACE, IPV6_SPACE } from '../../../../shared/ip/int-space';
import { formatPrefix, type Prefix } from '../../../../shared/ip/prefix';
import { rangeToCidrList } from '../../../../shared/ip/range-to-cidrs';
import { ipv4Address, ipv4Plan, ipv6Address, ipv6Plan, ipv6Prefix, ipv4Prefix } from '../../../support/ip-arbitraries';

const PYTHON = '/usr/bin/python3';
const hasNetaddr = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import netaddr'], { encoding: 'utf8' }).status === 0;

function python(script: string, input: unknown): unknown {
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const FREE_SPACE_PY = `
import json, sys, netaddr
out = []
for plan in json.load(sys.stdin):
    free = netaddr.IPSet([plan['parent']]) - netaddr.IPSet(plan['children'])
    out.append([str(c.first) + '/' + str(c.prefixlen) for c in free.iter_cidrs()])
print(json.dumps(out))
`;

const SUMMARIZE_PY = `
import json, sys, ipaddress
out = []
for family, first, last in json.load(sys.stdin):
    cls = ipaddress.IPv4Address if family == 4 else ipaddress.IPv6Address
    out.append([str(int(n.network_address)) + '/' + str(n.prefixlen) for n in ipaddress.summarize_address_range(cls(int(first)), cls(int(last)))])
print(json.dumps(out))
`;

const FORMAT_PY = `
import json, sys, ipaddress
cls = {4: ipaddress.IPv4Network, 6: ipaddress.IPv6Network}
print(json.dumps([cls[family]((int(start), length)).compressed for family, start, length in json.load(sys.stdin)]))
`;

const asInts = (ps: Prefix[]) => ps.map((p) => `${p.start}/${p.length}`);
const SEED = 20261125;

describe.skipIf(!hasNetaddr)('free space against netaddr IPSet', () => {
  it('equals IPSet(parent) − IPSet(children) exactly for 400 IPv4 plans', () => {
    const plans = fc.sample(ipv4Plan, { numRuns: 400, seed: SEED });
    const expected = python(
      FREE_SPACE_PY,
      plans.map((p) => ({ parent: formatPrefix(p.parent), children: p.children.map(formatPrefix) })),
    );
    expect(plans.map((p) => asInts(freePrefixList(p.parent, p.children).free))).toEqual(expected);
  });

  it('equals IPSet(parent) − IPSet(children) exactly for 400 IPv6 plans', () => {
    const plans = fc.sample(ipv6Plan, { numRuns: 400, seed: SEED });
    const expected = python(
      FREE_SPACE_PY,
      plans.map((p) => ({ parent: formatPrefix(p.parent), children: p.children.map(formatPrefix) })),
    );
    expect(plans.map((p) => asInts(freePrefixList(p.parent, p.children).free))).toEqual(expected);
  });
});

describe.skipIf(!hasNetaddr)('rangeToCidrList against ipaddress.summarize_address_range', () => {
  const range = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [T, T]);

  it('gives the same minimal list for 500 IPv4 ranges', () => {
    const ranges = fc.sample(range(ipv4Address), { numRuns: 500, seed: SEED });
    const expected = python(
      SUMMARIZE_PY,
      ranges.map(([s, e]) => [4, String(s), String(e)]),
    );
    expect(ranges.map(([s, e]) => rangeToCidrList(IPV4_SPACE, s, e).map((b) => `${b.start}/${b.length}`))).toEqual(expected);
  });

  it('gives the same minimal list for 500 IPv6 ranges', () => {
    const ranges = fc.sample(range(ipv6Address), { numRuns: 500, seed: SEED });
    const expected = python(
      SUMMARIZE_PY,
      ranges.map(([s, e]) => [6, String(s), String(e)]),
    );
    expect(ranges.map(([s, e]) => rangeToCidrList(IPV6_SPACE, s, e).map((b) => `${b.start}/${b.length}`))).toEqual(expected);
  });
});

describe.skipIf(!hasNetaddr)('formatPrefix against ipaddress', () => {
  it('writes 1000 prefixes exactly as Python does (RFC 5952 for IPv6)', () => {
    const prefixes = fc.sample(fc.oneof(ipv4Prefix, ipv6Prefix), { numRuns: 1000, seed: SEED });
    const expected = python(
      FORMAT_PY,
      prefixes.map((p) => [p.family, String(p.start), p.length]),
    );
    expect(prefixes.map(formatPrefix)).toEqual(expected);
  });
});
