/**
 * The one error shape that crosses every transport (IPC, web bridge, CLI):
 * `{ code, message, field?, subject? }`. The message says the problem and leaves the field out:
 * a screen shows it at its field as it is, and only `errorLine` (the CLI's printer) joins the
 * two into one line. Library errors are mapped to it at the edge; stack traces never reach a
 * client.
 */
export type ErrorCode =
  | 'invalid' // the input is refused (a field is wrong)
  | 'not-found' // a named thing does not exist
  | 'conflict' // the change collides with what is there (duplicate, has children, full)
  | 'locked' // another process holds the workspace for writing
  | 'read-only' // this session opened the workspace read-only
  | 'corrupt' // the workspace file is damaged and was refused
  | 'newer-version' // the file was written by a newer Headroom
  | 'no-workspace' // no workspace is open
  | 'io' // the disk refused
  | 'unauthorized' // transport: bad or missing token
  | 'internal';

export interface ErrorShape {
  code: ErrorCode;
  /** The problem, without the field's name in front. */
  message: string;
  /** The input the problem belongs to (a screen shows the message there). */
  field?: string;
  /**
   * What a line that stands alone names in front of the message when it is not the field: the
   * file a workspace error is about (`/home/me/a.headroom: the file already exists`), or `''`
   * for a report whose message names its own places (a list of bad rows, each `line N: …`).
   */
  subject?: string;
}

/**
 * A warning that rides beside a result (or an error) on every transport: the operation did what
 * it says, and something else needs the planner's attention. `not-saved`: the workspace file
 * could not be rewritten; every change is safe in the journal (docs/workspace-files.md).
 */
export interface WarningShape {
  code: 'not-saved';
  message: string;
}

export class HeadroomError extends Error implements ErrorShape {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly subject?: string;

  /** `message`: the problem alone; `field`: where it belongs; `subject`: see ErrorShape. */
  constructor(code: ErrorCode, message: string, field?: string, subject?: string) {
    super(message);
    this.name = 'HeadroomError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (subject !== undefined) this.subject = subject;
  }

  toShape(): ErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.subject === undefined ? {} : { subject: this.subject }),
    };
  }
}

/** Unit suffixes of field names (docs/facility-units.md), said as units. */
const UNIT_WORDS: Record<string, string> = {
  W: '(W)',
  V: '(V)',
  A: '(A)',
  Min: '(min)',
  Frac: '(share)',
  Pct: '(%)',
  Bps: '(bit/s)',
  S: '(s)',
  Kwh: '(kWh)',
  Wh: '(Wh)',
  Ah: '(Ah)',
  L: '(L)',
  LPerH: '(L/h)',
  C: '(°C)',
};
const WORDS: Record<string, string> = {
  qty: 'quantity',
  items: 'item',
  holdings: 'holding',
  contacts: 'contact',
  neighbours: 'neighbour',
  originate: 'route',
  nameServers: 'name server',
  ns: 'name server',
  ptr: 'PTR record',
  series: 'point',
  curve: 'curve point',
  lPerH: 'litres per hour',
  loadFrac: 'load (fraction)',
};

function nameWords(name: string): string {
  if (WORDS[name]) return WORDS[name]!;
  const unit = /(LPerH|Kwh|Wh|Ah|Min|Frac|Pct|Bps|W|V|A|S|L|C)$/.exec(name);
  const base = unit && unit.index > 0 ? name.slice(0, unit.index) : name;
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return unit && unit.index > 0 ? `${words} ${UNIT_WORDS[unit[1]!]}` : words;
}

/**
 * A field path in plain words for a line (issue 14, item 6): `items.2.measuredW` → "item 3,
 * measured (W)", `holdings[5].prefix` → "holding 6, prefix". A plain name is kept as it is.
 */
export function fieldWords(path: string): string {
  if (!/[.[]/.test(path)) return path;
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const word = WORDS[p] ?? (p.length > 3 && /[^s]s$/.test(p) ? nameWords(p).replace(/s$/, '') : nameWords(p));
      out.push(`${word} ${Number(next) + 1}`);
      i++;
    } else out.push(nameWords(p));
  }
  return out.join(', ');
}

/**
 * An error as one line that stands alone (issue 18, item 2): its subject or its field in plain
 * words, then the problem (`item 3, measured (W): must be a number`). The CLI prints this on
 * stderr; a message that quotes another error whole uses it too. A screen never needs it: it
 * shows `message` at `field`.
 */
export function errorLine(error: Pick<ErrorShape, 'message' | 'field' | 'subject'>): string {
  const lead = leadOf(error);
  return lead === '' ? error.message : `${lead}: ${error.message}`;
}

/** What `errorLine` puts in front of the message: the subject, else the field in plain words, else nothing. */
export function leadOf(error: Pick<ErrorShape, 'field' | 'subject'>): string {
  return error.subject ?? (error.field ? fieldWords(error.field) : '');
}

/** `invalid` error naming a field: the most common refusal. `problem` says what is wrong, without the field. */
export function invalid(field: string, problem: string): HeadroomError {
  return new HeadroomError('invalid', problem, field);
}

export function isErrorShape(value: unknown): value is ErrorShape {
  return typeof value === 'object' && value !== null && typeof (value as ErrorShape).code === 'string' && typeof (value as ErrorShape).message === 'string';
}

/** Zod-like issue list → our shape (first issue wins, path joined with dots). */
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function issuesToError(issues: ReadonlyArray<IssueLike>): HeadroomError {
  const first = issues[0];
  if (!first) return invalid('input', 'invalid');
  const field = first.path.map(String).join('.') || 'input';
  return invalid(field, first.message);
}

/** Anything thrown → the shape; unknown errors become `internal` without a stack. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof HeadroomError) return error.toShape();
  if (isErrorShape(error))
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(typeof error.subject === 'string' ? { subject: error.subject } : {}),
    };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `internal error: ${message}` };
}
