/**
 * The service of an operation that changes the workspace is declared once with its contract
 * channel, and the write it gets is bound to that channel: the action lands in the journal and
 * the audit log under the channel's name (the same strings as ever, so existing workspaces
 * replay), and a service never spells an op name of its own. The contract's `mutates` is what
 * admits a channel here (MutatingChannel); a query cannot be given a write.
 *
 * Each acknowledged change is exactly one journal entry: a second write in the same call is
 * refused (a service that does several things does them in one write).
 */
import type { MutatingChannel, ParsedInputOf } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import type { Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';

export interface WriteOptions {
  /** False for an action that shows in the history but Undo skips. */
  undoable?: boolean;
}

/**
 * One journaled, undoable action: everything `fn` does through the Tx commits together. `fn`
 * must finish before the write returns: a promise is refused and nothing is changed.
 */
export type Write = <T>(summary: string, fn: (tx: Tx) => T, options?: WriteOptions) => T;

/** The write of one call of `channel` on `ws`; it may be used once. */
export function writeAs(ws: Workspace, channel: MutatingChannel): Write {
  let written = false;
  return (summary, fn, options) => {
    if (written) throw new HeadroomError('internal', `${channel}: one call wrote twice; a change must be one journaled action`);
    written = true;
    return ws.mutate(channel, summary, fn, options);
  };
}

/** A service of a mutating channel: takes the parsed input, writes through `write`. */
export type OperationService<C extends MutatingChannel, R> = (ws: Workspace, input: ParsedInputOf<C>, write: Write) => R;

/** A declared operation, called as `(ws, input)` by its handler, the CLI and tests alike. */
export type DeclaredOperation<C extends MutatingChannel, R> = ((ws: Workspace, input: ParsedInputOf<C>) => R) & { readonly channel: C };

export function operation<C extends MutatingChannel, R>(channel: C, service: OperationService<C, R>): DeclaredOperation<C, R> {
  const run = (ws: Workspace, input: ParsedInputOf<C>): R => service(ws, input, writeAs(ws, channel));
  return Object.assign(run, { channel });
}
