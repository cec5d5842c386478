#!/usr/bin/env node
/**
 * "Demo workspace open to first paint": navigation start to the first Registry row painted, in
 * Debian Chromium through the web bridge. Five loads, each in a fresh browser profile (a cold
 * cache), against a bridge serving a fresh demo workspace; prints one line on stdout:
 *
 *   first-paint-ms <median>
 *
 * The samples go to stderr, with a reference measured in the same run (DESIGN.md, "Tests"): the
 * first contentful paint of a one-line static page from a bare Node HTTP server, in the same kind
 * of fresh profile, and the ratio of the two. Usage: node test/bench/first-paint.mjs [--runs N]
 * Environment: CHROMIUM (default /usr/bin/chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
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
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  const child = spawn(process.execPath, [join(root, 'dist', 'node', 'web.mjs')], {
    cwd: home,
    env: { ...process.env, HEADROOM_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** Runs `measure(page)` in a fresh browser profile (a cold cache), then removes the profile. */
async function inFreshProfile(measure) {
  const profile = mkdtempSync(join(tmpdir(), 'headroom-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: ARGS, viewport: { width: 1280, height: 800 } });
  try {
    return await measure(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function sample(url) {
  return inFreshProfile(async (page) => {
    await page.addInitScript({ content: probe });
    await page.goto(url);
    await page.waitForFunction(() => window.__headroomFirstRow?.frameMs != null, null, { timeout: 30_000 });
    await page.waitForFunction(() => window.__headroomFirstRow.elementMs !== null, null, { timeout: 2000 }).catch(() => undefined);
    const r = await page.evaluate(() => window.__headroomFirstRow);
    return r.elementMs ?? r.frameMs;
  });
}

/** The reference: first contentful paint of one line of static HTML. */
function referenceSample(url) {
  return inFreshProfile(async (page) => {
    await page.goto(url);
    return page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (fcp) resolve(fcp.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  });
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const home = mkdtempSync(join(tmpdir(), 'headroom-bench-home-'));
const staticPage = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html lang="en"><title>reference</title><p>192.0.2.0/24</p></html>');
});
let bridge;
try {
  bridge = await startBridge(home);
  await new Promise((resolve) => staticPage.listen(0, '127.0.0.1', resolve));
  const referenceUrl = `http://127.0.0.1:${staticPage.address().port}/`;
  const samples = [];
  const references = [];
  // Interleaved, so that a busy moment of the machine weighs on both figures alike.
  for (let i = 0; i < runs; i++) {
    samples.push(await sample(bridge.url));
    references.push(await referenceSample(referenceUrl));
  }
  const m = median(samples);
  const ref = median(references);
  const fmt = (xs) => xs.map((x) => x.toFixed(1)).join(' ');
  process.stderr.write(`first-paint samples (ms): ${fmt(samples)}\n`);
  process.stderr.write(`reference, static page first contentful paint (ms): ${fmt(references)}; median ${ref.toFixed(1)}; ratio ${(m / ref).toFixed(2)}\n`);
  process.stdout.write(`first-paint-ms ${m.toFixed(1)}\n`);
} finally {
  if (bridge) await stopBridge(bridge.child);
  staticPage.closeAllConnections();
  staticPage.close();
  rmSync(home, { recursive: true, force: true });
}
