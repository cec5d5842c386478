import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { journalPathFor } from '../../../../../electron/core/workspace/journal';
import { listBackups } from '../../../../../electron/core/workspace/backups';
import { MIGRATIONS, SCHEMA_VERSION, verifiedPathFor, Workspace } from '../../../../../electron/core/workspace/workspace';
import { tempDir } from '../../../../support/tmp';
import { errorLine } from '../../../../../shared/errors';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => tmp.path(`ws-${++n}.headroom`);
const prefixesOf = (ws: Workspace) => listPrefixes(ws, { space: 'global' }).rows.map((r) => r.prefix);

describe('Workspace.create', () => {
  it('creates a sealed, openable file', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    expect(ws.check().ok).toBe(true);
    ws.close();
    expect(statSync(path).size).toBeGreaterThan(0);
  });

  it('refuses a path that exists, without touching it', async () => {
    const path = fresh();
    writeFileSync(path, 'keep me');
    await expect(Workspace.create(path)).rejects.toMatchObject({ code: 'conflict', field: 'path' });
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('refuses a folder that does not exist', async () => {
    await expect(Workspace.create(tmp.path('no/such/folder/x.headroom'))).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the write path', () => {
  it('keeps an acknowledged change that was never snapshotted (journal replay)', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate' });
    ws.abandon(); // as if the process died: no snapshot
    expect(readFileSync(journalPathFor(path), 'utf8').split('\n').length).toBeGreaterThan(2);
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toEqual(['192.0.2.0/24']);
    expect(again.check().ok).toBe(true);
    again.close();
  });

  it('ignores a torn last journal line (a change that was never acknowledged)', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '192.0.2.0/25' });
    ws.abandon();
    appendFileSync(journalPathFor(path), '2\tdeadbeef\t[["INSERT INTO prefixes');
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toEqual(['192.0.2.0/25']);
    addPrefix(again, { prefix: '192.0.2.128/25' });
    again.abandon();
    const third = await Workspace.open(path);
    expect(prefixesOf(third)).toEqual(['192.0.2.0/25', '192.0.2.128/25']);
    third.close();
  });

  it('refuses a journal damaged before its last line, changing nothing', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '192.0.2.0/26' });
    addPrefix(ws, { prefix: '192.0.2.64/26' });
    ws.abandon();
    const jp = journalPathFor(path);
    const lines = readFileSync(jp, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('192', '193').replace(/\t[0-9a-f]{8}\t/, '\t00000000\t');
    writeFileSync(jp, lines.join('\n'));
    const before = [readFileSync(path), readFileSync(jp)];
    await expect(Workspace.open(path)).rejects.toMatchObject({ code: 'corrupt' });
    expect(readFileSync(path).equals(before[0]!)).toBe(true);
    expect(readFileSync(jp).equals(before[1]!)).toBe(true);
  });

  it('skips journal entries already in the snapshot (a crash between rename and journal reset)', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '198.51.100.0/24' });
    ws.abandon();
    const journal = readFileSync(journalPathFor(path));
    const mid = await Workspace.open(path);
    mid.save();
    mid.abandon();
    writeFileSync(journalPathFor(path), journal); // the stale journal is back
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toEqual(['198.51.100.0/24']);
    again.close();
  });

  it('rolls back a change that throws half-way, leaving nothing behind', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    expect(() =>
      ws.mutate('registry.addAsn', 'fails', (tx) => {
        tx.insert('asns', { asn: 64500, description: 'x', created_at: 'now' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ws.get('SELECT count(*) AS n FROM asns')!.n).toBe(0);
    expect(ws.history()).toEqual([]);
    ws.abandon();
    const again = await Workspace.open(path);
    expect(again.get('SELECT count(*) AS n FROM asns')!.n).toBe(0);
    again.close();
  });
});

describe('refusing bad files', () => {
  const demoBytes = async () => {
    const path = fresh();
    const ws = await Workspace.create(path, {}, seedDemo);
    ws.close();
    return { path, bytes: readFileSync(path) };
  };

  const expectRefused = async (path: string, pattern: RegExp, code = 'corrupt') => {
    const before = readFileSync(path);
    const jp = journalPathFor(path);
    const journalBefore = existsSync(jp) ? readFileSync(jp) : null;
    const err = await Workspace.open(path).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err).not.toBeNull();
    expect(err!.code).toBe(code);
    expect(errorLine(err!)).toContain(path);
    expect(err!.message).toMatch(pattern);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(jp) ? readFileSync(jp) : null).toEqual(journalBefore);
    return err!;
  };

  it('a zero-byte file', async () => {
    const path = fresh();
    writeFileSync(path, '');
    await expectRefused(path, /empty \(0 bytes\)/);
  });

  it('a truncated file', async () => {
    const { path, bytes } = await demoBytes();
    const cut = fresh();
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    await expectRefused(cut, /truncated/);
    expect(path).toBeTruthy();
  });

  it('bytes flipped in the middle of the file', async () => {
    const { bytes } = await demoBytes();
    for (const at of [Math.floor(bytes.length / 2), Math.floor(bytes.length / 3), bytes.length - 5]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 0x5a;
      const path = fresh();
      writeFileSync(path, flipped);
      await expectRefused(path, /damaged/);
    }
  });

  it('a text file', async () => {
    const path = fresh();
    writeFileSync(path, 'prefix,status\n10.0.0.0/8,assigned\n');
    await expectRefused(path, /not a Headroom workspace \(it is not an SQLite database\)/, 'invalid');
  });

  it('a foreign SQLite file', async () => {
    const initSqlJs = (await import('sql.js')).default;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')");
    const path = fresh();
    writeFileSync(path, db.export());
    await expectRefused(path, /SQLite database but not a Headroom workspace/, 'invalid');
  });

  it('a file from a newer Headroom (higher user_version)', async () => {
    const { bytes } = await demoBytes();
    const newer = Buffer.from(bytes);
    newer.writeUInt32BE(99, 60); // PRAGMA user_version lives at offset 60 of the header
    const path = fresh();
    writeFileSync(path, newer);
    await expectRefused(path, /newer Headroom \(schema version 99/, 'newer-version');
  });

  it('offers the newest good backup when a file is damaged', async () => {
    const path = fresh();
    const ws = await Workspace.create(path, {}, seedDemo);
    ws.close();
    const again = await Workspace.open(path, { now: () => new Date(Date.now() + 7 * 3600e3) });
    again.close();
    expect(listBackups(path).length).toBeGreaterThanOrEqual(1);
    const bytes = readFileSync(path);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0xff;
    writeFileSync(path, bytes);
    const err = await expectRefused(path, /newest good backup is .*\.backups/);
    expect(err.message).toMatch(/open it or copy it over the damaged file/);
  });

  it('bytes flipped after a verified open are still refused (the remembered check names exact bytes)', async () => {
    const { path } = await demoBytes();
    (await Workspace.open(path)).close();
    expect(existsSync(verifiedPathFor(path))).toBe(true);
    const bytes = readFileSync(path);
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = bytes[at]! ^ 0x10;
    writeFileSync(path, bytes);
    await expectRefused(path, /damaged/);
  });

  it('a missing file is not-found and names the path', async () => {
    await expect(Workspace.open(tmp.path('nope.headroom'))).rejects.toMatchObject({ code: 'not-found', field: 'path' });
  });
});

describe('one writer', () => {
  it('opens a second session read-only and refuses its changes', async () => {
    const path = fresh();
    const first = await Workspace.create(path);
    const second = await Workspace.open(path);
    expect(second.readOnly).toBe(true);
    expect(second.readOnlyReason).toMatch(/locked by process \d+/);
    expect(() => addPrefix(second, { prefix: '10.0.0.0/8' })).toThrow(/read-only|locked/);
    second.close();
    addPrefix(first, { prefix: '10.0.0.0/8' });
    first.close();
    const third = await Workspace.open(path);
    expect(third.readOnly).toBe(false);
    expect(prefixesOf(third)).toEqual(['10.0.0.0/8']);
    third.close();
  });

  it('takes over the lock of a process that no longer exists', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    ws.close();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: 'then' }));
    const again = await Workspace.open(path);
    expect(again.readOnly).toBe(false);
    again.close();
  });
});

describe('migrations', () => {
  // What the next release's schema would look like, to open today's files as a newer build would.
  const NEXT = SCHEMA_VERSION + 1;
  const v2 = [...MIGRATIONS, { version: NEXT, name: 'test: next', sql: 'CREATE TABLE test_next_release (id INTEGER PRIMARY KEY, name TEXT NOT NULL)' }];

  it('upgrades an older file forward after taking a backup of it', async () => {
    const path = fresh();
    const ws = await Workspace.create(path, {}, seedDemo);
    ws.close();
    const original = readFileSync(path);
    const backupsBefore = listBackups(path).length;
    const upgraded = await Workspace.open(path, { migrations: v2 });
    expect(upgraded.state().schemaVersion).toBe(NEXT);
    expect(upgraded.get('SELECT count(*) AS n FROM test_next_release')!.n).toBe(0);
    upgraded.close();
    const backups = listBackups(path);
    expect(backups.length).toBe(backupsBefore + 1);
    expect(readFileSync(backups[0]!.path).equals(original)).toBe(true);
  });

  it('then refuses the upgraded file in the older build, unchanged', async () => {
    const path = fresh();
    (await Workspace.create(path)).close();
    (await Workspace.open(path, { migrations: v2 })).close();
    const bytes = readFileSync(path);
    await expect(Workspace.open(path)).rejects.toMatchObject({ code: 'newer-version' });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('replays the journal under the old schema before upgrading, and backs that state up', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    addPrefix(ws, { prefix: '203.0.113.0/24' });
    ws.abandon(); // the change is only in the journal
    const upgraded = await Workspace.open(path, { migrations: v2 });
    expect(upgraded.state().schemaVersion).toBe(NEXT);
    expect(prefixesOf(upgraded)).toEqual(['203.0.113.0/24']);
    upgraded.close();
    const backup = await Workspace.open(listBackups(path)[0]!.path, { readOnly: true });
    expect(backup.state().schemaVersion).toBe(SCHEMA_VERSION);
    expect(prefixesOf(backup)).toEqual(['203.0.113.0/24']);
    backup.close();
  });

  it('will not upgrade in a read-only session', async () => {
    const path = fresh();
    (await Workspace.create(path)).close();
    await expect(Workspace.open(path, { migrations: v2, readOnly: true })).rejects.toMatchObject({ code: 'read-only' });
  });
});

describe('save and snapshot', () => {
  it('snapshots once the journal passes its threshold', async () => {
    const path = fresh();
    const ws = await Workspace.create(path, { snapshotAfterJournalBytes: 2000 });
    for (let i = 0; i < 20; i++) addPrefix(ws, { prefix: `10.${i}.0.0/16` });
    expect(ws.info().journalEntries).toBeLessThan(20);
    ws.abandon();
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toHaveLength(20);
    again.close();
  });

  it('exportTo writes a new workspace with its own identity and refuses an existing path', async () => {
    const path = fresh();
    const ws = await Workspace.create(path, {}, seedDemo);
    const copy = fresh();
    ws.exportTo(copy);
    expect(() => ws.exportTo(copy)).toThrow(/already exists/);
    ws.close();
    const a = await Workspace.open(path, { readOnly: true });
    const b = await Workspace.open(copy, { readOnly: true });
    expect(b.id).not.toBe(a.id);
    expect(prefixesOf(b)).toEqual(prefixesOf(a));
    a.close();
    b.close();
  });
});

describe('opening a big workspace to write', () => {
  it('opens with room to grow in memory, changing no row and writing nothing to disk', async () => {
    const path = fresh();
    const ws = await Workspace.create(path);
    const db = ws.database;
    db.run('BEGIN');
    const stmt = db.prepare("INSERT INTO asns (asn, description, created_at) VALUES (?, ?, 'x')");
    for (let i = 0; i < 70_000; i++) stmt.run([64_512 + i, `${'padding '.repeat(30)}${i}`]);
    stmt.free();
    db.run('COMMIT');
    ws.save();
    ws.close();
    const before = readFileSync(path);
    expect(before.length).toBeGreaterThan(16 * 1024 * 1024);
    const reader = await Workspace.open(path, { readOnly: true });
    const rows = reader.dumpUserTables();
    const pages = reader.get('PRAGMA page_count')!.page_count as number;
    reader.close();

    const writer = await Workspace.open(path, { reserveBytes: 8 << 20 });
    // The room after the database is not part of it: same pages, same rows.
    expect(writer.get('PRAGMA page_count')!.page_count as number).toBe(pages);
    expect(writer.dumpUserTables()).toEqual(rows);
    expect(writer.history()).toEqual([]);
    writer.close();
    // No change was made, so nothing was saved and no journal entry written.
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(
      existsSync(journalPathFor(path))
        ? readFileSync(journalPathFor(path), 'utf8')
            .split('\n')
            .filter((l) => /^\d/.test(l))
        : [],
    ).toEqual([]);

    // A change after it saves a file that opens clean.
    const again = await Workspace.open(path);
    addPrefix(again, { prefix: '192.0.2.0/24' });
    again.reserve(64 << 20);
    addPrefix(again, { prefix: '198.51.100.0/24' });
    again.save();
    expect(again.check()).toEqual({ ok: true, messages: [] });
    again.close();
    // The snapshot holds the database's pages and nothing after them (no room written out).
    const saved = readFileSync(path);
    expect(saved.length).toBe(saved.readUInt32BE(28) * saved.readUInt16BE(16));
    const after = await Workspace.open(path, { readOnly: true });
    expect(listPrefixes(after, {}).rows.map((r) => r.prefix)).toEqual(['192.0.2.0/24', '198.51.100.0/24']);
    after.close();
  }, 60_000);
});
