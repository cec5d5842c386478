/**
 * The RIR statistics exchange format, standard and extended (specs/rir-requests.md §6):
 * `delegated-<registry>[-extended]-<date>` files, including IANA's variant whose status
 * column names the registry a block went to.
 *
 * Parsing is all or nothing: every bad line is reported as `line N: field: problem`, and the
 * header `records` and the summary counts must equal the record lines (CHK-34).
 */
import { HeadroomError } from '../errors';
import { IPV4_MAX, parseIPv4, parseIPv6 } from '../ip/prefix';

export type DelegatedType = 'asn' | 'ipv4' | 'ipv6';
export type DelegatedStatus = 'allocated' | 'assigned' | 'available' | 'reserved';
/** IANA's file carries the receiving registry (or `ietf`/`iana`) where others carry a status. */
export type IanaDesignation = 'afrinic' | 'apnic' | 'arin' | 'lacnic' | 'ripencc' | 'ietf' | 'iana';

export const DELEGATED_TYPES: readonly DelegatedType[] = ['asn', 'ipv4', 'ipv6'];
const STATUSES = new Set<string>(['allocated', 'assigned', 'available', 'reserved']);
const IANA_DESIGNATIONS = new Set<string>(['afrinic', 'apnic', 'arin', 'lacnic', 'ripencc', 'ietf', 'iana']);
const OLD_FORMAT_STATUSES = new Set<string>(['returned', 'reallocated', 'reassigned', 'new']);
export const DELEGATED_REGISTRIES: readonly string[] = ['afrinic', 'apnic', 'arin', 'iana', 'lacnic', 'ripencc'];

export interface DelegatedHeader {
  /** `2` or `2.x`. */
  readonly version: string;
  readonly registry: string;
  readonly serial: string;
  /** Number of record lines. */
  readonly records: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly utcOffset: string;
}

export interface DelegatedSummary {
  readonly registry: string;
  readonly type: DelegatedType;
  /** Number of record lines of this type (not addresses). */
  readonly count: number;
}

export interface DelegatedRecord {
  /** 1-based line in the source text (0 for records built in code). */
  readonly line: number;
  readonly registry: string;
  /** ISO 3166 code, `ZZ`, or '' when the file leaves it empty. */
  readonly cc: string;
  readonly type: DelegatedType;
  /** First ASN, IPv4 or IPv6 address as written. */
  readonly start: string;
  /** asn: how many ASNs; ipv4: how many addresses; ipv6: prefix length. */
  readonly value: number;
  /** `yyyymmdd`, `00000000` or '' as written. */
  readonly date: string;
  readonly status: DelegatedStatus | IanaDesignation;
  /** Extended format: the holder id (same id ⇒ same holder); undefined when the column is absent. */
  readonly opaqueId?: string;
  readonly extensions: readonly string[];
}

export interface DelegatedFile {
  readonly header: DelegatedHeader;
  readonly summaries: readonly DelegatedSummary[];
  readonly records: readonly DelegatedRecord[];
  /** True when any record has an opaque-id column or an extended-only status. */
  readonly extended: boolean;
}

export interface DelegatedProblem {
  readonly line: number;
  readonly field: string;
  readonly problem: string;
}

/** Refusal of a delegated file; `problems` lists every bad line. */
export class DelegatedParseError extends HeadroomError {
  readonly problems: readonly DelegatedProblem[];
  constructor(problems: readonly DelegatedProblem[]) {
    const shown = problems.slice(0, 50).map((p) => `line ${p.line}: ${p.field}: ${p.problem}`);
    if (problems.length > 50) shown.push(`… and ${problems.length - 50} more problems`);
    super('invalid', shown.join('\n'), problems[0]?.field, '');
    this.problems = problems;
  }
}

const VERSION_RE = /^2(\.\d+)?$/;
const DATE_RE = /^\d{8}$/;
const OFFSET_RE = /^([+-]\d{4}|0{4,5})$/; // AFRINIC writes `00000`
const CC_RE = /^[A-Z]{2}$/;
const UINT_RE = /^(0|[1-9]\d*)$/;

function validDate(d: string, allowEmpty: boolean): boolean {
  if (d === '') return allowEmpty;
  if (!DATE_RE.test(d)) return false;
  if (d === '00000000') return true;
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/** Every problem of a delegated file as `{line, field, problem}` (empty when it parses): for forms and dry runs. */
export function validateDelegated(text: string): DelegatedProblem[] {
  try {
    parseDelegated(text);
    return [];
  } catch (e) {
    if (e instanceof DelegatedParseError) return [...e.problems];
    throw e;
  }
}

/** Parses a whole delegated file; throws DelegatedParseError listing every problem. */
export function parseDelegated(text: string): DelegatedFile {
  const problems: DelegatedProblem[] = [];
  const reader = new DelegatedReader((p) => problems.push(p));
  reader.push(text);
  const file = reader.end();
  if (!file) throw new DelegatedParseError(problems);
  return file;
}

/**
 * Reads a delegated file as it arrives, chunk by chunk (an import streams it, never holding the
 * whole text): each complete line is parsed when its chunk comes, only the unfinished last line is
 * held. Problems go to `onProblem` as they are found; `end()` returns the file, or null when there
 * was any problem. The same rules as parseDelegated, which is this reader fed one chunk.
 */
/**
 * The longest line a delegated file may have. The format's lines are a few hundred characters at
 * most (seven to nine short fields); a longer one is not a delegated file's, and is refused at its
 * line rather than held: joined chunk after chunk, one endless line grew the import to over 1 GB.
 */
export const DELEGATED_MAX_LINE = 65_536;

export class DelegatedReader {
  private tail = '';
  /** Inside a line already refused as too long: its rest is dropped up to the next line end. */
  private overlong = false;
  private n = 0;
  private header: DelegatedHeader | null = null;
  private headerLine = 0;
  private readonly summaries: DelegatedSummary[] = [];
  private readonly records: DelegatedRecord[] = [];
  private extended = false;
  private stopped = false;
  private problemCount = 0;
  private readonly bad: (line: number, field: string, problem: string) => void;

  constructor(onProblem: (p: DelegatedProblem) => void) {
    this.bad = (line, field, problem) => {
      this.problemCount++;
      onProblem({ line, field, problem });
    };
  }

  /** How many lines have been read so far. */
  get lines(): number {
    return this.n;
  }

  push(chunk: string): void {
    if (chunk === '') return;
    let text = chunk;
    if (this.overlong) {
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      this.overlong = false;
      text = text.slice(nl + 1);
    } else if (this.tail !== '') text = this.tail + text;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      this.line(text.slice(from, nl));
      from = nl + 1;
    }
    this.tail = text.slice(from);
    if (this.tail.length > DELEGATED_MAX_LINE) {
      this.tail = '';
      this.overlong = true;
      const n = ++this.n;
      if (this.header === null) this.headerLine = n;
      if (!this.stopped)
        this.bad(
          n,
          'row',
          `is longer than ${DELEGATED_MAX_LINE.toLocaleString('en')} characters (a delegated file's lines are short: is this the right file?)`,
        );
    }
  }

  end(): DelegatedFile | null {
    if (!this.overlong) this.line(this.tail);
    this.tail = '';
    this.overlong = false;
    const { header, headerLine, records, summaries, bad } = this;
    if (!header) {
      if (this.problemCount === 0) bad(headerLine || 1, 'version', 'no version line found (empty file?)');
      return null;
    }
    if (header.records !== records.length && this.problemCount === 0) {
      bad(headerLine, 'records', `header says ${header.records} records, the file has ${records.length}`);
    }
    if (summaries.length > 0 && this.problemCount === 0) {
      const actual = new Map<string, number>();
      for (const r of records) actual.set(r.type, (actual.get(r.type) ?? 0) + 1);
      for (const s of summaries) {
        const count = actual.get(s.type) ?? 0;
        if (s.count !== count && this.problemCount === 0) bad(headerLine, 'count', `${s.type} summary says ${s.count} records, the file has ${count}`);
      }
    }
    if (this.problemCount > 0) return null;
    return { header, summaries, records, extended: this.extended };
  }

  private line(text: string): void {
    const n = ++this.n;
    if (this.stopped) return;
    const { bad } = this;
    let raw = text;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const f = raw.split('|');
    const header = this.header;
    if (!header) {
      this.headerLine = n;
      if (f.length < 7 || !UINT_RE.test(f[3] ?? '')) {
        bad(
          n,
          'version',
          'the first line must be the version line `version|registry|serial|records|startdate|enddate|UTCoffset` (pre-2004 old-format files are not supported)',
        );
        this.stopped = true;
        return;
      }
      const [version, registry, serial, recs, startDate, endDate, utcOffset] = f as [string, string, string, string, string, string, string];
      if (!VERSION_RE.test(version)) bad(n, 'version', `format version "${version}" is not supported (expected 2 or 2.x)`);
      if (!DELEGATED_REGISTRIES.includes(registry)) bad(n, 'registry', `unknown registry "${registry}"`);
      if (!UINT_RE.test(serial)) bad(n, 'serial', `"${serial}" is not a number`);
      // The format allows an empty start or end date in the header (APNIC publishes one):
      // "startdate … enddate … (yyyymmdd)" with no value when not known (docs/rir.md §12).
      if (!validDate(startDate, true)) bad(n, 'startdate', `"${startDate}" is not yyyymmdd`);
      if (!validDate(endDate, true)) bad(n, 'enddate', `"${endDate}" is not yyyymmdd`);
      if (!OFFSET_RE.test(utcOffset)) bad(n, 'UTCoffset', `"${utcOffset}" is not +hhmm or -hhmm`);
      this.header = { version, registry, serial, records: Number(recs), startDate, endDate, utcOffset };
      return;
    }
    if (f.length === 6 && f[5] === 'summary') {
      const [registry, star1, type, star2, count] = f as [string, string, string, string, string];
      if (star1 !== '*' || star2 !== '*') bad(n, 'summary', 'summary lines read `registry|*|type|*|count|summary`');
      if (registry !== header.registry) bad(n, 'registry', `"${registry}" differs from the header's "${header.registry}"`);
      if (!DELEGATED_TYPES.includes(type as DelegatedType)) bad(n, 'type', `unknown type "${type}"`);
      else if (this.summaries.some((s) => s.type === type)) bad(n, 'type', `second summary line for ${type}`);
      if (!UINT_RE.test(count)) bad(n, 'count', `"${count}" is not a number`);
      this.summaries.push({ registry, type: type as DelegatedType, count: Number(count) });
      return;
    }
    if (f.length < 7) {
      bad(n, 'record', `expected at least 7 fields separated by "|", got ${f.length}`);
      return;
    }
    const rec = parseRecord(f, n, header.registry, bad);
    if (rec) {
      if (rec.opaqueId !== undefined || rec.status === 'available' || rec.status === 'reserved') this.extended = true;
      this.records.push(rec);
    }
  }
}

function parseRecord(f: string[], n: number, headerRegistry: string, bad: (line: number, field: string, problem: string) => void): DelegatedRecord | null {
  const [registry, cc, type, start, valueText, date, status] = f as [string, string, string, string, string, string, string];
  const before = { count: 0 };
  const fail = (field: string, problem: string): void => {
    before.count++;
    bad(n, field, problem);
  };
  if (registry !== headerRegistry) fail('registry', `"${registry}" differs from the header's "${headerRegistry}"`);
  if (cc !== '' && !CC_RE.test(cc)) fail('cc', `"${cc}" is not a two-letter country code`);
  const isIana = headerRegistry === 'iana';
  if (OLD_FORMAT_STATUSES.has(status)) fail('status', `"${status}" belongs to the pre-2004 old format, which is not supported`);
  else if (!(STATUSES.has(status) || (isIana && IANA_DESIGNATIONS.has(status)))) fail('status', `unknown status "${status}"`);
  if (!validDate(date, true)) fail('date', `"${date}" is not yyyymmdd`);
  if (!UINT_RE.test(valueText)) fail('value', `"${valueText}" is not a whole number`);
  const value = Number(valueText);
  switch (type) {
    case 'asn': {
      if (!UINT_RE.test(start) || Number(start) > 4294967295) fail('start', `"${start}" is not an AS number`);
      else if (value < 1) fail('value', 'an ASN run must hold at least 1 ASN');
      else if (Number(start) + value - 1 > 4294967295) fail('value', `${value} ASNs from AS${start} run past AS4294967295`);
      break;
    }
    case 'ipv4': {
      const v = parseIPv4(start);
      if (v === null) fail('start', `"${start}" is not an IPv4 address`);
      else if (value < 1) fail('value', 'an IPv4 record must hold at least 1 address');
      else if (v + value - 1 > IPV4_MAX) fail('value', `${value} addresses from ${start} run past 255.255.255.255`);
      break;
    }
    case 'ipv6': {
      const v = parseIPv6(start);
      if (v === null) fail('start', `"${start}" is not an IPv6 address`);
      else if (value > 128) fail('value', `prefix length ${value} is above 128`);
      else if ((v >> BigInt(128 - value)) << BigInt(128 - value) !== v) fail('start', `${start}/${value} has host bits set`);
      break;
    }
    default:
      fail('type', `unknown type "${type}" (expected asn, ipv4 or ipv6)`);
  }
  if (before.count > 0) return null;
  return {
    line: n,
    registry,
    cc,
    type: type as DelegatedType,
    start,
    value,
    date,
    status: status as DelegatedStatus | IanaDesignation,
    ...(f.length >= 8 ? { opaqueId: f[7]! } : {}),
    extensions: f.slice(8),
  };
}
