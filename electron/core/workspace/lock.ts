/**
 * One writer per workspace: `<file>.lock` holds the writer's pid and host. A lock whose
 * process is gone on this host (a crash, kill -9) is stale and taken over.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export function lockPathFor(workspacePath: string): string {
  return `${workspacePath}.lock`;
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: LockInfo | null };

export function acquireLock(workspacePath: string): LockResult {
  const path = lockPathFor(workspacePath);
  const mine: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Write the content first, then link it into place: the lock file never exists empty
      // (a crash between create and write would otherwise leave a lock nobody can judge).
      const tmp = `${path}.${process.pid}.tmp`;
      const fd = openSync(tmp, 'w', 0o644);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      try {
        linkSync(tmp, path);
      } finally {
        unlinkSync(tmp);
      }
      return {
        ok: true,
        release: () => {
          const held = readLock(path);
          if (held && held.pid === mine.pid && held.host === mine.host) {
            try {
              unlinkSync(path);
            } catch {
              /* already gone */
            }
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(path);
    const stale = holder === null ? lockIsOld(path) : holder.host === mine.host && !isAlive(holder.pid);
    if (!stale) return { ok: false, holder };
    // Move the stale lock aside atomically so two takers cannot both succeed.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      unlinkSync(`${path}.stale-${process.pid}`);
    } catch {
      /* someone else took it over first; retry */
    }
  }
  return { ok: false, holder: readLock(path) };
}

/**
 * Locks are linked into place complete, so unreadable content means someone else wrote the
 * file (or the disk damaged it): treat it as stale once it is a second old.
 */
function lockIsOld(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 1000;
  } catch {
    return true;
  }
}
