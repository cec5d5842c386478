/**
 * A real workspace in a temp folder, driven through dispatch (the path every transport takes):
 * `call` returns the value or throws the `{code, message, field}` error; `dispatch` gives the
 * raw answer for refusal checks.
 */
import { afterAll, afterEach } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { createDispatch } from '../../electron/core/services/dispatch';
import { createHandlers } from '../../electron/core/services/handlers';
import { Session } from '../../electron/core/services/session';
import { tempDir } from './tmp';

export interface DispatchSession {
  session: Session;
  dispatch: ReturnType<typeof createDispatch>;
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}

export async function openDispatch(path: string, options: { demo?: boolean; now?: () => Date } = {}): Promise<DispatchSession> {
  const session = new Session({ who: 'tester', ...(options.now ? { now: options.now } : {}) });
  await session.create(path, options.demo ?? false);
  const dispatch = createDispatch(createHandlers(session));
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as OutputOf<C>;
  };
  return { session, dispatch, call };
}

/**
 * For a test file: `open()` makes a new workspace in the file's own temp folder and opens it
 * through dispatch; each session is closed after its test and the folder removed after the file.
 */
export function dispatchSessions(prefix: string): (options?: { demo?: boolean; now?: () => Date }) => Promise<DispatchSession> {
  const tmp = tempDir(prefix);
  const open: Session[] = [];
  let n = 0;
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => tmp.cleanup());
  return async (options = {}) => {
    const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), options);
    open.push(d.session);
    return d;
  };
}
