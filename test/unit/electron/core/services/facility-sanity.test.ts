/**
 * Sanity warnings on a stored site (issue 13 item 9): values the app's forms and the contract
 * take, but that are physically absurd — a 4 V line voltage, a 5e12 W nameplate, a battery at
 * 70 °C — are named in the site's limits (`site limits`, the Facility screen's gauges), in plain
 * words, while the limits are still given. `calc` and `site apply` have the same bounds
 * (shared/facility/sanity.ts; test/unit/shared/facility/strict-input.test.ts).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Channel, OutputOf } from '../../../../../shared/contract';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { Session } from '../../../../../electron/core/services/session';
import { liveLimits } from '../../../../../renderer/features/facility/draft';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-facility-sanity-');
afterAll(() => tmp.cleanup());
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

async function open() {
  session = new Session({ who: 'tester' });
  await session.create(tmp.path('ws.headroom'), false);
  const dispatch = createDispatch(createHandlers(session));
  return async <C extends Channel>(channel: C, input: unknown): Promise<OutputOf<C>> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as OutputOf<C>;
  };
}

describe('a stored site names its absurd values (issue 13 item 9)', () => {
  it('4 V line voltage, a 5e12 W nameplate and a battery at 70 °C, each by its field in words', async () => {
    const call = await open();
    const s = await call('facility.addSite', { name: 'POP', loadPf: 0.95, lineVoltageV: 400 });
    await call('facility.addEquipment', { siteId: s.id, name: 'Core router', qty: 2, nameplateW: 3000, measuredW: 1650 });
    await call('facility.addUps', { siteId: s.id, name: 'UPS', ratedVA: 20000, ratedW: 18000, upsEff: 0.95 });
    const bat = await call('facility.addBatteryString', {
      siteId: s.id,
      name: 'Strings',
      method: 'peukert',
      strings: 1,
      blocksPerString: 40,
      blockV: 12,
      cellsPerBlock: 6,
      ratedAh: 100,
      ratedHours: 20,
      k: 1.15,
      inverterEff: 0.94,
      batteryTempC: 25,
      requiredMin: 15,
      chargeCurrentA: 10,
      floatVoltsPerCell: 2.275,
      chargerEff: 0.95,
    });
    const sane = await call('facility.siteLimits', { siteId: s.id });
    expect(sane.ok).toBe(true);
    expect(sane.warnings.filter((w) => /supply voltage|any IT device|operating range/.test(w))).toEqual([]);

    await call('facility.updateSite', { id: s.id, lineVoltageV: 4 });
    await call('facility.addEquipment', { siteId: s.id, name: 'Typo', qty: 1, nameplateW: 5e12 });
    await call('facility.updateBatteryString', { id: bat.id, batteryTempC: 70 });
    const r = await call('facility.siteLimits', { siteId: s.id });
    expect(r.ok).toBe(true);
    expect(r.warnings).toContainEqual(expect.stringMatching(/^Line voltage: 4 V is not a supply voltage/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/^Equipment “Typo”, nameplate: 5000000000000 W for one item is more than any IT device draws/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/^Battery string “Strings”, temperature: 70 °C is outside the VRLA operating range/));
    // No internal path (`equipment[1].nameplateW`) reaches the planner.
    for (const w of r.warnings) expect(w).not.toMatch(/\[\d+\]|\.\w+W:/);

    // The Facility screen's live limits say the same.
    const detail = await call('facility.getSite', { siteId: s.id });
    const live = liveLimits(detail);
    expect(live.ok).toBe(true);
    if (live.ok) expect(live.warnings.filter((w) => r.warnings.includes(w)).length).toBeGreaterThanOrEqual(3);
  });
});
