/**
 * Property through the services: after random adds and allocations (every strategy, with and
 * without growth), free(parent) and the blocks inside it are pairwise disjoint and together
 * cover the parent exactly; on a sample, free(parent) equals netaddr's
 * IPSet([parent]) − IPSet(children) (what NetBox computes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { allocate, freeSpace } from '../../../../../electron/core/services/registry-space';
import { ALLOCATION_STRATEGIES } from '../../../../../shared/contract';
import { HeadroomError } from '../../../../../shared/errors';
import { allocatePrefix } from '../../../../../shared/ip/allocate-prefix';
import { formatPrefix, parsePrefix, prefixEnd, prefixSize, type Prefix } from '../../../../../shared/ip/prefix';
import { fresh, hasNetaddr, python } from '../../../../support/registry-workspace';

type Op =
  | { kind: 'add'; offset: bigint; length: number; reserved: boolean }
  | { kind: 'allocate'; length: number; strategy: (typeof ALLOCATION_STRATEGIES)[number]; growth: number };

const PARENTS = ['10.20.0.0/16', '2001:db8:a00::/40'];

function opArb(parent: Prefix): fc.Arbitrary<Op> {
  const bits = parent.family === 4 ? 32 : 128;
  const span = Math.min(bits - parent.length, 16);
  return fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      offset: fc.bigInt({ min: 0n, max: prefixSize(parent) - 1n }),
      length: fc.integer({ min: parent.length + 1, max: parent.length + span }),
      reserved: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('allocate' as const),
      length: fc.integer({ min: parent.length + 1, max: parent.length + span }),
      strategy: fc.constantFrom(...ALLOCATION_STRATEGIES),
      growth: fc.integer({ min: 0, max: 3 }),
    }),
  );
}

function childText(parent: Prefix, offset: bigint, length: number): string {
  if (parent.family === 4) {
    const size = 2 ** (32 - length);
    return formatPrefix({ family: 4, start: Math.floor((parent.start + Number(offset)) / size) * size, length });
  }
  const host = BigInt(128 - length);
  return formatPrefix({ family: 6, start: ((parent.start + offset) >> host) << host, length });
}

const toInterval = (p: Prefix): [bigint, bigint] => [BigInt(p.start), BigInt(prefixEnd(p))];

/** Runs the ops; refusals (duplicate, nothing free) are expected and change nothing. */
async function runPlan(parentText: string, ops: Op[]) {
  const ws = await fresh();
  const parent = parsePrefix(parentText);
  addPrefix(ws, { prefix: parentText, status: 'aggregate' });
  for (const op of ops) {
    try {
      if (op.kind === 'add') addPrefix(ws, { prefix: childText(parent, op.offset, op.length), status: op.reserved ? 'reserved' : 'assigned' });
      else if (op.length - op.growth > parent.length) allocate(ws, { from: parentText, length: op.length, strategy: op.strategy, growth: op.growth });
    } catch (e) {
      if (!(e instanceof HeadroomError) || (e.code !== 'conflict' && e.code !== 'invalid')) throw e;
    }
  }
  const children = listPrefixes(ws, { within: parentText })
    .rows.map((r) => r.prefix)
    .filter((p) => p !== parentText);
  const free = freeSpace(ws, { prefix: parentText }).free;
  return { parent, children, free };
}

function checkCover(parent: Prefix, children: string[], free: string[]): void {
  const [ps, pe] = toInterval(parent);
  const fr = free.map((f) => toInterval(parsePrefix(f)));
  // free CIDRs ascending and pairwise disjoint
  for (let i = 1; i < fr.length; i++) expect(fr[i]![0] > fr[i - 1]![1]).toBe(true);
  // union of children, merged
  const ch = children.map((c) => toInterval(parsePrefix(c))).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const [s, e] of ch) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1] + 1n) last[1] = e > last[1] ? e : last[1];
    else merged.push([s, e]);
  }
  // free ∩ children = ∅ and free ∪ children = parent: walk both sorted lists
  const all = [...merged.map((m) => ({ m, free: false })), ...fr.map((m) => ({ m, free: true }))].sort((a, b) => (a.m[0] < b.m[0] ? -1 : 1));
  let cursor = ps;
  for (const { m } of all) {
    expect(m[0]).toBe(cursor); // no gap, no overlap
    cursor = m[1] + 1n;
  }
  expect(cursor).toBe(pe + 1n);
  // minimal: no two adjacent free CIDRs could merge into one aligned block
  for (let i = 1; i < free.length; i++) {
    const a = parsePrefix(free[i - 1]!);
    const b = parsePrefix(free[i]!);
    if (a.length === b.length && fr[i]![0] === fr[i - 1]![1] + 1n) {
      const size = prefixSize(a);
      expect(BigInt(a.start) % (size * 2n) === 0n).toBe(false);
    }
  }
}

describe('free(parent) ∪ children = parent, pairwise disjoint, after random adds and allocations', () => {
  for (const parentText of PARENTS) {
    it(`${parentText}`, async () => {
      const parent = parsePrefix(parentText);
      const samples: { parent: string; children: string[]; free: string[] }[] = [];
      await fc.assert(
        fc.asyncProperty(fc.array(opArb(parent), { minLength: 1, maxLength: 14 }), async (ops) => {
          const r = await runPlan(parentText, ops);
          checkCover(r.parent, r.children, r.free);
          samples.push({ parent: parentText, children: r.children, free: r.free });
        }),
        { numRuns: 25, seed: 20260315 },
      );
      if (hasNetaddr) {
        const expected = python(
          `
import json, sys, netaddr
print(json.dumps([[str(c) for c in (netaddr.IPSet([p['parent']]) - netaddr.IPSet(p['children'])).iter_cidrs()] for p in json.load(sys.stdin)]))
`,
          samples,
        ) as string[][];
        // netaddr prints IPv6 compressed like RFC 5952 for these values; compare canonically.
        expect(samples.map((s) => s.free)).toEqual(expected.map((l) => l.map((c) => formatPrefix(parsePrefix(c)))));
      }
    }, 300_000);
  }
});

describe('every allocation answer after each change equals a sweep over the blocks as they are then', () => {
  // The service keeps a parent's free lists between calls (free-lists-cache.ts) and updates them
  // in place after its own allocations; any other change (add, undo, redo) must drop them.
  for (const parentText of PARENTS) {
    it(`${parentText}`, async () => {
      const parent = parsePrefix(parentText);
      const span = Math.min((parent.family === 4 ? 32 : 128) - parent.length, 16);
      const lengths = [1, 2, 5, span].map((d) => parent.length + d);
      // `elsewhere`: a block outside the parent, or the same range in another space, which the
      // kept lists outlive (free-lists-cache.ts): the next answers must still be right.
      type Step = Op | { kind: 'undo' } | { kind: 'redo' } | { kind: 'elsewhere'; n: number; otherSpace: boolean };
      const step: fc.Arbitrary<Step> = fc.oneof(
        opArb(parent),
        fc.constant({ kind: 'undo' as const }),
        fc.constant({ kind: 'redo' as const }),
        fc.record({ kind: fc.constant('elsewhere' as const), n: fc.integer({ min: 0, max: 255 }), otherSpace: fc.boolean() }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
          const ws = await fresh();
          addPrefix(ws, { prefix: parentText, status: 'aggregate' });
          for (const op of steps) {
            try {
              if (op.kind === 'undo') ws.undo();
              else if (op.kind === 'redo') ws.redo();
              else if (op.kind === 'elsewhere') {
                if (op.otherSpace)
                  addPrefix(ws, {
                    prefix: childText(parent, BigInt(op.n) << BigInt((parent.family === 4 ? 32 : 128) - parent.length - 8), parent.length + 8),
                    space: 'other',
                  });
                else addPrefix(ws, { prefix: parent.family === 4 ? `192.0.2.${op.n}/32` : `2001:db8:b00::${op.n.toString(16)}/128` });
              } else if (op.kind === 'add') addPrefix(ws, { prefix: childText(parent, op.offset, op.length), status: op.reserved ? 'reserved' : 'assigned' });
              else if (op.length - op.growth > parent.length) allocate(ws, { from: parentText, length: op.length, strategy: op.strategy, growth: op.growth });
            } catch (e) {
              if (!(e instanceof HeadroomError)) throw e;
            }
            const children = listPrefixes(ws, { within: parentText, space: 'global' })
              .rows.map((r) => parsePrefix(r.prefix))
              .filter((p) => formatPrefix(p) !== parentText);
            for (const strategy of ALLOCATION_STRATEGIES) {
              for (const length of lengths) {
                const expected = allocatePrefix(parent, children, length, { strategy });
                let got: string | null;
                try {
                  got = allocate(ws, { from: parentText, length, strategy, dryRun: true }).prefix;
                } catch (e) {
                  if (!(e instanceof HeadroomError) || e.code !== 'conflict') throw e;
                  got = null;
                }
                expect(got, `${strategy} /${length} after ${op.kind}`).toBe(expected && formatPrefix(expected.prefix));
              }
            }
          }
          ws.close();
        }),
        { numRuns: 15, seed: 20261202 },
      );
    }, 300_000);
  }
});
