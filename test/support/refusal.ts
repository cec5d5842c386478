/**
 * The line the CLI prints for a refusal (shared/errors.ts errorLine): its field in plain words,
 * or the file it names, in front of the problem. An error carries its field apart from its
 * message (issue 18, item 2), so a test that a refusal names its field reads it here.
 */
import { errorLine, type ErrorShape } from '../../shared/errors';

/** What `fn` throws, as one line; fails when it throws nothing. */
export function refusalLine(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return errorLine(e as ErrorShape);
  }
  throw new Error('expected a refusal, and nothing was thrown');
}

/** What `promise` (or what `fn` returns) rejects with, as one line; fails when it resolves. */
export async function refusalLineOf(promise: Promise<unknown> | (() => Promise<unknown>)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    return errorLine(e as ErrorShape);
  }
  throw new Error('expected a refusal, and the call succeeded');
}
