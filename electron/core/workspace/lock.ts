/**
 * One writer per workspace: `<file>.lock` holds the writer's pid, host, start time and a random
 * nonce. The rules, and why, are in docs/workspace-files.md; in short:
 *
 * - A lock is created complete and exclusively (a temp file linked into place: link fails with
 *   EEXIST when a lock exists), so it is never seen empty or half written.
 * - A lock is stale when its process is gone on this host (kill -9, a crash, a power cut), or when
 *   it was written before this machine last booted (its pid now belongs to another process).
 * - A stale lock is taken over only by the one process that creates the takeover guard
 *   `<file>.lock.takeover-<id>` exclusively, where <id> names that exact stale lock (its inode and
 *   content). The winner checks that the lock is still that stale one, renames a fresh complete
 *   lock over it and reads it back. Everyone else finds the guard taken and, once the winner is
 *   done, finds a live lock. A guard whose own process died (a taker killed mid-takeover) is
 *   passed by the next guard in a chain named after it, so a crash never wedges the lock.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, linkSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describeIoError } from './io-errors';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  nonce?: string;
}

export function lockPathFor(workspacePath: string): string {
  return `${workspacePath}.lock`;
}

const TAKEOVER = '.takeover-';

/** One instance of a lock (or guard) file: what it says, and an identity no other instance has. */
interface Instance {
  info: LockInfo | null;
  id: string;
  mtimeMs: number;
}

/** Reads a lock file in one open (content and inode from the same file); null when absent. */
function readInstance(path: string): Instance | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = fstatSync(fd);
    const buf = Buffer.alloc(Math.min(st.size, 4096));
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    const raw = buf.subarray(0, off);
    let info: LockInfo | null = null;
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as LockInfo;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') info = parsed;
    } catch {
      /* damaged: judged by its age */
    }
    const id = createHash('sha256').update(`${st.dev}:${st.ino}:${st.mtimeMs}:`).update(raw).digest('hex').slice(0, 24);
    return { info, id, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
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

/** When this machine booted (ms since the epoch): /proc/stat's btime, else now minus uptime. */
export function bootTimeMs(): number {
  try {
    const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (m) return Number(m[1]) * 1000;
  } catch {
    /* not Linux */
  }
  return Date.now() - uptime() * 1000;
}

/** Slack for the boot time's whole seconds and clock adjustments at boot. */
const BOOT_SLACK_MS = 5000;

/** Why a lock (or guard) instance no longer protects anything, or null while it does. */
function staleReason(inst: Instance, host: string): string | null {
  if (inst.info === null) {
    // Locks are linked into place complete: unreadable content is damage, stale once a second old.
    return Date.now() - inst.mtimeMs > 1000 ? 'unreadable' : null;
  }
  if (inst.info.host !== host) return null; // another machine's process: cannot be judged from here
  if (inst.mtimeMs < bootTimeMs() - BOOT_SLACK_MS) return 'written before this machine last started';
  if (!isAlive(inst.info.pid)) return 'its process has ended';
  return null;
}

export type LockResult =
  | { ok: true; release: () => void }
  | {
      ok: false;
      /** `held`: another live process writes; `read-only-folder`: no lock can be created here; `disk-full`: no room for it. */
      reason: 'held' | 'read-only-folder' | 'disk-full';
      holder: LockInfo | null;
      /** For the planner: who holds it and what to do, or why the folder refuses. */
      message: string;
    };

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** Writes `info` to a fresh temp file beside `path` (complete and closed) and returns its name. */
function writeTemp(path: string, info: LockInfo): string {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, JSON.stringify(info));
  } catch (e) {
    // A disk with an inode but no page left: the empty temp file must not stay behind.
    closeSync(fd);
    removeQuietly(tmp);
    throw e;
  }
  closeSync(fd);
  return tmp;
}

/** Creates `path` holding `info`, complete, only if it does not exist (EEXIST otherwise). */
function createExclusive(path: string, info: LockInfo): void {
  const tmp = writeTemp(path, info);
  try {
    linkSync(tmp, path);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

function heldMessage(path: string, holder: LockInfo | null): string {
  if (!holder) return `locked by another process (the lock ${path} cannot be read); opened read-only`;
  const who = `process ${holder.pid} on ${holder.host} since ${holder.since}`;
  const clear =
    holder.host === hostname()
      ? `if no Headroom or headroom command is running as process ${holder.pid}, delete ${path} to open it for writing`
      : `if Headroom is no longer running on ${holder.host}, delete ${path} to open it for writing`;
  return `locked by ${who}; opened read-only (${clear})`;
}

type Takeover = 'won' | 'busy' | 'changed';

/**
 * Takes over the stale lock instance `stale` at `path`: exactly one process wins (see the top of
 * this file). `busy`: another live process is taking it over; `changed`: the lock is no longer
 * that instance (look again).
 */
function takeOver(path: string, stale: Instance, mine: LockInfo, host: string): Takeover {
  const passed: string[] = [];
  let guard = `${path}${TAKEOVER}${shortHash(stale.id)}`;
  let won = false;
  for (let depth = 0; depth < 64 && !won; depth++) {
    try {
      createExclusive(guard, mine);
      won = true;
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const g = readInstance(guard);
    // The guard vanished: its winner finished and cleaned up, so the lock has changed.
    if (g === null) return 'changed';
    if (staleReason(g, host) === null) return 'busy';
    // That taker died mid-takeover: the next guard in the chain is named after its dead guard.
    passed.push(guard);
    guard = `${path}${TAKEOVER}${shortHash(`${guard}|${g.id}`)}`;
  }
  if (!won) return 'busy';
  try {
    const now = readInstance(path);
    if (now === null || now.id !== stale.id) return 'changed';
    const tmp = writeTemp(path, mine);
    try {
      renameSync(tmp, path);
    } catch (e) {
      removeQuietly(tmp);
      throw e;
    }
    const after = readInstance(path);
    return after?.info?.nonce === mine.nonce ? 'won' : 'changed';
  } finally {
    removeQuietly(guard);
    for (const p of passed) removeQuietly(p);
  }
}

/**
 * Removes takeover guards left by takers that died, and the temp files of lock writers killed
 * before they linked them (only called while holding the lock).
 */
function sweepGuards(path: string, host: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}${TAKEOVER}`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(`${basename(path)}.`));
  } catch {
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    // Temp files of a lock or guard: `<lock>[.takeover-<id>].<pid>.<12 hex>.tmp` (writeTemp).
    const temp = /\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name);
    if (temp) {
      if (Number(temp[1]) !== process.pid && !isAlive(Number(temp[1]))) removeQuietly(full);
      continue;
    }
    if (!name.startsWith(prefix)) continue;
    try {
      const g = readInstance(full);
      if (g && staleReason(g, host) !== null) removeQuietly(full);
    } catch {
      /* best effort */
    }
  }
}

/** How long a process waits for another's takeover of the same stale lock to finish. */
const BUSY_WAIT_MS = 3000;

/** A folder that refuses the lock file (read-only, or a full disk) as a result in plain words; null for any other error. */
function folderRefusal(e: unknown, workspacePath: string): LockResult | null {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (READ_ONLY_CODES.has(code)) {
    return {
      ok: false,
      reason: 'read-only-folder',
      holder: null,
      message: `the folder ${dirname(workspacePath)} does not let Headroom create its lock file (${code === 'EROFS' ? 'a read-only file system' : 'no permission to write there'}); opened read-only`,
    };
  }
  if (DISK_FULL_CODES.has(code)) {
    return {
      ok: false,
      reason: 'disk-full',
      holder: null,
      message: `${describeIoError(e)}: Headroom could not create its lock file beside ${basename(workspacePath)}; opened read-only. Free some space and open it again to make changes`,
    };
  }
  return null;
}

export function acquireLock(workspacePath: string): LockResult {
  const path = lockPathFor(workspacePath);
  const host = hostname();
  const mine: LockInfo = { pid: process.pid, host, since: new Date().toISOString(), nonce: randomBytes(12).toString('hex') };
  const held = (): LockResult => {
    sweepGuards(path, host);
    return {
      ok: true,
      release: () => {
        try {
          const now = readInstance(path);
          if (now?.info?.nonce === mine.nonce) unlinkSync(path);
        } catch {
          /* already gone */
        }
      },
    };
  };
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    try {
      createExclusive(path, mine);
      return held();
    } catch (e) {
      const refusal = folderRefusal(e, workspacePath);
      if (refusal) return refusal;
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = readInstance(path);
    if (current === null) continue; // released meanwhile: try again
    const refused: LockResult = { ok: false, reason: 'held', holder: current.info, message: heldMessage(path, current.info) };
    if (staleReason(current, host) === null) return refused;
    let r: Takeover;
    try {
      r = takeOver(path, current, mine, host);
    } catch (e) {
      // The guard or the new lock did not fit (one page free) or the folder refused it: the
      // stale lock stays as it was, and the planner reads why, in words.
      const refusal = folderRefusal(e, workspacePath);
      if (refusal) return refusal;
      throw e;
    }
    if (r === 'won') return held();
    // Another process is taking the same stale lock over: wait for it to finish, then look again.
    if (Date.now() > deadline) return refused;
    if (r === 'busy') sleepSync(5);
  }
}

/**
 * The takeover guard a taker of the lock now at this workspace creates first (tests plant one to
 * play a taker killed mid-takeover), and the next guard in the chain after `guard` holding `g`.
 */
export function takeoverGuardPathFor(workspacePath: string, after?: string): string | null {
  const path = lockPathFor(workspacePath);
  if (after !== undefined) {
    const g = readInstance(after);
    return g ? `${path}${TAKEOVER}${shortHash(`${after}|${g.id}`)}` : null;
  }
  const inst = readInstance(path);
  return inst ? `${path}${TAKEOVER}${shortHash(inst.id)}` : null;
}

/** Checks a path's lock without taking it (tests and diagnostics). */
export function lockHolder(workspacePath: string): LockInfo | null {
  return readInstance(lockPathFor(workspacePath))?.info ?? null;
}

export function lockIsStale(workspacePath: string): boolean {
  const inst = readInstance(lockPathFor(workspacePath));
  return inst !== null && staleReason(inst, hostname()) !== null;
}
