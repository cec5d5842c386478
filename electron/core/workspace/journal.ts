/**
 * The write-ahead journal beside a workspace (`<file>.journal`). Each acknowledged change is
 * one line `seq<TAB>crc32<TAB>json` appended and fsynced before the caller is told it
 * succeeded. A torn last line (a crash mid-append) was never acknowledged and is not
 * replayed; the writer that opens the file keeps its bytes aside (`keepDamagedTail`) and says so
 * before anything overwrites them. A bad line followed by good ones means the journal itself is
 * damaged, and the workspace is refused rather than silently losing acknowledged changes.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { HeadroomError } from '../../../shared/errors';
import { atomicCreateFile } from './fsutil';
import { describeIoError } from './io-errors';

export type SqlParam = number | string | null | Uint8Array;
export type Statement = [sql: string, params: SqlParam[]];

export interface JournalEntry {
  seq: number;
  statements: Statement[];
}

const HEADER_PREFIX = 'HEADROOM-JOURNAL 1 ';

export function journalPathFor(workspacePath: string): string {
  return `${workspacePath}.journal`;
}

function encodeParam(p: SqlParam): unknown {
  return p instanceof Uint8Array ? { $b: Buffer.from(p).toString('base64') } : p;
}

function decodeParam(p: unknown): SqlParam {
  if (p && typeof p === 'object' && '$b' in p) return new Uint8Array(Buffer.from(String((p as { $b: string }).$b), 'base64'));
  return p as SqlParam;
}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry.statements.map(([sql, params]) => [sql, params.map(encodeParam)]));
  const crc = crc32(`${entry.seq}\t${json}`).toString(16).padStart(8, '0');
  return `${entry.seq}\t${crc}\t${json}\n`;
}

export interface ReadResult {
  workspaceId: string | null;
  entries: JournalEntry[];
  /** True when the last line was torn (never acknowledged). */
  tornTail: boolean;
  /** The damaged last entry, when there is one (a torn header holds no entry and is not). */
  damaged: DamagedTail | null;
}

/** The bytes of a damaged last entry: from `offset` (the end of the last intact one) to the end. */
export interface DamagedTail {
  offset: number;
  bytes: Uint8Array;
  /** What can still be read of the entry ("change 7: Add 192.0.2.0/24 …"), or null. */
  entry: string | null;
}

const NEWLINE = 0x0a;

/** Reads and verifies a journal; throws `corrupt` when an acknowledged entry is damaged. */
export function readJournal(path: string, label: string): ReadResult {
  if (!existsSync(path)) return { workspaceId: null, entries: [], tornTail: false, damaged: null };
  const buf = readFileSync(path);
  if (buf.length === 0) return { workspaceId: null, entries: [], tornTail: false, damaged: null };
  const headerEnd = buf.indexOf(NEWLINE);
  const header = buf.subarray(0, headerEnd < 0 ? buf.length : headerEnd).toString('utf8');
  if (!header.startsWith(HEADER_PREFIX)) {
    if (headerEnd < 0) {
      // One line and no newline: a header torn while it was written holds no change. Anything
      // else is kept aside by the writer as a damaged entry before the journal is rewritten.
      const tornHeader = HEADER_PREFIX.startsWith(header);
      return { workspaceId: null, entries: [], tornTail: true, damaged: tornHeader ? null : { offset: 0, bytes: buf, entry: describeDamagedEntry(header) } };
    }
    throw new HeadroomError('corrupt', `the journal ${path} has no valid header; it was left untouched`, 'path', label);
  }
  if (headerEnd < 0) return { workspaceId: null, entries: [], tornTail: true, damaged: null };
  const workspaceId = header.slice(HEADER_PREFIX.length);
  const entries: JournalEntry[] = [];
  // Complete lines end in "\n"; the bytes after the last "\n" are a line cut short: never acknowledged.
  let pos = headerEnd + 1;
  let goodEnd = pos;
  let badAt = -1;
  let index = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl < 0) break;
    index++;
    const entry = badAt < 0 ? parseLine(buf.subarray(pos, nl).toString('utf8')) : null;
    if (badAt >= 0) {
      throw new HeadroomError(
        'corrupt',
        `journal entry ${badAt} of ${path} is damaged while later entries are intact; the workspace was not opened and nothing was changed`,
        'path',
        label,
      );
    }
    if (!entry) badAt = index;
    else {
      entries.push(entry);
      goodEnd = nl + 1;
    }
    pos = nl + 1;
  }
  const tornTail = goodEnd < buf.length;
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.seq !== entries[i - 1]!.seq + 1) {
      throw new HeadroomError('corrupt', `the journal ${path} skips from entry ${entries[i - 1]!.seq} to ${entries[i]!.seq}`, 'path', label);
    }
  }
  const damagedBytes = buf.subarray(goodEnd);
  const damaged = tornTail ? { offset: goodEnd, bytes: damagedBytes, entry: describeDamagedEntry(damagedBytes.toString('utf8')) } : null;
  return { workspaceId, entries, tornTail, damaged };
}

/** A JSON string literal at the start of `text` (after optional spaces), decoded, or null. */
const JSON_STRING = /"((?:[^"\\]|\\.)*)"/y;

/**
 * What a damaged entry still tells: its change number and, when the start of its first statement
 * survived, the action it recorded (mutate's INSERT INTO actions: at, who, op, summary).
 */
export function describeDamagedEntry(text: string): string | null {
  const seq = /^(\d+)\t/.exec(text)?.[1] ?? null;
  const marker = '["INSERT INTO actions (at, who, op, summary';
  const at = text.indexOf(marker);
  const fields: string[] = [];
  if (at >= 0) {
    const open = text.indexOf('",[', at);
    let pos = open < 0 ? -1 : open + 3;
    while (pos >= 0 && fields.length < 4) {
      JSON_STRING.lastIndex = pos;
      const m = JSON_STRING.exec(text);
      if (!m) break;
      try {
        fields.push(JSON.parse(m[0]) as string);
      } catch {
        break;
      }
      pos = JSON_STRING.lastIndex;
      if (text[pos] !== ',') break;
      pos += 1;
    }
  }
  const [when, who, op, summary] = fields;
  if (seq === null && fields.length === 0) return null;
  const what = summary !== undefined ? `"${summary}"` : op !== undefined ? `an operation ${op}` : null;
  const parts = [seq !== null ? `change ${seq}` : 'a change', what ? `: ${what}` : ' (its contents cannot be read)'];
  if (who !== undefined && summary !== undefined) parts.push(`, by ${who}`);
  if (when !== undefined && summary !== undefined) parts.push(` at ${when}`);
  return parts.join('');
}

function parseLine(line: string): JournalEntry | null {
  const a = line.indexOf('\t');
  const b = line.indexOf('\t', a + 1);
  if (a < 0 || b < 0) return null;
  const seqText = line.slice(0, a);
  const crcText = line.slice(a + 1, b);
  const json = line.slice(b + 1);
  if (!/^\d+$/.test(seqText)) return null;
  if (crc32(`${seqText}\t${json}`).toString(16).padStart(8, '0') !== crcText) return null;
  try {
    const raw = JSON.parse(json) as [string, unknown[]][];
    return { seq: Number(seqText), statements: raw.map(([sql, params]) => [sql, params.map(decodeParam)]) };
  } catch {
    return null;
  }
}

/** An open journal for appending. */
export class JournalWriter {
  private fd: number;
  private size: number;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  /** Opens for append, (re)writing the header when the journal is empty or belongs to no one. */
  static open(path: string, workspaceId: string, reset: boolean): JournalWriter {
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w+', 0o644);
    const writer = new JournalWriter(path, fd);
    if (reset || writer.size === 0) writer.reset(workspaceId);
    return writer;
  }

  /**
   * Cuts the journal to just the header (after a snapshot made the entries redundant). The header
   * is written over the old one first and the rest cut off after, so on a full disk this needs
   * no new space (the same header fits where it was); on failure the entries stay, all already
   * in the snapshot, and are skipped at the next open.
   */
  reset(workspaceId: string): void {
    const header = Buffer.from(`${HEADER_PREFIX}${workspaceId}\n`, 'utf8');
    try {
      let off = 0;
      while (off < header.length) off += writeSync(this.fd, header, off, header.length - off, off);
      ftruncateSync(this.fd, header.length);
      fsyncSync(this.fd);
      this.size = header.length;
    } catch (e) {
      this.size = fstatSync(this.fd).size;
      throw new HeadroomError('io', `could not reset the journal ${this.path}: ${describeIoError(e)}`);
    }
  }

  /** Cuts a damaged tail off (once it was kept aside), back to the end of the last intact entry. */
  truncateTo(bytes: number): void {
    ftruncateSync(this.fd, bytes);
    fsyncSync(this.fd);
    this.size = bytes;
  }

  /** Appends one entry and fsyncs it; on failure the journal is cut back to where it was. */
  append(entry: JournalEntry): void {
    const bytes = Buffer.from(encodeEntry(entry), 'utf8');
    const before = this.size;
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off, before + off);
      fsyncSync(this.fd);
      this.size = before + bytes.length;
    } catch (e) {
      try {
        ftruncateSync(this.fd, before);
      } catch {
        /* the next open ignores a torn tail anyway */
      }
      throw new HeadroomError(
        'io',
        `the change was not made: it could not be written to the journal ${this.path} (${describeIoError(e)}); nothing was changed`,
      );
    }
  }

  get bytes(): number {
    return this.size;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The file a damaged journal tail is kept in: `<file>.journal.damaged-<UTC time, ISO 8601 basic>`. */
export function damagedPathFor(journalPath: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${journalPath}.damaged-${stamp}`;
}

/**
 * Copies a damaged journal tail beside the workspace (a new file, fsynced, never over another)
 * and returns its path. Throws when it cannot be written: then the caller must not cut the tail.
 */
export function keepDamagedTail(journalPath: string, bytes: Uint8Array, now: Date): string {
  const base = damagedPathFor(journalPath, now);
  for (let n = 0; ; n++) {
    const target = n === 0 ? base : `${base}-${n}`;
    try {
      atomicCreateFile(target, bytes);
      return target;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw e;
    }
  }
}
