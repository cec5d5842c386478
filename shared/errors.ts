/**
 * The one error shape that crosses every transport (IPC, web bridge, CLI):
 * `{ code, message, field? }`. Library errors are mapped to it at the edge;
 * stack traces never reach a client.
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
  message: string;
  field?: string;
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

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'HeadroomError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  toShape(): ErrorShape {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** `invalid` error naming a field: the most common refusal. */
export function invalid(field: string, message: string): HeadroomError {
  return new HeadroomError('invalid', `${field}: ${message}`, field);
}

export function isErrorShape(value: unknown): value is ErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorShape).code === 'string' &&
    typeof (value as ErrorShape).message === 'string'
  );
}

/** Zod-like issue list → our shape (first issue wins, path joined with dots). */
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function issuesToError(issues: ReadonlyArray<IssueLike>): HeadroomError {
  const first = issues[0];
  if (!first) return new HeadroomError('invalid', 'input: invalid');
  const field = first.path.map(String).join('.') || 'input';
  return invalid(field, first.message);
}

/** Anything thrown → the shape; unknown errors become `internal` without a stack. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof HeadroomError) return error.toShape();
  if (isErrorShape(error)) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `internal error: ${message}` };
}
