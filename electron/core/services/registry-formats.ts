/**
 * The registry's file formats as read by an import: the CLI's CSV and NetBox's prefix CSV (an
 * RFC 4180 reader fed chunk by chunk), an RIR's delegated(-extended) statistics file
 * (specs/rir-requests.md §6), a file read from disk as UTF-8 text, and the problems of a file
 * (`line N: field: problem`, all or nothing: ImportRefused). Nothing here touches the workspace;
 * registry-import.ts checks the candidates against it and writes them.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { PREFIX_STATUSES, type PrefixStatus } from '../../../shared/contract';
import { CsvRowReader } from '../../../shared/csv';
import { isCalendarDay } from '../../../shared/dates';
import { HeadroomError } from '../../../shared/errors';
import { parsePrefix, type Prefix } from '../../../shared/ip/prefix';
import { restoreCsvCell } from '../../../shared/report/csv-cell';
import { DelegatedReader, type DelegatedRecord } from '../../../shared/rir/delegated';
import { delegatedAggregates, filterDelegated } from '../../../shared/rir/delegated-write';

export interface ImportProblem {
  line: number;
  field: string;
  problem: string;
}

/** Where progress of big imports goes (the CLI points it at stderr). */
let progressSink: ((message: string) => void) | null = null;
/** Says how far a big import has come (to the CLI's stderr, or nowhere). */
export function reportProgress(message: string): void {
  progressSink?.(message);
}
export function setImportProgress(fn: ((message: string) => void) | null): void {
  progressSink = fn;
}
export const PROGRESS_EVERY = 100_000;

export interface Candidate {
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
      '',
    );
  }
}

export { CsvRowReader, MAX_ROW_CHARS } from '../../../shared/csv';

/**
 * The problems of an import: all of them counted, the first MAX_REPORTED_PROBLEMS by line kept
 * (3 million bad rows once built a report past JavaScript's longest string).
 */
export const MAX_REPORTED_PROBLEMS = 1000;

export class ProblemList {
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

export function statusFromText(text: string): PrefixStatus | null {
  const s = text.trim().toLowerCase();
  return (PREFIX_STATUSES as readonly string[]).includes(s) ? (s as PrefixStatus) : null;
}

export const NETBOX_STATUS: Record<string, PrefixStatus> = { container: 'allocated', active: 'assigned', reserved: 'reserved' };

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
  const refuse = (why: string) => new HeadroomError('invalid', `${path} is not a text file (${why}); expected a CSV or a delegated file in UTF-8`, 'file');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new HeadroomError('io', `could not read ${path}: ${(e as Error).message}`, 'file');
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
        throw new HeadroomError('io', `could not read ${path}: ${(e as Error).message}`, 'file');
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
export function csvCandidates(format: 'csv' | 'netbox', defaultSpace: string, problems: ProblemList): { push(chunk: string): void; end(): Candidate[] } {
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
      if (++rows % PROGRESS_EVERY === 0) reportProgress(`import: ${rows.toLocaleString('en')} rows checked`);
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
        bad(line, 'prefix', get('prefix') === '' ? 'is required' : (e as Error).message);
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
export interface AsnCandidate {
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
export function delegatedCandidates(
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
        reportProgress(`import: ${reported.toLocaleString('en')} lines checked`);
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
