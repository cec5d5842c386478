/**
 * The one helper for values kept at a change number (electron/core/services/kept-at-change.ts,
 * issue 18 §3), on real temp workspaces: a value is reused only at the change number it was
 * computed at, and computed again after any change, undo or redo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptAtChange } from '../../../../../electron/core/services/kept-at-change';
import { add, fresh } from '../../../../support/registry-workspace';

function counting() {
  const kept = keptAtChange<number>();
  let builds = 0;
  return {
    get: (ws: Awaited<ReturnType<typeof fresh>>, key = 'k', stillCurrent?: (keptAt: number) => boolean) => kept.get(ws, key, () => ++builds, stillCurrent),
    kept,
    builds: () => builds,
  };
}

describe('keptAtChange', () => {
  it('reuses a value at the same change number and computes it again after a change, an undo and a redo', async () => {
    const ws = await fresh();
    const c = counting();
    expect([c.get(ws), c.get(ws)]).toEqual([1, 1]);
    add(ws, ['10.0.0.0/24']);
    expect(c.get(ws)).toBe(2);
    ws.undo();
    expect(c.get(ws)).toBe(3);
    ws.redo();
    expect([c.get(ws), c.get(ws)]).toEqual([4, 4]);
  });

  it('keeps one value per workspace and key', async () => {
    const [a, b] = [await fresh(), await fresh()];
    const c = counting();
    expect([c.get(a), c.get(b), c.get(a)]).toEqual([1, 2, 1]);
    expect(c.get(a, 'other')).toBe(3);
    expect(c.get(a, 'k')).toBe(4);
  });

  it('keeps a value across changes its caller vouches for, and moves it to the new number', async () => {
    const ws = await fresh();
    const c = counting();
    const seq = ws.changeSeq;
    expect(c.get(ws)).toBe(1);
    add(ws, ['10.0.0.0/24']);
    let asked: number | null = null;
    expect(
      c.get(ws, 'k', (keptAt) => {
        asked = keptAt;
        return true;
      }),
    ).toBe(1);
    expect(asked).toBe(seq);
    expect(c.get(ws)).toBe(1);
    add(ws, ['10.0.1.0/24']);
    expect(c.get(ws, 'k', () => false)).toBe(2);
  });

  it('advance updates the value after exactly one change of its own, and drops it otherwise', async () => {
    const ws = await fresh();
    const kept = keptAtChange<{ n: number }>();
    let builds = 0;
    const get = () => kept.get(ws, 'k', () => ({ n: ++builds * 100 }));
    get();
    let before = ws.changeSeq;
    add(ws, ['10.0.0.0/24']);
    kept.advance(ws, before, 'k', (v) => {
      v.n += 1;
    });
    expect(get()).toEqual({ n: 101 });
    before = ws.changeSeq;
    add(ws, ['10.0.1.0/24']);
    add(ws, ['10.0.2.0/24']);
    kept.advance(ws, before, 'k', (v) => {
      v.n += 1;
    });
    expect(get()).toEqual({ n: 200 });
    before = ws.changeSeq;
    add(ws, ['10.0.3.0/24']);
    kept.advance(ws, before, 'k', () => {
      throw new Error('cannot');
    });
    expect(get()).toEqual({ n: 300 });
  });
});

describe('one home', () => {
  it('no service keeps its own per-workspace cache', () => {
    const dir = join(__dirname, '..', '..', '..', '..', '..', 'electron', 'core', 'services');
    const own = readdirSync(dir).filter((f) => f !== 'kept-at-change.ts' && /new WeakMap<Workspace/.test(readFileSync(join(dir, f), 'utf8')));
    expect(own).toEqual([]);
  });
});
