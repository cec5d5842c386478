/**
 * `npm start` (scripts/start.mjs) where no Electron runtime binary exists: it says so in one line
 * and serves the same app through the web bridge, printing the URL with its token; the page and
 * the API answer there, and the API refuses a call without the token. Where a binary exists this
 * test has nothing to show and says so.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-start-');
afterAll(() => tmp.cleanup());

let electronBinary: string | null = null;
try {
  electronBinary = createRequire(import.meta.url)('electron') as unknown as string;
} catch {
  electronBinary = null;
}
if (electronBinary) process.stderr.write('\n[npm start fallback] SKIPPED: an Electron runtime exists here, so npm start opens the desktop app instead.\n');

describe.skipIf(electronBinary !== null)('npm start without an Electron runtime', () => {
  it('says so in one line and serves the app through the web bridge', async () => {
    const ws = tmp.path('start.headroom');
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), ws], {
      cwd: ROOT,
      env: { ...process.env, HEADROOM_HOME: tmp.path('home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m[0]);
          }
        }, 100);
        child.on('exit', (code) => {
          clearInterval(timer);
          reject(new Error(`start exited ${code}: ${err}`));
        });
      });
      const notes = err.split('\n').filter((l) => /Electron/.test(l));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^No Electron runtime found \(.*\); serving Headroom in your browser through the web bridge instead:$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      const api = new URL(url);
      const token = api.searchParams.get('token')!;
      const call = (auth: boolean) =>
        fetch(`${api.origin}/api/workspace.current`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
          body: '{}',
        });
      expect((await call(false)).status).toBe(401);
      const r = await call(true);
      expect(r.status).toBe(200);
      expect(JSON.stringify(await r.json())).toContain('start.headroom');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 300_000);
});
