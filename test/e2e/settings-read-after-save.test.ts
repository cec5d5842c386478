/**
 * Read after save in Settings and in the Requests draft edits (issue 10, item 1's audit of every
 * editor): each form shows what was saved, and a second save of another field keeps the first
 * (checked in the workspace's settings rows, read-only beside the running bridge).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/workspace/workspace';
import { buildApp, loadApp, openSession, type AppSnapshot, type Session } from './support/app';

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

async function settings(): Promise<string> {
  const ws = await Workspace.open(s!.ws, { readOnly: true });
  try {
    return ws.all('SELECT key, value FROM settings ORDER BY key').map((r) => `${String(r.key)}=${String(r.value)}`).join('\n');
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
