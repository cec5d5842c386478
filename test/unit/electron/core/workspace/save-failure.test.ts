/**
 * A save that fails on a full disk (a real tmpfs): the change was journaled and fsynced, so it is
 * done and reported done; the workspace says, separately, that its file lags (saveProblem) until
 * a save succeeds. A refusal is still the refusal. A change the journal cannot hold is refused
 * and not applied. docs/workspace-files.md, "When a save fails".
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { journalPathFor } from '../../../../../electron/core/workspace/journal';
import { lockPathFor } from '../../../../../electron/core/workspace/lock';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { mountSmallDisk, smallDiskTitle } from '../../../../support/small-disk';

// A fresh workspace is about 176 KB: 1 MB holds it, its backup and index, and leaves room to fill.
const mounted = mountSmallDisk(1024);
afterAll(() => {
  if (mounted.ok) mounted.disk.cleanup();
});
let n = 0;
const prefixesOf = (ws: Workspace) => listPrefixes(ws, { space: 'global' }).rows.map((r) => r.prefix);
const journalEntries = (path: string) =>
  readFileSync(journalPathFor(path), 'utf8')
    .split('\n')
    .filter((l) => /^\d+\t/.test(l)).length;

/** A workspace on the small disk with one saved block, then the disk filled to `leave` bytes free. */
async function onFullDisk(leave: number, opts: { snapshotAfterJournalBytes?: number } = {}): Promise<{ ws: Workspace; path: string }> {
  const disk = mounted.ok ? mounted.disk : null;
  if (!disk) throw new Error('no small disk');
  disk.unfill();
  for (const f of readdirSync(disk.dir)) rmSync(disk.path(f), { recursive: true, force: true });
  const path = disk.path(`ws-${++n}.headroom`);
  (await Workspace.create(path)).close();
  const ws = await Workspace.open(path, opts);
  addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate' });
  ws.save();
  disk.fill(leave);
  return { ws, path };
}

describe.skipIf(!mounted.ok)(smallDiskTitle('a save on a full disk (tmpfs)', mounted), () => {
  const disk = () => (mounted as Extract<typeof mounted, { ok: true }>).disk;

  it('reports the journaled change as done, and the save problem separately, until a save succeeds', async () => {
    const { ws, path } = await onFullDisk(48 * 1024);
    const sizeBefore = statSync(path).size;
    addPrefix(ws, { prefix: '192.0.2.0/25', status: 'assigned' });
    expect(ws.saveProblem).toBeNull();

    // The explicit save fails, and says that the journal holds the change.
    expect(() => ws.save()).toThrow(/could not write ws-\d+\.headroom: the disk is full \(ENOSPC\)\. Nothing is lost/);
    const problem = ws.saveProblem!;
    expect(problem).toMatchObject({ unsavedChanges: 1, journalPath: journalPathFor(path) });
    expect(problem.message).toMatch(/the 1 change since the last save is safe in its journal/);
    expect(problem.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ws.state().saveProblem).toEqual(problem);
    expect(statSync(path).size).toBe(sizeBefore);
    expect(journalEntries(path)).toBe(1);
    // No temp file is left behind by the failed snapshot.
    expect(readdirSync(disk().dir).filter((f) => f.includes('.tmp-'))).toEqual([]);

    // Closing does not throw either: the journal keeps the change for the next open.
    ws.close();
    expect(ws.saveProblem?.unsavedChanges).toBe(1);
    const again = await Workspace.open(path, { readOnly: true });
    expect(prefixesOf(again)).toEqual(['192.0.2.0/24', '192.0.2.0/25']);
    again.close();

    // Room again: the next save writes the file, clears the problem and cuts the journal.
    disk().unfill();
    const writer = await Workspace.open(path);
    expect(writer.saveProblem).toBeNull();
    writer.close();
    expect(journalEntries(path)).toBe(0);
    const saved = await Workspace.open(path, { readOnly: true });
    expect(prefixesOf(saved)).toEqual(['192.0.2.0/24', '192.0.2.0/25']);
    expect(saved.info().journalEntries).toBe(0);
    saved.close();
  });

  it('never turns a done change into a failure when the automatic snapshot fails, nor masks a later refusal', async () => {
    // Threshold 1 byte: every change tries a snapshot, as every change does once a journal has
    // passed 4 MB because its snapshots keep failing.
    const { ws, path } = await onFullDisk(48 * 1024, { snapshotAfterJournalBytes: 1 });
    const r = addPrefix(ws, { prefix: '192.0.2.128/25', status: 'assigned' });
    expect(r).toMatchObject({ prefix: '192.0.2.128/25' });
    expect(ws.saveProblem?.unsavedChanges).toBe(1);
    // The same block again is refused as what it is, not as a save error, and changes nothing.
    expect(() => addPrefix(ws, { prefix: '192.0.2.128/25', status: 'assigned' })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => addPrefix(ws, { prefix: '192.0.2.128/25', status: 'assigned' })).toThrow(/already/);
    addPrefix(ws, { prefix: '192.0.2.0/25', status: 'assigned' });
    expect(ws.saveProblem?.unsavedChanges).toBe(2);
    expect(journalEntries(path)).toBe(2);
    ws.abandon(); // kill -9
    disk().unfill();
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toEqual(['192.0.2.0/24', '192.0.2.0/25', '192.0.2.128/25']);
    again.close();
  });

  it('refuses a change the journal cannot hold, and does not apply it', async () => {
    const { ws, path } = await onFullDisk(0);
    const journalBytes = statSync(journalPathFor(path)).size;
    // 64 KB of description cannot fit in the journal's last page: the append itself fails.
    const long = 'x'.repeat(64 * 1024);
    let refused: unknown = null;
    try {
      addPrefix(ws, { prefix: '192.0.2.0/25', status: 'assigned', description: long });
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'io' });
    expect((refused as Error).message).toMatch(
      /^the change was not made: it could not be written to the journal .*\(the disk is full \(ENOSPC\)\); nothing was changed$/,
    );
    expect(prefixesOf(ws)).toEqual(['192.0.2.0/24']);
    expect(ws.changeSeq).toBe(1);
    expect(statSync(journalPathFor(path)).size).toBe(journalBytes);
    // A small change still fits, and numbers on from the last one.
    addPrefix(ws, { prefix: '192.0.2.128/25', status: 'assigned' });
    ws.abandon();
    disk().unfill();
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toEqual(['192.0.2.0/24', '192.0.2.128/25']);
    expect(again.check().ok).toBe(true);
    again.close();
  });

  it('opens read-only, cutting nothing, when a damaged journal tail cannot be kept aside', async () => {
    const { ws, path } = await onFullDisk(64 * 1024);
    addPrefix(ws, { prefix: '192.0.2.0/25', status: 'assigned' });
    ws.abandon();
    // A torn tail of 3 KB, then room for the lock file (one 4 KB page) but not for the tail's copy.
    // (On a disk with no page free at all the lock itself cannot be written: lock.ts's concern.)
    appendFileSync(journalPathFor(path), `2\tdeadbeef\t[["INSERT INTO actions ${'y'.repeat(3000)}`);
    disk().fill(4096);
    const journal = readFileSync(journalPathFor(path));
    const opened = await Workspace.open(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toMatch(/the journal ends in a damaged entry \(\d+ bytes\) that could not be kept aside \(the disk is full \(ENOSPC\)\)/);
    expect(prefixesOf(opened)).toEqual(['192.0.2.0/24', '192.0.2.0/25']);
    opened.close();
    expect(readFileSync(journalPathFor(path)).equals(journal)).toBe(true);
    expect(readdirSync(disk().dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    // With room again, the writer keeps the tail aside and carries on.
    disk().unfill();
    const writer = await Workspace.open(path);
    expect(writer.readOnly).toBe(false);
    expect(writer.journalDamage?.entry).toBe('change 2 (its contents cannot be read)');
    writer.close();
  });

  it('opens read-only with the disk-full reason when not even the lock file fits, leaving no temp file', async () => {
    const { ws, path } = await onFullDisk(0);
    ws.close();
    disk().fill(0); // close's snapshot may have freed pages: fill them again, to the last one
    const before = readdirSync(disk().dir).sort();
    const opened = await Workspace.open(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toMatch(/^the disk is full \(ENOSPC\): Headroom could not create its lock file beside ws-\d+\.headroom; opened read-only/);
    expect(prefixesOf(opened)).toEqual(['192.0.2.0/24']);
    opened.close();
    expect(readdirSync(disk().dir).sort()).toEqual(before);
    disk().unfill();
    const writer = await Workspace.open(path);
    expect(writer.readOnly).toBe(false);
    writer.close();
  });

  it.each([
    [0, 'no page free'],
    [4096, 'one page free (room for the guard, none for the new lock)'],
  ])(
    'a stale lock (the crash that filled the disk) on a disk with %i bytes free, %s: read-only with the disk-full reason, the lock left for later',
    async (free) => {
      const { ws, path } = await onFullDisk(0);
      ws.close();
      // The lock of a process that has ended, as a crash leaves it.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      writeFileSync(lockPathFor(path), JSON.stringify({ pid: dead, host: hostname(), since: new Date().toISOString(), nonce: 'crashed' }));
      disk().fill(free);
      const before = readdirSync(disk().dir).sort();
      const lock = readFileSync(lockPathFor(path), 'utf8');
      const opened = await Workspace.open(path);
      expect(opened.readOnly).toBe(true);
      expect(opened.readOnlyReason).toMatch(/^the disk is full \(ENOSPC\): Headroom could not create its lock file beside ws-\d+\.headroom; opened read-only/);
      expect(prefixesOf(opened)).toEqual(['192.0.2.0/24']);
      opened.close();
      // No takeover guard or temp file is left, and the stale lock is as it was.
      expect(readdirSync(disk().dir).sort()).toEqual(before);
      expect(readFileSync(lockPathFor(path), 'utf8')).toBe(lock);
      disk().unfill();
      const writer = await Workspace.open(path);
      expect(writer.readOnly).toBe(false);
      writer.close();
    },
  );
});
