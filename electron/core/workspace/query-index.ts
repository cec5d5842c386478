/**
 * The query index beside a workspace (`<file>.index`): the interval of every block, per address
 * space and family, sorted as the `prefixes_by_range` index sorts them, in a compact binary form.
 * A read-only query (`headroom free` over a /8 holding a million blocks) reads these 8 MB in
 * milliseconds instead of loading a 270 MB database, hashing it and scanning it.
 *
 * It is derived and disposable, like the `.verified` marker: the writer writes it after each
 * snapshot, tied to that snapshot's seal, size, modification time and journal position, and
 * checked by its own SHA-256. A reader uses it only while all of these still match and the
 * journal holds no newer change; in every other case (no index, an older one, a damaged one, a
 * change not yet snapshotted, a file replaced meanwhile) the workspace is opened as usual, which
 * also reports any damage. Deleting the index changes nothing but speed.
 *
 * Layout: "HRIX", u32 format version, u32 length of a JSON header, the header, padding to 8,
 * the sections, and a SHA-256 of everything before it. An IPv4 section is u32 pairs
 * [start, end, …] then one flag byte per block; an IPv6 section is eight u32 per block (start
 * then end, most significant word first) then the flag bytes. Numbers are little-endian.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs';
import type { Database } from 'sql.js';
import type { Interval } from '../../../shared/ip/interval';
import { addressToKey } from '../../../shared/ip/storage-key';
import { USED_STATUS_SQL } from '../../../shared/ip/utilization';
import { atomicWriteFile } from './fsutil';
import { APPLICATION_ID, hasSqliteHeader, headerApplicationId, headerUserVersion, sealHex } from './fileformat';
import { journalPathFor, readJournal } from './journal';

const MAGIC = 'HRIX';
// 2: the flag byte also marks used blocks (FLAG_USED); an index of format 1 is rebuilt.
const FORMAT = 2;
/** Flag bit of a block whose status is `reserved` (utilization counts those apart). */
export const FLAG_RESERVED = 1;
/** Flag bit of a block that counts as used (shared/ip/utilization countsAsUsed: assigned space). */
export const FLAG_USED = 2;

/** `used`: only the blocks that count as used as the RIRs measure it (shared/ip/utilization). */
export type BlockFilter = 'all' | 'reserved' | 'not-reserved' | 'used';

/** Whether a block with these flags passes the filter. */
function passes(flags: number, filter: BlockFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'used') return (flags & FLAG_USED) !== 0;
  return ((flags & FLAG_RESERVED) !== 0) === (filter === 'reserved');
}

interface SectionMeta {
  space: number;
  family: 4 | 6;
  count: number;
  /** Byte offset of the words, and of the flag bytes. */
  at: number;
  flagsAt: number;
}

interface Header {
  workspaceId: string;
  seal: string;
  size: string;
  mtimeNs: string;
  ino: string;
  journalSeq: number;
  schemaVersion: number;
  spaces: [name: string, id: number][];
  sections: SectionMeta[];
}

export function queryIndexPathFor(workspacePath: string): string {
  return `${workspacePath}.index`;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// ------------------------------------------------------------------------------------ writing

function hexWord(s: string, o: number): number {
  let v = 0;
  for (let i = o; i < o + 8; i++) {
    const c = s.charCodeAt(i);
    v = v * 16 + (c <= 57 ? c - 48 : c - 55);
  }
  return v;
}

/** A block range in storage keys (16-byte big-endian), for `readBlocks`. */
export interface KeyRange {
  start: Uint8Array;
  end: Uint8Array;
}

/**
 * The blocks of one space and family as words and flags (the layout above), sorted by start then
 * end; with `within`, only those strictly inside that range (longer than it). One ordered
 * `group_concat` crosses from SQLite to JS as a single string rather than a million rows.
 */
export function readBlocks(
  db: Database,
  space: number,
  family: 4 | 6,
  within?: KeyRange,
  filter: BlockFilter = 'all',
): { words: Uint32Array; flags: Uint8Array } {
  const hex = family === 4 ? 'hex(substr(start, 13, 4)) || hex(substr(end, 13, 4))' : 'hex(start) || hex(end)';
  const range = within ? ' AND start >= ? AND start <= ? AND end <= ? AND NOT (start = ? AND end = ?)' : '';
  const status =
    filter === 'all' ? '' : filter === 'used' ? ` AND ${USED_STATUS_SQL}` : filter === 'reserved' ? " AND status = 'reserved'" : " AND status != 'reserved'";
  const stmt = db.prepare(
    `SELECT count(*), group_concat(h, '') FROM (SELECT ${hex} || (CASE WHEN status = 'reserved' THEN '1' WHEN ${USED_STATUS_SQL} THEN '2' ELSE '0' END) AS h ` +
      `FROM prefixes WHERE space_id = ? AND family = ?${range}${status} ORDER BY start, end)`,
  );
  let n = 0;
  let text = '';
  try {
    stmt.bind(within ? [space, family, within.start, within.end, within.end, within.start, within.end] : [space, family]);
    if (stmt.step()) {
      const r = stmt.get();
      n = Number(r[0] ?? 0);
      text = String(r[1] ?? '');
    }
  } finally {
    stmt.free();
  }
  const perBlock = family === 4 ? 2 : 8;
  const stride = perBlock * 8 + 1;
  if (text.length !== n * stride) throw new Error(`blocks of space ${space}, IPv${family}: unexpected key text from the database`);
  const words = new Uint32Array(n * perBlock);
  const flags = new Uint8Array(n);
  for (let i = 0, o = 0, w = 0; i < n; i++, o += stride) {
    for (let k = 0; k < perBlock; k++) words[w++] = hexWord(text, o + k * 8);
    const flag = text.charCodeAt(o + perBlock * 8);
    flags[i] = flag === 49 ? FLAG_RESERVED : flag === 50 ? FLAG_USED : 0;
  }
  return { words, flags };
}

/** IPv6 words (eight per block) as intervals. */
export function wordsToIntervalsV6(words: Uint32Array, count = words.length / 8): Interval<bigint>[] {
  const big = (i: number) => (BigInt(words[i]!) << 96n) | (BigInt(words[i + 1]!) << 64n) | (BigInt(words[i + 2]!) << 32n) | BigInt(words[i + 3]!);
  const out: Interval<bigint>[] = new Array<Interval<bigint>>();
  for (let i = 0; i < count; i++) out.push({ start: big(i * 8), end: big(i * 8 + 4) });
  return out;
}

/** Where registry reads take their blocks from: the query index, or the database itself. */
export interface BlockSource {
  spaceId(name: string): number | null;
  /** IPv4 blocks strictly inside [start, end] as pairs [start, end, …], sorted by start then end. */
  pairsV4(space: number, start: number, end: number, filter?: BlockFilter): Uint32Array;
  /** IPv6 blocks strictly inside [start, end], sorted by start then end. */
  intervalsV6(space: number, start: bigint, end: bigint, filter?: BlockFilter): Interval<bigint>[];
}

/** The same reads straight from the open database (always current). */
export class DatabaseBlocks implements BlockSource {
  constructor(private readonly db: Database) {}

  spaceId(name: string): number | null {
    const r = this.db.exec('SELECT id FROM spaces WHERE name = ?', [name])[0]?.values[0];
    return r ? Number(r[0]) : null;
  }

  pairsV4(space: number, start: number, end: number, filter: BlockFilter = 'all'): Uint32Array {
    return readBlocks(this.db, space, 4, { start: addressToKey(4, start), end: addressToKey(4, end) }, filter).words;
  }

  intervalsV6(space: number, start: bigint, end: bigint, filter: BlockFilter = 'all'): Interval<bigint>[] {
    return wordsToIntervalsV6(readBlocks(this.db, space, 6, { start: addressToKey(6, start), end: addressToKey(6, end) }, filter).words);
  }
}

const align8 = (n: number) => (n + 7) & ~7;

/** The index bytes of the database as it is now, for the snapshot identified by `stamp`. */
export function buildQueryIndex(db: Database, stamp: Omit<Header, 'spaces' | 'sections'>): Uint8Array {
  const spaces = (db.exec('SELECT name, id FROM spaces ORDER BY id')[0]?.values ?? []).map((r) => [String(r[0]), Number(r[1])] as [string, number]);
  const pairs = (db.exec('SELECT DISTINCT space_id, family FROM prefixes ORDER BY space_id, family')[0]?.values ?? []).map(
    (r) => [Number(r[0]), Number(r[1]) as 4 | 6] as const,
  );
  const parts = pairs.map(([space, family]) => ({ space, family, ...readBlocks(db, space, family) }));
  const sections: SectionMeta[] = [];
  // Offsets are relative to the start of the data area (after the header).
  let at = 0;
  for (const p of parts) {
    const flagsAt = at + p.words.byteLength;
    sections.push({ space: p.space, family: p.family, count: p.flags.length, at, flagsAt });
    at = align8(flagsAt + p.flags.length);
  }
  const header: Header = { ...stamp, spaces, sections };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align8(12 + json.length);
  const out = new Uint8Array(dataStart + at + 32);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  parts.forEach((p, i) => {
    const s = sections[i]!;
    out.set(new Uint8Array(p.words.buffer, p.words.byteOffset, p.words.byteLength), dataStart + s.at);
    out.set(p.flags, dataStart + s.flagsAt);
  });
  out.set(
    createHash('sha256')
      .update(out.subarray(0, out.length - 32))
      .digest(),
    out.length - 32,
  );
  return out;
}

/**
 * Writes the index of the snapshot just written at `path` (sealed `seal`, holding the journal up
 * to `journalSeq`). Never fails the save: on any error the index is removed, so no reader can
 * take an older one for this snapshot (it would not match anyway).
 */
export function writeQueryIndex(path: string, db: Database, stamp: { workspaceId: string; seal: string; journalSeq: number; schemaVersion: number }): void {
  const target = queryIndexPathFor(path);
  try {
    if (!LITTLE_ENDIAN) throw new Error('big-endian host');
    const st = statSync(path, { bigint: true });
    const bytes = buildQueryIndex(db, { ...stamp, size: String(st.size), mtimeNs: String(st.mtimeNs), ino: String(st.ino) });
    atomicWriteFile(target, bytes, { mode: Number(st.mode) & 0o7777 });
  } catch {
    removeQueryIndex(path);
  }
}

export function removeQueryIndex(path: string): void {
  try {
    unlinkSync(queryIndexPathFor(path));
  } catch {
    /* none there */
  }
}

// ------------------------------------------------------------------------------------ reading

function readHead(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** A copy when the view would be misaligned (a small file read into Node's shared pool). */
function u32At(bytes: Uint8Array, at: number, count: number): Uint32Array {
  const offset = bytes.byteOffset + at;
  if (offset % 4 === 0) return new Uint32Array(bytes.buffer, offset, count);
  return new Uint32Array(bytes.slice(at, at + count * 4).buffer);
}

export class QueryIndex implements BlockSource {
  private readonly spaceIds: Map<string, number>;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly dataStart: number,
    private readonly header: Header,
  ) {
    this.spaceIds = new Map(header.spaces);
  }

  /**
   * The index of the workspace at `path` when it describes exactly the state a full open would
   * reach; null in every other case (the caller then opens the workspace itself).
   */
  static open(path: string, knownSchema: number): QueryIndex | null {
    if (!LITTLE_ENDIAN) return null;
    try {
      const before = statSync(path, { bigint: true });
      const bytes = readFileSync(queryIndexPathFor(path));
      if (bytes.length < 44 || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (view.getUint32(4, true) !== FORMAT) return null;
      const digest = createHash('sha256')
        .update(bytes.subarray(0, bytes.length - 32))
        .digest();
      if (!digest.equals(bytes.subarray(bytes.length - 32))) return null;
      const jsonLength = view.getUint32(8, true);
      const header = JSON.parse(bytes.toString('utf8', 12, 12 + jsonLength)) as Header;
      if (header.size !== String(before.size) || header.mtimeNs !== String(before.mtimeNs) || header.ino !== String(before.ino)) return null;
      // The workspace's own header: still a Headroom file of a schema this build reads, with the seal the index was made for.
      const head = readHead(path, 100);
      if (head.length < 100 || !hasSqliteHeader(head) || headerApplicationId(head) !== APPLICATION_ID) return null;
      if (headerUserVersion(head) !== header.schemaVersion || header.schemaVersion > knownSchema) return null;
      if (sealHex(head) !== header.seal) return null;
      // A change acknowledged since that snapshot is only in the journal: then the index is behind.
      const journal = readJournal(journalPathFor(path), path);
      if (journal.workspaceId !== null && journal.workspaceId !== header.workspaceId && journal.entries.length > 0) return null;
      if (journal.entries.some((e) => e.seq > header.journalSeq)) return null;
      const after = statSync(path, { bigint: true });
      if (after.ino !== before.ino || after.mtimeNs !== before.mtimeNs || after.size !== before.size) return null;
      return new QueryIndex(bytes, align8(12 + jsonLength), header);
    } catch {
      return null;
    }
  }

  /** The seal of the snapshot the index describes. */
  get seal(): string {
    return this.header.seal;
  }

  /** True while the file at `path` is still the one the index was made for (size, time, inode). */
  describesFile(path: string): boolean {
    try {
      const st = statSync(path, { bigint: true });
      return this.header.size === String(st.size) && this.header.mtimeNs === String(st.mtimeNs) && this.header.ino === String(st.ino);
    } catch {
      return false;
    }
  }

  get journalSeq(): number {
    return this.header.journalSeq;
  }

  spaceId(name: string): number | null {
    return this.spaceIds.get(name) ?? null;
  }

  private section(space: number, family: 4 | 6): SectionMeta | undefined {
    return this.header.sections.find((s) => s.space === space && s.family === family);
  }

  pairsV4(space: number, start: number, end: number, filter: BlockFilter = 'all'): Uint32Array {
    const s = this.section(space, 4);
    if (!s) return new Uint32Array(0);
    const words = u32At(this.bytes, this.dataStart + s.at, s.count * 2);
    const flags = this.bytes.subarray(this.dataStart + s.flagsAt, this.dataStart + s.flagsAt + s.count);
    // First block starting at or after `start`.
    let lo = 0;
    let hi = s.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid * 2]! < start) lo = mid + 1;
      else hi = mid;
    }
    const out = new Uint32Array((s.count - lo) * 2);
    let n = 0;
    for (let i = lo; i < s.count; i++) {
      const cs = words[i * 2]!;
      if (cs > end) break;
      const ce = words[i * 2 + 1]!;
      if (ce > end || (cs === start && ce === end)) continue;
      if (!passes(flags[i]!, filter)) continue;
      out[n++] = cs;
      out[n++] = ce;
    }
    return out.subarray(0, n);
  }

  intervalsV6(space: number, start: bigint, end: bigint, filter: BlockFilter = 'all'): Interval<bigint>[] {
    const s = this.section(space, 6);
    if (!s) return [];
    const all = wordsToIntervalsV6(u32At(this.bytes, this.dataStart + s.at, s.count * 8), s.count);
    const flags = this.bytes.subarray(this.dataStart + s.flagsAt, this.dataStart + s.flagsAt + s.count);
    return all.filter((iv, i) => iv.start >= start && iv.end <= end && !(iv.start === start && iv.end === end) && passes(flags[i]!, filter));
  }
}
