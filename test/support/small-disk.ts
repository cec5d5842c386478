/**
 * A small disk for save-failure tests: a tmpfs of a few hundred KB mounted in a temp folder, and
 * a ballast file that fills it to within a given number of bytes of full. Mounting needs root
 * (or CAP_SYS_ADMIN) on Linux; where it is refused, `reason` says why and the tests that need it
 * are reported as skipped under a title naming that reason, never passed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, fstatSync, mkdtempSync, openSync, rmSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  path(name: string): string;
  /** Fills the disk until only about `leaveBytes` are free (whole 4 KB pages; 0: full). */
  fill(leaveBytes: number): void;
  /** Removes the ballast: the disk has room again. */
  unfill(): void;
  /** Free bytes now. */
  freeBytes(): number;
  cleanup(): void;
}

export type SmallDiskResult = { ok: true; disk: SmallDisk } | { ok: false; reason: string };

export function mountSmallDisk(sizeKb: number): SmallDiskResult {
  if (process.platform !== 'linux') return { ok: false, reason: `a tmpfs can only be mounted on Linux (this is ${process.platform})` };
  const dir = mkdtempSync(join(tmpdir(), 'headroom-small-disk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const uid = process.getuid?.() ?? -1;
    const why = (r.stderr || r.error?.message || `exit ${r.status}`).trim();
    return { ok: false, reason: `cannot mount a ${sizeKb} KB tmpfs (uid ${uid}${uid === 0 ? '' : ', not root'}): ${why}` };
  }
  const ballast = join(dir, 'ballast');
  const freeBytes = () => {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  };
  const disk: SmallDisk = {
    dir,
    path: (name) => join(dir, name),
    freeBytes,
    fill(leaveBytes) {
      const fd = openSync(ballast, 'a');
      try {
        const chunk = Buffer.alloc(4096, 0x5a);
        for (;;) {
          try {
            writeSync(fd, chunk);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw e;
          }
        }
        const size = fstatSync(fd).size;
        ftruncateSync(fd, Math.max(0, size - Math.ceil(leaveBytes / 4096) * 4096));
      } finally {
        closeSync(fd);
      }
    },
    unfill() {
      try {
        unlinkSync(ballast);
      } catch {
        /* none */
      }
    },
    cleanup() {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return { ok: true, disk };
}

/** The title for a suite that needs the small disk: it names the reason when it is skipped. */
export function smallDiskTitle(title: string, r: SmallDiskResult): string {
  return r.ok ? title : `${title} [SKIPPED: ${r.reason}]`;
}
