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
import Papa from 'papaparse';
import {
  PREFIX_STATUSES,
  type ExportFormat,
  type ExportResult,
  type ImportFormat,
  type ImportResult,
  type PrefixRow,
  type PrefixStatus,
} from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { formatPrefix, parsePrefix, type Prefix } from '../../../shared/ip/prefix';
import { DelegatedParseError, DELEGATED_REGISTRIES, parseDelegated, type DelegatedRecord } from '../../../shared/rir/delegated';
import { delegatedAggregates, delegatedRecordForAsns, delegatedRecordForPrefix, filterDelegated, formatDelegated } from '../../../shared/rir/delegated-write';
import type { SqlParam } from '../workspace/journal';
import type { Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
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
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.map((p) => `line ${p.line}: ${p.field}: ${p.problem}`);
    super('invalid', `the file was not imported (nothing changed): ${problems.length} bad row${problems.length === 1 ? '' : 's'}\n${shown.join('\n')}`, problems[0]?.field);
  }
}

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function stripLead(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/**
 * Parses CSV text row by row, calling `onRow` with the record and its 1-based starting line
 * (quoted line breaks counted), so problems name the line a spreadsheet shows.
 */
function eachCsvRow(text: string, onRow: (fields: string[], line: number) => void, onError: (p: ImportProblem) => void): void {
  let line = 1;
  let pos = 0;
  const advance = (to: number) => {
    for (let i = text.indexOf('\n', pos); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) line++;
    pos = to;
  };
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (results) => {
      const rowLine = line;
      const end = results.meta.cursor;
      for (const e of results.errors) onError({ line: rowLine, field: 'csv', problem: e.message });
      const fields = results.data;
      advance(end);
      // The newline ending this row belongs to it.
      if (text[pos] === '\r') pos++;
      if (text[pos] === '\n') {
        pos++;
        line++;
      }
      if (fields.length === 1 && fields[0] === '') return; // blank line
      onRow(fields, rowLine);
    },
  });
}

function statusFromText(text: string): PrefixStatus | null {
  const s = text.trim().toLowerCase();
  return (PREFIX_STATUSES as readonly string[]).includes(s) ? (s as PrefixStatus) : null;
}

const NETBOX_STATUS: Record<string, PrefixStatus> = { container: 'allocated', active: 'assigned', reserved: 'reserved' };

function parseCsvCandidates(text: string, format: 'csv' | 'netbox', defaultSpace: string, problems: ImportProblem[]): Candidate[] {
  const out: Candidate[] = [];
  let header: string[] | null = null;
  let col: Record<string, number> = {};
  let rows = 0;
  const bad = (line: number, field: string, problem: string) => problems.push({ line, field, problem });
  eachCsvRow(
    text,
    (fields, line) => {
      if (header === null) {
        header = fields.map((f) => f.trim().toLowerCase());
        col = Object.fromEntries(header.map((h, i) => [h, i]));
        if (format === 'csv') {
          const want = ['prefix', 'status', 'description', 'space', 'date'];
          const missing = want.filter((w) => col[w] === undefined);
          const unknown = header.filter((h) => !want.includes(h));
          if (missing.length || unknown.length) {
            bad(line, 'header', `expected the header prefix,status,description,space,date${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`);
          }
        } else if (col.prefix === undefined) bad(line, 'header', 'a NetBox prefix CSV needs a "prefix" column');
        return;
      }
      if (++rows % PROGRESS_EVERY === 0) progressSink?.(`import: ${rows.toLocaleString('en')} rows checked`);
      if (fields.length !== header.length) {
        bad(line, 'row', `expected ${header.length} fields, found ${fields.length}`);
        return;
      }
      const get = (name: string) => (col[name] === undefined ? '' : fields[col[name]!]!.trim());
      let ok = true;
      let prefix: Prefix | null = null;
      try {
        prefix = parsePrefix(get('prefix'), 'prefix');
      } catch (e) {
        ok = false;
        bad(line, 'prefix', get('prefix') === '' ? 'is required' : stripLead((e as Error).message, 'prefix'));
      }
      let status: PrefixStatus | null;
      const statusText = get('status');
      if (format === 'csv') {
        status = statusFromText(statusText);
        if (status === null) {
          ok = false;
          bad(line, 'status', statusText === '' ? `is required (one of ${PREFIX_STATUSES.join(', ')})` : `unknown status "${statusText}" (one of ${PREFIX_STATUSES.join(', ')})`);
        }
      } else {
        status = NETBOX_STATUS[statusText.toLowerCase() || 'active'] ?? null;
        if (status === null) {
          ok = false;
          bad(line, 'status', `NetBox status "${statusText}" has no Headroom equivalent (container, active or reserved)`);
        }
      }
      const description = get('description');
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
        if (!isDay(date)) {
          ok = false;
          bad(line, 'date', `"${date}" is not a date as YYYY-MM-DD`);
        }
      }
      if (ok && prefix && status) out.push({ line, prefix, status, description, space, date, rir: null });
    },
    (p) => problems.push(p),
  );
  if (header === null) bad(1, 'header', format === 'csv' ? 'the file is empty; expected the header prefix,status,description,space,date' : 'the file is empty');
  return out;
}

function delegatedCandidates(
  text: string,
  filter: { opaqueId?: string | undefined; cc?: string | undefined },
  defaultSpace: string,
  problems: ImportProblem[],
): { candidates: Candidate[]; skipped: number } {
  let records: readonly DelegatedRecord[];
  try {
    records = parseDelegated(text).records;
  } catch (e) {
    if (e instanceof DelegatedParseError) {
      problems.push(...e.problems.map((p) => ({ line: p.line, field: p.field, problem: p.problem })));
      return { candidates: [], skipped: 0 };
    }
    throw e;
  }
  const kept = filterDelegated(records, {
    ...(filter.opaqueId !== undefined ? { opaqueId: filter.opaqueId } : {}),
    ...(filter.cc !== undefined ? { cc: filter.cc } : {}),
  });
  const aggregates = delegatedAggregates(kept);
  const usedRecords = new Set(aggregates.map((a) => a.record));
  const candidates = aggregates.map(({ prefix, record }) => {
    const d = record.date;
    const date = /^\d{8}$/.test(d) && d !== '00000000' ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
    const holder = record.opaqueId ? ` ${record.opaqueId}` : '';
    return {
      line: record.line,
      prefix,
      status: 'aggregate' as const,
      description: `${record.registry} ${record.status}${record.cc ? ` ${record.cc}` : ''}${holder}`,
      space: defaultSpace,
      date: date !== null && isDay(date) ? date : null,
      rir: record.registry,
    };
  });
  return { candidates, skipped: records.length - usedRecords.size };
}

/** The 16-byte key of a prefix start/end as hex (IPv4: the low 4 bytes only). */
function keyHex(p: Prefix): [string, string] {
  if (p.family === 4) {
    const end = p.start + 2 ** (32 - p.length) - 1;
    return [p.start.toString(16).padStart(8, '0'), end.toString(16).padStart(8, '0')];
  }
  const end = p.start + (1n << BigInt(128 - p.length)) - 1n;
  return [p.start.toString(16).padStart(32, '0'), end.toString(16).padStart(32, '0')];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** SQL for the base64 of a 16-byte blob given its 32-char upper-case hex column `h` (as rowToJson writes BLOBs). */
function base64Sql(h: string): string {
  const byte = (i: number) =>
    `((instr('0123456789ABCDEF', substr(${h}, ${2 * i + 1}, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(${h}, ${2 * i + 2}, 1)) - 1)`;
  const ch = (expr: string) => `substr('${B64}', (${expr}) + 1, 1)`;
  const parts: string[] = [];
  for (let g = 0; g < 5; g++) {
    const n = `(${byte(3 * g)} * 65536 + ${byte(3 * g + 1)} * 256 + ${byte(3 * g + 2)})`;
    parts.push(ch(`${n} >> 18`), ch(`(${n} >> 12) & 63`), ch(`(${n} >> 6) & 63`), ch(`${n} & 63`));
  }
  const last = byte(15);
  parts.push(ch(`${last} >> 2`), ch(`(${last} & 3) * 16`), "'=='");
  return parts.join(' || ');
}

const PREFIX_COLUMNS = ['id', 'space_id', 'family', 'start', 'end', 'length', 'status', 'description', 'unit', 'rir', 'date', 'created_at', 'updated_at'];

/** Events for the rows with id > afterId, in rowToJson's format, built inside SQLite. */
function eventsSql(): string {
  const obj = PREFIX_COLUMNS.map((c) =>
    c === 'start' || c === 'end' ? `'${c}', json_object('$b', ${base64Sql(c === 'start' ? 'hs' : 'he')})` : `'${c}', ${c === 'end' ? '"end"' : c}`,
  ).join(', ');
  return (
    `WITH x AS MATERIALIZED (SELECT *, hex(start) AS hs, hex("end") AS he FROM prefixes WHERE id > ?) ` +
    `INSERT INTO events (action_id, at, who, what, tbl, row_id, before, after) ` +
    `SELECT ?, ?, ?, ?, 'prefixes', id, NULL, json_object(${obj}) FROM x ORDER BY id`
  );
}

const INSERT_BULK =
  `INSERT INTO prefixes (space_id, family, start, end, length, status, description, unit, rir, date, created_at, updated_at) ` +
  `SELECT value->>0, value->>1, unhex(CASE value->>1 WHEN 4 THEN '000000000000000000000000' || (value->>2) ELSE value->>2 END), ` +
  `unhex(CASE value->>1 WHEN 4 THEN '000000000000000000000000' || (value->>3) ELSE value->>3 END), ` +
  `value->>4, value->>5, value->>6, NULL, value->>7, value->>8, ?, ? FROM json_each(?) ORDER BY key`;

const CHUNK = 100_000;

function writeCandidates(tx: Tx, candidates: Candidate[], spaceIds: Map<string, number>, now: Date): void {
  const at = now.toISOString();
  const today = todayUtc(now);
  const before = Number(tx.get('SELECT coalesce(max(id), 0) AS m FROM prefixes')!.m);
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const rows = candidates.slice(i, i + CHUNK).map((c) => {
      const [s, e] = keyHex(c.prefix);
      return [spaceIds.get(c.space)!, c.prefix.family, s, e, c.prefix.length, c.status, c.description, c.rir, c.date ?? today];
    });
    tx.run(INSERT_BULK, [at, at, JSON.stringify(rows)]);
    if (candidates.length >= PROGRESS_EVERY) progressSink?.(`import: ${Math.min(i + CHUNK, candidates.length).toLocaleString('en')} of ${candidates.length.toLocaleString('en')} rows written`);
  }
  tx.run(eventsSql(), [before, tx.actionId, tx.at, tx.who, tx.what] as SqlParam[]);
}

export function importPrefixes(
  ws: Workspace,
  input: { format: ImportFormat; text: string; dryRun?: boolean | undefined; opaqueId?: string | undefined; cc?: string | undefined; space?: string | undefined },
): ImportResult {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const defaultSpace = (input.space ?? DEFAULT_SPACE).trim();
  const problems: ImportProblem[] = [];
  let candidates: Candidate[];
  let skipped = 0;
  if (input.format === 'delegated') {
    ({ candidates, skipped } = delegatedCandidates(text, { opaqueId: input.opaqueId, cc: input.cc }, defaultSpace, problems));
  } else {
    if (input.opaqueId !== undefined || input.cc !== undefined) {
      throw new HeadroomError('invalid', `${input.opaqueId !== undefined ? 'opaque-id' : 'cc'}: only a delegated file has holders and countries`, input.opaqueId !== undefined ? 'opaque-id' : 'cc');
    }
    candidates = parseCsvCandidates(text, input.format, defaultSpace, problems);
  }

  // Duplicates: twice in the file, or already in the workspace.
  const seen = new Map<string, number>();
  const existsStmt = ws.database.prepare('SELECT 1 FROM prefixes WHERE space_id = ? AND family = ? AND start = ? AND length = ?');
  try {
    const hasRows = new Map<string, number | null>();
    for (const c of candidates) {
      const text = formatPrefix(c.prefix);
      const key = `${c.space}\u0000${text}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ line: c.line, field: 'prefix', problem: `${text} appears twice in space "${c.space}" (first on line ${first})` });
        continue;
      }
      seen.set(key, c.line);
      if (!hasRows.has(c.space)) {
        const sid = spaceId(ws, c.space);
        hasRows.set(c.space, sid !== null && ws.get('SELECT 1 AS x FROM prefixes WHERE space_id = ? LIMIT 1', [sid]) ? sid : null);
      }
      const sid = hasRows.get(c.space);
      if (sid !== null && sid !== undefined) {
        const [s] = keyHex(c.prefix);
        const startKey = Buffer.from((c.prefix.family === 4 ? '0'.repeat(24) : '') + s, 'hex');
        existsStmt.bind([sid, c.prefix.family, new Uint8Array(startKey), c.prefix.length]);
        const exists = existsStmt.step();
        existsStmt.reset();
        if (exists) problems.push({ line: c.line, field: 'prefix', problem: `${text} is already in space "${c.space}"` });
      }
    }
  } finally {
    existsStmt.free();
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new ImportRefused(problems);
  }
  const preview = candidates.slice(0, 20).map((c) => formatPrefix(c.prefix));
  const result: ImportResult = { format: input.format, dryRun: input.dryRun ?? false, added: candidates.length, skipped, preview };
  if (input.dryRun || candidates.length === 0) return result;

  ws.mutate('registry.import', `Import ${candidates.length.toLocaleString('en')} block${candidates.length === 1 ? '' : 's'} (${input.format})`, (tx) => {
    const spaceIds = new Map<string, number>();
    for (const c of candidates) {
      if (spaceIds.has(c.space)) continue;
      spaceIds.set(c.space, spaceId(tx, c.space) ?? tx.insert('spaces', { name: c.space, description: '' }));
    }
    writeCandidates(tx, candidates, spaceIds, ws.now());
  });
  return result;
}

// ------------------------------------------------------------------------------------ export

function toCsv(header: string[], rows: string[][]): string {
  return `${Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' })}\r\n`;
}

const TO_NETBOX: Record<PrefixStatus, string> = { aggregate: 'container', allocated: 'container', assigned: 'active', reserved: 'reserved' };

export function exportPrefixes(ws: Workspace, input: { format: ExportFormat; within?: string | undefined; space?: string | undefined; registry?: string | undefined }): ExportResult {
  const rows: PrefixRow[] = listPrefixes(ws, { within: input.within, space: input.space }).rows;
  switch (input.format) {
    case 'csv':
      return {
        format: 'csv',
        rows: rows.length,
        text: toCsv(['prefix', 'status', 'description', 'space', 'date'], rows.map((r) => [r.prefix, r.status, r.description, r.space, r.date ?? ''])),
      };
    case 'netbox':
      return {
        format: 'netbox',
        rows: rows.length,
        text: toCsv(['prefix', 'status', 'vrf', 'description'], rows.map((r) => [r.prefix, TO_NETBOX[r.status], r.space === DEFAULT_SPACE ? '' : r.space, r.description])),
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
      const dates = all.map((r) => r.date).filter((d) => d !== '').sort();
      const text = formatDelegated({
        header: { version: '2', registry, serial: today, startDate: dates[0] ?? today, endDate: today, utcOffset: '+0000' },
        records: all,
      });
      return { format: 'delegated', rows: all.length, text };
    }
  }
}
