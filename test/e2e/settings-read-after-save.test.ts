/**
 * Read after save in Settings and in the Requests draft edits (issue 10, item 1's audit of every
 * editor): each form shows what was saved, and a second save of another field keeps the first
 * (checked in the workspace's settings rows, read-only beside the running bridge).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/workspace/workspace';
import type { Page } from 'playwright-core';
import { fontsSettled, useApp, loadApp, openSession, sentBodies, shotsDir, type Session } from './support/app';

const app = useApp();
let s: Session | undefined;

async function settings(): Promise<string> {
  const ws = await Workspace.open(s!.ws, { readOnly: true });
  try {
    return ws
      .all('SELECT key, value FROM settings ORDER BY key')
      .map((r) => `${String(r.key)}=${String(r.value)}`)
      .join('\n');
  } finally {
    ws.close();
  }
}

describe('Settings: organisation', () => {
  it('shows the saved maintainer and country, and the second save keeps the first', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    await page.getByLabel('Maintainer').fill('EXAMPLE-MNT');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Organisation saved');
    await s.browser.settled();
    expect(await page.getByLabel('Maintainer').inputValue()).toBe('EXAMPLE-MNT');
    await page.getByLabel('Country').fill('NL');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => settings()).toMatch(/"country":"NL"/);
    await s.browser.settled();
    expect(await page.getByLabel('Maintainer').inputValue()).toBe('EXAMPLE-MNT');
    expect(await page.getByLabel('Country').inputValue()).toBe('NL');
    const stored = await settings();
    expect(stored).toMatch(/"mntner":"EXAMPLE-MNT"/);
    expect(stored).toMatch(/"country":"NL"/);
    expect(s.browser.problems).toEqual([]);
  });
});

async function saveSettings(page: Page, button: string, toast: RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.locator('.notice').last().textContent()).toMatch(toast);
  await s!.browser.settled();
}

describe('Settings: only what the planner typed is written', () => {
  it('keeps a value another window saved since the form was opened', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    // A second window on the same workspace changes the website after this form was opened.
    const other = await s.browser.context.newPage();
    await other.goto(s.bridge.url + '#/settings');
    await other.getByLabel('Website').fill('https://other-window.example');
    await other.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => settings()).toMatch(/"website":"https:\/\/other-window.example"/);
    await other.close();

    const sent = sentBodies(page, 'requests.updateOrganisation');
    await page.getByLabel('Maintainer').fill('EXAMPLE-MNT');
    await saveSettings(page, 'Save organisation', /Organisation saved/);
    expect(sent).toEqual([{ mntner: 'EXAMPLE-MNT' }]);
    const stored = await settings();
    expect(stored).toMatch(/"website":"https:\/\/other-window.example"/);
    expect(stored).toMatch(/"mntner":"EXAMPLE-MNT"/);
    // The form now shows both: the other window's value and its own.
    expect(await page.getByLabel('Website').inputValue()).toBe('https://other-window.example');
    expect(await page.getByLabel('Maintainer').inputValue()).toBe('EXAMPLE-MNT');
    // Nothing changed, nothing sent.
    await saveSettings(page, 'Save organisation', /Nothing to save/);
    expect(sent).toHaveLength(1);
    expect(s.browser.problems).toEqual([]);
  });
});

describe('Settings: contacts and neighbours', () => {
  it('keeps a contact being typed across another save, and shows saved contacts and neighbours after a reload', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    const contacts = page.getByRole('table', { name: 'Contacts' });
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    const n = await contacts.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel(`Contact ${n + 1} name`).fill('Ana Lima');
    await page.getByLabel(`Contact ${n + 1} email`).fill('ana@example.net');
    // Another form's save reloads the screen: the contact not yet saved stays as typed.
    await page.getByLabel('Maintainer').fill('EXAMPLE-MNT');
    await saveSettings(page, 'Save organisation', /Organisation saved/);
    expect(await page.getByLabel(`Contact ${n + 1} name`).inputValue()).toBe('Ana Lima');
    expect(await page.getByLabel(`Contact ${n + 1} email`).inputValue()).toBe('ana@example.net');
    await saveSettings(page, 'Save contacts', /Contacts saved/);
    expect(await settings()).toMatch(/"name":"Ana Lima","email":"ana@example.net"/);

    // A neighbour: only the row changed is sent, and the contacts saved before stay.
    const first = page.getByRole('table', { name: 'Neighbours' }).locator('tbody tr').first();
    const asn = Number(await first.getAttribute('data-asn'));
    const sent = sentBodies(page, 'requests.updateOrganisation');
    await page.getByLabel(`Peering contact of AS${asn}`).fill('NOC desk');
    await saveSettings(page, 'Save neighbours', /Neighbours saved/);
    expect(sent).toHaveLength(1);
    expect((sent[0] as { neighbours: Array<{ asn: number; contact: string }> }).neighbours).toEqual([expect.objectContaining({ asn, contact: 'NOC desk' })]);

    await page.reload();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await expect.poll(() => page.getByLabel(`Contact ${n + 1} name`).inputValue()).toBe('Ana Lima');
    expect(await page.getByLabel(`Peering contact of AS${asn}`).inputValue()).toBe('NOC desk');
    expect(await page.getByLabel('Maintainer').inputValue()).toBe('EXAMPLE-MNT');
    const stored = await settings();
    expect(stored).toMatch(/"name":"Ana Lima"/);
    expect(stored).toMatch(/"contact":"NOC desk"/);
    expect(s.browser.problems).toEqual([]);
  });
});

describe('Requests: equipment edits', () => {
  it('keeps equipment being typed across a draft field save, and shows the saved list after a reload', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    const vendor = page.getByLabel('Equipment 1 vendor');
    await vendor.waitFor();
    await vendor.fill('Juniper');
    await page.getByLabel('Equipment 1 model').fill('MX204');
    // The horizon saves on leaving its field and reloads the draft: the typed rows stay.
    const horizon = page.getByLabel('Plan horizon (months)');
    await horizon.fill('18');
    await horizon.press('Tab');
    await expect.poll(() => settings()).toMatch(/"horizonMonths":18/);
    await s.browser.settled();
    expect(await vendor.inputValue()).toBe('Juniper');
    expect(await page.getByLabel('Equipment 1 model').inputValue()).toBe('MX204');
    await page.getByRole('button', { name: 'Save equipment' }).click();
    await expect.poll(() => settings()).toMatch(/"vendor":"Juniper","model":"MX204"/);
    await s.browser.settled();
    await page.reload();
    await page.getByLabel('Equipment 1 vendor').waitFor();
    await expect.poll(() => page.getByLabel('Equipment 1 vendor').inputValue()).toBe('Juniper');
    expect(await page.getByLabel('Equipment 1 model').inputValue()).toBe('MX204');
    expect(await page.getByLabel('Plan horizon (months)').inputValue()).toBe('18');
    expect(await settings()).toMatch(/"horizonMonths":18/);
    expect(s.browser.problems).toEqual([]);
  });
});

describe('Requests: draft edits', () => {
  it('shows the saved horizon and justification, and the second save keeps the first', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    const horizon = page.getByLabel('Plan horizon (months)');
    await horizon.waitFor();
    await horizon.fill('18');
    await horizon.press('Tab');
    await expect.poll(() => settings()).toMatch(/"horizonMonths":18/);
    await s.browser.settled();
    expect(await horizon.inputValue()).toBe('18');
    const why = page.getByLabel('Justification');
    await why.fill('Two new towns on the fibre ring');
    await why.press('Tab');
    await expect.poll(() => settings()).toMatch(/Two new towns on the fibre ring/);
    await s.browser.settled();
    expect(await horizon.inputValue()).toBe('18');
    expect(await why.inputValue()).toBe('Two new towns on the fibre ring');
    expect(await settings()).toMatch(/"horizonMonths":18/);
    expect(s.browser.problems).toEqual([]);
  });
});

/** Clicks a heading (no field has the focus, so Ctrl+Z is the app's undo) and undoes the last change. */
async function undo(page: Page, heading: string, stored: () => Promise<string>, expected: RegExp): Promise<void> {
  await page.getByRole('heading', { name: heading }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(stored).toMatch(expected);
  await s!.browser.settled();
}

describe('Settings: each form shows what was stored, not what was typed (issue 10, item 1)', () => {
  it('organisation: the country as stored (upper case), the website trimmed; a second save and Ctrl+Z show the store', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    await page.getByLabel('Country').fill('nl');
    await page.getByLabel('Website').fill('  https://isp.example  ');
    await saveSettings(page, 'Save organisation', /Organisation saved/);
    expect(await settings()).toMatch(/"country":"NL"/);
    expect(await settings()).toMatch(/"website":"https:\/\/isp.example"/);
    expect(await page.getByLabel('Country').inputValue()).toBe('NL');
    expect(await page.getByLabel('Website').inputValue()).toBe('https://isp.example');
    // Nothing left to save: the form and the store agree.
    const sent = sentBodies(page, 'requests.updateOrganisation');
    await page.getByLabel('Maintainer').fill('EXAMPLE-MNT');
    await saveSettings(page, 'Save organisation', /Organisation saved/);
    expect(sent).toEqual([{ mntner: 'EXAMPLE-MNT' }]);
    // Undo the maintainer, then the country and website: the form follows the store each time.
    await undo(page, 'Organisation', settings, /^(?![\s\S]*EXAMPLE-MNT)/);
    expect(await page.getByLabel('Country').inputValue()).toBe('NL');
    await undo(page, 'Organisation', settings, /^(?![\s\S]*"country":"NL")/);
    expect(await page.getByLabel('Country').inputValue()).not.toBe('NL');
    expect(await page.getByLabel('Website').inputValue()).not.toBe('https://isp.example');
    expect(s.browser.problems).toEqual([]);
  });

  it('contacts: a pasted e-mail shows trimmed as saved; a second edit keeps the first; Ctrl+Z shows the contact before it', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    const n = await page.getByRole('table', { name: 'Contacts' }).locator('tbody tr').count();
    const k = n + 1;
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel(`Contact ${k} name`).fill('Ana Lima ');
    await page.getByLabel(`Contact ${k} email`).fill(' ana@example.net ');
    await saveSettings(page, 'Save contacts', /Contacts saved/);
    expect(await settings()).toMatch(/"name":"Ana Lima","email":"ana@example.net"/);
    expect(await page.getByLabel(`Contact ${k} name`).inputValue()).toBe('Ana Lima');
    expect(await page.getByLabel(`Contact ${k} email`).inputValue()).toBe('ana@example.net');

    // A second save of another field of the same contact keeps the first.
    await page.getByLabel(`Contact ${k} phone`).fill('+31 20 555 0100');
    await saveSettings(page, 'Save contacts', /Contacts saved/);
    expect(await settings()).toMatch(/"name":"Ana Lima","email":"ana@example.net","phone":"\+31 20 555 0100"/);
    expect(await page.getByLabel(`Contact ${k} name`).inputValue()).toBe('Ana Lima');
    expect(await page.getByLabel(`Contact ${k} phone`).inputValue()).toBe('+31 20 555 0100');

    // Ctrl+Z: the phone goes, the contact stays as saved first; again: the contact goes.
    await undo(page, 'Contacts', settings, /"name":"Ana Lima","email":"ana@example.net","phone":""/);
    expect(await page.getByLabel(`Contact ${k} phone`).inputValue()).toBe('');
    expect(await page.getByLabel(`Contact ${k} email`).inputValue()).toBe('ana@example.net');
    await undo(page, 'Contacts', settings, /^(?![\s\S]*Ana Lima)/);
    expect(await page.getByRole('table', { name: 'Contacts' }).locator('tbody tr').count()).toBe(n);
    expect(s.browser.problems).toEqual([]);
  });

  it('neighbours: a contact shows trimmed as saved; a second save of another field keeps it; Ctrl+Z shows the row before it', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    const first = page.getByRole('table', { name: 'Neighbours' }).locator('tbody tr').first();
    await first.waitFor();
    const asn = Number(await first.getAttribute('data-asn'));
    const email = page.getByLabel(`E-mail of AS${asn}`);
    const emailBefore = await email.inputValue();
    await page.getByLabel(`Peering contact of AS${asn}`).fill('NOC desk  ');
    await saveSettings(page, 'Save neighbours', /Neighbours saved/);
    expect(await settings()).toMatch(/"contact":"NOC desk"/);
    expect(await page.getByLabel(`Peering contact of AS${asn}`).inputValue()).toBe('NOC desk');

    const sent = sentBodies(page, 'requests.updateOrganisation');
    await email.fill('noc@example.net');
    await saveSettings(page, 'Save neighbours', /Neighbours saved/);
    expect(sent).toHaveLength(1);
    expect((sent[0] as { neighbours: Array<{ asn: number; contact: string; email: string }> }).neighbours).toEqual([
      expect.objectContaining({ asn, contact: 'NOC desk', email: 'noc@example.net' }),
    ]);
    expect(await settings()).toMatch(/"contact":"NOC desk","email":"noc@example.net"/);
    expect(await page.getByLabel(`Peering contact of AS${asn}`).inputValue()).toBe('NOC desk');

    await undo(page, 'Neighbours', settings, /^(?![\s\S]*noc@example.net)/);
    expect(await email.inputValue()).toBe(emailBefore);
    expect(await page.getByLabel(`Peering contact of AS${asn}`).inputValue()).toBe('NOC desk');
    expect(s.browser.problems).toEqual([]);
  });
});

describe('Requests: the equipment list shows what was stored (issue 10, item 1)', () => {
  it('trimmed values and no empty row after a save, a nameless row refused; a second save keeps the first; Ctrl+Z shows the list before it', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    const vendor = page.getByLabel('Equipment 1 vendor');
    await vendor.waitFor();
    const rows = page.getByRole('table', { name: 'Equipment' }).locator('tbody tr');
    const n = await rows.count();
    await vendor.fill(' Juniper ');
    // A row added and left empty is not saved: the list shown after the save has none.
    await page.getByRole('button', { name: 'Add equipment' }).click();
    await page.getByRole('button', { name: 'Save equipment' }).click();
    await expect.poll(() => settings()).toMatch(/"vendor":"Juniper"/);
    await s.browser.settled();
    expect(await vendor.inputValue()).toBe('Juniper');
    expect(await rows.count()).toBe(n);

    // A row with a vendor but no name is refused, naming the row, not dropped unsaid.
    await page.getByRole('button', { name: 'Add equipment' }).click();
    await page.getByLabel(`Equipment ${n + 1} vendor`).fill('Nokia');
    await page.getByRole('button', { name: 'Save equipment' }).click();
    await expect.poll(() => page.locator('.req-equipment .field-error').textContent()).toBe(`Equipment ${n + 1}: give it a name, or clear the row.`);
    expect(await settings()).not.toMatch(/Nokia/);
    expect(await page.getByLabel(`Equipment ${n + 1} vendor`).inputValue()).toBe('Nokia');
    await page.getByLabel(`Equipment ${n + 1} name`).fill('Edge router');
    await page.getByRole('button', { name: 'Save equipment' }).click();
    await expect.poll(() => settings()).toMatch(/"name":"Edge router","vendor":"Nokia"/);
    await s.browser.settled();
    expect(await page.locator('.req-equipment .field-error').count()).toBe(0);

    await page.getByLabel('Equipment 1 model').fill('MX204');
    await page.getByRole('button', { name: 'Save equipment' }).click();
    await expect.poll(() => settings()).toMatch(/"vendor":"Juniper","model":"MX204"/);
    await s.browser.settled();
    expect(await vendor.inputValue()).toBe('Juniper');
    expect(await page.getByLabel('Equipment 1 model').inputValue()).toBe('MX204');

    await undo(page, 'Equipment edited', settings, /^(?![\s\S]*MX204)/);
    expect(await page.getByLabel('Equipment 1 model').inputValue()).toBe('');
    expect(await vendor.inputValue()).toBe('Juniper');
    expect(await page.getByLabel(`Equipment ${n + 1} vendor`).inputValue()).toBe('Nokia');
    expect(s.browser.problems).toEqual([]);
  });
});

describe('screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the equipment list refusing a nameless row, and the saved contacts, ${scheme}`, async () => {
      const dir = shotsDir('read-after-save');
      s = await openSession(app, { colorScheme: scheme });
      const { page } = s;
      await loadApp(s, '#/requests');
      await page.getByLabel('Equipment 1 vendor').waitFor();
      const n = await page.getByRole('table', { name: 'Equipment' }).locator('tbody tr').count();
      await page.getByRole('button', { name: 'Add equipment' }).click();
      await page.getByLabel(`Equipment ${n + 1} vendor`).fill('Nokia');
      await page.getByRole('button', { name: 'Save equipment' }).click();
      const error = page.locator('.req-equipment .field-error');
      await error.waitFor();
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await error.scrollIntoViewIfNeeded();
        await fontsSettled(page);
        await page.screenshot({ path: join(dir, `equipment-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
      await loadApp(s, '#/settings');
      await page.getByRole('heading', { name: 'Contacts' }).waitFor();
      const k = (await page.getByRole('table', { name: 'Contacts' }).locator('tbody tr').count()) + 1;
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByLabel(`Contact ${k} name`).fill('Ana Lima ');
      await page.getByLabel(`Contact ${k} email`).fill(' ana@example.net ');
      await saveSettings(page, 'Save contacts', /Contacts saved/);
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.getByRole('heading', { name: 'Contacts' }).scrollIntoViewIfNeeded();
        await fontsSettled(page);
        await page.screenshot({ path: join(dir, `contacts-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
      expect(s.browser.problems).toEqual([]);
    });
  }
});
