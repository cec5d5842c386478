/**
 * The Registry screen in a real browser against a real workspace: adding a block reaches the
 * file (checked with the CLI), refusals show at the field, undo and redo work from the keyboard.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, listPrefixes, loadApp, openSession, startBridge, type AppSnapshot, type Session } from './support/app';

let app: AppSnapshot;
let s: Session | undefined;

beforeAll(() => {
  app = buildApp();
}, 300_000);
afterAll(() => app?.cleanup());
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Free in the demo: inside the CGNAT pool 198.51.100.128/25, after its two egress blocks. */
const NEW_BLOCK = '198.51.100.224/27';

function form(page: Session['page']) {
  const f = page.getByRole('form', { name: 'Add a block' });
  return {
    prefix: f.getByLabel('Block (CIDR)'),
    status: f.getByLabel('Status'),
    description: f.getByLabel('Description'),
    submit: f.getByRole('button', { name: 'Add block' }),
    /** The error shown at the Block field (its id is what the input's aria-describedby names). */
    prefixError: f.locator('.field-invalid .field-error'),
  };
}

const rowCount = (page: Session['page']) => page.getByTestId('prefix-count').textContent().then((t) => Number(/^(\d+)/.exec(t ?? '')?.[1]));

describe('adding a block', () => {
  it('shows it in the list and writes it to the workspace (read back by `headroom prefix list --json`)', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const before = await rowCount(page);
    const f = form(page);
    await f.prefix.fill(NEW_BLOCK);
    await f.status.selectOption('allocated');
    await f.description.fill('Residential CGNAT pool');
    await f.submit.click();
    const row = page.locator(`[data-prefix="${NEW_BLOCK}"]`);
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).toContain('Residential CGNAT pool');
    expect(await row.locator('.status').textContent()).toBe('allocated');
    await expect.poll(() => rowCount(page)).toBe(before + 1);
    expect(await f.prefix.inputValue()).toBe('');

    // While the bridge runs, the CLI opens the workspace read-only and sees the change (the journal).
    const live = listPrefixes(s.ws).find((r) => r.prefix === NEW_BLOCK);
    expect(live).toMatchObject({ status: 'allocated', description: 'Residential CGNAT pool', space: 'global' });

    // And after the bridge has stopped (it saves on SIGTERM), the file itself holds it.
    await s.stopBridge();
    const saved = listPrefixes(s.ws);
    expect(saved.find((r) => r.prefix === NEW_BLOCK)).toMatchObject({ status: 'allocated', description: 'Residential CGNAT pool' });
    expect(saved).toHaveLength(before + 1);
  });

  it('nests it under its aggregate in the list', async () => {
    s = await openSession(app);
    await loadApp(s);
    const f = form(s.page);
    await f.prefix.fill(NEW_BLOCK);
    await f.submit.click();
    await s.page.locator(`[data-prefix="${NEW_BLOCK}"]`).waitFor();
    const order = await s.page.locator('[data-prefix]').evaluateAll((rows) =>
      rows.map((r) => ({ prefix: r.getAttribute('data-prefix'), top: r.getBoundingClientRect().top, indent: parseFloat(getComputedStyle(r.firstElementChild!).paddingLeft) })),
    );
    order.sort((a, b) => a.top - b.top);
    const i = order.findIndex((r) => r.prefix === NEW_BLOCK);
    const parent = order.find((r) => r.prefix === '198.51.100.128/25')!;
    expect(i).toBeGreaterThan(order.indexOf(parent));
    expect(order[i]!.indent).toBeGreaterThan(parent.indent);
  });
});

describe('refusing a block at the field', () => {
  for (const [what, input, message] of [
    ['a malformed CIDR', '198.51.100.300/26', /is not a valid IPv4 address/],
    ['a CIDR with host bits set', '198.51.100.225/27', /has host bits set \(did you mean 198\.51\.100\.224\/27\?\)/],
    ['text that is not a CIDR at all', 'banana', /is not in CIDR form/],
  ] as const) {
    it(`shows an error at the Block field for ${what} and adds nothing`, async () => {
      s = await openSession(app);
      await loadApp(s);
      const { page } = s;
      const before = await rowCount(page);
      const f = form(page);
      await f.prefix.fill(input);
      await f.submit.click();
      await f.prefixError.waitFor({ state: 'visible' });
      const text = (await f.prefixError.textContent()) ?? '';
      expect(text).toMatch(message);
      // The label already names the field: the message does not repeat "prefix:".
      expect(text).not.toMatch(/^prefix:/);
      expect(await f.prefix.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await f.prefix.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(text);
      // Nothing was added, in the page or in the file.
      expect(await rowCount(page)).toBe(before);
      expect(await page.locator(`[data-prefix="${NEW_BLOCK}"]`).count()).toBe(0);
      expect(listPrefixes(s.ws)).toHaveLength(before);
      // Correcting the text clears the refusal.
      await f.prefix.fill(NEW_BLOCK);
      await expect.poll(() => f.prefixError.count()).toBe(0);
      expect(await f.prefix.getAttribute('aria-invalid')).toBe('false');
    });
  }

  it('refuses a block that already exists, at the field or for the form, and adds nothing', async () => {
    s = await openSession(app);
    await loadApp(s);
    const before = await rowCount(s.page);
    const f = form(s.page);
    await f.prefix.fill('198.51.100.0/26');
    await f.submit.click();
    const shown = s.page.locator('form[aria-label="Add a block"] [role="alert"]');
    await shown.first().waitFor({ state: 'visible' });
    expect(await shown.first().textContent()).toMatch(/198\.51\.100\.0\/26/);
    expect(await rowCount(s.page)).toBe(before);
  });
});

describe('undo and redo', () => {
  it('Ctrl+Z outside the inputs removes the added block, Ctrl+Shift+Z brings it back, in the page and the file', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const before = await rowCount(page);
    const f = form(page);
    await f.prefix.fill(NEW_BLOCK);
    await f.submit.click();
    const row = page.locator(`[data-prefix="${NEW_BLOCK}"]`);
    await row.waitFor({ state: 'visible' });

    // In a text field Ctrl+Z belongs to the field: the workspace is not touched.
    await f.description.focus();
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect(await row.count()).toBe(1);

    await page.getByRole('grid', { name: 'Blocks' }).focus();
    await page.keyboard.press('Control+z');
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => rowCount(page)).toBe(before);
    expect(listPrefixes(s.ws).some((r) => r.prefix === NEW_BLOCK)).toBe(false);

    await page.keyboard.press('Control+Shift+Z');
    await row.waitFor({ state: 'visible' });
    await expect.poll(() => rowCount(page)).toBe(before + 1);
    expect(listPrefixes(s.ws).some((r) => r.prefix === NEW_BLOCK)).toBe(true);
  });

  it('the toolbar buttons do the same and say what they undo', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const f = form(page);
    await f.prefix.fill(NEW_BLOCK);
    await f.submit.click();
    const row = page.locator(`[data-prefix="${NEW_BLOCK}"]`);
    await row.waitFor();
    const undo = page.getByRole('button', { name: '↶ Undo' });
    await expect.poll(() => undo.getAttribute('title')).toContain(NEW_BLOCK);
    await undo.click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await row.waitFor({ state: 'visible' });
  });

  it('removing a block with its ✕ button is undone by Ctrl+Z', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const victim = '198.51.100.64/29';
    const row = page.locator(`[data-prefix="${victim}"]`);
    await page.getByRole('button', { name: `Remove ${victim}` }).click();
    await row.waitFor({ state: 'detached' });
    expect(listPrefixes(s.ws).some((r) => r.prefix === victim)).toBe(false);
    await page.locator('main').focus();
    await page.keyboard.press('Control+z');
    await row.waitFor({ state: 'visible' });
  });
});

describe('the History dialog', () => {
  it('lists the change and its undo, and Escape closes it with the focus back on the History button', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const f = form(page);
    await f.prefix.fill(NEW_BLOCK);
    await f.submit.click();
    await page.locator(`[data-prefix="${NEW_BLOCK}"]`).waitFor();
    await page.getByRole('grid', { name: 'Blocks' }).focus();
    await page.keyboard.press('Control+z');
    await page.locator(`[data-prefix="${NEW_BLOCK}"]`).waitFor({ state: 'detached' });
    const history = page.getByRole('button', { name: 'History' });
    await history.click();
    const dialog = page.getByRole('dialog', { name: 'History' });
    const added = dialog.locator('tbody tr', { hasText: `Add ${NEW_BLOCK}` }).filter({ hasNotText: 'Undo:' });
    await added.waitFor();
    expect(await added.locator('td').last().textContent()).toBe('undone');
    expect(await added.getAttribute('class')).toContain('struck');
    const undo = dialog.locator('tbody tr', { hasText: `Undo: Add ${NEW_BLOCK}` });
    expect(await undo.count()).toBe(1);
    // Newest first: the undo sits above the change it undid.
    expect((await undo.boundingBox())!.y).toBeLessThan((await added.boundingBox())!.y);
    // The time stamp stays on one line.
    const lines = await added.locator('td.mono').evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await history.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});

describe('a workspace another process is writing', () => {
  it('opens read-only in a second bridge: a banner says so, the form is disabled and nothing can be removed', async () => {
    s = await openSession(app);
    const second = await startBridge(app, s.home, s.ws);
    try {
      await s.page.goto(second.url);
      await s.page.locator('[data-prefix]').first().waitFor();
      expect(await s.page.getByRole('status').filter({ hasText: 'read-only' }).count()).toBeGreaterThan(0);
      expect(await s.page.locator('.ws-name .badge').textContent()).toBe('read-only');
      const f = form(s.page);
      expect(await f.prefix.isDisabled()).toBe(true);
      expect(await f.submit.isDisabled()).toBe(true);
      expect(await s.page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
      expect(await s.page.getByRole('button', { name: '↶ Undo' }).isDisabled()).toBe(true);
    } finally {
      await second.stop();
    }
  });
});

describe('the keyboard alone', () => {
  it('reaches the form with Tab, adds a block with Enter, and undoes it with Ctrl+Z', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}` : '';
    });
    let presses = 0;
    while ((await focused()) !== 'input[name=prefix]') {
      await page.keyboard.press('Tab');
      if (++presses > 40) throw new Error(`Tab never reached the Block field (last focus: ${await focused()})`);
    }
    // A keyboard user sees where the focus is.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');

    await page.keyboard.type(NEW_BLOCK);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('select[name=status]');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input[name=description]');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    const row = page.locator(`[data-prefix="${NEW_BLOCK}"]`);
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).toContain('Typed without a mouse');

    // Tab on out of the text fields (to the submit button), then undo from the keyboard.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^(button|div)/);
    await page.keyboard.press('Control+z');
    await row.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+Z');
    await row.waitFor({ state: 'visible' });
  });

  it('moves through the list with the arrow keys and removes the selected block with Delete', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const grid = page.getByRole('grid', { name: 'Blocks' });
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('.grid-row.selected');
    const prefix = await selected.getAttribute('data-prefix');
    expect(prefix).toBe('192.0.2.0/29');
    expect(await grid.getAttribute('aria-activedescendant')).toBe(await selected.getAttribute('id'));
    await page.keyboard.press('Delete');
    await page.locator(`[data-prefix="${prefix}"]`).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await page.locator(`[data-prefix="${prefix}"]`).waitFor({ state: 'visible' });
  });
});
