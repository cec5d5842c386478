/**
 * Read after save, for every Facility editor (issue 10, item 1), in Debian Chromium through the
 * web bridge on the demo workspace: a save shows what was saved, and the next save of another
 * field writes only that field. What is stored is read from the workspace file itself (opened
 * read-only beside the running bridge, journal included), and the events table says which
 * columns each save changed.
 */
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/workspace/workspace';
import { useApp, openSession, sentBodies, type Session } from './support/app';

const app = useApp();
let s: Session | undefined;

type Page = Session['page'];
type Row = Record<string, unknown>;

async function openFacility(): Promise<Page> {
  s = await openSession(app);
  await s.page.goto(`${s.bridge.url}#/facility`);
  await s.page.locator('[data-limit]').first().waitFor({ state: 'visible' });
  return s.page;
}

async function view(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** Reads the workspace as stored (the snapshot and the journal), read-only beside the bridge. */
async function stored<T>(fn: (ws: Workspace) => T): Promise<T> {
  const ws = await Workspace.open(s!.ws, { readOnly: true });
  try {
    return fn(ws);
  } finally {
    ws.close();
  }
}

async function row(table: string, id: number): Promise<Row> {
  return stored((ws) => ws.get(`SELECT * FROM ${table} WHERE id = ?`, [id]) as Row);
}

/** The columns the newest change of that row wrote, with their before and after values. */
async function lastChange(table: string, id: number): Promise<{ count: number; changed: Record<string, [unknown, unknown]> }> {
  return stored((ws) => {
    const count = Number(ws.get('SELECT count(*) AS n FROM events WHERE tbl = ? AND row_id = ?', [table, id])!.n);
    const e = ws.get('SELECT before, after FROM events WHERE tbl = ? AND row_id = ? ORDER BY id DESC LIMIT 1', [table, id]);
    const before = JSON.parse(String(e?.before ?? '{}')) as Row;
    const after = JSON.parse(String(e?.after ?? '{}')) as Row;
    const changed: Record<string, [unknown, unknown]> = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (k !== 'updated_at' && JSON.stringify(before[k]) !== JSON.stringify(after[k])) changed[k] = [before[k], after[k]];
    }
    return { count, changed };
  });
}

async function eventCount(table: string, id: number): Promise<number> {
  return (await lastChange(table, id)).count;
}

/** Saves the form and waits until the save is acknowledged and everything it reloads has arrived. */
async function save(page: Page, form: ReturnType<Page['getByRole']>, toast: RegExp): Promise<void> {
  await form.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('.notice').last().textContent()).toMatch(toast);
  await s!.browser.settled();
}

const field = (form: ReturnType<Page['getByRole']>, label: string) => form.getByLabel(label, { exact: true });

describe('the site form', () => {
  it('shows the saved area and people, and the next save of another field writes only that field', async () => {
    const page = await openFacility();
    await view(page, 'Site');
    const form = page.getByRole('form', { name: 'Site', exact: true });
    const before = await row('facility_sites', 1);
    expect(before.area_m2).not.toBe(42);
    const sent = sentBodies(page, 'facility.updateSite');
    await field(form, 'Floor area (m²)').fill('42');
    await field(form, 'People in the room').fill('3');
    await save(page, form, /Saved site/);
    // The form shows what was saved, not the values it was opened with.
    expect(await field(form, 'Floor area (m²)').inputValue()).toBe('42');
    expect(await field(form, 'People in the room').inputValue()).toBe('3');
    expect(await row('facility_sites', 1)).toEqual(expect.objectContaining({ area_m2: 42, max_people: 3 }));
    expect((await lastChange('facility_sites', 1)).changed).toEqual({ area_m2: [before.area_m2, 42], max_people: [before.max_people, 3] });

    await field(form, 'Description').fill('Access POP, north side');
    await save(page, form, /Saved site/);
    expect(await row('facility_sites', 1)).toEqual(expect.objectContaining({ area_m2: 42, max_people: 3, description: 'Access POP, north side' }));
    expect((await lastChange('facility_sites', 1)).changed).toEqual({ description: [before.description, 'Access POP, north side'] });
    expect(await field(form, 'Description').inputValue()).toBe('Access POP, north side');
    // Save again with nothing changed: nothing is sent, nothing is written.
    const events = await eventCount('facility_sites', 1);
    await save(page, form, /Nothing to save/);
    expect(await eventCount('facility_sites', 1)).toBe(events);
    expect(sent).toEqual([
      { id: 1, areaM2: 42, maxPeople: 3 },
      { id: 1, description: 'Access POP, north side' },
    ]);
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('the equipment editor', () => {
  it('shows the saved quantity, and the next save of another field keeps it', async () => {
    const page = await openFacility();
    await view(page, 'Equipment');
    await page.getByRole('table', { name: 'Equipment' }).getByText('Core router').click();
    const form = page.getByRole('form', { name: 'Equipment' });
    const id = await stored((ws) => Number(ws.get("SELECT id FROM facility_equipment WHERE name = 'Core router'")!.id));
    const before = await row('facility_equipment', id);
    expect(before.qty).toBe(2);
    const sent = sentBodies(page, 'facility.updateEquipment');
    await field(form, 'Quantity').fill('3');
    // Seven figures: shown again as 1234.57, which a save of the whole form would write back.
    await field(form, 'Nameplate (each)').fill('1234.567');
    await save(page, form, /Saved equipment/);
    expect(await row('facility_equipment', id)).toEqual(expect.objectContaining({ qty: 3, nameplate_w: 1234.567 }));
    expect(await page.getByRole('table', { name: 'Equipment' }).locator('tr', { hasText: 'Core router' }).locator('td').nth(1).textContent()).toBe('3');
    expect(await field(form, 'Quantity').inputValue()).toBe('3');
    expect((await lastChange('facility_equipment', id)).changed).toEqual({ qty: [2, 3], nameplate_w: [before.nameplate_w, 1234.567] });

    await field(form, 'Name').fill('Core router A');
    await save(page, form, /Saved equipment/);
    expect(await row('facility_equipment', id)).toEqual(
      expect.objectContaining({ qty: 3, name: 'Core router A', nameplate_w: 1234.567, measured_w: before.measured_w }),
    );
    expect((await lastChange('facility_equipment', id)).changed).toEqual({ name: ['Core router', 'Core router A'] });
    expect(sent).toEqual([
      { id, qty: 3, nameplateW: 1234.567 },
      { id, name: 'Core router A' },
    ]);
    expect(await field(form, 'Quantity').inputValue()).toBe('3');
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('units in the facility forms (issue 10, item 11)', () => {
  it(
    'keeps the typed number when a unit is picked, takes "1.8 kW" typed whole, and warns about a value 1000× its nameplate',
    { timeout: 150_000 },
    async () => {
      const page = await openFacility();
      await view(page, 'Equipment');
      await page.getByRole('table', { name: 'Equipment' }).getByText('Core router').click();
      const form = page.getByRole('form', { name: 'Equipment' });
      const id = await stored((ws) => Number(ws.get("SELECT id FROM facility_equipment WHERE name = 'Core router'")!.id));
      const measured = field(form, 'Measured (each)');
      expect(await form.getByLabel('Measured (each) unit').inputValue()).toBe('W');

      await measured.fill('1.8');
      await form.getByLabel('Measured (each) unit').selectOption('kW');
      expect(await measured.inputValue()).toBe('1.8');
      await save(page, form, /Saved equipment/);
      expect((await row('facility_equipment', id)).measured_w).toBe(1800);

      await form.getByLabel('Nameplate (each)', { exact: true }).fill('3.2 kW');
      await form.getByLabel('Nameplate (each)', { exact: true }).press('Tab');
      expect(await form.getByLabel('Nameplate (each)', { exact: true }).inputValue()).toBe('3.2');
      expect(await form.getByLabel('Nameplate (each) unit').inputValue()).toBe('kW');
      await save(page, form, /Saved equipment/);
      expect(await row('facility_equipment', id)).toEqual(expect.objectContaining({ nameplate_w: 3200, measured_w: 1800 }));

      // Shown again as stored, in W (under 5 kW): 1650 typed, then kW picked, is 1.65 MW against a 3.2 kW nameplate.
      expect(await measured.inputValue()).toBe('1800');
      expect(await form.getByLabel('Measured (each) unit').inputValue()).toBe('W');
      await measured.fill('1650');
      await form.getByLabel('Measured (each) unit').selectOption('kW');
      const warning = form.locator('.field-warning');
      await expect.poll(() => warning.textContent()).toBe('Measured (each) is about 1000 times the nameplate (1,650 kW against 3.2 kW): check its unit.');
      await form.getByLabel('Measured (each) unit').selectOption('W');
      await expect.poll(() => warning.count()).toBe(0);
      expect(s!.browser.problems).toEqual([]);
    },
  );
});

/** One editor: where it is, and two of its fields saved one after the other. */
interface EditorCase {
  tab: string;
  form: string;
  /** A list line to pick first, if the editor edits one of several rows. */
  pick?: [list: string, line: string];
  table: string;
  first: [label: string, typed: string, column: string, stored: unknown];
  second: [label: string, typed: string, column: string, stored: unknown];
}

const EDITORS: EditorCase[] = [
  {
    tab: 'UPS and battery',
    form: 'UPS system',
    table: 'facility_ups',
    first: ['Efficiency (%)', '96', 'ups_eff', 0.96],
    second: ['Name', 'UPS A', 'name', 'UPS A'],
  },
  {
    tab: 'UPS and battery',
    form: 'Battery string',
    table: 'facility_battery_strings',
    first: ['Required runtime (min)', '45', 'required_min', 45],
    second: ['Charge current (A)', '12', 'charge_current_a', 12],
  },
  {
    tab: 'Generator and fuel',
    form: 'Generator and fuel',
    table: 'facility_generators',
    first: ['Required autonomy (h)', '48', 'required_autonomy_h', 48],
    second: ['Reserve kept', '50', 'reserve_l', 50],
  },
  {
    tab: 'Cooling',
    form: 'Cooling units',
    table: 'facility_cooling_units',
    first: ['Sensible heat ratio', '0.92', 'shr', 0.92],
    second: ['Name', 'DX units', 'name', 'DX units'],
  },
  {
    tab: 'Backup',
    form: 'Backup link and data',
    table: 'facility_sites',
    first: ['Backup copies', '2', 'backup_copies', 2],
    second: ['Dedup ratio', '1.5', 'dedup_ratio', 1.5],
  },
  {
    tab: 'Backup',
    form: 'Backup job',
    pick: ['Backup jobs', 'Nightly incremental'],
    table: 'facility_backup_jobs',
    first: ['Window (h)', '6', 'window_h', 6],
    second: ['Name', 'Nightly incr.', 'name', 'Nightly incr.'],
  },
];

describe('every other Facility editor: read after save', () => {
  it(
    'UPS, battery string, generator, cooling, backup settings and backup job each show what was saved and write only the field changed',
    { timeout: 400_000 },
    async () => {
      const page = await openFacility();
      const failures: string[] = [];
      for (const c of EDITORS) {
        await view(page, c.tab);
        if (c.pick) await page.getByRole('table', { name: c.pick[0] }).getByText(c.pick[1], { exact: true }).click();
        const form = page.getByRole('form', { name: c.form, exact: true });
        await form.waitFor();
        const rowId =
          c.table === 'facility_sites'
            ? 1
            : await stored((ws) =>
                Number(ws.get(`SELECT id FROM ${c.table} ${c.pick ? 'WHERE name = ?' : ''} ORDER BY id LIMIT 1`, c.pick ? [c.pick[1]] : [])!.id),
              );
        const before = await row(c.table, rowId);
        const [l1, t1, col1, v1] = c.first;
        const [l2, t2, col2, v2] = c.second;
        await field(form, l1).fill(t1);
        await save(page, form, /^Saved /);
        const shown1 = await field(form, l1).inputValue();
        if (shown1 !== t1) failures.push(`${c.form}: ${l1} shows ${shown1} after saving ${t1}`);
        await field(form, l2).fill(t2);
        await save(page, form, /^Saved /);
        const after = await row(c.table, rowId);
        if (after[col1] !== v1 || after[col2] !== v2) failures.push(`${c.form}: stored ${col1}=${String(after[col1])} ${col2}=${String(after[col2])}`);
        const changed = (await lastChange(c.table, rowId)).changed;
        const want = { [col2]: [before[col2], v2] };
        if (JSON.stringify(changed) !== JSON.stringify(want))
          failures.push(`${c.form}: the second save wrote ${JSON.stringify(changed)}, not ${JSON.stringify(want)}`);
      }
      expect(failures).toEqual([]);
      expect(s!.browser.problems).toEqual([]);
    },
  );
});
