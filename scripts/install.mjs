#!/usr/bin/env node
/**
 * Installs Headroom's npm packages from package-lock.json (`npm ci`), then fetches the Electron
 * runtime binary as a separate, optional step.
 *
 * Why not plain `npm ci`: the electron package downloads its runtime in a postinstall script, and
 * on a machine that cannot reach the download host that failure aborts the whole install, so
 * neither the tests nor the web-bridge fallback of `npm start` could run. Here the packages are
 * installed with that download skipped, and the download is tried afterwards: where it fails,
 * this says so in one line and Headroom runs in the browser through the web bridge (`npm start`
 * does that by itself), and the Electron launch test reports itself skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const ci = spawnSync(npm, ['ci'], { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
if (ci.status !== 0) process.exit(ci.status ?? 1);

const installer = join(root, 'node_modules', 'electron', 'install.js');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.stdout.write('Electron runtime: not fetched (ELECTRON_SKIP_BINARY_DOWNLOAD is set); the app will run through the web bridge.\n');
} else if (existsSync(installer)) {
  const fetch = spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), encoding: 'utf8' });
  if (fetch.status === 0) process.stdout.write('Electron runtime: installed.\n');
  else {
    const why =
      `${fetch.stderr ?? ''}`
        .split('\n')
        .find((l) => /error/i.test(l))
        ?.trim() ?? `exit ${fetch.status}`;
    process.stdout.write(`Electron runtime: could not be downloaded (${why}); npm start will serve Headroom through the web bridge instead.\n`);
  }
}
