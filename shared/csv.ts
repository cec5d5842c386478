/**
 * CSV, RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): the one reader and the one writer of
 * every CSV Headroom reads or writes — the registry import and export, the allocation report,
 * `headroom fit --csv`, link readings and bulk readings (issue 18 §3).
 *
 * Reading is written here rather than taken from Papa Parse, for two reasons measured on the
 * registry import: Papa's streaming (step) mode costs ~40 µs a row (40 s for a million-row
 * import, where this reader takes about one), and Papa guesses the delimiter, reporting a
 * spurious "Unable to auto-detect delimiting character" for files whose rows hold one field.
 * The format is fixed here: a comma, `"` quoting with `""` inside, CRLF or LF line ends (a lone
 * CR is no line break, RFC 4180 §2; readCsv's callers that accept old Mac files say so). Lines
 * are counted as a spreadsheet shows them, quoted line breaks included, so a problem's
 * `line N` is the line the planner finds.
 *
 * Writing is Papa Parse's `unparse` (maintained, quotes exactly the fields that need it), with
 * CRLF line ends and a final CRLF (RFC 4180 §2.1–2.2), and without Papa's own formula escaping:
 * the callers neutralise cells themselves (report/csv-cell.ts), so that import can undo it.
 */
import Papa from 'papaparse';

/** A problem with the text itself, on the line its row starts on. */
export interface CsvProblem {
  line: number;
  field: string;
  problem: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Longest row held while waiting for its end: a longer one surely lacks a closing quote. */
export const MAX_ROW_CHARS = 1 << 20;

/**
 * Reads RFC 4180 CSV (comma-separated, `"` quoting with `""` inside, CRLF or LF) as it arrives,
 * chunk by chunk, calling `onRow` with the fields and the 1-based line the row starts on (quoted
 * line breaks counted), so problems name the line a spreadsheet shows. Blank lines are skipped.
 * Only the row still open at a chunk's end is held (and read again when the next chunk comes);
 * a row longer than MAX_ROW_CHARS is reported and ends the reading (the file is refused anyway).
 */
export class CsvRowReader {
  private buf = '';
  /** The line buf[0] is on. */
  private line = 1;
  private stopped = false;

  constructor(
    private readonly onRow: (fields: string[], line: number) => void,
    private readonly onError: (p: CsvProblem) => void,
  ) {}

  push(chunk: string): void {
    if (this.stopped || chunk === '') return;
    this.buf = this.buf === '' ? chunk : this.buf + chunk;
    this.read(false);
    if (this.buf.length > MAX_ROW_CHARS) {
      this.onError({
        line: this.line,
        field: 'row',
        problem: `is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters (is a closing " missing?); the rest of the file was not read`,
      });
      this.stopped = true;
      this.buf = '';
    }
  }

  end(): void {
    if (!this.stopped) this.read(true);
    this.buf = '';
    this.stopped = true;
  }

  /** Reads the complete rows of buf (all of it when `final`) and keeps the rest. */
  private read(final: boolean): void {
    const text = this.buf;
    const n = text.length;
    let pos = 0;
    let line = this.line;
    rows: while (pos < n) {
      const rowStart = pos;
      const rowLine = line;
      const fields: string[] = [];
      const errors: CsvProblem[] = [];
      // The row goes on past the end of what has arrived: wait for the next chunk.
      const incomplete = () => {
        pos = rowStart;
        line = rowLine;
      };
      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          // Quoted field: up to the closing quote, "" standing for one quote.
          let value = '';
          let from = pos + 1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0) {
              if (!final) {
                incomplete();
                break rows;
              }
              errors.push({ line: rowLine, field: 'csv', problem: 'a quoted field is not closed (a " is missing)' });
              value += text.slice(from);
              pos = n;
              break;
            }
            if (q + 1 >= n && !final) {
              incomplete();
              break rows;
            }
            value += text.slice(from, q);
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += '"';
              from = q + 2;
              continue;
            }
            pos = q + 1;
            break;
          }
          for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) line++;
          const c = text.charCodeAt(pos);
          if (c === CR && pos + 1 >= n && !final) {
            incomplete();
            break rows;
          }
          if (pos < n && c !== COMMA && c !== LF && !(c === CR && text.charCodeAt(pos + 1) === LF)) {
            let end = pos;
            while (end < n && text.charCodeAt(end) !== COMMA && text.charCodeAt(end) !== LF) end++;
            if (end === n && !final) {
              incomplete();
              break rows;
            }
            errors.push({ line: rowLine, field: 'csv', problem: 'unexpected text after a closing quote' });
            value += text.slice(pos, end).replace(/\r$/, '');
            pos = end;
          }
          fields.push(value);
        } else {
          let end = pos;
          for (; end < n; end++) {
            const c = text.charCodeAt(end);
            if (c === COMMA || c === LF) break;
          }
          if (end === n && !final) {
            incomplete();
            break rows;
          }
          fields.push(text.slice(pos, end > pos && text.charCodeAt(end - 1) === CR && (end === n || text.charCodeAt(end) === LF) ? end - 1 : end));
          pos = end;
        }
        const c = text.charCodeAt(pos);
        if (pos < n && c === COMMA) {
          pos++;
          continue;
        }
        // End of the row: its newline (CRLF or LF) belongs to it.
        if (c === CR) pos++;
        if (text.charCodeAt(pos) === LF) {
          pos++;
          line++;
        }
        break;
      }
      for (const e of errors) this.onError(e);
      if (fields.length === 1 && fields[0] === '') continue; // blank line
      this.onRow(fields, rowLine);
    }
    this.buf = pos >= n ? '' : text.slice(pos);
    this.line = line;
  }
}

/** A row of a whole text, with the line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

/** Reads a whole text (a leading byte-order mark dropped): its rows and the problems of its quoting. */
export function readCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const reader = new CsvRowReader(
    (fields, line) => rows.push({ fields, line }),
    (p) => problems.push(p),
  );
  reader.push(text.replace(/^\uFEFF/, ''));
  reader.end();
  return { rows, problems };
}

/** RFC 4180 text of a header and rows: CRLF line ends, a final CRLF, quoted where needed. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}

/**
 * A whole text with every line end as LF, a lone CR (classic Mac OS) included: for the readers
 * of small pasted or exported texts (readings, `fit --csv`) that have always taken it as a line
 * end. The registry import keeps RFC 4180's rule.
 */
export function linesOf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
