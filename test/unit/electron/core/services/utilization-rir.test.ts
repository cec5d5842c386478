/**
 * Utilization as the RIRs measure it (issue 11 item 1, docs/rir.md §1): assigned space only,
 * our own pools (allocated) are containers. One function (shared/ip/utilization) behind the
 * request drafts, the Registry's `util`, the list view's counters and the forecasts; a
 * property compares the list counters kept on every write with that function.
 */
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes, removePrefix } from '../../../../../electron/core/services/registry';
import { utilizationOf } from '../../../../../electron/core/services/registry-space';
import { holdings } from '../../../../../electron/core/services/requests-plan';
import { loadPools } from '../../../../../electron/core/services/forecast-pools';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { rebuildUsage } from '../../../../../electron/core/workspace/prefix-usage';
import { HeadroomError } from '../../../../../shared/errors';
import { formatPrefix, parsePrefix } from '../../../../../shared/ip/prefix';
import { countsAsUsed, usedAddressesV4, utilizationByStatus } from '../../../../../shared/ip/utilization';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
let n = 0;
const NOW = new Date('2026-05-15T12:00:00Z');

async function fresh(): Promise<Workspace> {
  const ws = await Workspace.create(tmp.path(`util-${++n}.headroom`), { now: () => NOW });
  open.push(ws);
  return ws;
}

async function demo(): Promise<Workspace> {
  const ws = await fresh();
  seedDemo(ws);
  return ws;
}

describe('what counts as used', () => {
  it('assigned (and cooldown) blocks count; containers, reservations and plans do not', () => {
    expect(['assigned', 'cooldown'].map(countsAsUsed)).toEqual([true, true]);
    expect(['aggregate', 'allocated', 'reserved', 'planned'].map(countsAsUsed)).toEqual([false, false, false, false]);
  });

  it('the typed-pairs fast path unions nested, duplicate and overlapping pairs and clips to the pool', () => {
    expect(usedAddressesV4(100, 199, Uint32Array.from([90, 109, 100, 103, 105, 120, 150, 150, 150, 150, 198, 300]))).toBe(21 + 1 + 2);
  });
});

describe('the demo 198.51.100.0/24: 220 of 256 addresses are assigned, not 100 %', () => {
  it('request holdings', async () => {
    const ws = await demo();
    const held = holdings(ws, 4).find((h) => h.row.prefix === '198.51.100.0/24')!;
    expect(held.usedPct).toBe(85.94);
  });

  it('the Registry util', async () => {
    const ws = await demo();
    const u = utilizationOf(ws, { prefix: '198.51.100.0/24' });
    expect([u.usedUnits, u.totalUnits]).toEqual([220, 256]);
  });

  it('the list view counters, kept on write and rebuilt', async () => {
    const ws = await demo();
    const pct = () => listPrefixes(ws, { within: '198.51.100.0/24' }).rows.find((r) => r.prefix === '198.51.100.0/24')!.usage.usedPct;
    expect(pct()).toBeCloseTo((220 / 256) * 100, 9);
    rebuildUsage(ws.database);
    expect(pct()).toBeCloseTo((220 / 256) * 100, 9);
  });

  it('the forecast pool series of the aggregate ends at 220 (containers are not usage)', async () => {
    const ws = await demo();
    const pool = loadPools(ws).find((p) => p.prefix === '198.51.100.0/24')!;
    const series = pool.series('2026-12-31', 3650);
    expect(series[series.length - 1]!.value).toBe(220);
  });
});

type Op = { kind: 'add'; offset: number; length: number; status: 'allocated' | 'assigned' | 'reserved' } | { kind: 'rm'; pick: number };

describe('the list counters equal shared/ip/utilization after random adds and removals', () => {
  it('10.20.0.0/20', async () => {
    const parentText = '10.20.0.0/20';
    const parent = parsePrefix(parentText);
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('add' as const),
          offset: fc.integer({ min: 0, max: 4095 }),
          length: fc.integer({ min: 21, max: 30 }),
          status: fc.constantFrom('allocated' as const, 'assigned' as const, 'reserved' as const),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('rm' as const), pick: fc.nat() }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 16 }), async (ops) => {
        const ws = await fresh();
        addPrefix(ws, { prefix: parentText, status: 'aggregate' });
        for (const op of ops) {
          try {
            if (op.kind === 'add') {
              const size = 2 ** (32 - op.length);
              addPrefix(ws, {
                prefix: formatPrefix({ family: 4, start: (parent.start as number) + Math.floor(op.offset / size) * size, length: op.length }),
                status: op.status,
              });
            } else {
              const rows = listPrefixes(ws, { within: parentText }).rows.filter((r) => r.prefix !== parentText);
              if (rows.length > 0) removePrefix(ws, { prefix: rows[op.pick % rows.length]!.prefix });
            }
          } catch (e) {
            if (!(e instanceof HeadroomError)) throw e;
          }
        }
        const rows = listPrefixes(ws, { within: parentText }).rows;
        const blocks = rows.map((r) => ({ prefix: parsePrefix(r.prefix), status: r.status }));
        for (const r of rows) {
          const p = parsePrefix(r.prefix);
          const inside = blocks.filter(
            (b) =>
              b.prefix.length > p.length &&
              formatPrefix({
                ...p,
                start: (b.prefix.start as number) - (((b.prefix.start as number) - (p.start as number)) % 2 ** (32 - p.length)),
              } as typeof p) === r.prefix &&
              (b.prefix.start as number) >= (p.start as number),
          );
          const want = utilizationByStatus(p, inside).utilizationPct;
          expect(r.usage.usedPct).toBeCloseTo(want, 9);
        }
        ws.close();
        open.splice(open.indexOf(ws), 1);
      }),
      { numRuns: 40 },
    );
  });
});
