/**
 * `headroom free` answers from the query index only after the checks `headroom util` makes
 * (issue 10, item 12): the file's checksum over its contents, and PRAGMA integrity_check once per
 * snapshot (the `.verified` marker). A byte changed in place with the file's times put back used
 * to pass the index's size/time/inode test: `util` refused the damaged file and `free` answered.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../electron/core/services/registry';
import { Session } from '../../../../electron/core/services/session';
import { checkSealOfFile, checkSeal } from '../../../../electron/core/workspace/fileformat';
import { queryIndexPathFor } from '../../../../electron/core/workspace/query-index';
import { verifiedPathFor, Workspace } from '../../../../electron/core/workspace/workspace';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';
import { readFileSync } from 'node:fs';

const tmp = tempDir('headroom-free-integrity-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
let n = 0;

async function saved(): Promise<string> {
  const ws = await Workspace.create(tmp.path(`ws-${++n}.headroom`), { who: 'tester' });
  for (const prefix of ['10.0.0.0/16', '10.0.1.0/24', '10.0.200.0/21']) addPrefix(ws, { prefix, status: prefix.endsWith('/16') ? 'aggregate' : 'assigned' });
  for (let i = 0; i < 200; i++) addPrefix(ws, { prefix: `10.0.${2 + (i >> 6)}.${(i & 63) * 4}/30`, status: 'assigned', description: `customer ${i}` });
  ws.close();
  expect(existsSync(queryIndexPathFor(ws.path))).toBe(true);
  return ws.path;
}

/** Flips one byte at `at` in place, then puts the file's access and modification times back (ns). */
function flipKeepingTimes(path: string, at: number): void {
  const ref = `${path}.times`;
  writeFileSync(ref, '');
  expect(spawnSync('touch', ['-r', path, ref]).status).toBe(0);
  const fd = openSync(path, 'r+');
  const b = new Uint8Array(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0x20;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
  expect(spawnSync('touch', ['-r', ref, path]).status).toBe(0);
  unlinkSync(ref);
}

describe('free and the integrity checks', () => {
  it('a byte changed in place (times kept): util and free both refuse the file', async () => {
    const path = await saved();
    expect(headroom(['util', path, '10.0.0.0/16']).code).toBe(0); // verified once, as usual
    expect(headroom(['free', path, '10.0.0.0/16']).code).toBe(0);
    const before = statSync(path, { bigint: true });
    // A byte inside the last page (row data), not the header.
    flipKeepingTimes(path, Number(before.size) - 200);
    const after = statSync(path, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    const util = headroom(['util', path, '10.0.0.0/16']);
    expect(util.code).toBe(1);
    expect(util.stderr).toMatch(/damaged \(its checksum does not match its contents\)/);
    const free = headroom(['free', path, '10.0.0.0/16']);
    expect(free.stdout).toBe('');
    expect(free.code).toBe(1);
    expect(free.stderr).toBe(util.stderr);
  });

  it('a snapshot no full open has checked yet is opened (and checked) first; the index serves the queries after', async () => {
    const path = await saved();
    if (existsSync(verifiedPathFor(path))) unlinkSync(verifiedPathFor(path));
    const first = new Session();
    await first.openForQuery(path);
    expect(first.queryIndex()).toBeNull();
    expect(first.workspace).not.toBeNull();
    first.close();
    expect(readFileSync(verifiedPathFor(path), 'utf8').trim()).toBe(checkSealOfFile(path).seal);
    const next = new Session();
    await next.openForQuery(path);
    expect(next.queryIndex()).not.toBeNull();
    expect(next.workspace).toBeNull();
    next.close();
  });

  it('checkSealOfFile, reading in chunks, agrees with checkSeal on the whole bytes', async () => {
    const path = await saved();
    expect(checkSealOfFile(path).state).toBe('valid');
    expect(checkSeal(readFileSync(path))).toBe('valid');
    flipKeepingTimes(path, 2000);
    expect(checkSealOfFile(path).state).toBe('mismatch');
    expect(checkSeal(readFileSync(path))).toBe('mismatch');
  });
});
