/**
 * New, Open and Save as from the toolbar, in Chromium through the web bridge: each writes or
 * reads the real file the dialog names, the header shows the workspace now open, and a path that
 * does not exist or already exists is refused at the field with the workspace left as it was.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useApp, headroom, listPrefixes, openSession, type Session } from './support/app';

const app = useApp();
let s: Session | undefined;

async function runDialog(page: Session['page'], button: 'New' | 'Open' | 'Save as', path: string, opts: { demo?: boolean } = {}): Promise<void> {
  await page.getByRole('toolbar', { name: 'Workspace' }).getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  const field = dialog.getByLabel('Workspace file (.headroom)');
  await field.fill(path);
  if (opts.demo) await dialog.getByLabel('Start from the demo ISP data').check();
  await field.press('Enter');
}

const header = (page: Session['page']) => page.locator('.ws-name');

describe('workspace files from the toolbar', () => {
  it('creates a new workspace, saves it under another name, and opens the first again', async () => {
    s = await openSession(app, { demo: 'init' });
    const { page } = s;
    await page.goto(s.bridge.url);
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');

    const fresh = `${s.home}/branch-office.headroom`;
    await runDialog(page, 'New', fresh, { demo: true });
    // Creating a workspace from the demo data takes a few seconds on a busy machine.
    await expect.poll(() => header(page).textContent(), { timeout: 30_000 }).toContain('branch-office.headroom');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(existsSync(fresh)).toBe(true);

    const copy = `${s.home}/branch-office-copy.headroom`;
    await runDialog(page, 'Save as', copy);
    await expect.poll(() => header(page).textContent(), { timeout: 30_000 }).toContain('branch-office-copy.headroom');
    expect(existsSync(copy)).toBe(true);

    await runDialog(page, 'Open', s.ws);
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');
    await expect.poll(() => page.locator('[data-prefix]').count()).toBeGreaterThan(0);
    // The browser's record is read while the bridge still serves it: stopping the bridge under a
    // page that is still open makes that page's next call fail, which is not the app's fault.
    expect(browserProblems()).toEqual([]);
    await page.close();
    await s.stopBridge();
    // The copy is a complete workspace: the CLI reads the demo's blocks from it.
    const blocks = listPrefixes(copy).map((p) => p.prefix);
    expect(blocks).toContain('198.51.100.0/24');
    expect(headroom(['check', copy]).code).toBe(0);
  });

  it('refuses a file that does not exist, and a new one over an existing file, at the field', async () => {
    s = await openSession(app, { demo: 'init' });
    const { page } = s;
    await page.goto(s.bridge.url);
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');
    const before = readFileSync(s.ws);

    const missing = `${s.home}/nowhere/plan.headroom`;
    await runDialog(page, 'Open', missing);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('no such workspace file');
    await expect.poll(() => dialog.getByLabel('Workspace file (.headroom)').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');

    await runDialog(page, 'New', s.ws);
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('already exists');
    await page.keyboard.press('Escape');

    // A bare name is refused with a message at the field (issue 14, item 7), and no file is made
    // where the bridge runs.
    await runDialog(page, 'New', 'plan.headroom');
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('"plan.headroom" is not a full path');
    await expect.poll(() => page.getByRole('dialog').getByLabel('Workspace file (.headroom)').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    expect(existsSync(`${s.home}/plan.headroom`)).toBe(false);
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');
    expect(browserProblems()).toEqual([]);
    await page.close();
    await s.stopBridge();
    // The open workspace was not touched by either refusal.
    expect(readFileSync(s.ws).equals(before)).toBe(true);
  });

  it('refuses Save as and New onto a file the workspace keeps beside it, and reopening it keeps it writable', async () => {
    s = await openSession(app, { demo: 'init' });
    const { page } = s;
    await page.goto(s.bridge.url);
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');
    // The query index is derived (deleting it costs only speed); a workspace saved under its name
    // would be overwritten by the next snapshot of isp.headroom.
    rmSync(`${s.ws}.index`, { force: true });
    const dialog = page.getByRole('dialog');
    for (const [button, target, says] of [
      ['Save as', `${s.ws}.index`, 'query index'],
      ['New', `${s.ws}.backups/plan.headroom`, 'backup'],
    ] as const) {
      await runDialog(page, button, target);
      await expect.poll(() => dialog.textContent()).toContain(says);
      await expect.poll(() => dialog.getByLabel('Workspace file (.headroom)').getAttribute('aria-invalid')).toBe('true');
      await page.keyboard.press('Escape');
      expect(existsSync(target)).toBe(false);
    }
    // Opening the workspace the app already has open: still writable, not locked out by itself.
    await runDialog(page, 'Open', s.ws);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The notice says how it opened: "Opened isp.headroom", with "(read-only: …)" when it is.
    const opened = page.locator('.notices .notice').filter({ hasText: 'Opened isp.headroom' });
    await expect.poll(() => opened.count()).toBeGreaterThan(0);
    expect(await opened.last().textContent()).not.toContain('read-only');
    await expect.poll(() => header(page).textContent()).toContain('isp.headroom');
    expect(await page.locator('.ws-name .badge.warn').count()).toBe(0);
    expect(browserProblems()).toEqual([]);
    await page.close();
    await s.stopBridge();
  });
});

/** Console errors and failed requests, minus the refusals the test provoked on purpose (HTTP 4xx answers). */
function browserProblems(): string[] {
  return (s?.browser.problems ?? []).filter((p) => !/\b4\d\d\b/.test(p));
}
