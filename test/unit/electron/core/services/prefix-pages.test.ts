/**
 * Issue 17 (d): the Registry grid's pages. The total is kept across changes (never recounted
 * after a change the session saw), deep pages start from a kept anchor (keyset) instead of
 * stepping over every row above them with OFFSET, and every page and total stays exactly what a
 * plain query from the top gives, through adds, removals, undo and redo.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addPrefix, listPrefixes, removePrefix, SELECT_PREFIX, rowToPrefix } from '../../../../../electron/core/services/registry';
import { importPrefixes } from '../../../../../electron/core/services/registry-io';
import { pageTuning } from '../../../../../electron/core/services/prefix-pages';
import type { Workspace } from '../../../../../electron/core/workspace/workspace';
import { add, fresh } from '../../../../support/registry-workspace';

const tuning = { ...pageTuning };
afterEach(() => Object.assign(pageTuning, tuning));

/** The page as a plain OFFSET query from the top gives it (the reference). */
function reference(ws: Workspace, offset: number, limit: number, within?: string) {
  const all = listAll(ws, within);
  return { total: all.length, rows: all.slice(offset, offset + limit) };
}
function listAll(ws: Workspace, within?: string) {
  const rows = ws.all(`${SELECT_PREFIX} WHERE s.name = 'global' ORDER BY p.family, p.start, p.length`).map(rowToPrefix);
  if (!within) return rows;
  const [net, len] = within.split('/');
  const octet = Number(net!.split('.')[0]);
  return rows.filter((r) => r.family === 4 && Number(r.prefix.split('.')[0]) === octet && r.length >= Number(len));
}

/** The SQL statements `fn` sends through the workspace's read methods. */
function statements(ws: Workspace, fn: () => void): string[] {
  const get = vi.spyOn(ws, 'get');
  const all = vi.spyOn(ws, 'all');
  try {
    fn();
    return [...get.mock.calls, ...all.mock.calls].map(([sql]) => sql);
  } finally {
    get.mockRestore();
    all.mockRestore();
  }
}

const csv = (n: number, octet = 10) =>
  'prefix,status,description,space,date\n' +
  Array.from({ length: n }, (_, i) => `${octet}.${i >> 8}.${i & 255}.0/24,assigned,c${i},,2025-01-01`).join('\n') +
  '\n';

describe('the Registry page total', () => {
  it('is kept across a change, not counted again', async () => {
    const ws = await fresh();
    add(ws, ['10.0.0.0/8', '10.1.0.0/16', '192.0.2.0/24']);
    expect(listPrefixes(ws, { space: 'global', offset: 0, limit: 2 }).total).toBe(3);
    addPrefix(ws, { prefix: '10.2.0.0/16' });
    let page!: ReturnType<typeof listPrefixes>;
    const sql = statements(ws, () => (page = listPrefixes(ws, { space: 'global', offset: 0, limit: 2 })));
    expect(page.total).toBe(4);
    expect(sql.filter((q) => /count\(\*\)/i.test(q) && /prefixes/.test(q))).toEqual([]);
    removePrefix(ws, { prefix: '192.0.2.0/24' });
    ws.undo();
    ws.redo();
    const after = statements(ws, () => (page = listPrefixes(ws, { space: 'global', within: '10.0.0.0/8', offset: 0, limit: 10 })));
    expect(page.total).toBe(3);
    // A new view is counted once; then the same view after a change is not.
    expect(after.filter((q) => /count\(\*\)/i.test(q))).toHaveLength(1);
    addPrefix(ws, { prefix: '10.3.0.0/16' });
    const again = statements(ws, () => (page = listPrefixes(ws, { space: 'global', within: '10.0.0.0/8', offset: 0, limit: 10 })));
    expect(page.total).toBe(4);
    expect(again.filter((q) => /count\(\*\)/i.test(q))).toEqual([]);
  });
});

describe('a deep Registry page', () => {
  it('starts from a kept anchor, skipping fewer rows than the anchor spacing, and matches the page from the top', async () => {
    const ws = await fresh();
    importPrefixes(ws, { format: 'csv', text: csv(6000) });
    const deep = 5500;
    expect(listPrefixes(ws, { space: 'global', offset: deep, limit: 100 })).toEqual(reference(ws, deep, 100));
    addPrefix(ws, { prefix: '10.0.0.0/16' }); // before the page: every row below moves down one
    let page!: ReturnType<typeof listPrefixes>;
    const sql = statements(ws, () => (page = listPrefixes(ws, { space: 'global', offset: deep, limit: 100 })));
    expect(page).toEqual(reference(ws, deep, 100));
    // The page query's OFFSET parameter is below the anchor spacing (not 5,500 from the top).
    const all = vi.spyOn(ws, 'all');
    listPrefixes(ws, { space: 'global', offset: deep, limit: 100 });
    const call = all.mock.calls.find(([q]) => /LIMIT \? OFFSET \?/.test(q))!;
    all.mockRestore();
    const skipped = Number(call[1]!.at(-1));
    expect(skipped).toBeLessThan(pageTuning.anchorEvery);
    expect(sql.some((q) => /count\(\*\)/i.test(q))).toBe(false);
  });

  it('gives the same pages and totals as a plain query through any adds, removals, undos and redos', async () => {
    const ws = await fresh();
    pageTuning.anchorEvery = 4;
    pageTuning.anchorsFrom = 2;
    const octets = fc.integer({ min: 0, max: 15 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), a: octets, b: octets, len: fc.constantFrom(16, 20, 24) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('undo' as const) }),
      fc.record({ kind: fc.constant('redo' as const) }),
    );
    const page = fc.record({ offset: fc.nat({ max: 20 }), limit: fc.integer({ min: 1, max: 7 }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(undefined, '10.0.0.0/8'), fc.array(fc.tuple(op, page), { minLength: 1, maxLength: 40 }), async (within, steps) => {
        for (const p of listAll(ws).sort((x, y) => y.length - x.length)) removePrefix(ws, { prefix: p.prefix });
        add(
          ws,
          [0, 32, 64, 96, 128, 160, 192, 224].flatMap((x) => [`10.${x}.0.0/16`, `172.${x}.0.0/16`]),
        );
        for (const [o, pg] of steps) {
          try {
            if (o.kind === 'add') addPrefix(ws, { prefix: `${o.a % 2 ? 10 : 172}.${o.a * 16 + (o.b % 16)}.${o.len === 24 ? o.b : 0}.0/${o.len}` });
            else if (o.kind === 'remove') {
              const rows = listAll(ws);
              if (rows.length) removePrefix(ws, { prefix: rows[o.pick % rows.length]!.prefix });
            } else if (o.kind === 'undo') ws.undo();
            else ws.redo();
          } catch {
            /* refused (a duplicate, say): nothing changed */
          }
          expect(listPrefixes(ws, { space: 'global', within, offset: pg.offset, limit: pg.limit })).toEqual(reference(ws, pg.offset, pg.limit, within));
        }
      }),
      { numRuns: 25 },
    );
  });
});
