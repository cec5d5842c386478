/**
 * Lock stress child: for each of COUNT workspaces `DIR/ws-<k>.headroom` (each with a dead
 * process's lock), waits until the wall clock reaches START + k * STEP ms, so that every child
 * asks for the same lock in the same millisecond, asks once and prints `<k> held` or
 * `<k> refused`. It keeps every lock it took until it exits (without releasing them, as a crash
 * would), after all children have asked: the parent counts the holders of each lock.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '../../electron/core/workspace/lock';

const [dir, count, startAt, stepMs, holdMs] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number, number, number];
for (let k = 0; k < count; k++) {
  while (Date.now() < startAt + k * stepMs) {
    /* spin: a sleep would wake each child at a different moment */
  }
  let line: string;
  try {
    line = acquireLock(join(dir, `ws-${k}.headroom`)).ok ? 'held' : 'refused';
  } catch (e) {
    line = `error ${(e as Error).message}`;
  }
  writeSync(1, `${k} ${line}\n`);
}
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
