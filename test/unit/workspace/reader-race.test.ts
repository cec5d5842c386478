/**
 * A read-only reader (the CLI beside a running app) opening the workspace while the writer keeps
 * changing it and writing snapshots: every open must hold at least every change the writer had
 * acknowledged before the open began. The snapshot is replaced and the journal reset right after,
 * so a reader caught between the two must read both again rather than miss the change.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/core/workspace/workspace';
import { ROOT } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const tmp = tempDir('headroom-race-');
const CHILD = join(ROOT, 'dist', 'test', 'saving-writer.mjs');
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'support', 'saving-writer.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['sql.js'],
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    logLevel: 'warning',
  });
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
    expect(opens).toBeGreaterThan(20);
    expect(misses).toEqual([]);
  }, 300_000);
});
