/**
 * Several of each component on the Facility screen (issue 13), in Debian Chromium through the
 * web bridge: the demo POP gets a second generator set (N+1, a shared tank), A and B UPS feeds
 * and a second cooling group; every list shows each one with its figures, the gauges and the
 * sheet count them all, and the sheet shows the built checks. Screenshots of every tab in light
 * and dark at 1440×900 and 1024×700 go to $HEADROOM_SHOTS/facmodel (default
 * test-results/screens/facmodel) (outside the repo) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, openSession, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('facmodel');
const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

type Page = Session['page'];

async function call(page: Page, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('headroom-token') ?? ''}` },
        body: JSON.stringify(i),
      });
      return (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };
    },
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value!;
}

async function shoot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return main.scrollHeight + main.getBoundingClientRect().top;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(3200, Math.max(size.height, Math.ceil(height))) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(size);
}

async function view(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** The demo POP with two sets on one tank (N+1), UPS feeds A and B, and two cooling groups. */
async function severalOfEach(page: Page): Promise<void> {
  const [site] = (await call(page, 'facility.listSites', {})) as unknown as { id: number }[];
  const d = (await call(page, 'facility.getSite', { siteId: site!.id })) as unknown as {
    ups: { id: number }[];
    generators: { id: number; curve: unknown }[];
    batteryStrings: { id: number }[];
  };
  await call(page, 'facility.updateUps', { id: d.ups[0]!.id, feed: 'A', name: 'UPS A (4 × 10 kVA, N+1)' });
  await call(page, 'facility.addUps', {
    siteId: site!.id,
    name: 'UPS B (4 × 10 kVA, N+1)',
    ratedVA: 10000,
    ratedW: 9000,
    units: 4,
    redundancy: 'N+1',
    upsEff: 0.96,
    feed: 'B',
  });
  await call(page, 'facility.updateGenerator', { id: d.generators[0]!.id, tank: 'bulk', name: 'G1 60 kW' });
  await call(page, 'facility.addGenerator', {
    siteId: site!.id,
    name: 'G2 60 kW',
    ratingW: 60000,
    otherRunningW: 13076.5,
    curve: d.generators[0]!.curve,
    tank: 'bulk',
    maxStepFrac: 0.6,
    performanceClass: 'G2',
  });
  await call(page, 'facility.updateGenerator', { id: d.generators[0]!.id, maxStepFrac: 0.6, performanceClass: 'G2' });
  await call(page, 'facility.updateSite', {
    id: site!.id,
    generatorRedundancy: 'N+1',
    motorHp: 10,
    motorCode: 'G',
    // the sheet's checks: required runtime 5 + 2 × 3 + 2 = 13 min, 3-2-1 met, PUE 1.55
    rideThroughMin: 5,
    shutdownMin: 3,
    runtimeMarginMin: 2,
    backupCopies: 2,
    mediaKinds: 2,
    offsiteCopies: 1,
    facilityEnergyWh: 155e6,
    itEnergyWh: 100e6,
  });
  const eq = (await call(page, 'facility.getSite', { siteId: site!.id })) as unknown as { equipment: { id: number }[] };
  for (const [i, e] of eq.equipment.entries()) await call(page, 'facility.updateEquipment', { id: e.id, phase: (['L1', 'L2', 'L3'] as const)[i % 3] });
  await call(page, 'facility.addCoolingUnit', { siteId: site!.id, name: 'In-row units', unitTotalW: 12000, shr: 0.95, installedUnits: 2 });
  await call(page, 'facility.updateBatteryString', { id: d.batteryStrings[0]!.id, installDate: '2023-04-01', designLifeYears: 5 });
  const b = (await call(page, 'facility.getSite', { siteId: site!.id })) as unknown as {
    ups: { id: number; feed: string }[];
    batteryStrings: Record<string, unknown>[];
  };
  const { id: _id, siteId: _s, ...string } = b.batteryStrings[0]!;
  await call(page, 'facility.addBatteryString', {
    ...string,
    siteId: site!.id,
    name: '40 × CSB CB12-115 (feed B)',
    upsId: b.ups.find((u) => u.feed === 'B')!.id,
    installDate: '2025-09-01',
  });
}

describe('several of each component', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`lists each UPS, set and cooling group with its figures and the combined limit (${scheme})`, async () => {
      s = await openSession(app, { colorScheme: scheme });
      const page = s.page;
      await page.goto(`${s.bridge.url}#/facility`);
      await page.locator('[data-limit]').first().waitFor({ state: 'visible' });
      await severalOfEach(page);
      await page.reload();
      await page.locator('[data-limit="generator-step"]').waitFor({ state: 'visible' });
      expect(await page.locator('[data-limit="ups"]').textContent()).toMatch(/2 UPS systems .* usable after feed [AB] lost \(2N\)/);
      expect(await page.locator('[data-limit="generator-sizing"]').textContent()).toMatch(/2 sets \(G1 60 kW, G2 60 kW\) sharing load, N\+1/);
      expect(await page.locator('[data-limit="cooling"]').textContent()).toMatch(/2 groups \(DX precision units, In-row units\), the largest unit failed/);
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await view(page, 'At a glance');
        await shoot(page, `${scheme}-${w}-glance`);
        await view(page, 'Equipment');
        await shoot(page, `${scheme}-${w}-equipment`);
        await view(page, 'Circuits');
        await shoot(page, `${scheme}-${w}-circuits`);
        await view(page, 'Generator and fuel');
        await expect.poll(() => page.getByRole('table', { name: 'Generator sets' }).locator('tbody tr').count()).toBe(2);
        await shoot(page, `${scheme}-${w}-generator`);
        await view(page, 'UPS and battery');
        await expect.poll(() => page.getByRole('table', { name: 'UPS systems' }).locator('tbody tr').count()).toBe(2);
        await shoot(page, `${scheme}-${w}-power`);
        await view(page, 'Cooling');
        await expect.poll(() => page.getByRole('table', { name: 'Cooling groups' }).locator('tbody tr').count()).toBe(2);
        await shoot(page, `${scheme}-${w}-cooling`);
        await view(page, 'Backup');
        await shoot(page, `${scheme}-${w}-backup`);
        await view(page, 'Site');
        await shoot(page, `${scheme}-${w}-site`);
        await view(page, 'Sizing sheet');
        const sheet = page.getByRole('article', { name: 'Sizing sheet' });
        await expect.poll(() => sheet.textContent()).toMatch(/with the largest set failed \(N\+1\)/);
        // The built checks (issue 13 item 7) on the sheet tab, as on the printed sheet.
        expect(await sheet.textContent()).toMatch(/Required runtime13 min = 5 min \+ 2 × 3 min \+ 2 min/);
        expect(await sheet.textContent()).toMatch(/3-2-1 rulemet/);
        expect(await sheet.textContent()).toMatch(/PUE from energy1\.55 \(DCiE 64\.5 %\)/);
        expect(await sheet.textContent()).toMatch(/Phase split at the peakL1 /);
        await shoot(page, `${scheme}-${w}-sheet`);
      }
      expect(s.browser.problems).toEqual([]);
    }, 400_000);
  }
});
