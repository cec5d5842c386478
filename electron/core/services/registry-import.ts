/**
 * Import into the registry (the formats are read in registry-formats.ts).
 *
 * Imports are all or nothing: every row is checked first and each bad one reported as
 * `line N: field: problem`; only a clean file is written, as ONE undoable action. The write is
 * a few set-based statements over a JSON array (json_each) rather than a statement per row, so
 * a million rows commit in seconds and the journal holds a handful of statements, not millions.
 * Each imported row still gets its own event (built by SQL from the inserted rows, in the
 * format of tx.ts rowToJson), so undo, redo and a block's history work as for a single add.
 */
import type { ImportFormat, ImportResult } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { formatPrefix } from '../../../shared/ip/prefix';
import type { SqlParam } from '../workspace/journal';
import type { Tx } from '../workspace/tx';
import { addressToKey, keyFromHex, prefixCompactKeyHex } from '../../../shared/ip/storage-key';
import type { Workspace } from '../workspace/workspace';
import { writeAs } from './operation';
import { DEFAULT_SPACE, spaceId, todayUtc } from './registry';
import {
  csvCandidates,
  delegatedCandidates,
  ImportRefused,
  ProblemList,
  reportProgress,
  PROGRESS_EVERY,
  type AsnCandidate,
  type Candidate,
} from './registry-formats';

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
      if (total >= PROGRESS_EVERY) reportProgress(`import: ${Math.min(i + CHUNK, total).toLocaleString('en')} of ${total.toLocaleString('en')} rows written`);
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
  const sink = beginImport(ws, input);
  for (const chunk of chunks) sink.push(chunk);
  return sink.finish();
}

/** An import fed its text chunk by chunk; `finish` checks the whole against the workspace and writes it (or refuses it). */
export interface ImportSink {
  push(chunk: string): void;
  finish(): ImportResult;
}

/**
 * Starts an import: each chunk pushed is parsed as it comes and let go, only the rows that passed
 * are held, and nothing touches the workspace before `finish` (the import jobs push between
 * polls and may drop a sink unfinished: nothing was written).
 */
export function beginImport(ws: Workspace, input: ImportInput): ImportSink {
  const defaultSpace = (input.space ?? DEFAULT_SPACE).trim();
  const problems = new ProblemList();
  if (input.format !== 'delegated' && (input.opaqueId !== undefined || input.cc !== undefined)) {
    throw new HeadroomError('invalid', 'only a delegated file has holders and countries', input.opaqueId !== undefined ? 'opaque-id' : 'cc');
  }
  // Text, not a binary file: a NUL never occurs in a CSV or a delegated file (an image or a
  // spreadsheet's .xlsx does, and /dev/zero is nothing else).
  let first = true;
  const clean = (chunk: string): string => {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    if (chunk !== '') first = false;
    if (chunk.includes('\u0000'))
      throw new HeadroomError('invalid', 'is not a text file (it holds a NUL character); expected a CSV or a delegated file in UTF-8', 'file');
    return chunk;
  };
  const delegated = input.format === 'delegated' ? delegatedCandidates({ opaqueId: input.opaqueId, cc: input.cc }, defaultSpace, problems) : null;
  const csv = input.format === 'delegated' ? null : csvCandidates(input.format, defaultSpace, problems);
  return {
    push: (chunk) => {
      const text = clean(chunk);
      if (delegated) delegated.push(text);
      else csv!.push(text);
    },
    finish: () => {
      let candidates: Candidate[];
      let asns: AsnCandidate[] = [];
      let skipped = 0;
      if (delegated) ({ candidates, asns, skipped } = delegated.end());
      else candidates = csv!.end();
      return checkAndWrite(ws, input, problems, candidates, asns, skipped);
    },
  };
}

function checkAndWrite(ws: Workspace, input: ImportInput, problems: ProblemList, candidates: Candidate[], asns: AsnCandidate[], skipped: number): ImportResult {
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
