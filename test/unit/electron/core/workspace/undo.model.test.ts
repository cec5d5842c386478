/**
 * Undo and redo as a state machine: random sequences of adds, removes, undos and redos are run
 * against a real workspace and a small model; after every step the registry matches the model,
 * undoing everything gives back the initial tables exactly, and redoing everything gives back
 * the final tables exactly (same ids, same timestamps).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes, removePrefix } from '../../../../../electron/core/services/registry';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const POOL = ['10.0.0.0/8', '10.0.0.0/16', '10.1.0.0/16', '10.0.0.0/24', '10.0.1.0/24', '2001:db8::/32', '2001:db8::/48', '2001:db8:1::/48'];
const SPACES = ['global', 'vrf-a'];
type Key = string; // `${space}|${prefix}`

interface Model {
  present: Set<Key>;
  undo: { kind: 'add' | 'rm'; key: Key }[];
  redo: { kind: 'add' | 'rm'; key: Key }[];
}
interface Real {
  ws: Workspace;
}

const split = (k: Key) => {
  const [space, prefix] = k.split('|') as [string, string];
  return { space, prefix };
};
const contains = (outer: string, inner: string) => {
  // the pool is small enough to spell containment out by text
  const [oa, ol] = outer.split('/');
  const [ia, il] = inner.split('/');
  if (outer === inner || Number(il) <= Number(ol)) return false;
  if (outer.includes(':') !== inner.includes(':')) return false;
  if (outer.includes(':')) return oa === '2001:db8::' && ol === '32';
  const o = oa!.split('.').map(Number);
  const i = ia!.split('.').map(Number);
  const bytes = Number(ol) / 8;
  return o.slice(0, bytes).every((b, j) => b === i[j]);
};
const hasChild = (m: Model, k: Key) => {
  const { space, prefix } = split(k);
  return [...m.present].some((o) => split(o).space === space && contains(prefix, split(o).prefix));
};
/** The blocks listed, and every page's total as counted (it is kept between changes). */
const snapshot = (ws: Workspace) => {
  const page = listPrefixes(ws, {});
  expect(page.total).toBe(page.rows.length);
  for (const space of SPACES) {
    const inSpace = page.rows.filter((r) => r.space === space).length;
    let total = 0;
    try {
      total = listPrefixes(ws, { space, limit: 1 }).total;
    } catch (e) {
      if (!/there is no address space/.test((e as Error).message)) throw e;
    }
    expect(total, `total of space ${space}`).toBe(inSpace);
  }
  // Asked last here and first in the next snapshot, after the next change: a total kept past a
  // change would show there.
  expect(listPrefixes(ws, { limit: 1 }).total).toBe(page.rows.length);
  return page.rows.map((r) => `${r.space}|${r.prefix}`).sort();
};
const modelList = (m: Model) => [...m.present].sort();

class AddCmd implements fc.Command<Model, Real> {
  constructor(readonly key: Key) {}
  check = () => true;
  run(m: Model, r: Real) {
    const { space, prefix } = split(this.key);
    if (m.present.has(this.key)) {
      expect(() => addPrefix(r.ws, { prefix, space })).toThrow(/already in space/);
    } else {
      addPrefix(r.ws, { prefix, space });
      m.present.add(this.key);
      m.undo.push({ kind: 'add', key: this.key });
      m.redo = [];
    }
    expect(snapshot(r.ws)).toEqual(modelList(m));
  }
  toString = () => `add ${this.key}`;
}

class RemoveCmd implements fc.Command<Model, Real> {
  constructor(readonly key: Key) {}
  check = () => true;
  run(m: Model, r: Real) {
    const { space, prefix } = split(this.key);
    if (!m.present.has(this.key) || hasChild(m, this.key)) {
      expect(() => removePrefix(r.ws, { prefix, space })).toThrow();
    } else {
      removePrefix(r.ws, { prefix, space });
      m.present.delete(this.key);
      m.undo.push({ kind: 'rm', key: this.key });
      m.redo = [];
    }
    expect(snapshot(r.ws)).toEqual(modelList(m));
  }
  toString = () => `rm ${this.key}`;
}

const flip = (m: Model, a: { kind: 'add' | 'rm'; key: Key }, forward: boolean) => {
  const adds = (a.kind === 'add') === forward;
  if (adds) m.present.add(a.key);
  else m.present.delete(a.key);
};

class UndoCmd implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real) {
    const a = m.undo.pop();
    const undone = r.ws.undo();
    expect(undone === null).toBe(a === undefined);
    if (a) {
      flip(m, a, false);
      m.redo.push(a);
    }
    expect(snapshot(r.ws)).toEqual(modelList(m));
  }
  toString = () => 'undo';
}

class RedoCmd implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real) {
    const a = m.redo.pop();
    const redone = r.ws.redo();
    expect(redone === null).toBe(a === undefined);
    if (a) {
      flip(m, a, true);
      m.undo.push(a);
    }
    expect(snapshot(r.ws)).toEqual(modelList(m));
  }
  toString = () => 'redo';
}

const keyArb = fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...POOL)).map(([s, p]) => `${s}|${p}`);
const commandsArb = fc.commands(
  [keyArb.map((k) => new AddCmd(k)), keyArb.map((k) => new RemoveCmd(k)), fc.constant(new UndoCmd()), fc.constant(new RedoCmd())],
  { maxCommands: 60 },
);

describe('undo and redo', () => {
  let n = 0;
  it('follow the model for any sequence, and round-trip to identical tables', async () => {
    await fc.assert(
      fc.asyncProperty(commandsArb, async (cmds) => {
        const ws = await Workspace.create(tmp.path(`model-${++n}.headroom`));
        try {
          const initial = ws.dumpUserTables();
          const model: Model = { present: new Set(), undo: [], redo: [] };
          fc.modelRun(() => ({ model, real: { ws } }), cmds);
          while (ws.redo()) {
            /* first to the newest state the history can reach */
          }
          const final = ws.dumpUserTables();
          while (ws.undo()) {
            /* all the way back */
          }
          expect(ws.dumpUserTables()).toEqual(initial);
          while (ws.redo()) {
            /* all the way forward */
          }
          expect(ws.dumpUserTables()).toEqual(final);
          // and the same again after a reopen: history survives in the file
          ws.close();
          const again = await Workspace.open(ws.path);
          expect(again.dumpUserTables()).toEqual(final);
          again.close();
        } finally {
          ws.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a new change drops what could have been redone', async () => {
    const ws = await Workspace.create(tmp.path('drop.headroom'));
    addPrefix(ws, { prefix: '10.0.0.0/8' });
    ws.undo();
    addPrefix(ws, { prefix: '192.0.2.0/24' });
    expect(ws.redo()).toBeNull();
    expect(ws.history().map((h) => h.state)).toEqual(['done', 'applied', 'dropped']);
    ws.close();
  });
});
