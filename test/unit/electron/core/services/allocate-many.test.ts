/**
 * Allocating N blocks at once (issue 14, item 3): the same blocks as N allocations one after
 * another, recorded as one undoable change, previewed in full by a dry run, and refused as a
 * whole, naming the count, when the pool has room for fewer than N.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../../../electron/core/services/registry-space';
import { ALLOCATION_STRATEGIES } from '../../../../../shared/contract';
import { HeadroomError } from '../../../../../shared/errors';
import { add, dump, expectRefused, fresh } from '../../../../support/registry-workspace';

async function pool() {
  const ws = await fresh();
  add(ws, ['10.0.0.0/22'], 'allocated');
  add(ws, ['10.0.0.64/26', '10.0.1.0/24', '10.0.2.128/25']);
  return ws;
}

const actions = (ws: Awaited<ReturnType<typeof fresh>>) => Number(ws.get('SELECT count(*) AS n FROM actions')!.n);

describe('allocate with a count', () => {
  it.each(ALLOCATION_STRATEGIES)('%s: N at once gives the blocks N single allocations give, in one undoable change', async (strategy) => {
    const one = await pool();
    const singles: string[] = [];
    for (let i = 0; i < 4; i++) singles.push(allocate(one, { from: '10.0.0.0/22', length: 27, strategy }).prefix);

    const ws = await pool();
    const before = dump(ws);
    const n = actions(ws);
    const dry = allocate(ws, { from: '10.0.0.0/22', length: 27, strategy, count: 4, dryRun: true });
    expect(dry.prefixes).toEqual(singles);
    expect(dry.prefix).toBe(singles[0]);
    expect(dump(ws)).toEqual(before);

    const r = allocate(ws, { from: '10.0.0.0/22', length: 27, strategy, count: 4, description: 'BNG' });
    expect(r.prefixes).toEqual(singles);
    expect(actions(ws)).toBe(n + 1);
    const got = ws.all("SELECT description FROM prefixes WHERE description = 'BNG'");
    expect(got).toHaveLength(4);
    ws.undo();
    expect(ws.all("SELECT id FROM prefixes WHERE description = 'BNG'")).toHaveLength(0);
  });

  it('with room to grow, reserves each block its neighbours', async () => {
    const ws = await pool();
    const r = allocate(ws, { from: '10.0.0.0/22', length: 27, growth: 1, count: 2 });
    expect(r.prefixes).toEqual(['10.0.0.0/27', '10.0.0.128/27']);
    expect(r.reserved).toEqual(['10.0.0.32/27', '10.0.0.160/27']);
  });

  it('a count of 1 answers as before', async () => {
    const ws = await pool();
    const r = allocate(ws, { from: '10.0.0.0/22', length: 26, count: 1, dryRun: true });
    expect(r).toMatchObject({ prefix: '10.0.0.0/26', prefixes: ['10.0.0.0/26'], reserved: [] });
  });

  it('refuses, naming the count, when the pool has room for fewer than N, and records nothing', async () => {
    const ws = await pool();
    // Free: 10.0.0.0/26, 10.0.0.128/25, 10.0.2.0/25, 10.0.3.0/24: 1 + 2 + 2 + 4 = 9 /26s.
    expectRefused(
      ws,
      () => allocate(ws, { from: '10.0.0.0/22', length: 26, count: 10 }),
      'count',
      /^count: only 9 free \/26 blocks are left in 10\.0\.0\.0\/22, not 10$/,
    );
    expectRefused(ws, () => allocate(ws, { from: '10.0.0.0/22', length: 26, count: 10, dryRun: true }), 'count', /only 9 free/);
    expect(allocate(ws, { from: '10.0.0.0/22', length: 26, count: 9 }).prefixes).toHaveLength(9);
    expectRefused(ws, () => allocate(ws, { from: '10.0.0.0/22', length: 26, count: 2 }), 'length', /^length: no free \/26 is left in 10\.0\.0\.0\/22$/);
  });

  it('property: N blocks at once never overlap each other or a recorded block', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALLOCATION_STRATEGIES),
        fc.integer({ min: 24, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        async (strategy, length, count) => {
          const ws = await pool();
          let r;
          try {
            r = allocate(ws, { from: '10.0.0.0/22', length, strategy, count, dryRun: true });
          } catch (e) {
            // Refused only when fewer than `count` fit: then the number it names does fit.
            expect(e).toBeInstanceOf(HeadroomError);
            const only = /only (\d+) free/.exec((e as HeadroomError).message);
            expect(only, (e as HeadroomError).message).not.toBeNull();
            expect(Number(only![1])).toBeLessThan(count);
            expect(allocate(ws, { from: '10.0.0.0/22', length, strategy, count: Number(only![1]), dryRun: true }).prefixes).toHaveLength(Number(only![1]));
            return;
          }
          const toRange = (c: string) => {
            const [a, l] = c.split('/');
            const n = a!.split('.').reduce((s, o) => s * 256 + Number(o), 0);
            return [n, n + 2 ** (32 - Number(l)) - 1] as const;
          };
          const taken = ['10.0.0.64/26', '10.0.1.0/24', '10.0.2.128/25', ...r.prefixes!].map(toRange).sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < taken.length; i++) expect(taken[i]![0]).toBeGreaterThan(taken[i - 1]![1]);
          expect(r.prefixes).toHaveLength(count);
        },
      ),
      { numRuns: 25 },
    );
  });
});
