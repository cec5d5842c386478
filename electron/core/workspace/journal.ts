/**
 * The write-ahead journal beside a workspace (`<file>.journal`). Each acknowledged change is
 * one line `seq<TAB>crc32<TAB>json` appended and fsynced before the caller is told it
 * succeeded. A torn last line (a crash mid-append) was never acknowledged and is ignored;
 * a bad line followed by good ones means the journal itself is damaged, and the workspace is
 * refused rather than silently losing acknowledged changes.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { HeadroomError } from '../../../shared/errors';

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
}

/** Reads and verifies a journal; throws `corrupt` when an acknowledged entry is damaged. */
export function readJournal(path: string, label: string): ReadResult {
  if (!existsSync(path)) return { workspaceId: null, entries: [], tornTail: false };
  const text = readFileSync(path, 'utf8');
  if (text.length === 0) return { workspaceId: null, entries: [], tornTail: false };
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  if (!header.startsWith(HEADER_PREFIX)) {
    if (lines.length === 1) return { workspaceId: null, entries: [], tornTail: true };
    throw new HeadroomError('corrupt', `${label}: the journal ${path} has no valid header; it was left untouched`, 'path');
  }
  const workspaceId = header.slice(HEADER_PREFIX.length);
  const entries: JournalEntry[] = [];
  // The text after the last "\n" is a line without its newline: never acknowledged.
  const complete = lines.slice(1, -1);
  const trailing = lines[lines.length - 1] ?? '';
  let bad = -1;
  complete.forEach((line, i) => {
    if (bad >= 0) return;
    const entry = parseLine(line);
    if (!entry) bad = i;
    else entries.push(entry);
  });
  if (bad >= 0 && bad < complete.length - 1) {
    throw new HeadroomError(
      'corrupt',
      `${label}: journal entry ${bad + 1} of ${path} is damaged while later entries are intact; the workspace was not opened and nothing was changed`,
      'path',
    );
  }
  const tornTail = bad >= 0 || trailing.length > 0;
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.seq !== entries[i - 1]!.seq + 1) {
      throw new HeadroomError('corrupt', `${label}: the journal ${path} skips from entry ${entries[i - 1]!.seq} to ${entries[i]!.seq}`, 'path');
    }
  }
  return { workspaceId, entries, tornTail };
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

  /** Truncates to just the header (after a snapshot made the entries redundant). */
  reset(workspaceId: string): void {
    const header = Buffer.from(`${HEADER_PREFIX}${workspaceId}\n`, 'utf8');
    ftruncateSync(this.fd, 0);
    writeSync(this.fd, header, 0, header.length, 0);
    fsyncSync(this.fd);
    this.size = header.length;
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
      throw new HeadroomError('io', `could not write the journal ${this.path}: ${(e as Error).message}`);
    }
  }

  get bytes(): number {
    return this.size;
  }

  close(): void {
    closeSync(this.fd);
  }
}
