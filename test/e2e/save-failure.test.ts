/**
 * The app shell's banners, in Chromium through the real web bridge:
 * - a workspace on a nearly full disk (a tmpfs): a block added through the form is done and
 *   listed, and a banner says, until a save succeeds, that the file could not be written and the
 *   journal holds the change; "Save now" with room again writes the file and the banner goes;
 * - a damaged journal tail found at open is named in a notice (and kept beside the file).
 * Screenshots (light and dark, 1440x900 and 1024x700) go to $HEADROOM_SHOTS or test-results/screens.
 */
import { appendFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountSmallDisk, smallDiskTitle } from '../support/small-disk';
import {
  useApp,
  createDemoWorkspace,
  fontsSettled,
  headroom,
  listPrefixes,
  openBrowser,
  ROOT,
  startBridge,
  tempDir,
  type Browser,
  type Bridge,
} from './support/app';

const SCREENS = process.env.HEADROOM_SHOTS ?? join(ROOT, 'test-results', 'screens');
const mounted = mountSmallDisk(4096);
const app = useApp();

beforeAll(() => {
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);
afterAll(() => {
  if (mounted.ok) mounted.disk.cleanup();
});

/** Free in the demo: inside the CGNAT pool 198.51.100.128/25, after its two egress blocks. */
const NEW_BLOCK = '198.51.100.224/27';

async function shots(page: Browser['page'], name: string): Promise<void> {
  const themeButton = page.getByRole('toolbar', { name: 'Workspace' }).getByRole('button', { name: /Switch to (dark|light) theme/ });
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await themeButton.click();
    for (const [w, h] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await fontsSettled(page);
      await page.screenshot({ path: join(SCREENS, `${name}-${theme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
    }
  }
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== 'light') await themeButton.click();
}

/**
 * Runs `body` with the web bridge on `ws` (HEADROOM_HOME = home) and Chromium on the app's
 * Registry; stops both and removes home afterwards, whatever happened.
 */
async function withApp(home: ReturnType<typeof tempDir>, ws: string, body: (browser: Browser) => Promise<void>): Promise<void> {
  let bridge: Bridge | null = null;
  let browser: Browser | null = null;
  try {
    bridge = await startBridge(app, home.dir, ws);
    browser = await openBrowser();
    await browser.page.goto(bridge.url);
    await browser.page.locator('[data-prefix]').first().waitFor({ state: 'visible' });
    await body(browser);
  } finally {
    await browser?.close().catch(() => undefined);
    await bridge?.stop();
    home.cleanup();
  }
}

describe.skipIf(!mounted.ok)(smallDiskTitle('the save-problem banner on a nearly full disk (tmpfs)', mounted), () => {
  it('shows the change as done, and a banner until a save succeeds', async () => {
    const disk = (mounted as Extract<typeof mounted, { ok: true }>).disk;
    const home = tempDir('headroom-e2e-home-');
    const ws = disk.path('isp.headroom');
    createDemoWorkspace(ws);
    await withApp(home, ws, async (browser) => {
      const { page } = browser;
      const banner = page.getByTestId('save-problem');
      expect(await banner.count()).toBe(0);

      disk.fill(64 * 1024);
      const form = page.getByRole('form', { name: 'Add a block' });
      await form.getByLabel('Block (CIDR)').fill(NEW_BLOCK);
      await form.getByLabel('Description').fill('Residential CGNAT pool');
      await form.getByRole('button', { name: 'Add block' }).click();
      // The change is done: listed, and no error at the form.
      await page.locator(`[data-prefix="${NEW_BLOCK}"]`).waitFor({ state: 'visible' });
      expect(await page.locator('.notice-error').count()).toBe(0);
      // The autosave (2 s after the change) cannot write the file: the banner says so, and stays.
      await banner.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await banner.getAttribute('role')).toBe('alert');
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain('Not saved to the file.');
      expect(text).toMatch(
        /Headroom could not write isp\.headroom: the disk is full \(ENOSPC\)\. Nothing is lost: the 1 change since the last save is safe in its journal/,
      );
      await shots(page, 'save-problem');
      // Readers see the change (it is in the journal) while the file lags.
      expect(listPrefixes(ws).some((p) => p.prefix === NEW_BLOCK)).toBe(true);

      // Room again: "Save now" writes the file and the banner goes.
      disk.unfill();
      await banner.getByRole('button', { name: 'Save now' }).click();
      await banner.waitFor({ state: 'detached' });
      expect(JSON.parse(headroom(['info', ws, '--json']).stdout)).toMatchObject({ journalEntries: 0 });
      expect(browser.problems).toEqual([]);
    });
    expect(listPrefixes(ws).find((p) => p.prefix === NEW_BLOCK)).toMatchObject({ description: 'Residential CGNAT pool' });
  });
});

describe.skipIf(!mounted.ok)(smallDiskTitle('a switch away from a workspace whose final save fails (tmpfs)', mounted), () => {
  it('says so in a banner that opens it again', async () => {
    const disk = (mounted as Extract<typeof mounted, { ok: true }>).disk;
    disk.unfill();
    const home = tempDir('headroom-e2e-home-');
    const ws = disk.path('switch.headroom');
    const other = home.path('other.headroom');
    createDemoWorkspace(ws);
    createDemoWorkspace(other);
    await withApp(home, ws, async (browser) => {
      const { page } = browser;
      const form = page.getByRole('form', { name: 'Add a block' });
      await form.getByLabel('Block (CIDR)').fill(NEW_BLOCK);
      await form.getByRole('button', { name: 'Add block' }).click();
      await page.locator(`[data-prefix="${NEW_BLOCK}"]`).waitFor({ state: 'visible' });
      disk.fill(0);
      // Open the other workspace at once (before the autosave): the switch's final save fails.
      await page.getByRole('toolbar', { name: 'Workspace' }).getByRole('button', { name: /^Open/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Open workspace' });
      await dialog.getByLabel('Workspace file (.headroom)').fill(other);
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      const banner = page.getByTestId('closed-unsaved');
      await banner.waitFor({ state: 'visible' });
      expect(await banner.getAttribute('role')).toBe('alert');
      expect((await banner.textContent()) ?? '').toMatch(
        /switch\.headroom was closed without saving to its file: .*the disk is full \(ENOSPC\)\. Nothing is lost/,
      );
      await shots(page, 'closed-unsaved');
      // Nothing is lost meanwhile: a reader of the closed file replays its journal and sees the block.
      expect(listPrefixes(ws).some((p) => p.prefix === NEW_BLOCK)).toBe(true);
      // The banner stays until the file is saved: a reload of the app still shows it.
      await page.reload();
      await banner.waitFor({ state: 'visible' });
      expect((await banner.textContent()) ?? '').toMatch(/switch\.headroom was closed without saving to its file/);
      // With room again, "Open it again" brings it back with the change, and the banner goes.
      disk.unfill();
      await banner.getByRole('button', { name: 'Open it again' }).click();
      await banner.waitFor({ state: 'detached' });
      await page.getByText('switch.headroom', { exact: true }).waitFor();
      // Open again: its journal replayed the change (readers see it beside the running bridge).
      expect(listPrefixes(ws).some((p) => p.prefix === NEW_BLOCK)).toBe(true);
      await browser.settled();
      expect(browser.problems).toEqual([]);
    });
    expect(listPrefixes(ws).some((p) => p.prefix === NEW_BLOCK)).toBe(true);
  });
});

describe('a damaged journal tail found at open', () => {
  it('is named in a notice that says where its bytes were kept', async () => {
    const home = tempDir('headroom-e2e-home-');
    const ws = home.path('isp.headroom');
    createDemoWorkspace(ws);
    appendFileSync(
      `${ws}.journal`,
      '9\t0badc0de\t[["INSERT INTO actions (at, who, op, summary, state, undoable, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)",["2026-12-03T09:58:00.000Z","ana","registry.addPrefix","Add 203.0.113.64/26 (assigned) to global","do',
    );
    await withApp(home, ws, async (browser) => {
      const { page } = browser;
      const notice = page.getByTestId('journal-damage');
      await notice.waitFor({ state: 'visible' });
      const kept = readdirSync(home.dir).filter((f) => f.startsWith('isp.headroom.journal.damaged-'));
      expect(kept).toHaveLength(1);
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('change 9: "Add 203.0.113.64/26 (assigned) to global", by ana at 2026-12-03T09:58:00.000Z');
      expect(text).toContain(kept[0]);
      await shots(page, 'journal-damage');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await notice.waitFor({ state: 'detached' });
      expect(browser.problems).toEqual([]);
    });
  });
});
