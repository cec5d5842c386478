/**
 * Editing in place in a real browser against a real workspace (issue 14, items 3–5): the detail
 * pane's edit form writes only what was changed (read after save, through the CLI), inline edit
 * in the grid (F2), undo from the keyboard, release to cooldown, bulk edit of ticked rows, and
 * removing a block with the blocks inside it after a dialog that counts them. Screenshots of the
 * Registry and the detail pane, light and dark, at 1440×900 and 1024×700, go to $HEADROOM_SHOTS/edit
 * when that folder can be made (test-results/screens otherwise).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useApp, fontsSettled, headroom, loadApp, openSession, shotsDir, type Session } from './support/app';

// Each journey runs a CLI read per check on a machine shared by many: more than the default minute.
vi.setConfig({ testTimeout: 240_000 });

const app = useApp();
let s: Session | undefined;

const SHOTS = shotsDir('edit');

interface Row {
  prefix: string;
  status: string;
  description: string;
  date: string | null;
  rir: string | null;
  unit: number | null;
}
function rows(ws: string): Row[] {
  const r = headroom(['prefix', 'list', ws, '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as Row[]).map(({ prefix, status, description, date, rir, unit }) => ({ prefix, status, description, date, rir, unit }));
}
const one = (ws: string, prefix: string) => rows(ws).find((r) => r.prefix === prefix);

async function select(page: Session['page'], prefix: string) {
  await page.locator(`[data-prefix="${prefix}"]`).click();
  await page.locator(`aside[data-block="${prefix}"]`).waitFor();
}

describe('edit in the detail pane', () => {
  it('writes only the fields changed; a second save keeps the first; Ctrl+Z undoes each', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const B = '198.51.100.72/29';
    const before = one(ws, B)!;
    const others = rows(ws).filter((r) => r.prefix !== B);
    await select(page, B);
    const form = page.getByRole('form', { name: `Edit ${B}` });
    await form.getByLabel('Description').fill('Harbour Street Clinic (2 sites)');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => one(ws, B)?.description).toBe('Harbour Street Clinic (2 sites)');
    expect(one(ws, B)).toEqual({ ...before, description: 'Harbour Street Clinic (2 sites)' });
    await s.browser.settled();
    expect(await form.getByLabel('Description').inputValue()).toBe('Harbour Street Clinic (2 sites)');

    // A date typed as ISO; a date that is not a day is refused at the field before anything is sent.
    await form.getByLabel('Date').fill('2026-02-30');
    expect(await form.locator('.field-invalid .field-error').textContent()).toMatch(/not a real calendar day/);
    expect(await form.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await form.getByLabel('Date').fill('2024-06-01');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => one(ws, B)?.date).toBe('2024-06-01');
    expect(one(ws, B)).toEqual({ ...before, description: 'Harbour Street Clinic (2 sites)', date: '2024-06-01' });
    expect(rows(ws).filter((r) => r.prefix !== B)).toEqual(others);
    expect(await form.getByLabel('Date').getAttribute('type')).toBe('text');

    await page.locator(`[data-prefix="${B}"]`).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => one(ws, B)?.date).toBe(before.date);
    await page.keyboard.press('Control+z');
    await expect.poll(() => one(ws, B)?.description).toBe(before.description);
    expect(s.browser.problems).toEqual([]);
  }, 240_000);

  it('edits the RIR and the IPv6 assignment unit in one change, and Ctrl+Z takes both back', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const B = '2001:db8:100::/40';
    const before = one(ws, B)!;
    expect(before).toMatchObject({ rir: null, unit: 56 });
    // Far down the list: found with the search box, which selects its row.
    await page.getByRole('combobox', { name: 'Search blocks' }).fill(B);
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: B }).first().click();
    await page.locator(`aside[data-block="${B}"]`).waitFor();
    const form = page.getByRole('form', { name: `Edit ${B}` });
    await form.getByLabel('RIR').selectOption('ripencc');
    await form.getByLabel('Assignment unit').selectOption('64');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => one(ws, B)).toEqual({ ...before, rir: 'ripencc', unit: 64 });
    // The pane counts the pool in its new unit.
    await expect.poll(() => page.locator(`aside.reg-detail[data-block="${B}"]`).textContent()).toMatch(/\/64/);
    await s.browser.settled();
    await page.locator(`[data-prefix="${B}"]`).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => one(ws, B)).toEqual(before);
    await expect.poll(() => form.getByLabel('Assignment unit').inputValue()).toBe('56');
    expect(s.browser.problems).toEqual([]);
  });

  it('releases an assignment into cooldown, shown in the grid and refused by allocation', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const B = '198.51.100.96/29';
    await select(page, B);
    await page
      .getByRole('form', { name: `Edit ${B}` })
      .getByRole('button', { name: 'Release' })
      .click();
    await expect.poll(() => one(ws, B)?.status).toBe('cooldown');
    const row = page.locator(`[data-prefix="${B}"]`);
    await expect.poll(() => row.locator('.status').textContent()).toBe('cooldown');
    expect(await row.textContent()).toMatch(/until \d{4}-\d{2}-\d{2}/);
    expect(await page.locator('aside .reg-detail-head .status').textContent()).toMatch(/^cooldown until \d{4}-\d{2}-\d{2}$/);
    // Allocation does not pick inside it: the dialog says why, and nothing is written.
    const n = rows(ws).length;
    await page.locator('aside.reg-detail').getByRole('button', { name: 'Allocate…' }).click();
    const dialog = page.getByRole('dialog', { name: `Allocate from ${B}` });
    await dialog.getByLabel('Length').fill('30');
    await expect.poll(() => dialog.textContent()).toContain(`${B} is in cooldown: nothing is allocated inside a released block`);
    await page.keyboard.press('Escape');
    expect(rows(ws)).toHaveLength(n);
    // And the map of the block around it shows it as cooldown.
    await page.locator('[data-prefix="198.51.100.64/26"]').click();
    await page.locator('aside[data-block="198.51.100.64/26"] .space-map').waitFor();
    expect(await page.locator(`aside .space-map g.map-cooldown[data-block="${B}"]`).count()).toBe(1);
  });
});

describe('a planned block (issue 14, item 4)', () => {
  it('is dated in the future, shown in the grid and the map, and allocation does not pick inside it', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const B = '198.51.100.224/27';
    const add = page.getByRole('form', { name: 'Add a block' });
    await add.getByLabel('Block (CIDR)').fill(B);
    await add.getByLabel('Status').selectOption('planned');
    await add.getByLabel('Exists from').fill('2027-04-01');
    await add.getByRole('button', { name: 'Add block' }).click();
    await expect.poll(() => one(ws, B)).toMatchObject({ status: 'planned', date: '2027-04-01' });
    const row = page.locator(`[data-prefix="${B}"]`);
    await expect.poll(() => row.locator('.status').textContent()).toBe('planned');
    expect(await row.textContent()).toContain('from 2027-04-01');
    await select(page, B);
    const n = rows(ws).length;
    await page.locator('aside.reg-detail').getByRole('button', { name: 'Allocate…' }).click();
    const dialog = page.getByRole('dialog', { name: `Allocate from ${B}` });
    await dialog.getByLabel('Length').fill('30');
    await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`${B.replace(/[./]/g, '\\$&')} is planned`));
    await page.keyboard.press('Escape');
    expect(rows(ws)).toHaveLength(n);
    await page.locator('[data-prefix="198.51.100.128/25"]').click();
    await page.locator('aside[data-block="198.51.100.128/25"] .space-map').waitFor();
    expect(await page.locator(`aside .space-map g.map-planned[data-block="${B}"]`).count()).toBe(1);
    // The preview's refusal crosses the bridge as a 400 (the refusal the dialog shows); nothing else failed.
    expect(s.browser.problems.filter((p) => !p.includes('registry.allocate') && !p.includes('status of 400'))).toEqual([]);
  });
});

describe('the grid', () => {
  it('says a leaf assignment is in use, not 0 %', async () => {
    s = await openSession(app);
    await loadApp(s);
    const row = s.page.locator('[data-prefix="198.51.100.64/29"]');
    expect(await row.textContent()).toContain('in use');
    expect(await row.textContent()).not.toContain('0 %');
  });

  it('edits a row in place with F2: Enter saves one change, Escape leaves it', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const B = '198.51.100.104/30';
    const before = one(ws, B)!;
    await page.locator(`[data-prefix="${B}"]`).click();
    await page.keyboard.press('F2');
    const input = page.getByLabel(`Description of ${B}`);
    await input.fill('Northgate Pharmacy and surgery');
    await page.keyboard.press('Enter');
    await expect.poll(() => one(ws, B)?.description).toBe('Northgate Pharmacy and surgery');
    expect(one(ws, B)).toEqual({ ...before, description: 'Northgate Pharmacy and surgery' });
    await page.keyboard.press('F2');
    await page.getByLabel(`Description of ${B}`).fill('not this');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByLabel(`Description of ${B}`).count()).toBe(0);
    expect(one(ws, B)?.description).toBe('Northgate Pharmacy and surgery');
  });

  it('bulk edits the ticked rows in one change', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    for (const b of ['198.51.100.108/30', '198.51.100.112/30']) await page.getByLabel(`Select ${b} for bulk edit`).check();
    const bar = page.getByRole('form', { name: 'Bulk edit' });
    expect(await bar.textContent()).toContain('2 blocks selected');
    await bar.getByLabel('Status').selectOption('reserved');
    await bar.getByRole('button', { name: 'Apply to 2' }).click();
    await expect.poll(() => [one(ws, '198.51.100.108/30')?.status, one(ws, '198.51.100.112/30')?.status]).toEqual(['reserved', 'reserved']);
    expect(one(ws, '198.51.100.108/30')?.description).toBe('Mill Lane Bakery');
    await page.locator('[data-prefix="198.51.100.0/24"]').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => [one(ws, '198.51.100.108/30')?.status, one(ws, '198.51.100.112/30')?.status]).toEqual(['assigned', 'assigned']);
  });

  it('removes a block with the blocks inside it after a dialog that counts them', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const n = rows(ws).length;
    await page.locator('[data-prefix="198.51.100.64/26"]').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('form', { name: 'Remove block' });
    await expect.poll(() => dialog.textContent()).toContain('with the 9 blocks inside it');
    await dialog.getByRole('button', { name: 'Remove 10 blocks' }).click();
    await expect.poll(() => rows(ws).length).toBe(n - 10);
  });
});

describe('split and new space', () => {
  it('splits an empty block into 4 in one step, and creates an address space', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page, ws } = s;
    const B = '198.51.100.80/28';
    await select(page, B);
    await page.locator('aside.reg-detail').getByRole('button', { name: 'Split…' }).click();
    const dialog = page.getByRole('form', { name: `Split ${B}` });
    await dialog.getByLabel('Equal parts').selectOption('4');
    expect(await dialog.getByRole('status', { name: 'Preview' }).textContent()).toBe('Makes 4 blocks: 198.51.100.80/30 … 198.51.100.92/30');
    if (process.env.HEADROOM_SHOTS) {
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await fontsSettled(page);
        await page.screenshot({ path: join(SHOTS, `split-dialog-light-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
    }
    await dialog.getByRole('button', { name: 'Split into 4' }).click();
    await expect
      .poll(() =>
        rows(ws)
          .filter((r) => r.prefix.startsWith('198.51.100.8') || r.prefix.startsWith('198.51.100.9'))
          .map((r) => r.prefix),
      )
      .toEqual(['198.51.100.80/28', '198.51.100.80/30', '198.51.100.84/30', '198.51.100.88/30', '198.51.100.92/30', '198.51.100.96/29']);
    await page.getByRole('button', { name: 'New space…' }).click();
    const sp = page.getByRole('form', { name: 'New address space' });
    await sp.getByLabel('Name').fill('vrf-customers');
    await sp.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByLabel('Address space').inputValue()).toBe('vrf-customers');
    expect(headroom(['prefix', 'list', ws, '--space', 'vrf-customers']).code).toBe(0);
  });
});

describe('screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the Registry with inline edit, cooldown and planned rows, bulk bar, and the detail pane, ${scheme}`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      s = await openSession(app, { colorScheme: scheme });
      const { page, ws } = s;
      await loadApp(s);
      await select(page, '198.51.100.96/29');
      await page.getByRole('form', { name: 'Edit 198.51.100.96/29' }).getByRole('button', { name: 'Release' }).click();
      await expect.poll(() => one(ws, '198.51.100.96/29')?.status).toBe('cooldown');
      const add = page.getByRole('form', { name: 'Add a block' });
      await add.getByLabel('Block (CIDR)').fill('198.51.100.224/27');
      await add.getByLabel('Status').selectOption('planned');
      await add.getByLabel('Description').fill('Second BNG egress');
      await add.getByLabel('Exists from').fill('2027-04-01');
      await add.getByRole('button', { name: 'Add block' }).click();
      await expect.poll(() => one(ws, '198.51.100.224/27')?.status).toBe('planned');
      await page.getByLabel('Select 198.51.100.108/30 for bulk edit').check();
      await page.getByLabel('Select 198.51.100.112/30 for bulk edit').check();
      await select(page, '198.51.100.64/29');
      await page.keyboard.press('F2');
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await fontsSettled(page);
        await page.screenshot({ path: join(SHOTS, `registry-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
        await page.locator('aside.reg-detail').screenshot({ path: join(SHOTS, `detail-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
    });
  }
});
