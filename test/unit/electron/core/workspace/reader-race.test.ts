/**
 * A read-only reader (the CLI beside a running app) opening the workspace while the writer keeps
 * changing it and writing snapshots: every open must hold at least every change the writer had
 * acknowledged before the open began. The snapshot is replaced and the journal reset right after,
 * so a reader caught between the two must read both again rather than miss the change.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { bundleChild } from '../../../../support/child-bundle';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-race-');
let CHILD = '';
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  CHILD = await bundleChild('test/support/saving-writer.ts', 'saving-writer');
}, 120_000);

describe('a reader beside a writer that keeps saving', () => {
  it('never misses an acknowledged change', async () => {
    const path = tmp.path('race.headroom');
    (await Workspace.create(path)).close();
    const child = spawn(process.execPath, [CHILD, path, '400'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/ack (\d+)/g)) acked = Math.max(acked, Number(m[1]));
    });
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let finished = false;
    void done.then(() => (finished = true));
    const misses: string[] = [];
    let opens = 0;
    while (!finished) {
      const known = acked;
      const ws = await Workspace.open(path, { readOnly: true });
      const seen = Number(ws.get('SELECT count(*) AS n FROM prefixes')!.n);
      ws.close();
      opens++;
      if (seen < known) misses.push(`open ${opens}: saw ${seen} blocks after ${known} were acknowledged`);
      await new Promise((r) => setImmediate(r));
    }
    expect(await done).toBe(0);
    expect(opens).toBeGreaterThan(10);
    expect(misses).toEqual([]);
  }, 300_000);
});
