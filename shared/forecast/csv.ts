/**
 * The file of `headroom fit --csv FILE`: a `date,value` header, one reading per row, dates
 * strictly increasing, values finite numbers. Every bad row is reported as
 * `line N: field: problem` (N counts the file's lines, the header is line 1). Read by the one
 * CSV reader (shared/csv.ts).
 */
import { linesOf, readCsv } from '../csv';
import { HeadroomError } from '../errors';
import { formatDay, tryParseDay } from '../dates';
import type { SeriesPoint } from './series';

export interface CsvValidation {
  points: SeriesPoint[];
  /** `line N: field: problem`, in file order; empty when the file is good */
  problems: string[];
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Validates the whole file and reports every problem; never throws. */
export function validateFitCsv(text: string): CsvValidation {
  const csv = readCsv(linesOf(text));
  const problems: string[] = [];
  const points: SeriesPoint[] = [];
  const first = csv.rows[0];
  const header = first?.line === 1 ? first.fields.map((f) => f.trim().toLowerCase()) : null;
  if (header === null || header.length !== 2 || header[0] !== 'date' || header[1] !== 'value') {
    problems.push(`line 1: header: expected "date,value", got "${first?.line === 1 ? first.fields.join(',').trim() : ''}"`);
    return { points, problems };
  }
  const unclosed = new Set(csv.problems.map((p) => p.line));
  let prev: { day: number; line: number } | null = null;
  for (const row of csv.rows.slice(1)) {
    const lineNo = row.line;
    const fields = row.fields.map((f) => f.trim());
    if (fields.length === 1 && fields[0] === '') continue;
    if (unclosed.has(lineNo)) {
      problems.push(`line ${lineNo}: row: unterminated quote`);
      continue;
    }
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
    } else if (prev !== null && day === prev.day) {
      problems.push(`line ${lineNo}: date: ${dateText} repeats the date on line ${prev.line} (one reading per date)`);
      ok = false;
    } else if (prev !== null && day < prev.day) {
      problems.push(`line ${lineNo}: date: ${dateText} is before ${formatDay(prev.day)} on line ${prev.line} (rows must be in date order)`);
      ok = false;
    }
    const value = NUMBER_RE.test(valueText) ? Number(valueText) : NaN;
    if (!Number.isFinite(value)) {
      problems.push(`line ${lineNo}: value: "${valueText}" is not a finite number`);
      ok = false;
    } else if (value < 0) {
      // Usage (addresses, ASNs, watts, bytes) is a count or a load: below zero is a typo or a sign error.
      problems.push(`line ${lineNo}: value: ${valueText} is negative (usage cannot be below zero)`);
      ok = false;
    }
    if (day !== null && (prev === null || day > prev.day)) prev = { day, line: lineNo };
    if (ok) points.push({ date: dateText, value });
  }
  return { points, problems };
}

/** Parses the file; throws an `invalid` error listing every bad row (one per line of the message). */
export function parseFitCsv(text: string): SeriesPoint[] {
  const { points, problems } = validateFitCsv(text);
  if (problems.length > 0) throw new HeadroomError('invalid', problems.join('\n'), 'csv', '');
  return points;
}
