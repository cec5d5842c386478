#!/usr/bin/env node
/**
 * "Demo workspace open to first paint": navigation start to the first Registry row painted, in
 * Debian Chromium through the web bridge. Five loads, each in a fresh browser profile (a cold
 * cache), against a bridge serving a fresh demo workspace; prints one line on stdout:
 *
 *   first-paint-ms <median>
 *
 * The samples go to stderr. Usage: node test/bench/first-paint.mjs [--runs N]
 * Environment: CHROMIUM (default /usr/bin/chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const probe = readFileSync(join(root, 'test', 'e2e', 'support', 'first-row-probe.js'), 'utf8');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// NODE_ENV pinned: Vite keeps an inherited one, and anything but production builds React's development mode.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) {
  process.stderr.write('first-paint: the build failed\n');
  process.exit(1);
}

/** Starts the web bridge with no workspace, so it creates and opens <home>/demo.headroom. */
function startBridge(home) {
  const child = spawn(process.execPath, [join(root, 'dist', 'node', 'web.mjs')], { cwd: home, env: { ...process.env, HEADROOM_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL from the web bridge within 20 s: ${stderr}`));
    }, 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve({ url: line.trim(), child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web bridge exited (${code}): ${stderr}`));
    });
  });
}

function stopBridge(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function sample(url) {
  const profile = mkdtempSync(join(tmpdir(), 'headroom-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: ARGS, viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript({ content: probe });
    await page.goto(url);
    await page.waitForFunction(() => window.__headroomFirstRow?.frameMs != null, null, { timeout: 30_000 });
    await page.waitForFunction(() => window.__headroomFirstRow.elementMs !== null, null, { timeout: 2000 }).catch(() => undefined);
    const r = await page.evaluate(() => window.__headroomFirstRow);
    return r.elementMs ?? r.frameMs;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const home = mkdtempSync(join(tmpdir(), 'headroom-bench-home-'));
let bridge;
try {
  bridge = await startBridge(home);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await sample(bridge.url));
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  process.stderr.write(`first-paint samples (ms): ${samples.map((x) => x.toFixed(1)).join(' ')}\n`);
  process.stdout.write(`first-paint-ms ${median.toFixed(1)}\n`);
} finally {
  if (bridge) await stopBridge(bridge.child);
  rmSync(home, { recursive: true, force: true });
}
