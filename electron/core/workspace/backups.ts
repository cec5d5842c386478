/**
 * Rotating backups beside the workspace: `<file>.backups/<name>.<UTC stamp>.headroom`.
 * Taken before every migration and at most every few hours when a writer opens the file.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { atomicWriteFile, dirModeFor, modeOf, removeDeadTemps } from './fsutil';
import { checkSeal, hasSqliteHeader } from './fileformat';

export const KEEP_BACKUPS = 8;
const AUTO_BACKUP_EVERY_MS = 6 * 3600 * 1000;

export function backupDirFor(workspacePath: string): string {
  return `${workspacePath}.backups`;
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export interface BackupFile {
  path: string;
  takenAt: string;
}

export function listBackups(workspacePath: string): BackupFile[] {
  const dir = backupDirFor(workspacePath);
  if (!existsSync(dir)) return [];
  const re = /\.(\d{8}T\d{6}Z)(?:-(\d+))?\.headroom$/;
  return readdirSync(dir)
    .map((name) => ({ name, m: re.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const s = m[1]!;
      const takenAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      return { path: join(dir, name), takenAt, n: Number(m[2] ?? 0) };
    })
    .sort((a, b) => (a.takenAt === b.takenAt ? b.n - a.n : a.takenAt < b.takenAt ? 1 : -1))
    .map(({ path, takenAt }) => ({ path, takenAt }));
}

export function writeBackup(workspacePath: string, bytes: Uint8Array, now: Date): string {
  const dir = backupDirFor(workspacePath);
  // A backup holds what the workspace holds: it takes the workspace's mode (600 stays 600).
  const mode = modeOf(workspacePath) ?? 0o644;
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: dirModeFor(mode) });
    try {
      chmodSync(dir, dirModeFor(mode));
    } catch {
      /* best effort */
    }
  }
  let target = join(dir, `${basename(workspacePath)}.${stamp(now)}.headroom`);
  for (let n = 1; existsSync(target); n++) target = join(dir, `${basename(workspacePath)}.${stamp(now)}-${n}.headroom`);
  atomicWriteFile(target, bytes, { mode });
  // Temp files of backups whose writer was killed mid-write.
  removeDeadTemps(
    dir,
    readdirSync(dir)
      .filter((n) => n.startsWith(`.${basename(workspacePath)}.`))
      .map((n) => n.slice(1, n.lastIndexOf('.tmp-'))),
  );
  for (const old of listBackups(workspacePath).slice(KEEP_BACKUPS)) {
    try {
      unlinkSync(old.path);
    } catch {
      /* rotation is best effort */
    }
  }
  return target;
}

export function backupIsDue(workspacePath: string, now: Date): boolean {
  const newest = listBackups(workspacePath)[0];
  return !newest || now.getTime() - Date.parse(newest.takenAt) > AUTO_BACKUP_EVERY_MS;
}

/** The newest backup whose bytes are an intact, sealed Headroom snapshot. */
export function newestGoodBackup(workspacePath: string): BackupFile | null {
  for (const b of listBackups(workspacePath)) {
    try {
      const bytes = readFileSync(b.path);
      if (hasSqliteHeader(bytes) && checkSeal(bytes) === 'valid') return b;
    } catch {
      /* unreadable: try the next */
    }
  }
  return null;
}
