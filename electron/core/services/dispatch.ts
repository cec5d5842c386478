/**
 * The one entry point every transport uses: checks the channel, parses the input with the
 * contract's schema (refusing an unknown field by name), calls the handler, and turns any failure into `{ code, message, field? }`.
 * While the workspace file could not be rewritten, every answer also carries
 * `warning: { code: 'not-saved', message }`: the change itself was journaled and is done.
 */
import { contract, isChannel, type Channel, type OutputOf, type RawInputOf } from '../../../shared/contract';
import { HeadroomError, invalid, issuesToError, toErrorShape, type ErrorShape, type WarningShape } from '../../../shared/errors';
import { documentPath, unknownFieldProblem, unknownFields } from '../../../shared/strict-input';
import type { Handlers } from './handler-types';

export type CallResult<T = unknown> = { ok: true; value: T; warning?: WarningShape } | { ok: false; error: ErrorShape; warning?: WarningShape };

export type Dispatch = (channel: string, input: unknown) => Promise<CallResult>;

export interface DispatchOptions {
  /** The session's standing warning, read after each call (Session.warning). */
  warning?: () => WarningShape | null;
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const withWarning = (r: CallResult): CallResult => {
    let warning: WarningShape | null = null;
    try {
      warning = options.warning?.() ?? null;
    } catch {
      /* no workspace open, or it was closed: nothing to warn about */
    }
    return warning ? { ...r, warning } : r;
  };
  return async (channel, rawInput) => withWarning(await call(handlers, channel, rawInput));
}

async function call(handlers: Handlers, channel: string, rawInput: unknown): Promise<CallResult> {
  try {
    if (!isChannel(channel)) throw new HeadroomError('invalid', `unknown operation "${channel}"`, 'channel');
    const op = contract[channel];
    // Strict JSON (CLI.md "Strict input"): an unknown field is refused by name on every channel,
    // never dropped, so a misspelt key cannot run with the default it would have replaced.
    const unknown = unknownFields(op.input, rawInput ?? {})[0];
    if (unknown) throw invalid(documentPath(unknown.path), unknownFieldProblem(unknown));
    const parsed = op.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw issuesToError(parsed.error.issues);
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return { ok: false, error: toErrorShape(e) };
  }
}

/** Direct typed call for the CLI and tests: throws a HeadroomError on failure. */
export async function callOrThrow<C extends Channel>(dispatch: Dispatch, channel: C, input: RawInputOf<C>): Promise<OutputOf<C>> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new HeadroomError(r.error.code, r.error.message, r.error.field, r.error.subject);
  return r.value as OutputOf<C>;
}
