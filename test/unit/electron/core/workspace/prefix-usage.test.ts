/**
 * The usage counters kept on every write (prefix-usage.ts) against a brute-force reference: for
 * every block, its parent is the most specific block holding it in its space, its depth counts
 * its holders, and used/reserved are the summed sizes of its direct children. Random adds,
 * removes, status changes, undos and redos (fast-check) must keep them exact after every step;
 * a reopened workspace with a replayed journal must agree too.
 */
import { copyFileSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { countsAsUsed } from '../../../../../shared/ip/utilization';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes, removePrefix } from '../../../../../electron/core/services/registry';
import { rebuildUsage } from '../../../../../electron/core/workspace/prefix-usage';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { parsePrefix, prefixEnd, type Prefix } from '../../../../../shared/ip/prefix';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => Workspace.create(tmp.path(`u${++n}.headroom`));

interface Counter {
  parent: string | null;
  depth: number;
  children: number;
  used: number;
  reserved: number;
}

const big = (p: Prefix) => ({ start: BigInt(p.start), end: BigInt(prefixEnd(p)) });

/** What the counters must be, computed by brute force from the list of blocks. */
function expected(ws: Workspace): Map<string, Counter> {
  const rows = listPrefixes(ws, {}).rows;
  const key = (r: (typeof rows)[number]) => `${r.space}|${r.prefix}`;
  const holders = (r: (typeof rows)[number]) => {
    const p = parsePrefix(r.prefix);
    const b = big(p);
    return rows.filter((o) => {
      if (o === r || o.space !== r.space || o.family !== r.family || o.length >= r.length) return false;
      const ob = big(parsePrefix(o.prefix));
      return ob.start <= b.start && ob.end >= b.end;
    });
  };
  const out = new Map<string, Counter>();
  for (const r of rows) out.set(key(r), { parent: null, depth: 0, children: 0, used: 0, reserved: 0 });
  for (const r of rows) {
    const hs = holders(r);
    const c = out.get(key(r))!;
    c.depth = hs.length;
    const parent = hs.sort((a, b) => b.length - a.length)[0];
    if (!parent) continue;
    c.parent = key(parent);
    const pc = out.get(key(parent))!;
    pc.children++;
    const size = 2 ** ((r.family === 4 ? 32 : 128) - r.length);
    if (r.status === 'reserved') pc.reserved += size;
  }
  // used: the addresses inside a block that count as used as the RIRs measure it (assigned
  // space, shared/ip/utilization): the outermost used-status blocks inside it, summed.
  for (const r of rows) {
    const inside = rows.filter((d) => holders(d).includes(r) && countsAsUsed(d.status));
    const outermost = inside.filter((d) => !inside.some((e) => e !== d && holders(d).includes(e)));
    out.get(key(r))!.used = outermost.reduce((t, d) => t + 2 ** ((d.family === 4 ? 32 : 128) - d.length), 0);
  }
  return out;
}

/** The counters as the workspace keeps them. */
function actual(ws: Workspace): Map<string, Counter> {
  const rows = listPrefixes(ws, {}).rows;
  const byId = new Map(rows.map((r) => [r.id, `${r.space}|${r.prefix}`]));
  const out = new Map<string, Counter>();
  for (const u of ws.all('SELECT id, parent_id, depth, children, used, reserved FROM prefix_usage')) {
    out.set(byId.get(Number(u.id)) ?? `missing block ${String(u.id)}`, {
      parent: u.parent_id === null ? null : (byId.get(Number(u.parent_id)) ?? `missing block ${String(u.parent_id)}`),
      depth: Number(u.depth),
      children: Number(u.children),
      used: Number(u.used),
      reserved: Number(u.reserved),
    });
  }
  return out;
}

const sorted = (m: Map<string, Counter>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('usage counters kept on every write', () => {
  it('counts the assigned space of the spec §3.5 container example: 10.0.0.0/22 holding an allocated /24 with a /25 and an assigned /24 is 37.5 % used (docs/rir.md §1)', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '10.0.0.0/22', status: 'allocated' });
    addPrefix(ws, { prefix: '10.0.0.0/25' });
    addPrefix(ws, { prefix: '10.0.2.0/24' });
    addPrefix(ws, { prefix: '10.0.0.0/24', status: 'allocated' }); // slides in between the /22 and the /25
    const rows = listPrefixes(ws, {}).rows;
    const get = (p: string) => rows.find((r) => r.prefix === p)!.usage;
    expect(get('10.0.0.0/22')).toMatchObject({ depth: 0, children: 2, usedPct: 37.5, reservedPct: 0 });
    expect(get('10.0.0.0/24')).toMatchObject({ depth: 1, children: 1, usedPct: 50 });
    expect(get('10.0.0.0/25')).toMatchObject({ depth: 2, children: 0, usedPct: 0 });
    expect(get('10.0.0.0/25').parentId).toBe(rows.find((r) => r.prefix === '10.0.0.0/24')!.id);
    // The direct children of the /22, as a view pages them.
    const top = listPrefixes(ws, { parentId: null }).rows.map((r) => r.prefix);
    expect(top).toEqual(['10.0.0.0/22']);
    const kids = listPrefixes(ws, { parentId: rows.find((r) => r.prefix === '10.0.0.0/22')!.id }).rows.map((r) => r.prefix);
    expect(kids).toEqual(['10.0.0.0/24', '10.0.2.0/24']);
    ws.close();
  });

  it('counts reserved children apart, and IPv6 in shares that match the /56 units', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '2001:db8::/48', status: 'allocated', unit: 56 });
    for (let i = 0; i < 64; i++) addPrefix(ws, { prefix: `2001:db8:0:${(i * 256).toString(16)}::/56` });
    addPrefix(ws, { prefix: '2001:db8:0:8000::/49', status: 'reserved' });
    const pool = listPrefixes(ws, {}).rows.find((r) => r.prefix === '2001:db8::/48')!;
    expect(pool.usage.children).toBe(65);
    expect(pool.usage.usedPct).toBe(25); // 64 of 256 /56 units
    expect(pool.usage.reservedPct).toBe(50);
    ws.close();
  });

  const POOL = [
    '10.0.0.0/8',
    '10.0.0.0/16',
    '10.0.0.0/24',
    '10.0.0.0/25',
    '10.0.0.128/25',
    '10.0.1.0/24',
    '10.1.0.0/16',
    '10.1.2.0/24',
    '2001:db8::/32',
    '2001:db8::/48',
    '2001:db8:1::/48',
    '2001:db8:1::/56',
  ];
  const step = fc.oneof(
    fc.record({ op: fc.constant('add' as const), prefix: fc.constantFrom(...POOL), space: fc.constantFrom('global', 'vrf-a'), reserved: fc.boolean() }),
    fc.record({ op: fc.constant('rm' as const), prefix: fc.constantFrom(...POOL), space: fc.constantFrom('global', 'vrf-a') }),
    fc.record({ op: fc.constantFrom('undo' as const, 'redo' as const) }),
  );

  it('match a brute-force recount after every add, remove, undo and redo (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const ws = await fresh();
        try {
          for (const s of steps) {
            try {
              if (s.op === 'add') addPrefix(ws, { prefix: s.prefix, space: s.space, status: s.reserved ? 'reserved' : 'assigned' });
              else if (s.op === 'rm') removePrefix(ws, { prefix: s.prefix, space: s.space });
              else if (s.op === 'undo') ws.undo();
              else ws.redo();
            } catch {
              /* refused (duplicate, has children, absent): nothing changed */
            }
            expect(sorted(actual(ws))).toEqual(sorted(expected(ws)));
          }
          // And a rebuild from scratch gives the same table.
          const kept = sorted(actual(ws));
          rebuildUsage(ws.database);
          expect(sorted(actual(ws))).toEqual(kept);
        } finally {
          ws.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('are recomputed for changes replayed from the journal', async () => {
    const path = tmp.path('replay.headroom');
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate' });
    ws.save();
    addPrefix(ws, { prefix: '192.0.2.0/26' });
    addPrefix(ws, { prefix: '192.0.2.64/26', status: 'reserved' });
    // A copy taken now has the snapshot without the last two changes plus a journal holding them.
    const copy = tmp.path('replay-copy.headroom');
    copyFileSync(path, copy);
    const journal = `${path}.journal`;
    expect(existsSync(journal)).toBe(true);
    copyFileSync(journal, `${copy}.journal`);
    ws.close();
    const again = await Workspace.open(copy, { readOnly: true });
    const agg = listPrefixes(again, {}).rows.find((r) => r.prefix === '192.0.2.0/24')!;
    expect(agg.usage).toMatchObject({ children: 2, usedPct: 25, reservedPct: 25 });
    expect(sorted(actual(again))).toEqual(sorted(expected(again)));
    again.close();
  });
});
