/**
 * A bulk insert (an import) is ONE event naming its run of row ids: its undo shelves the rows
 * and its redo brings them back exactly (same ids, same timestamps); a new change drops the
 * redo and empties the shelf; the history counts the rows; the usage counters follow.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { importPrefixes } from '../../../../../electron/core/services/registry-io';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const csv = (n: number) =>
  [
    'prefix,status,description,space,date',
    ...Array.from({ length: n }, (_, i) => `10.${(i >> 6) & 255}.${(i & 63) * 4}.0/30,assigned,customer ${i},,2026-01-0${1 + (i % 9)}`),
  ].join('\n');

const usage = (ws: Workspace) => ws.all('SELECT * FROM prefix_usage ORDER BY id');

describe('a bulk import', () => {
  it('is one event, undone by shelving its rows and redone from the shelf exactly', async () => {
    const path = tmp.path('bulk.headroom');
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '10.0.0.0/8', status: 'aggregate' });
    importPrefixes(ws, { format: 'csv', text: csv(5000) });
    const action = ws.history(1)[0]!;
    expect(action.changes).toBe(5000);
    expect(Number(ws.get('SELECT count(*) AS n FROM events WHERE action_id = ?', [action.id])!.n)).toBe(1);
    const after = ws.dumpUserTables();
    const counters = usage(ws);
    expect(listPrefixes(ws, {}).rows[0]!.usage).toMatchObject({ children: 5000, usedPct: (5000 * 4 * 100) / 2 ** 24 });

    ws.undo();
    expect(listPrefixes(ws, {}).total).toBe(1);
    expect(Number(ws.get('SELECT count(*) AS n FROM prefixes_shelf')!.n)).toBe(5000);
    expect(listPrefixes(ws, {}).rows[0]!.usage.children).toBe(0);

    ws.redo();
    expect(ws.dumpUserTables()).toEqual(after);
    expect(usage(ws)).toEqual(counters);
    expect(Number(ws.get('SELECT count(*) AS n FROM prefixes_shelf')!.n)).toBe(0);

    // Undo again, then a new change: the redo is dropped and the shelf emptied.
    ws.undo();
    addPrefix(ws, { prefix: '192.0.2.0/24' });
    expect(Number(ws.get('SELECT count(*) AS n FROM prefixes_shelf')!.n)).toBe(0);
    expect(ws.redo()).toBeNull();
    ws.close();

    // Reopened (snapshot or journal replay): the same state.
    const again = await Workspace.open(path, { readOnly: true });
    expect(listPrefixes(again, {}).rows.map((r) => r.prefix)).toEqual(['10.0.0.0/8', '192.0.2.0/24']);
    again.close();
  });

  it('survives a crash before the snapshot: the journal replays the rows and the run event', async () => {
    const path = tmp.path('replay.headroom');
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '10.0.0.0/8', status: 'aggregate' });
    ws.save();
    importPrefixes(ws, { format: 'csv', text: csv(3000) });
    const live = ws.dumpUserTables();
    const liveEvents = ws.all('SELECT action_id, tbl, row_id, before, after FROM events ORDER BY id');
    const liveCounters = usage(ws);
    // No close: the process "dies" with the import only in the journal.
    const reader = await Workspace.open(path, { readOnly: true });
    expect(reader.dumpUserTables()).toEqual(live);
    expect(reader.all('SELECT action_id, tbl, row_id, before, after FROM events ORDER BY id')).toEqual(liveEvents);
    expect(usage(reader)).toEqual(liveCounters);
    reader.close();
    ws.close();
  });
});
