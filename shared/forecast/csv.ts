/**
 * The file of `headroom fit --csv FILE`: a `date,value` header, one reading per row, dates
 * strictly increasing, values finite numbers. Every bad row is reported as
 * `line N: field: problem` (N counts the file's lines, the header is line 1).
 */
import { HeadroomError } from '../errors';
import { formatDay, tryParseDay } from './dates';
import type { SeriesPoint } from './series';

export interface CsvValidation {
  points: SeriesPoint[];
  /** `line N: field: problem`, in file order; empty when the file is good */
  problems: string[];
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits one CSV record (RFC 4180 quoting, no embedded line breaks). Null if a quote is open. */
function splitRecord(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        const ch = line[i] as string;
        if (ch === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += ch;
        i++;
      }
      while (i < line.length && line[i] !== ',') field += line[i++];
    } else {
      while (i < line.length && line[i] !== ',') field += line[i++];
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** Validates the whole file and reports every problem; never throws. */
export function validateFitCsv(text: string): CsvValidation {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: string[] = [];
  const points: SeriesPoint[] = [];
  const header = splitRecord(lines[0] ?? '');
  if (header === null || header.length !== 2 || header[0]?.toLowerCase() !== 'date' || header[1]?.toLowerCase() !== 'value') {
    problems.push(`line 1: header: expected "date,value", got "${(lines[0] ?? '').trim()}"`);
    return { points, problems };
  }
  let prev: { day: number; line: number } | null = null;
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const fields = splitRecord(line);
    if (fields === null) {
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
  if (problems.length > 0) throw new HeadroomError('invalid', problems.join('\n'), 'csv');
  return points;
}
