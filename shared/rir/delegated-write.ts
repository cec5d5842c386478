/**
 * Writing the delegated(-extended) stats format, and the two things an import needs from a
 * parsed file: filtering by holder or country, and turning held blocks into prefixes.
 */
import { invalid } from '../errors';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6, prefixSize, type Prefix } from '../ip/prefix';
import { DELEGATED_TYPES, type DelegatedFile, type DelegatedHeader, type DelegatedRecord, type DelegatedStatus, type DelegatedType } from './delegated';
import { ipv4ValueToCidrs } from './ipv4-cidrs';

export interface DelegatedFilter {
  /** Keep only this holder's records (extended format). */
  readonly opaqueId?: string;
  /** Keep only this country's records (case-insensitive). */
  readonly cc?: string;
  readonly types?: readonly DelegatedType[];
  readonly statuses?: readonly string[];
}

export function filterDelegated(records: readonly DelegatedRecord[], filter: DelegatedFilter): DelegatedRecord[] {
  const cc = filter.cc?.toUpperCase();
  return records.filter(
    (r) =>
      (filter.opaqueId === undefined || r.opaqueId === filter.opaqueId) &&
      (cc === undefined || r.cc === cc) &&
      (filter.types === undefined || filter.types.includes(r.type)) &&
      (filter.statuses === undefined || filter.statuses.includes(r.status)),
  );
}

export interface DelegatedAggregate {
  readonly prefix: Prefix;
  readonly record: DelegatedRecord;
}

/**
 * The blocks an import records as aggregates: `allocated` and `assigned` IPv4/IPv6 records,
 * an IPv4 count that is no power of two becoming its minimal CIDR list (CLI `import --format
 * delegated`). `available`, `reserved`, ASN and IANA rows are skipped.
 */
export function delegatedAggregates(records: readonly DelegatedRecord[]): DelegatedAggregate[] {
  const out: DelegatedAggregate[] = [];
  for (const r of records) {
    if (r.status !== 'allocated' && r.status !== 'assigned') continue;
    if (r.type === 'ipv4') {
      const start = parseIPv4(r.start);
      if (start === null) throw invalid('start', `line ${r.line}: "${r.start}" is not an IPv4 address`);
      for (const p of ipv4ValueToCidrs(start, r.value)) out.push({ prefix: p, record: r });
    } else if (r.type === 'ipv6') {
      const start = parseIPv6(r.start);
      if (start === null) throw invalid('start', `line ${r.line}: "${r.start}" is not an IPv6 address`);
      out.push({ prefix: { family: 6, start, length: r.value }, record: r });
    }
  }
  return out;
}

export interface DelegatedWriteInput {
  readonly header: Omit<DelegatedHeader, 'records'>;
  readonly records: readonly DelegatedRecord[];
  /** Order of the summary lines; types missing from it follow in asn, ipv4, ipv6 order. */
  readonly summaryOrder?: readonly DelegatedType[];
}

const FIELD_RE = /^[^|\r\n]*$/;

function checkField(value: string, field: string, line: number): string {
  if (!FIELD_RE.test(value)) throw invalid(field, `record ${line}: "${value}" may not contain "|" or a line break`);
  return value;
}

/**
 * The file text: version line, one summary line per type, then the records, with the header
 * `records` and summary counts computed from the records so they always balance.
 */
export function formatDelegated(input: DelegatedWriteInput): string {
  const h = input.header;
  const order = [...(input.summaryOrder ?? []), ...DELEGATED_TYPES.filter((t) => !(input.summaryOrder ?? []).includes(t))];
  const counts = new Map<DelegatedType, number>(DELEGATED_TYPES.map((t) => [t, 0]));
  for (const r of input.records) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const out: string[] = [
    [h.version, h.registry, h.serial, String(input.records.length), h.startDate, h.endDate, h.utcOffset].join('|'),
    ...order.map((t) => `${h.registry}|*|${t}|*|${counts.get(t) ?? 0}|summary`),
  ];
  input.records.forEach((r, i) => {
    const fields = [r.registry, r.cc, r.type, r.start, String(r.value), r.date, r.status];
    if (r.opaqueId !== undefined) fields.push(r.opaqueId);
    fields.push(...r.extensions);
    out.push(fields.map((f, j) => checkField(f, j === 7 ? 'opaque-id' : 'record', i + 1)).join('|'));
  });
  return out.join('\n') + '\n';
}

/** Writes a parsed file back, keeping its summary order. */
export function formatDelegatedFile(file: DelegatedFile): string {
  return formatDelegated({ header: file.header, records: file.records, summaryOrder: file.summaries.map((s) => s.type) });
}

export interface DelegatedRecordOptions {
  readonly registry: string;
  /** ISO 3166 code, or '' / `ZZ` for none. */
  readonly cc: string;
  /** `yyyymmdd`; '' when unknown. */
  readonly date: string;
  readonly status: DelegatedStatus;
  /** Extended format holder id; omit for the standard format. */
  readonly opaqueId?: string;
}

/** One record for a prefix (IPv4 counts addresses, IPv6 carries the length), for exports. */
export function delegatedRecordForPrefix(p: Prefix, o: DelegatedRecordOptions): DelegatedRecord {
  if (!/^(\d{8})?$/.test(o.date)) throw invalid('date', `"${o.date}" is not yyyymmdd`);
  if (!/^([A-Z]{2})?$/.test(o.cc)) throw invalid('cc', `"${o.cc}" is not a two-letter country code`);
  return {
    line: 0,
    registry: o.registry,
    cc: o.cc,
    type: p.family === 4 ? 'ipv4' : 'ipv6',
    start: p.family === 4 ? formatIPv4(p.start) : formatIPv6(p.start),
    value: p.family === 4 ? Number(prefixSize(p)) : p.length,
    date: o.date,
    status: o.status,
    ...(o.opaqueId !== undefined ? { opaqueId: o.opaqueId } : {}),
    extensions: [],
  };
}

/** One record for a run of ASNs. */
export function delegatedRecordForAsns(firstAsn: number, count: number, o: DelegatedRecordOptions): DelegatedRecord {
  if (!Number.isInteger(firstAsn) || firstAsn < 0 || !Number.isInteger(count) || count < 1 || firstAsn + count - 1 > 4294967295) {
    throw invalid('asn', `AS${firstAsn} + ${count} is not a run of AS numbers`);
  }
  return { ...delegatedRecordForPrefix({ family: 4, start: 0, length: 32 }, o), type: 'asn', start: String(firstAsn), value: count };
}
