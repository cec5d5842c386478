/**
 * Mutations are declared once with their channel (electron/core/services/operation.ts): the
 * action is recorded under the channel's name, a write that returns a promise is refused with
 * nothing changed, and one call writes at most once (one journaled action per change).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addAsn } from '../../../../../electron/core/services/asns';
import { addComponent, addSite, removeComponent, updateComponent } from '../../../../../electron/core/services/facility';
import { writeAs } from '../../../../../electron/core/services/operation';
import { journalPathFor } from '../../../../../electron/core/workspace/journal';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { addEquipmentInput, addUpsInput } from '../../../../../shared/contract';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();
async function fresh(): Promise<Workspace> {
  const ws = await newWorkspace({ who: 'tester' });
  return ws;
}
const ops = (ws: Workspace) => ws.all('SELECT op FROM actions ORDER BY id').map((r) => String(r.op));
const journal = (ws: Workspace) => readFileSync(journalPathFor(ws.path), 'utf8');

describe('a write that returns a promise', () => {
  it('is refused, and neither the database nor the journal changes', async () => {
    const ws = await fresh();
    const before = { tables: ws.dumpUserTables(), ops: ops(ws), journal: journal(ws) };
    let later: Promise<void> | null = null;
    expect(() =>
      ws.mutate('registry.addAsn', 'Add AS64500 later', (tx) => {
        later = (async () => {
          await Promise.resolve();
          tx.insert('asns', { asn: 64500, description: '', date: '2026-01-01', created_at: '2026-01-01T00:00:00Z' });
        })();
        return later;
      }),
    ).toThrow(/returned a promise, and nothing was changed/);
    // What the promise still tries to write after its transaction ended is refused too.
    await expect(later).rejects.toThrow(/write after the transaction ended/);
    expect({ tables: ws.dumpUserTables(), ops: ops(ws), journal: journal(ws) }).toEqual(before);
  });

  it('is refused through an operation write as well', async () => {
    const ws = await fresh();
    const write = writeAs(ws, 'registry.addAsn');
    expect(() => write('Add AS64500', async () => undefined)).toThrow(/registry\.addAsn: .*returned a promise/);
    expect(ops(ws)).toEqual([]);
  });
});

describe('the recorded op', () => {
  it('is the channel of the operation, for a declared service', async () => {
    const ws = await fresh();
    addAsn(ws, { asn: '64500' });
    expect(ops(ws)).toEqual(['registry.addAsn']);
  });

  it('is the channel of each facility component kind and verb, never a built string', async () => {
    const ws = await fresh();
    const site = addSite(ws, { name: 'POP-1', loadPf: 0.95 });
    const eq = addComponent<{ id: number }>(ws, 'equipment', addEquipmentInput.parse({ siteId: site.id, name: 'Router', qty: 1, nameplateW: 300 }));
    updateComponent(ws, 'equipment', { id: eq.id, qty: 2 });
    const ups = addComponent<{ id: number }>(ws, 'ups', addUpsInput.parse({ siteId: site.id, name: 'UPS A', ratedVA: 3000, ratedW: 2700, upsEff: 0.94 }));
    removeComponent(ws, 'ups', { id: ups.id });
    expect(ops(ws)).toEqual(['facility.addSite', 'facility.addEquipment', 'facility.updateEquipment', 'facility.addUps', 'facility.removeUps']);
  });

  it('is a mutating channel of the contract, checked by the compiler (tsc runs in npm test)', () => {
    const neverCalled = (ws: Workspace) => {
      // @ts-expect-error a query is not a mutation: it cannot be recorded
      writeAs(ws, 'registry.listAsns');
      // @ts-expect-error a free-form name is not a channel
      ws.mutate('facility.addThing', 'x', () => undefined);
    };
    expect(neverCalled).toBeTypeOf('function');
  });
});

describe('one call, one journaled action', () => {
  it('refuses a second write in the same call and keeps the first whole', async () => {
    const ws = await fresh();
    const write = writeAs(ws, 'registry.addAsn');
    write('Add AS64500', (tx) => tx.insert('asns', { asn: 64500, description: '', date: '2026-01-01', created_at: '2026-01-01T00:00:00Z' }));
    expect(() => write('Add AS64501', () => undefined)).toThrow(/wrote twice/);
    expect(ops(ws)).toEqual(['registry.addAsn']);
  });
});
