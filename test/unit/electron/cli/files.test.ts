/**
 * The workspace's files (docs/workspace-files.md; issue 10 items 3, 4, 7 and 8): symlinks share
 * one lock, journal and file; an export never lands on a workspace's own files; the file's mode
 * is kept and a read-only file stays read-only; a read-only folder, a lock from before the last
 * boot, temp files of a killed snapshot, and reopening the open file in the same process.
 * Real files in temp folders, the real CLI as separate processes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../electron/core/services/registry';
import { checkSaveTarget } from '../../../../electron/core/services/save-target';
import { Session } from '../../../../electron/core/services/session';
import { listBackups } from '../../../../electron/core/workspace/backups';
import { journalPathFor } from '../../../../electron/core/workspace/journal';
import { lockPathFor } from '../../../../electron/core/workspace/lock';
import { queryIndexPathFor } from '../../../../electron/core/workspace/query-index';
import { verifiedPathFor, Workspace } from '../../../../electron/core/workspace/workspace';
import { CLI_BUNDLE, ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-files-');
afterAll(() => tmp.cleanup());
beforeAll(() => ensureBuilt(), 120_000);

let n = 0;
/** A fresh folder holding a new workspace `ws.headroom` (closed). */
async function freshWorkspace(): Promise<{ dir: string; ws: string }> {
  const dir = tmp.path(`case-${++n}`);
  mkdirSync(dir);
  const ws = join(dir, 'ws.headroom');
  (await Workspace.create(ws)).close();
  return { dir, ws };
}
const blocksOf = (w: Workspace) => listPrefixes(w, { space: 'global' }).rows.map((r) => r.prefix);
const mode = (p: string) => statSync(p).mode & 0o777;
/** A pid no process has (Linux pids stay below 2^22). */
const DEAD_PID = 2 ** 22 + 777;

function cli(args: string[], opts: { cwd?: string; uid?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('symlinks (item 3)', () => {
  it('a second writer through a symlink is refused while the file is held, and the link stays a link', async () => {
    const { dir, ws } = await freshWorkspace();
    const link = join(dir, 'link.headroom');
    symlinkSync(ws, link);
    const app = await Workspace.open(ws);
    expect(app.readOnly).toBe(false);
    addPrefix(app, { prefix: '10.0.0.0/8' });

    const r = headroom(['prefix', 'add', link, '192.0.2.0/24']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/locked by process/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);

    app.save(); // a snapshot by the holder
    app.close();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);

    // Now the link is the writer: its snapshot replaces the file, not the link.
    const again = headroom(['prefix', 'add', link, '198.51.100.0/24']);
    expect(again.code, again.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // No lock or journal of the link's own: there is one workspace.
    expect(readdirSync(dir).filter((f) => f.startsWith('link.headroom'))).toEqual(['link.headroom']);
    const check = await Workspace.open(ws, { readOnly: true });
    expect(blocksOf(check).sort()).toEqual(['10.0.0.0/8', '198.51.100.0/24']);
    check.close();
  });

  it('a workspace opened through a symlinked folder keeps its files beside the real file', async () => {
    const { dir, ws } = await freshWorkspace();
    const folderLink = tmp.path(`folder-link-${n}`);
    symlinkSync(dir, folderLink);
    const w = await Workspace.open(join(folderLink, 'ws.headroom'));
    expect(w.path).toBe(ws);
    expect(existsSync(lockPathFor(ws))).toBe(true);
    addPrefix(w, { prefix: '10.1.0.0/16' });
    w.save();
    w.close();
    expect(lstatSync(folderLink).isSymbolicLink()).toBe(true);
  });
});

describe('exports never overwrite a workspace file (item 4)', () => {
  it('refuses --out equal to the workspace, its journal, lock, index, integrity record or a backup, naming --out', async () => {
    const { dir, ws } = await freshWorkspace();
    const add = headroom(['prefix', 'add', ws, '10.0.0.0/8']);
    expect(add.code, add.stderr).toBe(0);
    const backup = listBackups(ws)[0]!.path;
    const wsLink = join(dir, 'pointer.csv');
    symlinkSync(ws, wsLink);
    const targets = [
      ws,
      journalPathFor(ws),
      lockPathFor(ws),
      queryIndexPathFor(ws),
      verifiedPathFor(ws),
      backup,
      wsLink,
      join(dir, 'sub', '..', 'ws.headroom'),
    ];
    mkdirSync(join(dir, 'sub'));
    const before = new Map(
      readdirSync(dir)
        .filter((f) => statSync(join(dir, f)).isFile())
        .map((f) => [f, readFileSync(join(dir, f))]),
    );
    const backupBytes = readFileSync(backup);
    for (const out of targets) {
      const r = headroom(['export', ws, '--format', 'csv', '--out', out]);
      expect(r.code, `${out}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('--out');
      expect(r.stderr).not.toMatch(/internal|EEXIST|\.tmp-/);
    }
    // Relative, from the workspace's folder.
    for (const rel of ['ws.headroom', './ws.headroom.journal', 'sub/../ws.headroom.verified']) {
      const r = cli(['export', 'ws.headroom', '--format', 'csv', '--out', rel], { cwd: dir });
      expect(r.code, `${rel}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('--out');
    }
    // The request draft's --out too.
    const req = headroom(['request', ws, '--rir', 'ripe', '--kind', 'ipv4', '--out', ws]);
    expect(req.code).toBe(1);
    expect(req.stderr).toContain('--out');
    for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes), f).toBe(true);
    expect(readFileSync(backup).equals(backupBytes)).toBe(true);
    expect(lstatSync(wsLink).isSymbolicLink()).toBe(true);
    // A file merely named after the workspace is fine.
    const ok = headroom(['export', ws, '--format', 'csv', '--out', `${ws}.csv`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(`${ws}.csv`, 'utf8')).toContain('10.0.0.0/8');
  });

  it("the app's Save as and New refuse a workspace's side files (which do not exist yet)", async () => {
    const { ws } = await freshWorkspace();
    const session = new Session();
    await session.open(ws);
    unlinkSync(verifiedPathFor(ws));
    await expect(session.saveAs(verifiedPathFor(ws))).rejects.toMatchObject({ field: 'path', message: expect.stringMatching(/integrity record/) });
    await expect(session.saveAs(`${ws}.backups/extra.headroom`)).rejects.toMatchObject({ field: 'path', message: expect.stringMatching(/backup/) });
    await expect(session.create(queryIndexPathFor(ws))).rejects.toMatchObject({ field: 'path' });
    session.close();
    expect(existsSync(verifiedPathFor(ws))).toBe(false);
    expect(readdirSync(`${ws}.backups`).some((f) => f.startsWith('extra'))).toBe(false);
  });
});

describe('permissions (item 7)', () => {
  it('a chmod 600 workspace stays 600 after changes and snapshots, and so do its journal, index and backups', async () => {
    const { ws } = await freshWorkspace();
    chmodSync(ws, 0o600);
    const w = await Workspace.open(ws);
    addPrefix(w, { prefix: '10.0.0.0/8' });
    w.save();
    addPrefix(w, { prefix: '10.1.0.0/16' });
    w.close();
    expect(mode(ws).toString(8)).toBe('600');
    expect(mode(journalPathFor(ws)).toString(8)).toBe('600');
    expect(mode(queryIndexPathFor(ws)).toString(8)).toBe('600');
    // Through the CLI as well (a separate process, its own umask).
    expect(headroom(['prefix', 'add', ws, '10.2.0.0/16']).code).toBe(0);
    expect(mode(ws).toString(8)).toBe('600');
    // A backup holds the same data: it is no more readable than the workspace.
    const w2 = await Workspace.open(ws, { now: () => new Date(Date.now() + 24 * 3600e3) });
    w2.close();
    const newest = listBackups(ws)[0]!.path;
    expect(mode(newest) & 0o077, basename(newest)).toBe(0);
  });

  it('a read-only (444) file opens read-only, says so, and is never replaced', async () => {
    const { ws } = await freshWorkspace();
    chmodSync(ws, 0o444);
    const before = statSync(ws);
    const bytes = readFileSync(ws);
    const w = await Workspace.open(ws);
    expect(w.readOnly).toBe(true);
    expect(w.readOnlyReason).toMatch(/read-only/);
    expect(() => addPrefix(w, { prefix: '10.0.0.0/8' })).toThrow(/read-only/);
    w.close();
    const r = headroom(['prefix', 'add', ws, '10.0.0.0/8']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the file is read-only/);
    const after = statSync(ws);
    expect(after.ino).toBe(before.ino);
    expect(mode(ws).toString(8)).toBe('444');
    expect(readFileSync(ws).equals(bytes)).toBe(true);
  });
});

describe('other file-level cases (item 8)', () => {
  it('a workspace in a read-only folder opens read-only with a clear message', async () => {
    // As root every folder is writable: the CLI runs as the unprivileged user `nobody` (65534).
    const { dir, ws } = await freshWorkspace();
    chmodSync(tmp.dir, 0o755);
    chmodSync(ws, 0o666);
    chmodSync(dir, 0o555);
    const probe = cli(['info', ws, '--json'], { uid: 65534 });
    if (probe.code !== 0 && /EACCES|permission/i.test(probe.stderr) && !probe.stderr.includes(ws)) {
      throw new Error(`the CLI cannot run as uid 65534 here: ${probe.stderr}`);
    }
    const r = cli(['prefix', 'add', ws, '10.0.0.0/8'], { uid: 65534 });
    chmodSync(dir, 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the folder ${dir}`);
    expect(r.stderr).toMatch(/opened read-only/);
    expect(r.stderr).not.toMatch(/EACCES|\.tmp/);
  });

  it('reopening the open workspace in the same process keeps it writable', async () => {
    const { dir, ws } = await freshWorkspace();
    const session = new Session();
    await session.open(ws);
    addPrefix(session.require(), { prefix: '10.0.0.0/8' });
    const again = await session.open(ws);
    expect(again.readOnly).toBe(false);
    const link = join(dir, 'same.headroom');
    symlinkSync(ws, link);
    expect((await session.open(link)).readOnly).toBe(false);
    addPrefix(session.require(), { prefix: '10.1.0.0/16' });
    expect(blocksOf(session.require()).sort()).toEqual(['10.0.0.0/8', '10.1.0.0/16']);
    session.close();
    expect(existsSync(lockPathFor(ws))).toBe(false);
  });

  it('a lock written before this machine last started is stale even when its pid is alive again', async () => {
    const { ws } = await freshWorkspace();
    // pid 1 is alive, and was surely not this lock's writer: the lock predates the boot.
    writeFileSync(lockPathFor(ws), JSON.stringify({ pid: 1, host: hostname(), since: '2001-01-01T00:00:00.000Z' }));
    utimesSync(lockPathFor(ws), new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
    const w = await Workspace.open(ws);
    expect(w.readOnly).toBe(false);
    w.close();
  });

  it('a lock held by a live pid says how to clear it', async () => {
    const { ws } = await freshWorkspace();
    writeFileSync(lockPathFor(ws), JSON.stringify({ pid: 1, host: hostname(), since: new Date().toISOString() }));
    const w = await Workspace.open(ws);
    expect(w.readOnly).toBe(true);
    expect(w.readOnlyReason).toContain(`delete ${lockPathFor(ws)}`);
    w.close();
    expect(existsSync(lockPathFor(ws))).toBe(true);
  });

  it('temp files left by a process killed mid-snapshot are removed by the next writer, not by a reader', async () => {
    const { dir, ws } = await freshWorkspace();
    const dead = [`.ws.headroom.tmp-${DEAD_PID}-abc`, `.ws.headroom.index.tmp-${DEAD_PID}-abd`, `.ws.headroom.verified.tmp-${DEAD_PID}-abe`];
    const live = `.ws.headroom.tmp-${process.ppid}-abf`; // a live process, this boot: maybe mid-write
    const other = `.other.headroom.tmp-${DEAD_PID}-abg`; // another file's: not this workspace's to clean
    for (const f of [...dead, live, other]) writeFileSync(join(dir, f), 'partial snapshot');
    const reader = await Workspace.open(ws, { readOnly: true });
    reader.close();
    for (const f of dead) expect(existsSync(join(dir, f))).toBe(true);
    const writer = await Workspace.open(ws);
    writer.close();
    for (const f of dead) expect(existsSync(join(dir, f)), f).toBe(false);
    expect(existsSync(join(dir, live))).toBe(true);
    expect(existsSync(join(dir, other))).toBe(true);
  });

  it('fsyncs the folder after creating the journal, before the first change is written to it', async (ctx) => {
    const has = spawnSync('sh', ['-c', 'command -v strace'], { encoding: 'utf8' }).status === 0;
    if (!has) {
      console.warn('files.test: strace is not installed; the folder-fsync check is skipped');
      ctx.skip();
    }
    const { dir, ws } = await freshWorkspace();
    unlinkSync(journalPathFor(ws)); // holds only its header: the workspace is saved
    const trace = join(dir, 'strace.out');
    const r = spawnSync(
      'strace',
      ['-f', '-o', trace, '-e', 'trace=openat,fsync,fdatasync,pwrite64,write,close', process.execPath, CLI_BUNDLE, 'prefix', 'add', ws, '10.0.0.0/8'],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0 && /ptrace|Operation not permitted/.test(r.stderr)) {
      console.warn(`files.test: strace cannot trace here (${r.stderr.trim()}); the folder-fsync check is skipped`);
      ctx.skip();
    }
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(trace, 'utf8').split('\n');
    const fdPath = new Map<string, string>();
    let created = -1;
    let dirSynced = -1;
    let firstAppend = -1;
    let journalFds = new Set<string>();
    lines.forEach((line, i) => {
      const open = /openat\(AT_FDCWD, "([^"]+)", ([^)]*)\) = (\d+)/.exec(line);
      if (open) {
        fdPath.set(open[3]!, open[1]!);
        if (open[1] === journalPathFor(ws)) {
          journalFds.add(open[3]!);
          if (created < 0 && open[2]!.includes('O_CREAT')) created = i;
        }
        return;
      }
      const sync = /fsync\((\d+)\)/.exec(line);
      if (sync && created >= 0 && dirSynced < 0 && fdPath.get(sync[1]!) === dir) dirSynced = i;
      const write = /pwrite64\((\d+), "(\d)/.exec(line);
      if (write && journalFds.has(write[1]!) && firstAppend < 0) firstAppend = i;
    });
    journalFds = new Set(journalFds);
    expect(created, 'the journal was created').toBeGreaterThanOrEqual(0);
    expect(firstAppend, 'a change was appended to the journal').toBeGreaterThan(created);
    expect(dirSynced, 'the folder was fsynced after the journal was created').toBeGreaterThan(created);
    expect(dirSynced, 'before the first change was written').toBeLessThan(firstAppend);
  });
});

describe("the app's downloads (Electron's will-download handler)", () => {
  it('refuses the open workspace and its side files, through links and relative names, and accepts other files', async () => {
    const { dir, ws } = await freshWorkspace();
    const link = join(dir, 'alias.rpsl');
    symlinkSync(ws, link);
    for (const p of [ws, journalPathFor(ws), lockPathFor(ws), verifiedPathFor(ws), link, join(dir, '.', 'sub-none', '..', 'ws.headroom')]) {
      const r = checkSaveTarget(p, ws);
      expect(r.ok, p).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/would destroy it/);
    }
    expect(checkSaveTarget(join(dir, 'objects.rpsl'), ws)).toEqual({ ok: true, path: join(dir, 'objects.rpsl') });
  });
});
