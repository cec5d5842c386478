/**
 * Browser end-to-end support: builds Headroom once, serves it through the web bridge on a temp
 * workspace, and opens it in Debian Chromium. Everything lives in temp folders removed at the end.
 *
 * A test file calls `useApp()` once: it builds and snapshots the app before the file's tests,
 * closes every session a test opened after that test, and closes the file's Chromium and removes
 * the snapshot at the end. One Chromium serves the whole file; each session gets a fresh browser
 * context (its own cookies, storage and cache), so tests stay isolated without paying a browser
 * start each.
 *
 * Why a copy of dist/: other engineers edit shared/ while tests run, and a stale check then
 * rebuilds the renderer with Vite's `emptyOutDir`, which would pull the page out from under a
 * test running in the other worker. Each test file serves its own snapshot of the built app
 * (dist/node/web.mjs and dist/renderer), taken under a lock right after the build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { chromium, type Browser as Chromium, type BrowserContext, type Page, type Request } from 'playwright';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CLI_TEST_FLAGS, NODE_TEST_FLAGS } from '../../support/cli';

export const ROOT = join(__dirname, '..', '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
const CLI = join(ROOT, 'bin', 'headroom.cjs');
const BUILD_LOCK = join(tmpdir(), 'headroom-e2e-build.lock');

/** A folder in the system temp dir, removed by `cleanup`. */
export function tempDir(prefix = 'headroom-e2e-'): { dir: string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` while holding a lock shared by every worker (mkdir is atomic); a lock older than 5 min is stale. */
function withBuildLock<T>(fn: () => T): T {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 5 * 60_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`build lock ${BUILD_LOCK} held for too long`);
      sleepSync(200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** React's production build links its minified errors to react.dev/errors; the development build has no such link. */
function isProductionRenderer(): boolean {
  const assets = join(ROOT, 'dist', 'renderer', 'assets');
  return readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('react.dev/errors'));
}

/** A private copy of the built app: `<root>/dist/{node/web.mjs,renderer}`, resources and node_modules linked. */
export interface AppSnapshot {
  root: string;
  webBundle: string;
  cleanup(): void;
}

/** `node scripts/build.mjs --if-stale`, then a snapshot of what it built (both under the lock). */
export function buildApp(): AppSnapshot {
  const snap = tempDir('headroom-e2e-app-');
  withBuildLock(() => {
    // vitest sets NODE_ENV=test, and Vite keeps an inherited NODE_ENV: the renderer would be
    // built with React's development build (StrictMode's doubled effects, 60% more script).
    const env = { ...process.env, NODE_ENV: 'production' };
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT, encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`build failed (exit ${r.status}): ${r.stderr}`);
    if (!isProductionRenderer()) {
      // Up to date by its stamp, but built by a process that had NODE_ENV set: build it again.
      const again = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', env });
      if (again.status !== 0) throw new Error(`build failed (exit ${again.status}): ${again.stderr}`);
    }
    mkdirSync(snap.path('dist/node'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'node', 'web.mjs'), snap.path('dist/node/web.mjs'));
    cpSync(join(ROOT, 'dist', 'renderer'), snap.path('dist/renderer'), { recursive: true });
  });
  // The bundle finds its app root by walking up to resources/demo, and sql.js through node_modules.
  symlinkSync(join(ROOT, 'resources'), snap.path('resources'), 'dir');
  symlinkSync(join(ROOT, 'node_modules'), snap.path('node_modules'), 'dir');
  return { root: snap.dir, webBundle: snap.path('dist/node/web.mjs'), cleanup: snap.cleanup };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real `headroom` command (bin/headroom.cjs) as a separate process. */
export function headroom(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [...CLI_TEST_FLAGS, CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface PrefixJson {
  prefix: string;
  status: string;
  description: string;
  space: string;
}

/** `headroom prefix list WS --json`, parsed. */
export function listPrefixes(ws: string): PrefixJson[] {
  const r = headroom(['prefix', 'list', ws, '--json']);
  if (r.code !== 0) throw new Error(`prefix list failed (exit ${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as PrefixJson[];
}

/** `headroom init WS --demo`. */
export function createDemoWorkspace(ws: string): void {
  const r = headroom(['init', ws, '--demo']);
  if (r.code !== 0) throw new Error(`init --demo failed (exit ${r.code}): ${r.stderr}`);
}

export interface Bridge {
  url: string;
  home: string;
  process: ChildProcess;
  /** SIGTERM (the bridge saves and exits), SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
}

/** Starts `node dist/node/web.mjs [ws]` with HEADROOM_HOME=home and waits for its URL line. */
export function startBridge(app: AppSnapshot, home: string, ws?: string): Promise<Bridge> {
  const child = spawn(process.execPath, [...NODE_TEST_FLAGS, app.webBundle, ...(ws ? [ws] : [])], {
    cwd: home,
    env: { ...process.env, HEADROOM_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the web bridge printed no URL within 20 s; stderr: ${stderr}`));
    }, 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.test(l));
      if (line) {
        clearTimeout(timer);
        resolve({ url: line.trim(), home, process: child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web bridge exited (${code}) before printing its URL; stderr: ${stderr}`));
    });
  });
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests that failed or answered 4xx/5xx, and console errors: a clean page has none. */
  problems: string[];
  /**
   * Resolves once no request of the page has been in flight for `quietMs`. Playwright's
   * `waitForLoadState('networkidle')` cannot do this mid-test: it resolves at once when the
   * document reached that state at its load, whatever is in flight now.
   */
  settled(quietMs?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The file's Chromium, started by the first browser a test opens and closed by `closeChromium`. */
let chromiumProcess: Promise<Chromium> | undefined;

function sharedChromium(): Promise<Chromium> {
  chromiumProcess ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((e: unknown) => {
    chromiumProcess = undefined;
    throw e;
  });
  return chromiumProcess;
}

/** Closes the file's Chromium (every context in it goes with it); `useApp` calls it after the file's tests. */
export async function closeChromium(): Promise<void> {
  const running = chromiumProcess;
  chromiumProcess = undefined;
  if (running) await (await running.catch(() => undefined))?.close();
}

/**
 * A fresh browser context in Debian Chromium: its own cookies, storage and cache, as a new
 * profile would have. The Chromium process is shared by the file's tests (`sharedChromium`): a
 * browser start costs more than most tests' own work on the 2-core CI machine.
 */
export async function openBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  // page.screenshot waits for document.fonts.ready again, with no cap short of its timeout (a
  // known Playwright hang in headless Chromium); fontsSettled has already waited, capped.
  process.env.PW_TEST_SCREENSHOT_NO_FONTS_READY = '1';
  const context = await (
    await sharedChromium()
  ).newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // Shorter than a test's 60 s: a step that waits in vain fails naming what it waited for,
  // rather than the whole test timing out without a word.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A request the page itself aborted is not a failure: the data hook (renderer/data) cancels a
  // query no longer needed, e.g. a block's details when the selection moves on.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`);
  });
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const track = (add: boolean) => (r: Request) => {
    if (add) inFlight.add(r);
    else inFlight.delete(r);
    lastChange = Date.now();
  };
  page.on('request', track(true));
  page.on('requestfinished', track(false));
  page.on('requestfailed', track(false));
  return {
    context,
    page,
    problems,
    settled: async (quietMs = 300, timeoutMs = 15_000) => {
      const give = Date.now() + timeoutMs;
      while (inFlight.size > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > give) throw new Error(`requests still in flight after ${timeoutMs} ms: ${[...inFlight].map((r) => r.url()).join(', ')}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    close: () => context.close(),
  };
}

/**
 * Waits for the page's fonts before a screenshot, but at most `ms`: `document.fonts.ready` can
 * stay pending in headless Chromium on a loaded machine, and awaited bare it once held a test
 * for its whole 60 s. Playwright's evaluate has no timeout of its own, so a page that does not
 * answer at all fails here, saying so, instead of holding the test to its timeout.
 */
export async function fontsSettled(page: Page, ms = 5000): Promise<void> {
  const answer = page.evaluate((limit) => Promise.race([document.fonts.ready.then(() => undefined), new Promise<void>((done) => setTimeout(done, limit))]), ms);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page did not answer within ${ms + 10_000} ms (its renderer is busy or stuck)`)), ms + 10_000);
  });
  try {
    await Promise.race([answer, silent]);
  } finally {
    clearTimeout(timer);
  }
}

/** One test's world: a temp home, a workspace in it, the bridge serving it, and a browser. */
export interface Session {
  home: string;
  /** The workspace file the bridge has open. */
  ws: string;
  bridge: Bridge;
  browser: Browser;
  page: Page;
  /** Stops the bridge (it saves on SIGTERM) but keeps the temp folder, for CLI checks. */
  stopBridge(): Promise<void>;
  close(): Promise<void>;
}

/** Demo workspaces made by `headroom init --demo` once per file name, copied for each session. */
const demoTemplates = new Map<string, string>();
let templatesDir: ReturnType<typeof tempDir> | undefined;

/**
 * What `headroom init WS --demo` writes (the file, its journal, index, integrity record and
 * backups), made once per file name by the real CLI and then copied byte for byte with its
 * timestamps: the same workspace a fresh init gives, without a CLI process per test.
 */
function copyDemoWorkspace(ws: string): void {
  const dir = demoTemplate(basename(ws));
  for (const entry of readdirSync(dir))
    cpSync(join(dir, entry), join(dirname(ws), entry), { recursive: true, preserveTimestamps: true, errorOnExist: true, force: false });
}

/** The folder holding the demo workspace named `name`, made by `headroom init --demo` the first time. */
function demoTemplate(name: string): string {
  let dir = demoTemplates.get(name);
  if (!dir) {
    templatesDir ??= tempDir('headroom-e2e-demo-');
    dir = templatesDir.path(String(demoTemplates.size));
    mkdirSync(dir);
    createDemoWorkspace(join(dir, name));
    demoTemplates.set(name, dir);
  }
  return dir;
}

/** Sessions opened and not yet closed: `useApp` closes them after each test. */
const openSessions = new Set<Session>();

/**
 * Starts a session. `demo: 'init'` creates the workspace as `headroom init WS --demo` does (see
 * `copyDemoWorkspace`) and passes it to the bridge; `demo: 'default'` passes no workspace, so
 * the bridge creates `<HEADROOM_HOME>/demo.headroom` itself.
 */
export async function openSession(app: AppSnapshot, options: { demo?: 'init' | 'default'; colorScheme?: 'light' | 'dark' } = {}): Promise<Session> {
  const home = tempDir('headroom-e2e-home-');
  const ws = home.path(options.demo === 'default' ? 'demo.headroom' : 'isp.headroom');
  let bridge: Bridge;
  try {
    if (options.demo === 'default') {
      bridge = await startBridge(app, home.dir);
    } else {
      copyDemoWorkspace(ws);
      bridge = await startBridge(app, home.dir, ws);
    }
  } catch (e) {
    home.cleanup();
    throw e;
  }
  let browser: Browser;
  try {
    browser = await openBrowser(options.colorScheme ? { colorScheme: options.colorScheme } : {});
  } catch (e) {
    await bridge.stop();
    home.cleanup();
    throw e;
  }
  let closed: Promise<void> | undefined;
  const session: Session = {
    home: home.dir,
    ws,
    bridge,
    browser,
    page: browser.page,
    stopBridge: () => bridge.stop(),
    close: () =>
      (closed ??= (async () => {
        openSessions.delete(session);
        await browser.close().catch(() => undefined);
        await bridge.stop();
        home.cleanup();
      })()),
  };
  openSessions.add(session);
  return session;
}

/**
 * The set-up every browser test file shares, as hooks: before the file's tests, build the app
 * and take its snapshot (`buildApp`); after each test, close the sessions it opened (the browser
 * context, then the bridge, which saves, then the temp home); after the file, close its Chromium,
 * the demo templates and the snapshot. Returns the snapshot, readable once the tests run.
 */
export function useApp(): AppSnapshot {
  let snapshot: AppSnapshot | undefined;
  const built = (): AppSnapshot => {
    if (!snapshot) throw new Error('the app is built in beforeAll: use it inside a test or hook');
    return snapshot;
  };
  beforeAll(async () => {
    snapshot = buildApp();
    // Chromium and the demo workspace start here, under the hook's timeout, rather than inside
    // the first test's 60 s on a loaded machine.
    await sharedChromium();
    demoTemplate('isp.headroom');
  }, 300_000);
  afterEach(async () => {
    await Promise.all([...openSessions].map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all([...openSessions].map((s) => s.close()));
    await closeChromium();
    templatesDir?.cleanup();
    templatesDir = undefined;
    demoTemplates.clear();
    snapshot?.cleanup();
  });
  return {
    get root() {
      return built().root;
    },
    get webBundle() {
      return built().webBundle;
    },
    cleanup: () => snapshot?.cleanup(),
  };
}

/**
 * Loads the app at `hash` and waits until the area is ready: the Registry's first row, or for
 * any other area its screen (built or empty state) with its data loaded (no aria-busy).
 */
export async function loadApp(s: Session, hash = ''): Promise<void> {
  await s.page.goto(s.bridge.url + hash);
  if (!hash || hash === '#/registry') await s.page.locator('[data-prefix]').first().waitFor({ state: 'visible' });
  else await s.page.locator('main section.screen:not([aria-busy="true"])').waitFor({ state: 'visible' });
  // And nothing inside it still loading (a panel's own data), so leaving the area aborts no call.
  await s.page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The inputs the page sends on a channel from now on (the bridge's POST /api/<channel> bodies). */
export function sentBodies(page: Page, channel: string): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/${channel}`) bodies.push(JSON.parse(r.postData() ?? 'null'));
  });
  return bodies;
}

/**
 * Where a suite's screenshots go for a person to look at: `$HEADROOM_SHOTS/<area>`, or
 * `test-results/screens/<area>` in the repo. Created if missing.
 */
export function shotsDir(area: string): string {
  const dir = join(process.env.HEADROOM_SHOTS ?? join(ROOT, 'test-results', 'screens'), area);
  mkdirSync(dir, { recursive: true });
  return dir;
}
