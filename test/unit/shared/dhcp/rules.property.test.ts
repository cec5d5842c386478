/**
 * The pure rules of shared/dhcp/ as properties (fast-check) against a plain reference written
 * here from the rules' statement in docs/dhcp-dns.md, plus the block map the app draws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockMapCells } from '../../../../shared/dhcp/block-map';
import { checkScope, scopeSize } from '../../../../shared/dhcp/scope';
import { formatIPv4 } from '../../../../shared/ip/prefix';

/** A random IPv4 block of /22 to /30 and offsets inside it. */
const blockArb = fc.integer({ min: 22, max: 30 }).chain((length) =>
  fc.record({
    length: fc.constant(length),
    start: fc.integer({ min: 0, max: 2 ** length - 1 }).map((i) => i * 2 ** (32 - length)),
    a: fc.integer({ min: 0, max: 2 ** (32 - length) - 1 }),
    b: fc.integer({ min: 0, max: 2 ** (32 - length) - 1 }),
    router: fc.option(fc.integer({ min: 0, max: 2 ** (32 - length) - 1 }), { nil: null }),
    hosts: fc.array(fc.integer({ min: 0, max: 2 ** (32 - length) - 1 }), { maxLength: 4 }),
  }),
);

describe('checkScope', () => {
  it('accepts exactly the ranges that are inside, ordered, and clear of network, broadcast, router and hosts', () => {
    fc.assert(
      fc.property(blockArb, ({ length, start, a, b, router, hosts }) => {
        const size = 2 ** (32 - length);
        const spec = {
          block: { family: 4 as const, start, length },
          first: start + Math.min(a, b),
          last: start + Math.max(a, b),
          leaseS: 86400,
          router: router === null ? null : start + router,
          dns: [],
          domain: null,
        };
        const ctx = { hosts: hosts.map((h) => ({ value: start + h, name: `h${h}.example.net` })) };
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const covers = (o: number) => o >= lo && o <= hi;
        const expected = lo > 0 && hi < size - 1 && (router === null || (router > 0 && router < size - 1 && !covers(router))) && !hosts.some(covers);
        let accepted = true;
        try {
          checkScope(spec, ctx);
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(expected);
        if (accepted) expect(scopeSize(spec.first, spec.last)).toBe(hi - lo + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('blockMapCells', () => {
  it('marks network and broadcast, hosts over the router, the range, and the rest free', () => {
    const cells = blockMapCells('198.51.100.80/28', { first: '198.51.100.84', last: '198.51.100.94', router: '198.51.100.81' }, [
      { ip: '198.51.100.82', name: 'printer1.example.net' },
    ])!;
    expect(cells.map((c) => c.kind)).toEqual(['network', 'router', 'host', 'free', ...Array<string>(11).fill('range'), 'broadcast']);
    expect(cells[2]).toEqual({ offset: 2, ip: '198.51.100.82', kind: 'host', name: 'printer1.example.net' });
    // A /31 has no network or broadcast address (RFC 3021); IPv6 and blocks over 1024 addresses are not drawn cell by cell.
    expect(blockMapCells('198.51.100.0/31', null, [])!.map((c) => c.kind)).toEqual(['free', 'free']);
    expect(blockMapCells('2001:db8::/64', null, [])).toBeNull();
    expect(blockMapCells('198.51.96.0/21', null, [])).toBeNull();
    expect(blockMapCells('198.51.100.0/22', null, [])).toHaveLength(1024);
    expect(formatIPv4(0)).toBe('0.0.0.0');
  });
});
