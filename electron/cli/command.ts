/** The CLI's command model: each area registers commands; main.ts routes argv to one. */
import { statSync } from 'node:fs';
import type { Channel, OutputOf, RawInputOf } from '../../shared/contract';
import { callOrThrow, createDispatch, type Dispatch } from '../core/services/dispatch';
import { createHandlers } from '../core/services/handlers';
import { Session } from '../core/services/session';
import { currentUser } from '../core/services/user';
import type { Workspace } from '../core/workspace/workspace';

export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  args: string[];
  opts: Record<string, string | boolean | undefined>;
  io: Io;
  /**
   * Opens WS, runs `fn` with a typed caller, closes (saving when cheap). `workspace` gives the
   * open workspace itself, for a service that takes more than the contract carries (an import
   * streamed from a file).
   */
  withWorkspace<T>(path: string, mode: 'read' | 'write', fn: (call: Caller, workspace: () => Workspace) => Promise<T>): Promise<T>;
  /** A warning for stderr, printed after the result (`headroom: warning: …`); the exit code is unchanged. */
  warn(message: string): void;
}

export type Caller = <C extends Channel>(channel: C, input: RawInputOf<C>) => Promise<OutputOf<C>>;

export interface Command {
  /** One or two words: "init", "prefix add". */
  name: string;
  usage: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  /** How many positionals after the name: [min, max]. */
  positionals: [number, number];
  run(ctx: CommandContext): Promise<void>;
}

export { currentUser };

/** Snapshots on close only while a rewrite is cheap; otherwise the fsynced journal holds it. */
const CHEAP_SNAPSHOT_BYTES = 16 * 1024 * 1024;

/**
 * Opens WS, runs `fn`, closes. `warn` receives what the planner must know besides the result or
 * the refusal: a damaged journal tail kept aside at open, and a file that could not be rewritten
 * at close (the change is done and journaled, so the command still succeeds). A refusal from
 * `fn` is what the command reports; a save problem never replaces it.
 */
export async function withWorkspace<T>(
  path: string,
  mode: 'read' | 'write',
  fn: (call: Caller, workspace: () => Workspace) => Promise<T>,
  warn: (message: string) => void = () => undefined,
): Promise<T> {
  const session = new Session({ who: currentUser() });
  if (mode === 'read') await session.openForQuery(path);
  else await session.open(path);
  const opened = session.workspace;
  if (opened?.journalDamage) warn(opened.journalDamage.message);
  const dispatch: Dispatch = createDispatch(createHandlers(session));
  const call: Caller = (channel, input) => callOrThrow(dispatch, channel, input);
  try {
    return await fn(call, () => session.require());
  } finally {
    const ws = session.workspace;
    if (ws && !ws.readOnly) {
      let cheap = true;
      try {
        cheap = statSync(ws.path).size < CHEAP_SNAPSHOT_BYTES;
      } catch {
        cheap = false;
      }
      ws.close({ save: cheap });
      if (ws.saveProblem) warn(ws.saveProblem.message);
    }
    session.close();
  }
}

/** Pads columns so lists line up (the last column is left ragged). */
export function alignRows(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function jsonOut(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
