/**
 * Rotating backups beside the workspace: a writer's open takes one when the newest is older than
 * six hours, never more than KEEP_BACKUPS are kept (the oldest go first), and the newest good one
 * skips a damaged backup.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { backupIsDue, KEEP_BACKUPS, listBackups, newestGoodBackup, writeBackup } from '../../../../../electron/core/workspace/backups';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('rotating backups', () => {
  it('are taken by a writer at most every six hours, and only the newest KEEP_BACKUPS are kept', async () => {
    const path = tmp.path('rotate.headroom');
    let now = new Date('2026-01-01T00:00:00Z');
    const ws = await Workspace.create(path, { now: () => now });
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate' });
    ws.close();
    const first = listBackups(path).length;
    // Reopened an hour later: no new backup is due yet.
    now = new Date('2026-01-01T01:00:00Z');
    (await Workspace.open(path, { now: () => now })).close();
    expect(listBackups(path).length).toBe(first);
    // Twelve openings seven hours apart: one backup each, the oldest pruned beyond KEEP_BACKUPS.
    const taken: string[] = [];
    for (let i = 1; i <= 12; i++) {
      now = new Date(Date.parse('2026-01-01T01:00:00Z') + i * 7 * 3600_000);
      expect(backupIsDue(path, now)).toBe(true);
      (await Workspace.open(path, { now: () => now })).close();
      taken.push(
        now
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d+Z$/, 'Z'),
      );
    }
    const kept = listBackups(path);
    expect(kept.length).toBe(KEEP_BACKUPS);
    // Newest first, and exactly the last KEEP_BACKUPS openings.
    const stamps = kept.map((b) => /\.(\d{8}T\d{6}Z)\.headroom$/.exec(b.path)![1]);
    expect(stamps).toEqual(taken.slice(-KEEP_BACKUPS).reverse());
  });

  it('two backups in the same second get distinct names', () => {
    const path = tmp.path('same-second.headroom');
    const now = new Date('2026-02-01T00:00:00Z');
    const a = writeBackup(path, new Uint8Array([1]), now);
    const b = writeBackup(path, new Uint8Array([2]), now);
    expect(a).not.toBe(b);
    expect(listBackups(path).map((x) => x.path)).toEqual([b, a]);
  });

  it('the newest good backup skips a damaged one', async () => {
    const path = tmp.path('damaged.headroom');
    let now = new Date('2026-03-01T00:00:00Z');
    const ws = await Workspace.create(path, { now: () => now });
    ws.close();
    now = new Date('2026-03-01T07:00:00Z');
    (await Workspace.open(path, { now: () => now })).close();
    const [newest, older] = listBackups(path);
    expect(newest && older).toBeTruthy();
    const bytes = readFileSync(newest!.path);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(newest!.path, bytes);
    expect(newestGoodBackup(path)?.path).toBe(older!.path);
  });
});
