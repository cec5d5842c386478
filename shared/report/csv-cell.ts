/**
 * CSV formula injection (docs/exports.md): a spreadsheet that opens a CSV reads a cell starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so a block description such
 * as `=HYPERLINK(…)` would run in the planner's LibreOffice or Excel. OWASP's rule
 * (https://owasp.org/www-community/attacks/CSV_Injection): no cell may begin with one of these;
 * prefix such a cell with a single quote, which the spreadsheet shows as text.
 *
 * The importer undoes exactly what the exporter added, and nothing else, so a round trip keeps
 * every description as it was, harmless or not:
 * - export: a quote goes in front of a cell that starts with a trigger, and in front of a cell
 *   that already starts with a quote followed by a trigger or another quote (`'=x`, `''x`), so
 *   that such a cell is not mistaken for an escaped one on the way back;
 * - import: one leading quote is removed only when a trigger or another quote follows it.
 * A hand-made file's `'quoted'` or `don't` therefore reads as written, and a description that
 * begins with "-" (`- spare`, `-1`) comes back as `- spare`, `-1`.
 */

/** The first characters a spreadsheet reads as the start of a formula (OWASP, CSV Injection). */
export const CSV_FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

const QUOTE = "'";

function isTrigger(c: string | undefined): boolean {
  return c !== undefined && CSV_FORMULA_TRIGGERS.includes(c);
}

/** True when `restoreCsvCell` would take a quote off `text`: a quote then a trigger or a quote. */
function looksEscaped(text: string): boolean {
  return text[0] === QUOTE && (isTrigger(text[1]) || text[1] === QUOTE);
}

/** The cell as it is written to a CSV file: never starting with a formula trigger. */
export function neutraliseCsvCell(text: string): string {
  return isTrigger(text[0]) || looksEscaped(text) ? QUOTE + text : text;
}

/** The cell as it was before `neutraliseCsvCell` (a cell it left alone is returned unchanged). */
export function restoreCsvCell(text: string): string {
  return looksEscaped(text) ? text.slice(1) : text;
}
