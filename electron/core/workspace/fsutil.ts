/** Durable file writes: temp file + fsync + rename + directory fsync. */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

function fsyncDir(dir: string): void {
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

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
}

function writeTemp(target: string, bytes: Uint8Array): string {
  const tmp = tempPathFor(target);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
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
export function atomicWriteFile(target: string, bytes: Uint8Array): void {
  const tmp = writeTemp(target, bytes);
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
export function atomicCreateFile(target: string, bytes: Uint8Array): void {
  const tmp = writeTemp(target, bytes);
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
