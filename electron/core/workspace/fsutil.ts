/**
 * Durable file writes: temp file + fsync + rename + directory fsync, and the path and mode rules
 * of a workspace's files (docs/workspace-files.md).
 */
import {
  chmodSync,
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { bootTimeMs } from './lock';

export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The real path of a workspace file: symlinks resolved, so that the lock, the journal, the
 * backups, the side files and the snapshot's rename all name the file itself, never a link to
 * it (a link would otherwise get its own lock and be replaced by a separate copy). A path that
 * does not exist yet is its real folder plus its name.
 */
export function realPathOf(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    /* not there (yet) */
  }
  try {
    return join(realpathSync(dirname(full)), basename(full));
  } catch {
    return full;
  }
}

export const TEMP_MARK = '.tmp-';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${process.pid}-${Date.now().toString(36)}`);
}

/** The permission bits of an existing file, or null. */
export function modeOf(path: string): number | null {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return null;
  }
}

export interface WriteOptions {
  /**
   * Permission bits of the file written (a workspace's side files take the workspace's). Without
   * it an existing target keeps its own mode (and, for root, its owner): a `chmod 600` workspace
   * stays 600 across snapshots; a new file gets 644 less the umask.
   */
  mode?: number;
}

function writeTemp(target: string, bytes: Uint8Array, opts: WriteOptions): string {
  const tmp = tempPathFor(target);
  let keep: { mode: number; uid: number; gid: number } | null = null;
  try {
    const st = statSync(target);
    keep = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  } catch {
    /* a new file */
  }
  const mode = opts.mode ?? keep?.mode ?? 0o644;
  const fd = openSync(tmp, 'wx', mode);
  try {
    // The umask must not widen or narrow what the file had (a new file without a given mode
    // gets the umask's say, as any new file does).
    if (keep || opts.mode !== undefined) fchmodSync(fd, mode);
    if (keep && process.getuid?.() === 0 && (keep.uid !== 0 || keep.gid !== 0)) {
      try {
        fchownSync(fd, keep.uid, keep.gid);
      } catch {
        /* best effort */
      }
    }
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  return tmp;
}

/** Replaces `target` atomically: readers see the old bytes or the new bytes, never a mix. */
export function atomicWriteFile(target: string, bytes: Uint8Array, opts: WriteOptions = {}): void {
  const tmp = writeTemp(target, bytes, opts);
  try {
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  fsyncDir(dirname(target));
}

/** Creates `target` with these bytes, atomically, and fails with EEXIST if it exists. */
export function atomicCreateFile(target: string, bytes: Uint8Array, opts: WriteOptions = {}): void {
  const tmp = writeTemp(target, bytes, opts);
  try {
    linkSync(tmp, target);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
  fsyncDir(dirname(target));
}

/**
 * Creates an empty file with this mode if it does not exist, and makes its name durable (the
 * folder is fsynced): an fsynced write into a file whose directory entry was never synced can
 * vanish with the file after a power cut. Returns whether it created the file.
 */
export function createDurably(path: string, mode: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // It exists: it holds the same data as the workspace, so it takes the workspace's mode.
    try {
      if ((statSync(path).mode & 0o7777) !== mode) chmodSync(path, mode);
    } catch {
      /* not ours to change: it stays as it is */
    }
    return false;
  }
  try {
    fchmodSync(fd, mode);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDir(dirname(path));
  return true;
}

/** The folder mode that goes with a file mode: searchable wherever the file is readable. */
export function dirModeFor(fileMode: number): number {
  return (fileMode & 0o777) | ((fileMode & 0o444) >> 2) | 0o700;
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files (`.<name>.tmp-<pid>-<time>`) that a process killed during a write left
 * beside `names` in `dir`, when that process is gone. Returns the names removed.
 */
export function removeDeadTemps(dir: string, names: readonly string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith('.')) continue;
    const at = entry.lastIndexOf(TEMP_MARK);
    if (at < 0 || !names.includes(entry.slice(1, at))) continue;
    const pid = Number(/^(\d+)-/.exec(entry.slice(at + TEMP_MARK.length))?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      // A live pid counts only if the temp file is younger than this boot (pids restart at boot).
      if (pidIsAlive(pid) && statSync(join(dir, entry)).mtimeMs >= bootTimeMs() - 5000) continue;
      unlinkSync(join(dir, entry));
      removed.push(entry);
    } catch {
      /* best effort */
    }
  }
  return removed;
}
