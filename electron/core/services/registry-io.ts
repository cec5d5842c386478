/**
 * Import and export of the registry: the CLI's CSV, NetBox's prefix CSV, and an RIR's
 * delegated(-extended) statistics file (specs/rir-requests.md §6).
 *
 * Imports are all or nothing: every row is checked first and each bad one reported as
 * `line N: field: problem`; only a clean file is written, as ONE undoable action. The write is
 * a few set-based statements over a JSON array (json_each) rather than a statement per row, so
 * a million rows commit in seconds and the journal holds a handful of statements, not millions.
 * Each imported row still gets its own event (built by SQL from the inserted rows, in the
 * format of tx.ts rowToJson), so undo, redo and a block's history work as for a single add.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  PREFIX_STATUSES,
  type ExportFormat,
  type ExportResult,
  type ImportFormat,
  type ImportResult,
  type PrefixRow,
  type PrefixStatus,
} from '../../../shared/contract';
import { CsvRowReader, writeCsv } from '../../../shared/csv';
import { isCalendarDay } from '../../../shared/dates';
import { HeadroomError, problemOf } from '../../../shared/errors';
import { formatPrefix, parsePrefix, type Prefix } from '../../../shared/ip/prefix';
import { addressToKey, keyFromHex, prefixCompactKeyHex } from '../../../shared/ip/storage-key';
import { neutraliseCsvCell, restoreCsvCell } from '../../../shared/report/csv-cell';
import { DELEGATED_REGISTRIES, DelegatedReader, type DelegatedRecord } from '../../../shared/rir/delegated';
import { delegatedAggregates, delegatedRecordForAsns, delegatedRecordForPrefix, filterDelegated, formatDelegated } from '../../../shared/rir/delegated-write';
import type { SqlParam } from '../workspace/journal';
import type { Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { writeAs } from './operation';
import { DEFAULT_SPACE, listPrefixes, spaceId, todayUtc } from './registry';

export interface ImportProblem {
  line: number;
  field: string;
  problem: string;
}

/** Where progress of big imports goes (the CLI points it at stderr). */
let progressSink: ((message: string) => void) | null = null;
export function setImportProgress(fn: ((message: string) => void) | null): void {
  progressSink = fn;
}
const PROGRESS_EVERY = 100_000;

interface Candidate {
  line: number;
  prefix: Prefix;
  status: PrefixStatus;
  description: string;
  space: string;
  date: string | null;
  rir: string | null;
}

export class ImportRefused extends HeadroomError {
  /**
   * `problems`: the first ones by line (at most MAX_REPORTED_PROBLEMS are shown); `total`: how
   * many there were in all.
   */
  constructor(
    readonly problems: ImportProblem[],
    readonly total: number = problems.length,
  ) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => `line ${p.line}: ${p.field}: ${p.problem}`);
    if (total > shown.length) shown.push(`and ${(total - shown.length).toLocaleString('en')} more bad row${total - shown.length === 1 ? '' : 's'}`);
    super(
      'invalid',
      `the file was not imported (nothing changed): ${total.toLocaleString('en')} bad row${total === 1 ? '' : 's'}\n${shown.join('\n')}`,
      problems[0]?.field,
    );
  }
}

/**
 * The problems of an import: all of them counted, the first MAX_REPORTED_PROBLEMS by line kept
 * (3 million bad rows once built a report past JavaScript's longest string).
 */
export const MAX_REPORTED_PROBLEMS = 1000;

class ProblemList {
  private kept: ImportProblem[] = [];
  total = 0;

  add(p: ImportProblem): void {
    this.total++;
    this.kept.push(p);
    if (this.kept.length >= 2 * MAX_REPORTED_PROBLEMS) this.trim();
  }

  private trim(): void {
    // A stable sort: problems of one line stay in the order they were found.
    this.kept.sort((a, b) => a.line - b.line);
    if (this.kept.length > MAX_REPORTED_PROBLEMS) this.kept.length = MAX_REPORTED_PROBLEMS;
  }

  /** The first problems by line. */
  first(): ImportProblem[] {
    this.trim();
    return this.kept;
  }
}

function statusFromText(text: string): PrefixStatus | null {
  const s = text.trim().toLowerCase();
  return (PREFIX_STATUSES as readonly string[]).includes(s) ? (s as PrefixStatus) : null;
}

const NETBOX_STATUS: Record<string, PrefixStatus> = { container: 'allocated', active: 'assigned', reserved: 'reserved' };

/** How much of a file is read at a time. */
const READ_CHUNK_BYTES = 1 << 20;

/** Offset of the first byte of `bytes` that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // The tail of a character begun in the chunk before is not an error of this one.
  let i = 0;
  while (i < 3 && i < bytes.length && bytes[i]! >= 0x80 && bytes[i]! <= 0xbf) i++;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i; // cut off at the end of the file
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * A file's text, read and decoded chunk by chunk (never held whole). A file that is not text is
 * refused at the chunk that shows it, naming the file: a NUL byte (a binary file, /dev/zero) or
 * bytes that are not UTF-8. A UTF-8 byte order mark is dropped.
 */
export function* readImportFile(path: string, chunkBytes = READ_CHUNK_BYTES): Generator<string> {
  const refuse = (why: string) =>
    new HeadroomError('invalid', `file: ${path} is not a text file (${why}); expected a CSV or a delegated file in UTF-8`, 'file');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new HeadroomError('io', `file: could not read ${path}: ${(e as Error).message}`, 'file');
  }
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buf = new Uint8Array(chunkBytes);
    let at = 0;
    for (;;) {
      let got: number;
      try {
        got = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw new HeadroomError('io', `file: could not read ${path}: ${(e as Error).message}`, 'file');
      }
      const bytes = buf.subarray(0, got);
      const nul = bytes.indexOf(0);
      if (nul >= 0) throw refuse(`a NUL byte at byte ${(at + nul).toLocaleString('en')}`);
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: got > 0 });
      } catch {
        const bad = firstInvalidUtf8(bytes);
        throw refuse(`bytes that are not UTF-8 at byte ${(at + Math.min(bad, Math.max(0, got - 1))).toLocaleString('en')}`);
      }
      if (text !== '') yield text;
      if (got === 0) return;
      at += got;
    }
  } finally {
    closeSync(fd);
  }
}

/** Candidates of a CSV or NetBox file fed chunk by chunk; `end` returns them. */
function csvCandidates(format: 'csv' | 'netbox', defaultSpace: string, problems: ProblemList): { push(chunk: string): void; end(): Candidate[] } {
  const out: Candidate[] = [];
  let header: string[] | null = null;
  let col: Record<string, number> = {};
  let rows = 0;
  const bad = (line: number, field: string, problem: string) => problems.add({ line, field, problem });
  const reader = new CsvRowReader(
    (fields, line) => {
      if (header === null) {
        header = fields.map((f) => f.trim().toLowerCase());
        col = Object.fromEntries(header.map((h, i) => [h, i]));
        if (format === 'csv') {
          const want = ['prefix', 'status', 'description', 'space', 'date'];
          const missing = want.filter((w) => col[w] === undefined);
          const unknown = header.filter((h) => !want.includes(h));
          if (missing.length || unknown.length) {
            bad(
              line,
              'header',
              `expected the header prefix,status,description,space,date${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`,
            );
          }
        } else if (col.prefix === undefined) bad(line, 'header', 'a NetBox prefix CSV needs a "prefix" column');
        return;
      }
      if (++rows % PROGRESS_EVERY === 0) progressSink?.(`import: ${rows.toLocaleString('en')} rows checked`);
      if (fields.length !== header.length) {
        bad(line, 'row', `expected ${header.length} fields, found ${fields.length}`);
        return;
      }
      // Each cell as it was before the exporter's formula quote (docs/exports.md); the
      // description keeps its spaces (RFC 4180 §2: spaces are part of a field), so a round trip
      // is exact, and the other fields are trimmed before they are read.
      const raw = (name: string) => (col[name] === undefined ? '' : restoreCsvCell(fields[col[name]!]!));
      const get = (name: string) => raw(name).trim();
      let ok = true;
      let prefix: Prefix | null = null;
      try {
        prefix = parsePrefix(get('prefix'), 'prefix');
      } catch (e) {
        ok = false;
        bad(line, 'prefix', get('prefix') === '' ? 'is required' : problemOf('prefix', (e as Error).message));
      }
      let status: PrefixStatus | null;
      const statusText = get('status');
      if (format === 'csv') {
        status = statusFromText(statusText);
        if (status === null) {
          ok = false;
          bad(
            line,
            'status',
            statusText === '' ? `is required (one of ${PREFIX_STATUSES.join(', ')})` : `unknown status "${statusText}" (one of ${PREFIX_STATUSES.join(', ')})`,
          );
        }
      } else {
        status = NETBOX_STATUS[statusText.toLowerCase() || 'active'] ?? null;
        if (status === null) {
          ok = false;
          bad(line, 'status', `NetBox status "${statusText}" has no Headroom equivalent (container, active or reserved)`);
        }
      }
      const description = raw('description');
      if (description.length > 2000) {
        ok = false;
        bad(line, 'description', 'is longer than 2000 characters');
      }
      const space = get(format === 'csv' ? 'space' : 'vrf') || defaultSpace;
      if (space.length > 100) {
        ok = false;
        bad(line, format === 'csv' ? 'space' : 'vrf', 'is longer than 100 characters');
      }
      let date: string | null = null;
      if (format === 'csv' && get('date') !== '') {
        date = get('date');
        if (!isCalendarDay(date)) {
          ok = false;
          bad(line, 'date', `"${date}" is not a date as YYYY-MM-DD`);
        }
      }
      if (ok && prefix && status) out.push({ line, prefix, status, description, space, date, rir: null });
    },
    (p) => problems.add(p),
  );
  return {
    push: (chunk) => reader.push(chunk),
    end: () => {
      reader.end();
      if (header === null)
        bad(1, 'header', format === 'csv' ? 'the file is empty; expected the header prefix,status,description,space,date' : 'the file is empty');
      return out;
    },
  };
}

/** An AS number a delegated file holds (an `asn` record of `value` ASNs is one per ASN). */
interface AsnCandidate {
  line: number;
  asn: number;
  description: string;
  date: string | null;
}

/** The longest ASN run one record may bring (RIR files hold runs of up to 1024). */
const MAX_ASN_RUN = 65_536;

/** `yyyymmdd` of a delegated record as an ISO day (null: none or not a day). */
function delegatedDay(d: string): string | null {
  const date = /^\d{8}$/.test(d) && d !== '00000000' ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
  return date !== null && isCalendarDay(date) ? date : null;
}

/**
 * Candidates of a delegated file fed chunk by chunk (DelegatedReader: only the records are held,
 * never the text); `end` returns them. Its allocated and assigned ipv4/ipv6 records become
 * aggregates, its allocated and assigned asn records ASNs (issue 14: they were dropped).
 */
function delegatedCandidates(
  filter: { opaqueId?: string | undefined; cc?: string | undefined },
  defaultSpace: string,
  problems: ProblemList,
): { push(chunk: string): void; end(): { candidates: Candidate[]; asns: AsnCandidate[]; skipped: number } } {
  const reader = new DelegatedReader((p) => problems.add({ line: p.line, field: p.field, problem: p.problem }));
  let reported = 0;
  return {
    push: (chunk) => {
      reader.push(chunk);
      if (reader.lines - reported >= PROGRESS_EVERY) {
        reported = reader.lines - (reader.lines % PROGRESS_EVERY);
        progressSink?.(`import: ${reported.toLocaleString('en')} lines checked`);
      }
    },
    end: () => {
      const file = reader.end();
      if (!file) return { candidates: [], asns: [], skipped: 0 };
      const records = file.records;
      const kept = filterDelegated(records, {
        ...(filter.opaqueId !== undefined ? { opaqueId: filter.opaqueId } : {}),
        ...(filter.cc !== undefined ? { cc: filter.cc } : {}),
      });
      const aggregates = delegatedAggregates(kept);
      const usedRecords = new Set(aggregates.map((a) => a.record));
      const describe = (record: DelegatedRecord) =>
        `${record.registry} ${record.status}${record.cc ? ` ${record.cc}` : ''}${record.opaqueId ? ` ${record.opaqueId}` : ''}`;
      const candidates = aggregates.map(({ prefix, record }) => ({
        line: record.line,
        prefix,
        status: 'aggregate' as const,
        description: describe(record),
        space: defaultSpace,
        date: delegatedDay(record.date),
        rir: record.registry,
      }));
      const asns: AsnCandidate[] = [];
      for (const record of kept) {
        if (record.type !== 'asn' || (record.status !== 'allocated' && record.status !== 'assigned')) continue;
        usedRecords.add(record);
        if (record.value > MAX_ASN_RUN) {
          problems.add({
            line: record.line,
            field: 'value',
            problem: `a run of ${record.value.toLocaleString('en')} ASNs is more than one import takes (at most ${MAX_ASN_RUN.toLocaleString('en')} in one record)`,
          });
          continue;
        }
        const first = Number(record.start);
        const description = describe(record);
        const date = delegatedDay(record.date);
        for (let k = 0; k < record.value; k++) asns.push({ line: record.line, asn: first + k, description, date });
      }
      return { candidates, asns, skipped: records.length - usedRecords.size };
    },
  };
}

/** ASNs twice in the file, or already recorded, as problems. */
function findDuplicateAsns(ws: Workspace, asns: AsnCandidate[], problems: ProblemList): void {
  if (asns.length === 0) return;
  const seen = new Map<number, number>();
  const recorded = new Set(ws.all('SELECT asn FROM asns').map((r) => Number(r.asn)));
  for (const a of asns) {
    const first = seen.get(a.asn);
    if (first !== undefined) {
      problems.add({ line: a.line, field: 'asn', problem: `AS${a.asn} appears twice (first on line ${first})` });
      continue;
    }
    seen.set(a.asn, a.line);
    if (recorded.has(a.asn)) problems.add({ line: a.line, field: 'asn', problem: `AS${a.asn} is already recorded` });
  }
}

/**
 * How a chunk is JOURNALED: its rows as ONE JSON parameter held in a temp table, which one
 * set-based statement reads to insert the blocks. The journal holds each chunk once, and a
 * replay runs these statements to the same rows and ids.
 *
 * How it is EXECUTED live: the same rows through a prepared statement stepped per row, which
 * sql.js runs ~3× faster than INSERT … SELECT over json_each (0.9 s against 2.4 s per 100,000
 * rows here; with ORDER BY key, 11.8 s). Both paths insert in the chunk's order into an
 * INTEGER PRIMARY KEY table, so row i gets id base + i + 1 either way. The test "a replayed
 * import equals the live one" holds the two paths to the same result.
 *
 * The whole import is ONE event naming its run of row ids (Tx.recordRun), not an event per
 * block: a million blocks would otherwise add ~300 MB of row images to the file. Its undo
 * shelves the rows and its redo brings them back (workspace.ts).
 */
const CHUNK_TABLE = 'CREATE TEMP TABLE IF NOT EXISTS import_chunk (j TEXT NOT NULL)';
const CHUNK_ROWS = 'json_each((SELECT j FROM temp.import_chunk))';

const INSERT_BULK =
  `INSERT INTO prefixes (space_id, family, start, end, length, status, description, unit, rir, date, created_at, updated_at) ` +
  `SELECT value->>0, value->>1, unhex(CASE value->>1 WHEN 4 THEN '000000000000000000000000' || (value->>2) ELSE value->>2 END), ` +
  `unhex(CASE value->>1 WHEN 4 THEN '000000000000000000000000' || (value->>3) ELSE value->>3 END), ` +
  `value->>4, value->>5, value->>6, NULL, value->>7, value->>8, ?, ? FROM ${CHUNK_ROWS} ORDER BY key`;

const INSERT_ONE =
  'INSERT INTO prefixes (id, space_id, family, start, end, length, status, description, unit, rir, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)';

const CHUNK = 100_000;

/** What one imported block adds to the workspace file, about (a million /30s: 272 MB). */
const IMPORT_BYTES_PER_BLOCK = 300;

/**
 * The order to insert in: index order (space, family, start, length), as positions into `rows`.
 * IPv4 rows sort on one number (space, start, length packed exactly below 2^53) held in a typed
 * array, several times faster than a comparator over a million objects and without copying
 * them; IPv6 rows (and spaces beyond 2^14) use byKey.
 */
function indexOrder(rows: Candidate[], sids: Int32Array): Uint32Array {
  const n = rows.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = byKey(rows[i - 1]!, sids[i - 1]!, rows[i]!, sids[i]!) <= 0;
  if (sorted) return order;
  let maxSid = 0;
  for (let i = 0; i < n; i++) maxSid = Math.max(maxSid, sids[i]!);
  const cmp = (a: number, b: number) => byKey(rows[a]!, sids[a]!, rows[b]!, sids[b]!);
  if (maxSid >= 2 ** 14) return order.sort(cmp);
  const v4: number[] = [];
  const v6: number[] = [];
  for (let i = 0; i < n; i++) (rows[i]!.prefix.family === 4 ? v4 : v6).push(i);
  const keys = new Float64Array(n);
  for (const i of v4) keys[i] = sids[i]! * 2 ** 38 + (rows[i]!.prefix.start as number) * 64 + rows[i]!.prefix.length;
  const v4Order = Uint32Array.from(v4).sort((a, b) => keys[a]! - keys[b]!);
  v6.sort(cmp);
  // Spaces in order; within one, IPv4 before IPv6 (family 4 < 6).
  let o = 0;
  let j = 0;
  const v6Through = (sid: number) => {
    while (j < v6.length && sids[v6[j]!]! <= sid) order[o++] = v6[j++]!;
  };
  for (const i of v4Order) {
    v6Through(sids[i]! - 1);
    order[o++] = i;
  }
  v6Through(Number.POSITIVE_INFINITY);
  return order;
}

/** Index order (space, family, start, length): the inserts then append to the B-trees instead of splitting pages all over. */
function byKey(a: Candidate, sa: number, b: Candidate, sb: number): number {
  if (sa !== sb) return sa - sb;
  if (a.prefix.family !== b.prefix.family) return a.prefix.family - b.prefix.family;
  if (a.prefix.start !== b.prefix.start) return a.prefix.start < b.prefix.start ? -1 : 1;
  return a.prefix.length - b.prefix.length;
}

type ChunkRow = [
  sid: number,
  family: 4 | 6,
  startHex: string,
  endHex: string,
  length: number,
  status: string,
  description: string,
  rir: string | null,
  date: string,
];

/**
 * Writes the candidates in index order, chunk by chunk. Each candidate is let go once written: a
 * million of them held to the end made every full garbage collection of the import mark them
 * all again (1.2–1.9 s each, some twenty times).
 */
function writeCandidates(ws: Workspace, tx: Tx, candidates: (Candidate | null)[], spaceIds: Map<string, number>, now: Date): void {
  const db = ws.database;
  const at = now.toISOString();
  const today = todayUtc(now);
  const total = candidates.length;
  const sids = new Int32Array(total);
  for (let i = 0; i < total; i++) sids[i] = spaceIds.get(candidates[i]!.space)!;
  const order = indexOrder(candidates as Candidate[], sids);
  const journal = (sql: string, params: SqlParam[] = []) => tx.statements.push([sql, params]);
  tx.run(CHUNK_TABLE);
  const first = Number(tx.get('SELECT coalesce(max(id), 0) AS m FROM prefixes')!.m) + 1;
  const insert = db.prepare(INSERT_ONE);
  try {
    for (let i = 0; i < total; i += CHUNK) {
      const rows: ChunkRow[] = [];
      for (let k = i; k < Math.min(i + CHUNK, total); k++) {
        const pos = order[k]!;
        const c = candidates[pos]!;
        candidates[pos] = null;
        const [s, e] = prefixCompactKeyHex(c.prefix);
        rows.push([sids[pos]!, c.prefix.family, s, e, c.prefix.length, c.status, c.description, c.rir, c.date ?? today]);
      }
      rows.forEach((r, k) => {
        insert.run([first + i + k, r[0], r[1], keyFromHex(r[1], r[2]), keyFromHex(r[1], r[3]), r[4], r[5], r[6], r[7], r[8], at, at]);
      });
      journal('DELETE FROM temp.import_chunk');
      journal('INSERT INTO temp.import_chunk (j) VALUES (?)', [JSON.stringify(rows)]);
      journal(INSERT_BULK, [at, at]);
      if (total >= PROGRESS_EVERY) progressSink?.(`import: ${Math.min(i + CHUNK, total).toLocaleString('en')} of ${total.toLocaleString('en')} rows written`);
    }
  } finally {
    insert.free();
  }
  tx.run('DELETE FROM temp.import_chunk');
  tx.recordRun('prefixes', { first, last: first + total - 1 });
}

/** Blocks twice in the file, or already in the workspace, as problems. */
function findDuplicates(ws: Workspace, candidates: Candidate[], problems: ProblemList): void {
  const seen = new Map<string, number>();
  const existsStmt = ws.database.prepare('SELECT 1 FROM prefixes WHERE space_id = ? AND family = ? AND start = ? AND length = ?');
  try {
    const hasRows = new Map<string, number | null>();
    for (const c of candidates) {
      const text = formatPrefix(c.prefix);
      const key = `${c.space}\u0000${text}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.add({ line: c.line, field: 'prefix', problem: `${text} appears twice in space "${c.space}" (first on line ${first})` });
        continue;
      }
      seen.set(key, c.line);
      if (!hasRows.has(c.space)) {
        const sid = spaceId(ws, c.space);
        hasRows.set(c.space, sid !== null && ws.get('SELECT 1 AS x FROM prefixes WHERE space_id = ? LIMIT 1', [sid]) ? sid : null);
      }
      const sid = hasRows.get(c.space);
      if (sid !== null && sid !== undefined) {
        existsStmt.bind([sid, c.prefix.family, addressToKey(c.prefix.family, c.prefix.start), c.prefix.length]);
        const exists = existsStmt.step();
        existsStmt.reset();
        if (exists) problems.add({ line: c.line, field: 'prefix', problem: `${text} is already in space "${c.space}"` });
      }
    }
  } finally {
    existsStmt.free();
  }
}

export interface ImportInput {
  format: ImportFormat;
  dryRun?: boolean | undefined;
  opaqueId?: string | undefined;
  cc?: string | undefined;
  space?: string | undefined;
}

/** The contract's import: the file's text in one string (the app and the web bridge send it so). */
export function importPrefixes(ws: Workspace, input: ImportInput & { text: string }): ImportResult {
  return importPrefixesFrom(ws, input, [input.text]);
}

/**
 * Imports a file that arrives as decoded text chunks (readImportFile reads one from disk so):
 * each chunk is parsed as it comes and let go, only the rows that passed are held until the
 * write, and the write happens only when the whole file passed (all or nothing).
 */
export function importPrefixesFrom(ws: Workspace, input: ImportInput, chunks: Iterable<string>): ImportResult {
  const defaultSpace = (input.space ?? DEFAULT_SPACE).trim();
  const problems = new ProblemList();
  let candidates: Candidate[];
  let skipped = 0;
  if (input.format !== 'delegated' && (input.opaqueId !== undefined || input.cc !== undefined)) {
    throw new HeadroomError(
      'invalid',
      `${input.opaqueId !== undefined ? 'opaque-id' : 'cc'}: only a delegated file has holders and countries`,
      input.opaqueId !== undefined ? 'opaque-id' : 'cc',
    );
  }
  // Text, not a binary file: a NUL never occurs in a CSV or a delegated file (an image or a
  // spreadsheet's .xlsx does, and /dev/zero is nothing else).
  let first = true;
  const text = function* (): Generator<string> {
    for (let chunk of chunks) {
      if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      if (chunk !== '') first = false;
      if (chunk.includes('\u0000'))
        throw new HeadroomError('invalid', 'file: is not a text file (it holds a NUL character); expected a CSV or a delegated file in UTF-8', 'file');
      yield chunk;
    }
  };
  let asns: AsnCandidate[] = [];
  if (input.format === 'delegated') {
    const sink = delegatedCandidates({ opaqueId: input.opaqueId, cc: input.cc }, defaultSpace, problems);
    for (const chunk of text()) sink.push(chunk);
    ({ candidates, asns, skipped } = sink.end());
  } else {
    const sink = csvCandidates(input.format, defaultSpace, problems);
    for (const chunk of text()) sink.push(chunk);
    candidates = sink.end();
  }

  findDuplicates(ws, candidates, problems);
  findDuplicateAsns(ws, asns, problems);
  if (problems.total > 0) throw new ImportRefused(problems.first(), problems.total);
  const preview = candidates.slice(0, 20).map((c) => formatPrefix(c.prefix));
  const result: ImportResult = {
    format: input.format,
    dryRun: input.dryRun ?? false,
    added: candidates.length,
    ...(input.format === 'delegated' ? { asns: asns.length } : {}),
    skipped,
    preview,
  };
  if (input.dryRun || (candidates.length === 0 && asns.length === 0)) return result;

  // Room for what the import adds (a block takes ~270 bytes of the file, counters and indexes
  // included), made once instead of sql.js growing its in-memory file dozens of times.
  ws.reserve(candidates.length * IMPORT_BYTES_PER_BLOCK);
  // Handed over to be let go row by row as they are written.
  const toWrite: (Candidate | null)[] = candidates;
  candidates = [];
  const what = [
    ...(result.added > 0 || asns.length === 0 ? [`${result.added.toLocaleString('en')} block${result.added === 1 ? '' : 's'}`] : []),
    ...(asns.length > 0 ? [`${asns.length.toLocaleString('en')} ASN${asns.length === 1 ? '' : 's'}`] : []),
  ].join(' and ');
  writeAs(ws, 'registry.import')(`Import ${what} (${input.format})`, (tx) => {
    const now = ws.now();
    for (const a of asns) tx.insert('asns', { asn: a.asn, description: a.description, date: a.date ?? todayUtc(now), created_at: now.toISOString() });
    if (toWrite.length === 0) return;
    const spaceIds = new Map<string, number>();
    for (const c of toWrite) {
      if (!c || spaceIds.has(c.space)) continue;
      spaceIds.set(c.space, spaceId(tx, c.space) ?? tx.insert('spaces', { name: c.space, description: '' }));
    }
    writeCandidates(ws, tx, toWrite, spaceIds, now);
  });
  return result;
}

// ------------------------------------------------------------------------------------ export

/** RFC 4180 CSV, every cell neutralised against formula injection (docs/exports.md). */
function toCsv(header: string[], rows: string[][]): string {
  return writeCsv(
    header,
    rows.map((r) => r.map(neutraliseCsvCell)),
  );
}

// NetBox's prefix statuses: container, active, reserved, deprecated (a released block on its way out).
const TO_NETBOX: Record<PrefixStatus, string> = {
  aggregate: 'container',
  allocated: 'container',
  assigned: 'active',
  reserved: 'reserved',
  cooldown: 'deprecated',
  planned: 'reserved',
};

export function exportPrefixes(
  ws: Workspace,
  input: { format: ExportFormat; within?: string | undefined; space?: string | undefined; registry?: string | undefined },
): ExportResult {
  const rows: PrefixRow[] = listPrefixes(ws, { within: input.within, space: input.space }).rows;
  switch (input.format) {
    case 'csv':
      return {
        format: 'csv',
        rows: rows.length,
        text: toCsv(
          ['prefix', 'status', 'description', 'space', 'date'],
          rows.map((r) => [r.prefix, r.status, r.description, r.space, r.date ?? '']),
        ),
      };
    case 'netbox':
      return {
        format: 'netbox',
        rows: rows.length,
        text: toCsv(
          ['prefix', 'status', 'vrf', 'description'],
          rows.map((r) => [r.prefix, TO_NETBOX[r.status], r.space === DEFAULT_SPACE ? '' : r.space, r.description]),
        ),
      };
    case 'delegated': {
      const aggregates = rows.filter((r) => r.status === 'aggregate' && r.space === DEFAULT_SPACE);
      const registry = input.registry ?? aggregates.find((r) => r.rir !== null && DELEGATED_REGISTRIES.includes(r.rir))?.rir ?? 'ripencc';
      const day = (d: string | null) => (d ? d.replaceAll('-', '') : '');
      const o = { registry, cc: 'ZZ', status: 'allocated' as const };
      const records = aggregates.map((r) => delegatedRecordForPrefix(parsePrefix(r.prefix), { ...o, date: day(r.date) }));
      const asns = input.within ? [] : ws.all('SELECT asn, created_at FROM asns ORDER BY asn');
      const asnRecords = asns.map((a) => delegatedRecordForAsns(Number(a.asn), 1, { ...o, date: String(a.created_at).slice(0, 10).replaceAll('-', '') }));
      const today = todayUtc(ws.now()).replaceAll('-', '');
      const all = [...asnRecords, ...records];
      const dates = all
        .map((r) => r.date)
        .filter((d) => d !== '')
        .sort();
      const text = formatDelegated({
        header: { version: '2', registry, serial: today, startDate: dates[0] ?? today, endDate: today, utcOffset: '+0000' },
        records: all,
      });
      return { format: 'delegated', rows: all.length, text };
    }
  }
}
