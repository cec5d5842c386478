/**
 * The Registry screen in a real browser against a real workspace: adding a block reaches the
 * file (checked with the CLI), refusals show at the field, undo and redo work from the keyboard;
 * the tree with its utilization bars, the selected block's map, free space and history, the
 * Allocate dialog, search by containment and text, opening a block, and the keyboard alone.
 * Screenshots for a person to look at go to test-results/screens/registry-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, listPrefixes, loadApp, openSession, ROOT, shotsDir, startBridge, type Session } from './support/app';

const app = useApp();
let s: Session | undefined;

const SCREENS = join(ROOT, 'test-results', 'screens');

beforeAll(() => {
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

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

const rowCount = (page: Session['page']) =>
  page
    .getByTestId('prefix-count')
    .textContent()
    .then((t) => Number(/^(\d+)/.exec(t ?? '')?.[1]));

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
      rows.map((r) => ({
        prefix: r.getAttribute('data-prefix'),
        top: r.getBoundingClientRect().top,
        indent: parseFloat(getComputedStyle(r.firstElementChild!).paddingLeft),
      })),
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

  it('removing a block with its ✕ button (confirmed) is undone by Ctrl+Z', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const victim = '198.51.100.64/29';
    const row = page.locator(`[data-prefix="${victim}"]`);
    await page.getByRole('button', { name: `Remove ${victim}` }).click();
    // A confirmation first (Ctrl+Z would bring it back, but a stray click should not cost a block).
    const confirm = page.getByRole('dialog', { name: 'Remove block' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
    await confirm.waitFor({ state: 'detached' });
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
    const focused = () =>
      page.evaluate(() => {
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

    // Tab on through the form's last fields (the date, the RIR) to the submit button, then undo
    // from the keyboard.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input[name=date]');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('select[name=rir]');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^(button|div)/);
    await page.keyboard.press('Control+z');
    await row.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+Z');
    await row.waitFor({ state: 'visible' });
  });

  it('moves through the list with the arrow keys and removes the selected block with Delete, confirmed with Enter', async () => {
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
    // Enter confirms (the dialog's Block field has the focus); the focus then returns to the grid.
    await page.getByRole('dialog', { name: 'Remove block' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`[data-prefix="${prefix}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => grid.evaluate((g) => g === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+z');
    await page.locator(`[data-prefix="${prefix}"]`).waitFor({ state: 'visible' });
  });
});

type Page = Session['page'];

/** Waits for the fonts, then saves the viewport. */
async function shoot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Blocks' });
const detail = (page: Page, prefix: string) => page.locator(`aside.reg-detail[data-block="${prefix}"]`);
const rowOf = (page: Page, prefix: string) => page.locator(`[data-prefix="${prefix}"]`);
const search = (page: Page) => page.getByRole('combobox', { name: 'Search blocks' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const focusedIsGrid = (page: Page) => grid(page).evaluate((g) => g === document.activeElement);

/** Selects a row with a click and waits for the detail pane to show its map, free space and history. */
async function select(page: Page, prefix: string) {
  await rowOf(page, prefix).click();
  const pane = detail(page, prefix);
  await pane.locator('.space-map').waitFor();
  await pane.locator('.reg-history').waitFor();
  return pane;
}

/** Opens a block through the search box (the way to reach a row out of sight). */
async function openBySearch(page: Page, query: string, prefix: string) {
  await search(page).fill(query);
  await results(page).filter({ hasText: prefix }).first().click();
  // Search selects the block's row; Enter then opens it.
  await page.locator(`.grid-row.selected[data-prefix="${prefix}"]`).waitFor();
  await page.locator('.reg-grid .grid-body').press('Enter');
  await page.locator('.reg-crumbs [aria-current="location"]', { hasText: prefix }).waitFor();
  return detail(page, prefix);
}

describe('the tree of blocks', () => {
  it('nests blocks by depth with a utilization bar (used and reserved), the number they hold and their status', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const business = rowOf(page, '198.51.100.64/26');
    await business.waitFor();
    // 60 of 64 addresses held by its nine assignments.
    const meter = business.getByRole('meter');
    expect(await meter.getAttribute('aria-valuenow')).toBe('94');
    // Drawn child by child (issue 14: the parts add up to the parent's figure).
    const widths = (row: typeof business, cls: string) =>
      row.locator(cls).evaluateAll((rects) => rects.reduce((sum, r) => sum + Number(r.getAttribute('width')), 0));
    expect(await widths(business, '.usage-used')).toBeCloseTo(93.75, 9);
    expect(await business.getAttribute('aria-level')).toBe('2');
    expect(await business.locator('[role="gridcell"]').nth(3).textContent()).toBe('9');
    // The fixed-wireless aggregate: half assigned, a quarter reserved, drawn apart.
    const fw = rowOf(page, '203.0.113.0/24');
    expect(await fw.getByRole('meter').getAttribute('aria-valuetext')).toMatch(/^50 % used = 50 % 203\.0\.113\.0\/25; .*25 %/);
    expect(await widths(fw, '.usage-reserved')).toBeCloseTo(25, 9);
    const indent = (prefix: string) =>
      rowOf(page, prefix)
        .locator('[role="gridcell"]')
        .first()
        .evaluate((c) => parseFloat(getComputedStyle(c).paddingLeft));
    expect(await indent('198.51.100.0/24')).toBeLessThan(await indent('198.51.100.64/26'));
    expect(await indent('198.51.100.64/26')).toBeLessThan(await indent('198.51.100.72/29'));
    // A page of rows, not the whole list: the grid knows the total and renders what is in sight.
    expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(listPrefixes(s.ws).filter((r) => r.space === 'global').length));
    expect(s.browser.problems).toEqual([]);
  });

  it('shows the selected block: utilization, a map of its children by status, its free space and its history', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const pane = await select(page, '198.51.100.64/26');
    expect(await pane.locator('.reg-util').textContent()).toContain('60 of 64 addresses');
    // One shape per direct child, coloured by status, with a legend.
    const blocks = pane.locator('.space-map [data-block]');
    expect(await blocks.count()).toBe(9);
    expect(await pane.locator('.space-map [data-block="198.51.100.72/29"]').getAttribute('class')).toContain('map-assigned');
    expect(await pane.getByRole('list', { name: 'Legend' }).textContent()).toMatch(/Aggregate.*Allocated.*Assigned.*Reserved.*Free/);
    // The free space: one /30 left.
    const free = pane.getByRole('list', { name: 'Free blocks in 198.51.100.64/26' });
    expect(await free.getByRole('listitem').allTextContents()).toEqual(['198.51.100.124/30']);
    expect(await pane.locator('.free-list').textContent()).toContain('Largest free198.51.100.124/30');
    // Its history: loaded with the demo.
    expect(await pane.getByRole('table', { name: 'Block history' }).textContent()).toContain('added as allocated');
    await shoot(page, 'registry-detail-light');
    expect(s.browser.problems).toEqual([]);
  });

  it('opens the RPSL objects and reverse zones of the selected block on the Requests screen', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const pane = await select(page, '198.51.100.0/24');
    await pane.getByRole('link', { name: 'RPSL & reverse DNS' }).click();
    await expect.poll(() => page.url()).toContain('#/requests?objects=198.51.100.0%2F24');
    await expect.poll(() => page.getByRole('tab', { name: 'RPSL and reverse DNS' }).getAttribute('aria-selected')).toBe('true');
    const panel = page.locator('#req-panel');
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('inetnum:');
    expect(await panel.textContent()).toContain('198.51.100.0 - 198.51.100.255');
    await shoot(page, 'registry-to-objects');
    // The demo names no name servers: the zones are refused at that field (an HTTP 400, not a fault).
    expect(s.browser.problems.filter((p) => !/\b400\b/.test(p))).toEqual([]);
  });

  it('counts an IPv6 pool in its assignment unit, with the HD-ratio', async () => {
    s = await openSession(app);
    await loadApp(s);
    const pane = await openBySearch(s.page, '2001:db8:200::/44', '2001:db8:200::/44');
    await pane.locator('.reg-util').waitFor();
    const util = (await pane.locator('.reg-util').textContent()) ?? '';
    expect(util).toContain('/56 units');
    expect(util).toMatch(/of 4,096 \/56 units/);
    expect(util).toMatch(/HD-ratio0\.\d{3}/);
    await pane.locator('.space-map').waitFor();
    expect(await pane.locator('.space-map [data-block]').count()).toBe(23);
    await shoot(s.page, 'registry-ipv6-pool');
  });

  it('drills into a child from the map, and Backspace goes back up with that child selected', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const pane = await select(page, '198.51.100.0/24');
    await pane.locator('.space-map [data-block="198.51.100.64/26"]').click();
    await page.locator('.reg-crumbs [aria-current="location"]', { hasText: '198.51.100.64/26' }).waitFor();
    await expect.poll(() => page.getByTestId('prefix-count').textContent()).toBe('10 blocks in 198.51.100.64/26');
    expect(await page.locator('.reg-crumbs').textContent()).toContain('198.51.100.0/24');
    await expect.poll(() => page.locator('[data-prefix]').count()).toBe(10);
    await detail(page, '198.51.100.64/26').waitFor();
    expect(await focusedIsGrid(page)).toBe(true);
    // Up one level: the /24 that holds it, with the /26 selected; once more: the whole space.
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.64/26');
    expect(await page.locator('.reg-crumbs [aria-current="location"]').textContent()).toBe('198.51.100.0/24');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.0/24');
    expect(await page.locator('.reg-crumbs').count()).toBe(0);
    expect(await page.getByTestId('prefix-count').textContent()).toMatch(/^\d+ blocks$/);
  });
});

describe('a parent’s percentage and its children’s (issue 14, item 5)', () => {
  it('stacks the parent’s bar child by child and says the sum; a leaf assignment reads "in use"', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const meter = rowOf(page, '198.51.100.128/25').getByRole('meter');
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe('75 % used = 50 % 198.51.100.128/26 + 25 % 198.51.100.192/27');
    expect(await meter.getAttribute('aria-valuenow')).toBe('75');
    const parts = await meter
      .locator('[data-part]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-part'), e.getAttribute('x'), e.getAttribute('width')]));
    expect(parts).toEqual([
      ['198.51.100.128/26', '0', '50'],
      ['198.51.100.192/27', '50', '25'],
    ]);
    expect(await rowOf(page, '198.51.100.128/25').locator('.usage').getAttribute('title')).toContain('= 50 % 198.51.100.128/26 + 25 % 198.51.100.192/27');
    // The /24's three pools each add their own used share of their span: 25 + 23.4 + 37.5 ≈ 86.
    expect(await rowOf(page, '198.51.100.0/24').getByRole('meter').getAttribute('aria-valuetext')).toBe(
      '86 % used = 25 % 198.51.100.0/26 + 23 % 198.51.100.64/26 + 38 % 198.51.100.128/25',
    );
    expect(await rowOf(page, '198.51.100.192/27').locator('.usage-whole').textContent()).toBe('in use');
    expect(s.browser.problems).toEqual([]);
  }, 240_000);
});

describe('placements warned about, never refused (issue 14, item 5)', () => {
  it('adds each block and says what to look at twice: 10/8 assigned whole, an allocation under an assignment, an aggregate in an aggregate', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const warnings = page.getByRole('status', { name: 'Look at this twice' });
    for (const [prefix, status, warning] of [
      ['10.0.0.0/8', 'assigned', /10\.0\.0\.0\/8 is assigned whole in the global space/],
      ['10.1.0.0/16', 'allocated', /allocated inside an assignment/],
      ['192.0.2.0/25', 'aggregate', /aggregate inside another aggregate/],
    ] as const) {
      await form(page).prefix.fill(prefix);
      await form(page).status.selectOption(status);
      await form(page).submit.click();
      await expect.poll(() => listPrefixes(s!.ws).find((r) => r.prefix === prefix)?.status).toBe(status);
      await expect.poll(() => warnings.textContent()).toMatch(warning);
      // Plain words: no internal field paths.
      expect(await warnings.textContent()).not.toMatch(/[a-z][A-Za-z]*\[\d+\]|[a-z][A-Za-z]+\.\d+\.[a-z]|Fix: [a-z]+[A-Z]/);
    }
    expect(s.browser.problems).toEqual([]);
  });
});

describe('notices (issue 14, item 7)', () => {
  it('keeps at most one toast over the content; every notice of the session is in the Messages list', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const added = ['203.0.113.192/27', '203.0.113.224/28', '203.0.113.240/28'];
    for (const prefix of added) {
      await form(page).prefix.fill(prefix);
      await form(page).submit.click();
      await rowOf(page, prefix).waitFor();
      await expect.poll(() => page.locator('.notices .notice').last().textContent()).toContain(prefix);
      expect(await page.locator('.notices .notice').count()).toBe(1);
    }
    await page.getByRole('button', { name: /^Messages/ }).click();
    const list = page.getByRole('region', { name: 'Messages' });
    await list.waitFor();
    const text = (await list.textContent())!;
    for (const prefix of added) expect(text).toContain(prefix);
    expect(s.browser.problems).toEqual([]);
  });
});

describe('every CIDR whole at 1024×700 with the detail pane open (issue 14, item 7)', () => {
  it('no Block cell of the grid clips its CIDR, at any depth, down the whole list', async () => {
    s = await openSession(app);
    await s.page.setViewportSize({ width: 1024, height: 700 });
    await loadApp(s);
    const { page } = s;
    // Deeper and longer than the demo's own: an IPv4 /29 three levels down and a long IPv6 /64.
    for (const [prefix, status] of [
      ['198.51.100.200/29', 'assigned'],
      ['2001:db8:0:ffff::/64', 'assigned'],
    ] as const) {
      await form(page).prefix.fill(prefix);
      await form(page).status.selectOption(status);
      await form(page).submit.click();
      await rowOf(page, prefix).waitFor();
    }
    await select(page, '198.51.100.104/30');
    expect(await page.locator('aside.reg-detail').isVisible()).toBe(true);
    // Down the list a screen at a time: every row in sight, its Block cell measured.
    const body = page.locator('.reg-grid .grid-body');
    const seen = new Map<string, { depth: number; scroll: number; client: number }>();
    for (let top = 0; ;) {
      await body.evaluate((b, y) => (b.scrollTop = y), top);
      await page.locator('.grid-row.placeholder').first().waitFor({ state: 'detached' });
      const cells = await page.locator('.grid-row[data-prefix]').evaluateAll((rows) =>
        rows.map((r) => {
          const c = r.querySelector('.reg-block')!;
          return { prefix: r.getAttribute('data-prefix')!, depth: Number(r.getAttribute('aria-level')), scroll: c.scrollWidth, client: c.clientWidth };
        }),
      );
      for (const c of cells) seen.set(c.prefix, c);
      const { scrollTop, clientHeight, scrollHeight } = await body.evaluate((b) => ({
        scrollTop: b.scrollTop,
        clientHeight: b.clientHeight,
        scrollHeight: b.scrollHeight,
      }));
      if (scrollTop + clientHeight >= scrollHeight) break;
      top = scrollTop + clientHeight - 30;
    }
    expect(seen.size).toBe(await rowCount(page));
    expect(Math.max(...[...seen.values()].map((c) => c.depth))).toBeGreaterThanOrEqual(4);
    const clipped = [...seen].filter(([, c]) => c.scroll > c.client).map(([p, c]) => `${p} (depth ${c.depth}): ${c.scroll} > ${c.client} px`);
    expect(clipped).toEqual([]);
    // And the columns still line up: every row's Status cell starts at the same x.
    const xs = await page
      .locator('.grid-row[data-prefix] > :nth-child(2)')
      .evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().left)))]);
    expect(xs).toHaveLength(1);
    // The pane folds away for a wider grid, and comes back.
    const gridWidth = () => body.evaluate((b) => b.clientWidth);
    const withPane = await gridWidth();
    await page.getByRole('button', { name: 'Hide details' }).click();
    await expect.poll(() => page.locator('aside.reg-detail').count()).toBe(0);
    expect(await gridWidth()).toBeGreaterThan(withPane + 200);
    await page.getByRole('button', { name: 'Show details' }).click();
    await page.locator('aside.reg-detail').waitFor();
    expect(s.browser.problems).toEqual([]);
  }, 240_000);
});

describe('screenshots of the stacked usage bars and the many-block Allocate dialog', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}, at 1440×900 and 1024×700, to $HEADROOM_SHOTS/app`, async () => {
      const SHOTS = shotsDir('app');
      s = await openSession(app, { colorScheme: scheme });
      await loadApp(s);
      const { page } = s;
      const pane = await select(page, '198.51.100.128/25');
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await fontsSettled(page);
        await page.screenshot({ path: join(SHOTS, `registry-usage-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
      await pane.getByRole('button', { name: 'Allocate…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Allocate from 198.51.100.128/25' });
      await dialog.getByLabel('Length').fill('30');
      await dialog.getByLabel('How many').fill('6');
      await expect.poll(() => dialog.getByRole('status', { name: 'Preview' }).textContent()).toContain('Will take 6 blocks');
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await fontsSettled(page);
        await page.screenshot({ path: join(SHOTS, `allocate-many-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
    }, 240_000);
  }
});

describe('the Allocate dialog', () => {
  const POOL = '198.51.100.128/25';

  it('previews the block it will take, records it with its description, and Ctrl+Z takes it back', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const before = listPrefixes(s.ws).length;
    const pane = await select(page, POOL);
    await pane.getByRole('button', { name: 'Allocate…' }).click();
    const dialog = page.getByRole('dialog', { name: `Allocate from ${POOL}` });
    await dialog.getByLabel('Length').fill('27');
    await dialog.getByLabel('Strategy').selectOption('best-fit');
    await dialog.getByLabel('Description').fill('CGNAT egress, BNG 3');
    const preview = dialog.getByRole('status', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('Will take 198.51.100.224/27 (best-fit)');
    // A preview records nothing.
    expect(listPrefixes(s.ws)).toHaveLength(before);
    await shoot(page, 'registry-allocate-light');
    await dialog.getByRole('button', { name: 'Allocate' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = rowOf(page, '198.51.100.224/27');
    await row.waitFor();
    expect(await row.textContent()).toContain('CGNAT egress, BNG 3');
    // The new block is selected, with its history, and the grid has the focus.
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.224/27');
    await expect
      .poll(() => detail(page, '198.51.100.224/27').locator('.reg-history').textContent())
      .toContain('Allocate 198.51.100.224/27 (best-fit) from 198.51.100.128/25');
    await expect.poll(() => focusedIsGrid(page)).toBe(true);
    expect(listPrefixes(s.ws).find((r) => r.prefix === '198.51.100.224/27')).toMatchObject({ status: 'assigned', description: 'CGNAT egress, BNG 3' });
    // The pool is full now: its bar says so.
    await expect.poll(() => rowOf(page, POOL).getByRole('meter').getAttribute('aria-valuenow')).toBe('100');

    await page.keyboard.press('Control+z');
    await row.waitFor({ state: 'detached' });
    expect(listPrefixes(s.ws)).toHaveLength(before);
    expect(s.browser.problems).toEqual([]);
  });

  it('takes N blocks at once: the preview lists all N, one Ctrl+Z takes them all back; room for fewer is refused at How many', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const before = listPrefixes(s.ws).length;
    const pane = await select(page, POOL);
    await pane.getByRole('button', { name: 'Allocate…' }).click();
    const dialog = page.getByRole('dialog', { name: `Allocate from ${POOL}` });
    await dialog.getByLabel('Length').fill('29');
    const count = dialog.getByLabel('How many');
    // The pool's only free /27 holds four /29s: five do not fit, and nothing is recorded.
    await count.fill('5');
    const error = dialog.locator('.field-invalid .field-error');
    await expect.poll(() => error.textContent()).toBe('only 4 free /29 blocks are left in 198.51.100.128/25, not 5');
    expect(await count.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Allocate' }).click();
    await expect.poll(() => error.textContent()).toMatch(/only 4 free/);
    expect(listPrefixes(s.ws)).toHaveLength(before);

    await count.fill('3');
    await dialog.getByLabel('Description').fill('BNG 4 egress');
    const preview = dialog.getByRole('status', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('Will take 3 blocks (first-fit)');
    expect(await preview.getByRole('list', { name: 'Blocks to take' }).getByRole('listitem').allTextContents()).toEqual([
      '198.51.100.224/29',
      '198.51.100.232/29',
      '198.51.100.240/29',
    ]);
    expect(listPrefixes(s.ws)).toHaveLength(before);
    await shoot(page, 'registry-allocate-many-light');
    await dialog.getByRole('button', { name: 'Allocate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        listPrefixes(s!.ws)
          .filter((r) => r.description === 'BNG 4 egress')
          .map((r) => r.prefix),
      )
      .toEqual(['198.51.100.224/29', '198.51.100.232/29', '198.51.100.240/29']);
    await rowOf(page, '198.51.100.240/29').waitFor();
    await grid(page).focus();
    await page.keyboard.press('Control+z');
    await rowOf(page, '198.51.100.224/29').waitFor({ state: 'detached' });
    await expect.poll(() => listPrefixes(s!.ws).length).toBe(before);
    // The refusal is a 409 answer the dialog showed at its field; nothing else went wrong.
    expect(s.browser.problems.filter((p) => !/409/.test(p))).toEqual([]);
  }, 240_000);

  it('with room to grow, reserves the neighbours in the same action', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const pane = await select(page, '198.51.100.64/26');
    await pane.getByRole('button', { name: 'Allocate…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Length').fill('31');
    await dialog.getByLabel('Room to grow (bits)').fill('1');
    await expect
      .poll(() => dialog.getByRole('status', { name: 'Preview' }).textContent())
      .toContain('Will take 198.51.100.124/31 (first-fit) and reserve 198.51.100.126/31 for its growth');
    await dialog.getByRole('button', { name: 'Allocate' }).click();
    await rowOf(page, '198.51.100.126/31').waitFor();
    expect(await rowOf(page, '198.51.100.126/31').locator('.status').textContent()).toBe('reserved');
    await page.keyboard.press('Control+z');
    await rowOf(page, '198.51.100.124/31').waitFor({ state: 'detached' });
    expect(await rowOf(page, '198.51.100.126/31').count()).toBe(0);
  });
});

describe('refusals at the field (and nothing changes)', () => {
  for (const [what, length, message] of [
    ['more than is free', '26', /^no free \/26 is left in 198\.51\.100\.128\/25$/],
    ['a length out of range', '33', /^must be a whole number from 0 to 32 for IPv4$/],
    ['a length no smaller than the block', '25', /^\/25 is not smaller than 198\.51\.100\.128\/25/],
    ['a length that is not a number', 'x', /^must be a whole number$/],
  ] as const) {
    it(`Allocate: ${what} shows at the Length field, as you type and on Allocate`, async () => {
      s = await openSession(app);
      await loadApp(s);
      const { page } = s;
      const before = listPrefixes(s.ws).length;
      const pane = await select(page, '198.51.100.128/25');
      await pane.getByRole('button', { name: 'Allocate…' }).click();
      const dialog = page.getByRole('dialog');
      const field = dialog.getByLabel('Length');
      await field.fill(length);
      const error = dialog.locator('.field-invalid .field-error');
      await expect.poll(() => error.textContent()).toMatch(message);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).textContent()).toMatch(message);
      await dialog.getByRole('button', { name: 'Allocate' }).click();
      await expect.poll(() => error.textContent()).toMatch(message);
      expect(await dialog.isVisible()).toBe(true);
      if (what === 'more than is free') await shoot(page, 'registry-allocate-refused');
      expect(listPrefixes(s.ws)).toHaveLength(before);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });
  }

  it('Remove: a block that holds blocks says how many go with it, and Escape keeps them all', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const before = listPrefixes(s.ws).length;
    await select(page, '198.51.100.64/26');
    await grid(page).focus();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Remove block' });
    await dialog.waitFor();
    // The dialog counts the blocks inside before it offers to remove them (issue 14, item 3).
    await expect.poll(() => dialog.textContent()).toContain('with the 9 blocks inside it');
    const remove = dialog.getByRole('button', { name: 'Remove 10 blocks' });
    expect(await remove.isEnabled()).toBe(true);
    await shoot(page, 'registry-remove-tree');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await rowOf(page, '198.51.100.64/26').count()).toBe(1);
    expect(listPrefixes(s.ws)).toHaveLength(before);
  });

  it('Search: a malformed address is refused at the search box', async () => {
    s = await openSession(app);
    await loadApp(s);
    const box = search(s.page);
    await box.fill('198.51.100.300');
    await expect.poll(() => box.getAttribute('aria-invalid')).toBe('true');
    const error = s.page.locator(`[id="${await box.getAttribute('aria-describedby')}"]`);
    expect(await error.textContent()).toBe('"198.51.100.300" is not a valid IPv4 address');
  });
});

describe('search', () => {
  it('answers "who holds 198.51.100.77?" with its holders, the most specific marked, and opens it with Enter', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    await grid(page).focus();
    await page.keyboard.press('/');
    await expect.poll(() => search(page).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.type('198.51.100.77');
    const head = page.locator('.reg-search-head');
    await expect.poll(() => head.textContent()).toBe('198.51.100.77 is held by 198.51.100.72/29 (Harbour Street Clinic)');
    const options = results(page);
    expect(await options.evaluateAll((o) => o.map((x) => x.getAttribute('data-block')))).toEqual(['198.51.100.0/24', '198.51.100.64/26', '198.51.100.72/29']);
    const holder = options.filter({ hasText: 'holds it' });
    expect(await holder.getAttribute('aria-selected')).toBe('true');
    await shoot(page, 'registry-search-holder');
    await page.keyboard.press('Enter');
    // Search selects the holder's row (issue 14, item 6); Enter in the grid then opens it.
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.72/29');
    await detail(page, '198.51.100.72/29').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.reg-crumbs [aria-current="location"]', { hasText: '198.51.100.72/29' }).waitFor();
    // The holders join the trail when their lookup answers, a moment after the block opens.
    await expect
      .poll(() => page.locator('.reg-crumbs').textContent())
      .toMatch(/All of global.*198\.51\.100\.0\/24.*198\.51\.100\.64\/26.*198\.51\.100\.72\/29/);
  });

  it('finds blocks by text (Ctrl+F), across IPv4 and IPv6, and opens one with the arrow keys and Enter', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    await grid(page).focus();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('acme');
    const head = page.locator('.reg-search-head');
    await expect.poll(() => head.textContent()).toBe('2 blocks match “acme”');
    expect(await results(page).evaluateAll((o) => o.map((x) => x.getAttribute('data-block')))).toEqual(['198.51.100.64/29', '2001:db8:1000::/48']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await detail(page, '2001:db8:1000::/48').waitFor();
    expect(await page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('2001:db8:1000::/48');
    // Escape from the box (nothing open) goes back to the grid.
    await search(page).focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedIsGrid(page)).toBe(true);
  });
});

describe('the keyboard alone, start to finish', () => {
  it('search, open, go up, allocate, remove and undo without the mouse', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const before = listPrefixes(s.ws).length;
    await page.keyboard.press('/');
    await page.keyboard.type('Business customers');
    await expect.poll(() => page.locator('.reg-search-head').textContent()).toMatch(/^2 blocks match/);
    await page.keyboard.press('Enter');
    // Search selects the block's row in the whole space, with the focus in the grid; Enter opens it.
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.64/26');
    await expect.poll(() => focusedIsGrid(page)).toBe(true);
    expect(await page.locator('.reg-crumbs [aria-current="location"]').count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.locator('.reg-crumbs [aria-current="location"]', { hasText: '198.51.100.64/26' }).waitFor();
    await expect.poll(() => focusedIsGrid(page)).toBe(true);
    // The opened block's own rows, loaded (on a busy machine the keys could outrun them).
    await expect.poll(() => page.getByTestId('prefix-count').textContent()).toBe('10 blocks in 198.51.100.64/26');
    // Down to an assignment, and back: Home is the opened block itself.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.64/29');
    await page.keyboard.press('Home');
    expect(await page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.64/26');
    // A: allocate from it; the Length field has the focus.
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Allocate from 198.51.100.64/26' });
    await dialog.waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('30');
    // Strategy, room to grow, how many, status, then the description.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Typed without a mouse');
    await expect.poll(() => dialog.getByRole('status', { name: 'Preview' }).textContent()).toContain('198.51.100.124/30');
    await page.keyboard.press('Enter');
    const row = rowOf(page, '198.51.100.124/30');
    await row.waitFor();
    expect(await row.textContent()).toContain('Typed without a mouse');
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe('198.51.100.124/30');
    await expect.poll(() => focusedIsGrid(page)).toBe(true);
    expect(listPrefixes(s.ws)).toHaveLength(before + 1);
    // Delete, confirmed with Enter; Ctrl+Z brings it back, Ctrl+Shift+Z removes it again.
    await page.keyboard.press('Delete');
    await page.getByRole('dialog', { name: 'Remove block' }).waitFor();
    await page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await row.waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await row.waitFor({ state: 'detached' });
    // Backspace: up to the /24 that holds the pool, then to the whole space.
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.reg-crumbs [aria-current="location"]').textContent()).toBe('198.51.100.0/24');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.reg-crumbs').count()).toBe(0);
    expect(listPrefixes(s.ws)).toHaveLength(before);
    expect(s.browser.problems.filter((p) => !/\b40[09]\b/.test(p))).toEqual([]);
  });
});

describe('screenshots in the dark theme', () => {
  it('of the tree with a pool selected, the Allocate dialog and a search', async () => {
    s = await openSession(app, { colorScheme: 'dark' });
    await loadApp(s);
    const { page } = s;
    const pane = await select(page, '198.51.100.128/25');
    await shoot(page, 'registry-detail-dark');
    await pane.getByRole('button', { name: 'Allocate…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Length').fill('27');
    await expect.poll(() => dialog.getByRole('status', { name: 'Preview' }).textContent()).toContain('198.51.100.224/27');
    await shoot(page, 'registry-allocate-dark');
    await dialog.getByLabel('Length').fill('26');
    await dialog.locator('.field-error').waitFor();
    await shoot(page, 'registry-allocate-refused-dark');
    await page.keyboard.press('Escape');
    await search(page).fill('BNG 2');
    await page.locator('.reg-search-head').waitFor();
    await shoot(page, 'registry-search-dark');
    expect(s.browser.problems.filter((p) => !/\b40[09]\b/.test(p))).toEqual([]);
  });
});

describe('a workspace that stops answering', () => {
  it('shows the failure and asks once per page, without a loop of retries', async () => {
    s = await openSession(app);
    const { page } = s;
    let asked = 0;
    await page.route('**/api/registry.listPrefixes', (route) => {
      asked++;
      return route.abort('connectionrefused');
    });
    await page.goto(s.bridge.url);
    await page.getByRole('alert').filter({ hasText: 'the Headroom server is not reachable' }).waitFor();
    // Give a retry loop time to show itself: before the fix, the failed page was asked for again
    // as soon as its request ended, hundreds of times a second.
    await page.waitForTimeout(1500);
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(3);
  });
});
