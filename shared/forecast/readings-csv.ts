/**
 * Readings in bulk (issue 14 §9): a `date,value` CSV, typed, pasted or imported, for one series
 * (a site's IT load or data, and any other series that keeps one value per day). Parsed with
 * the one CSV reader, shared/csv.ts (RFC 4180 quoting; CRLF, LF or CR); the header may be left out when the rows are pasted.
 * Every bad row is reported as `line N: field: problem`, N counting the text's lines as the
 * planner sees them (the header is line 1); a clean file gives its points in date order.
 * Values are non-negative finite numbers (a reading is a load, a size or a count).
 */
import { linesOf, readCsv } from '../csv';
import { formatDay, tryParseDay } from '../dates';

export interface ReadingPoint {
  date: string;
  value: number;
  /** Where it was in the text. */
  line: number;
}

export interface ReadingsParse {
  points: ReadingPoint[];
  problems: string[];
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseReadingsCsv(text: string): ReadingsParse {
  const csv = readCsv(linesOf(text));
  const problems: string[] = [];
  const points: ReadingPoint[] = [];
  const seen = new Map<string, number>();
  let first = true;
  const unclosed = new Set(csv.problems.map((p) => p.line));
  for (const p of csv.problems) problems.push(`line ${p.line}: row: ${p.problem}`);
  for (const row of csv.rows) {
    const fields = row.fields.map((f) => f.trim());
    // The line the row starts on, quoted line breaks before it counted (shared/csv.ts).
    const physical = row.line;
    if (unclosed.has(physical) || fields.length === 0 || (fields.length === 1 && fields[0] === '')) continue;
    if (first) {
      first = false;
      if (tryParseDay(fields[0]!) === null && !/^\d/.test(fields[0]!)) {
        const header = fields.map((f) => f.toLowerCase());
        if (header.length !== 2 || header[0] !== 'date' || header[1] !== 'value')
          problems.push(`line ${physical}: header: must be date,value (got "${fields.join(',')}")`);
        continue;
      }
    }
    const [dateText = '', valueText, ...extra] = fields;
    const day = tryParseDay(dateText);
    if (day === null) {
      problems.push(`line ${physical}: date: ${dateText === '' ? 'is missing' : `${dateText} is not a day (YYYY-MM-DD)`}`);
      continue;
    }
    const date = formatDay(day);
    const before = seen.get(date);
    if (before !== undefined) {
      problems.push(`line ${physical}: date: ${date} is given twice (also line ${before})`);
      continue;
    }
    seen.set(date, physical);
    if (extra.some((x) => x !== '')) {
      problems.push(`line ${physical}: value: one value per line (date,value); this line has ${fields.length} fields`);
      continue;
    }
    if (valueText === undefined || valueText === '') {
      problems.push(`line ${physical}: value: is missing`);
      continue;
    }
    if (!NUMBER_RE.test(valueText)) {
      problems.push(`line ${physical}: value: "${valueText}" is not a number`);
      continue;
    }
    const value = Number(valueText);
    if (!Number.isFinite(value)) {
      problems.push(`line ${physical}: value: "${valueText}" is not a finite number`);
      continue;
    }
    if (value < 0) {
      problems.push(`line ${physical}: value: must not be negative`);
      continue;
    }
    points.push({ date, value: value === 0 ? 0 : value, line: physical });
  }
  if (problems.length === 0 && points.length === 0) problems.push('line 1: file: has no reading');
  if (problems.length > 0) return { points: [], problems };
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { points, problems };
}
