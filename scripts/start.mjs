#!/usr/bin/env node
/**
 * `npm start -- [WS]`: builds if needed and opens the desktop app. Where no Electron runtime
 * exists it says so in one line and serves the same app through the web bridge instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electron = null;
let why = '';
try {
  electron = createRequire(import.meta.url)('electron');
} catch (e) {
  why = e.message.split('\n')[0];
}

const child = electron
  ? spawn(electron, [join(root, 'dist', 'electron', 'main.mjs'), ...args], { stdio: 'inherit' })
  : (process.stderr.write(`No Electron runtime found (${why}); serving Headroom in your browser through the web bridge instead:\n`),
    spawn(process.execPath, [join(root, 'dist', 'node', 'web.mjs'), ...args], { stdio: 'inherit' }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
