/**
 * The one entry point every transport uses: checks the channel, parses the input with the
 * contract's schema, calls the handler, and turns any failure into `{ code, message, field? }`.
 */
import { contract, isChannel, type Channel, type OutputOf } from '../../../shared/contract';
import { HeadroomError, issuesToError, toErrorShape, type ErrorShape } from '../../../shared/errors';
import type { Handlers } from './handler-types';

export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorShape };

export type Dispatch = (channel: string, input: unknown) => Promise<CallResult>;

export function createDispatch(handlers: Handlers): Dispatch {
  return async (channel, rawInput) => {
    try {
      if (!isChannel(channel)) throw new HeadroomError('invalid', `channel: unknown operation "${channel}"`, 'channel');
      const op = contract[channel];
      const parsed = op.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw issuesToError(parsed.error.issues);
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      return { ok: false, error: toErrorShape(e) };
    }
  };
}

/** Direct typed call for the CLI and tests: throws a HeadroomError on failure. */
export async function callOrThrow<C extends Channel>(dispatch: Dispatch, channel: C, input: unknown): Promise<OutputOf<C>> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new HeadroomError(r.error.code, r.error.message, r.error.field);
  return r.value as OutputOf<C>;
}
