/**
 * Building blocks of shared/contract.ts. An operation is a name, a zod schema of its input,
 * the type of its output (phantom) and whether it changes the workspace. Transports iterate
 * over the merged contract and add no behaviour of their own.
 */
import type { z } from 'zod';

export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /**
   * Mutations run through the workspace's single writer and are journaled, recorded under their
   * channel name (electron/core/services/operation.ts binds the write to it).
   */
  readonly mutates: boolean;
  /** Session operations change which workspace is open; they are not workspace mutations. */
  readonly session?: boolean;
  readonly summary: string;
  /** Phantom: carries the output type; never set at run time. */
  readonly __output?: O;
}

export type OpGroup = Record<string, Operation>;

/** A read-only operation returning O. */
export function query<O>() {
  return <I extends z.ZodType>(input: I, summary: string): Operation<I, O> => ({ input, mutates: false, summary });
}

/** An operation that changes the workspace (journaled, undoable by default). */
export function mutation<O>() {
  return <I extends z.ZodType>(input: I, summary: string): Operation<I, O> & { readonly mutates: true } => ({ input, mutates: true, summary });
}

/** An operation that changes the session (which workspace is open). */
export function sessionOp<O>() {
  return <I extends z.ZodType>(input: I, summary: string): Operation<I, O> => ({
    input,
    mutates: false,
    session: true,
    summary,
  });
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges operation groups; a name declared twice throws at load time. */
export function defineContract<G extends OpGroup[]>(...groups: G): UnionToIntersection<G[number]> {
  const merged: Record<string, Operation> = {};
  for (const group of groups) {
    for (const [name, op] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new Error(`contract: operation "${name}" is declared twice`);
      }
      if (!/^[a-z]+\.[a-zA-Z]+$/.test(name)) {
        throw new Error(`contract: operation "${name}" is not named <area>.<verbNoun>`);
      }
      merged[name] = op;
    }
  }
  return merged as UnionToIntersection<G[number]>;
}
