/**
 * Links (upstream, transit, satellite) as limits (issue 12 §9, ../shared/CLI.md "Links",
 * docs/forecasts.md "Links"). A link's limit is its capacity × threshold (default 0.8): the
 * level at which its 95th-percentile traffic calls for an upgrade. The series is the daily or
 * monthly 95th percentile the planner enters or imports from a `date,value` CSV.
 */
import { linesOf, readCsv } from '../csv';
import { formatDay, tryParseDay } from '../dates';

/** The fraction of a link's capacity its 95th percentile may reach before it must be upgraded. */
export const DEFAULT_LINK_THRESHOLD_FRAC = 0.8;

/** The level that binds for a link: capacity × threshold, in bit/s. */
export function linkLimitBps(link: { capacityBps: number; thresholdFrac?: number | null | undefined }): number {
  return link.capacityBps * (link.thresholdFrac ?? DEFAULT_LINK_THRESHOLD_FRAC);
}

/** The lead time that applies to a link: its own, else the workspace's setting. */
export function linkLeadDays(link: { leadDays: number | null }, workspaceLeadDays: number): number {
  return link.leadDays ?? workspaceLeadDays;
}

const PREFIXES: ReadonlyArray<[number, string]> = [
  [1e12, 'Tbit/s'],
  [1e9, 'Gbit/s'],
  [1e6, 'Mbit/s'],
  [1e3, 'kbit/s'],
];

/** A rate for people, in SI units as link speeds are sold (10 Gbit/s = 10 000 000 000 bit/s). */
export function formatBps(bps: number | null): string {
  if (bps === null || !Number.isFinite(bps)) return '—';
  for (const [f, unit] of PREFIXES) if (Math.abs(bps) >= f) return `${Number((bps / f).toPrecision(3))} ${unit}`;
  return `${Number(bps.toPrecision(3))} bit/s`;
}

const NUMBER_RE = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface LinkCsvResult {
  readings: { date: string; p95Bps: number }[];
  /** `line N: field: problem`, in file order; empty when the file is good */
  problems: string[];
}

/**
 * A `date,value` file of 95th-percentile readings (bit/s), one per day or month, in any order.
 * Every bad row is reported as `line N: field: problem` (the header is line 1); a caller imports
 * nothing unless `problems` is empty.
 */
export function parseLinkCsv(text: string): LinkCsvResult {
  const csv = readCsv(linesOf(text));
  const problems: string[] = [];
  const readings: { date: string; p95Bps: number }[] = [];
  // A quoting problem (an unclosed quote) is reported on the line its row starts on.
  for (const p of csv.problems) problems.push(`line ${p.line}: row: ${p.problem}`);
  const unclosed = new Set(csv.problems.map((p) => p.line));
  const first = csv.rows[0]?.line === 1 ? csv.rows[0].fields : [];
  const header = first.map((f) => f.trim().toLowerCase());
  if (header.length !== 2 || header[0] !== 'date' || header[1] !== 'value') {
    return { readings, problems: [`line 1: header: expected "date,value", got "${first.join(',')}"`] };
  }
  const seen = new Map<number, number>();
  for (const row of csv.rows.slice(1)) {
    const lineNo = row.line;
    const fields = row.fields.map((f) => f.trim());
    if (unclosed.has(lineNo)) continue;
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== 2) {
      problems.push(`line ${lineNo}: row: expected 2 fields (date,value), got ${fields.length}`);
      continue;
    }
    const [dateText, valueText] = fields as [string, string];
    let ok = true;
    const day = tryParseDay(dateText);
    if (day === null) {
      problems.push(`line ${lineNo}: date: "${dateText}" is not a date (YYYY-MM-DD)`);
      ok = false;
    } else if (seen.has(day)) {
      problems.push(`line ${lineNo}: date: ${formatDay(day)} repeats the date on line ${seen.get(day)} (one reading per day)`);
      ok = false;
    } else seen.set(day, lineNo);
    const value = NUMBER_RE.test(valueText) ? Number(valueText) : NaN;
    if (valueText.startsWith('-')) {
      problems.push(`line ${lineNo}: value: ${valueText} is negative (traffic cannot be below zero)`);
      ok = false;
    } else if (!Number.isFinite(value)) {
      problems.push(`line ${lineNo}: value: "${valueText}" is not a number of bit/s`);
      ok = false;
    }
    if (ok) readings.push({ date: dateText, p95Bps: value });
  }
  if (problems.length === 0 && readings.length === 0) problems.push('line 2: row: the file has no readings');
  return { readings, problems };
}

const RATE_RE = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*([kKMGT])?\s*(?:bit\/s|bps|b\/s|bit)?\s*$/;
const FACTOR: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/**
 * A rate as a planner types it: `10G`, `10 Gbit/s`, `500 Mbps`, `2.5e9`, `155.52M` → bit/s
 * (SI prefixes: link speeds are decimal). Null when the text is not a rate.
 */
export function parseBps(text: string): number | null {
  const m = RATE_RE.exec(text);
  if (!m) return null;
  const v = Number(`${m[1]}${m[2] !== undefined ? `e${m[2]}` : ''}`) * (m[3] ? (FACTOR[m[3]] as number) : 1);
  return Number.isFinite(v) ? v : null;
}
