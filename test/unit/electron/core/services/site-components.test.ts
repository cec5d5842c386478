/**
 * Several of each component per site (issue 13 item 1), through dispatch on a real temp
 * workspace: every generator set, UPS system, battery string, tank and cooling group counts in
 * the limits, including the case where the worst one fails.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Channel, OutputOf } from '../../../../../shared/contract';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { Session } from '../../../../../electron/core/services/session';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-site-components-');
afterAll(() => tmp.cleanup());
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

async function open() {
  session = new Session({ who: 'tester' });
  await session.create(tmp.path(`ws-${++n}.headroom`), false);
  const dispatch = createDispatch(createHandlers(session));
  return async <C extends Channel>(channel: C, input: unknown): Promise<OutputOf<C>> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as OutputOf<C>;
  };
}
type Call = Awaited<ReturnType<typeof open>>;

/** 1500 m, 45 °C; 13305 W of IT load (spec example 1A). */
async function pop(call: Call) {
  const s = await call('facility.addSite', { name: 'POP', loadPf: 0.95, areaM2: 50, maxPeople: 1, altitudeM: 1500, ambientC: 45 });
  for (const e of [
    { name: 'core router', qty: 2, nameplateW: 3000, measuredW: 1650 },
    { name: 'aggregation switch', qty: 4, nameplateW: 800, measuredW: 420 },
    { name: 'server', qty: 10, nameplateW: 750 },
    { name: 'OLT chassis', qty: 2, nameplateW: 2400, measuredW: 1300 },
    { name: 'DWDM shelf', qty: 2, nameplateW: 600, measuredW: 350 },
  ]) {
    await call('facility.addEquipment', { siteId: s.id, ...e });
  }
  return s;
}

const maxOf = async (call: Call, siteId: number, key: string) => {
  const r = await call('facility.siteLimits', { siteId });
  expect(r.error).toBeNull();
  return r.limits!.limits.find((l) => l.key === key)!;
};

function near(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThanOrEqual(tol);
}

/**
 * The conservative default at 1500 m and 45 °C, by hand: engine (Briggs & Stratton) 3.5 % per
 * 304.8 m above sea level × 1 % per 10 °F above 25 °C; alternator (Stamford) 3 % per 500 m above
 * 1000 m × 3 % per 5 °C above 40 °C; the set gives the smaller.
 */
const ENGINE = (1 - (0.035 * 1500) / 304.8) * (1 - (0.01 * (45 - 25)) / (50 / 9));
const ALTERNATOR = 0.97 * 0.97;
const DERATE = Math.min(ENGINE, ALTERNATOR);
const PEAK = 1.05;

describe('two generator sets', () => {
  it('count both in the sizing and average limits, and N+1 leaves the smaller set', async () => {
    const call = await open();
    const s = await pop(call);
    await call('facility.addGenerator', { siteId: s.id, name: 'G1', ratingW: 60000, otherRunningW: 10000 });
    await call('facility.addGenerator', { siteId: s.id, name: 'G2', ratingW: 40000, otherRunningW: 10000 });
    const both = (100000 * DERATE - 10000) / 1.5;
    near((await maxOf(call, s.id, 'generator-sizing')).max, both / PEAK);
    near((await maxOf(call, s.id, 'generator-average')).max, 0.7 * 100000 * DERATE - 10000);

    await call('facility.updateSite', { id: s.id, generatorRedundancy: 'N+1' });
    const sizing = await maxOf(call, s.id, 'generator-sizing');
    // N+1: the total minus the largest set (G1 failed leaves G2's 40 kW).
    near(sizing.max, (40000 * DERATE - 10000) / 1.5 / PEAK);
    expect(sizing.failed).toBe('G1');
  });

  it('share a tank: the fuel limit burns both sets from it', async () => {
    const call = await open();
    const s = await pop(call);
    const curve = [
      { loadFrac: 0.5, lPerH: 10 },
      { loadFrac: 1, lPerH: 18 },
    ];
    await call('facility.addGenerator', { siteId: s.id, name: 'G1', ratingW: 60000, curve, tank: 'bulk', tankL: 2000, usableFrac: 1, requiredAutonomyH: 50 });
    await call('facility.addGenerator', { siteId: s.id, name: 'G2', ratingW: 60000, curve, tank: 'bulk' });
    // 2000 L over 50 h = 40 L/h for two sets → 20 L/h each: beyond full load, so load 1.0 of 120 kW.
    near((await maxOf(call, s.id, 'fuel')).max, 120000);
    await call('facility.updateGenerator', { id: (await call('facility.getSite', { siteId: s.id })).generators[0]!.id, tankL: 1400 });
    // 28 L/h for two → 14 L/h each → x = 0.5 + 0.5 × (4 / 8) = 0.75 of 120 kW.
    near((await maxOf(call, s.id, 'fuel')).max, 0.75 * 120000);
  });
});

describe('UPS systems on A and B feeds', () => {
  it('in parallel they add; on feeds A and B the smaller feed carries the load alone (2N)', async () => {
    const call = await open();
    const s = await pop(call);
    const a = await call('facility.addUps', { siteId: s.id, name: 'UPS A', ratedVA: 20000, ratedW: 18000, upsEff: 0.95 });
    const b = await call('facility.addUps', { siteId: s.id, name: 'UPS B', ratedVA: 20000, ratedW: 18000, upsEff: 0.95 });
    near((await maxOf(call, s.id, 'ups')).max, (0.8 * 36000) / PEAK);
    await call('facility.updateUps', { id: a.id, feed: 'A' });
    await call('facility.updateUps', { id: b.id, feed: 'B' });
    near((await maxOf(call, s.id, 'ups')).max, (0.8 * 18000) / PEAK);
  });

  it('N+1 modules inside one system: total minus one module', async () => {
    const call = await open();
    const s = await pop(call);
    await call('facility.addUps', { siteId: s.id, name: 'modular', ratedVA: 10000, ratedW: 9000, units: 4, redundancy: 'N+1', upsEff: 0.95 });
    await call('facility.addUps', { siteId: s.id, name: 'small', ratedVA: 6000, ratedW: 5400, upsEff: 0.95 });
    near((await maxOf(call, s.id, 'ups')).max, (0.8 * (4 * 9000 + 5400 - 9000)) / PEAK);
  });
});

describe('battery strings', () => {
  it('two strings on one bus add; on two feeds each feed must carry the load alone', async () => {
    const call = await open();
    const s = await pop(call);
    const ua = await call('facility.addUps', { siteId: s.id, name: 'UPS A', ratedVA: 40000, ratedW: 36000, upsEff: 0.95 });
    const string = {
      siteId: s.id,
      method: 'table',
      tableKey: 'csb-cb12-115',
      strings: 1,
      blocksPerString: 40,
      blockV: 12,
      cellsPerBlock: 6,
      inverterEff: 0.94,
      requiredMin: 15,
      chargeCurrentA: 10,
      floatVoltsPerCell: 2.275,
      chargerEff: 0.95,
    };
    await call('facility.addBatteryString', { ...string, name: 'S1' });
    await call('facility.addBatteryString', { ...string, name: 'S2' });
    // Example 3D: 87.46 kW AC per string for 15 min.
    near((await maxOf(call, s.id, 'battery')).max, (2 * 87460) / PEAK, 2e-3);
    const ub = await call('facility.addUps', { siteId: s.id, name: 'UPS B', ratedVA: 40000, ratedW: 36000, upsEff: 0.95 });
    await call('facility.updateUps', { id: ua.id, feed: 'A' });
    await call('facility.updateUps', { id: ub.id, feed: 'B' });
    // Both strings back feed A: losing A leaves B with no battery at all.
    expect((await maxOf(call, s.id, 'battery')).max).toBe(0);
    const strings = (await call('facility.getSite', { siteId: s.id })).batteryStrings;
    await call('facility.updateBatteryString', { id: strings[1]!.id, upsId: ub.id });
    near((await maxOf(call, s.id, 'battery')).max, 87460 / PEAK, 2e-3);
  });
});

describe('cooling groups', () => {
  it('count every installed unit and lose the largest single unit', async () => {
    const call = await open();
    const s = await pop(call);
    await call('facility.addCoolingUnit', { siteId: s.id, name: 'DX', unitTotalW: 22000, shr: 0.9, installedUnits: 2 });
    await call('facility.addCoolingUnit', { siteId: s.id, name: 'CRAH', unitTotalW: 30000, shr: 0.9, installedUnits: 1 });
    // 2 × 19.8 kW + 27 kW, less the 27 kW unit; no UPS efficiency: WP-25's 1.07; 50 m² lighting, 1 person.
    const cap = 2 * 19800;
    near((await maxOf(call, s.id, 'cooling')).max, (cap - 21.53 * 50 - 100) / 1.07 / PEAK);
  });
});

describe('generator derating as the maker gives it (issue 13 item 2)', () => {
  it('at 1700 m and 35 °C the default is the engine rule’s 0.790, not the alternator’s 0.958; a maker table replaces it', async () => {
    const call = await open();
    const s = await pop(call);
    await call('facility.updateSite', { id: s.id, altitudeM: 1700, ambientC: 35 });
    const g = await call('facility.addGenerator', { siteId: s.id, name: 'G1', ratingW: 60000 });
    const engine = (1 - (0.035 * 1700) / 304.8) * (1 - 0.01 * (10 / (50 / 9)));
    near((await maxOf(call, s.id, 'generator-sizing')).max, (60000 * engine) / 1.5 / PEAK);
    const r = await call('facility.siteLimits', { siteId: s.id });
    expect(r.limits!.generatorSets[0]).toMatchObject({ name: 'G1', derating: { rule: 'conservative' } });
    near(r.limits!.generatorSets[0]!.derating.siteDerateFrac, 0.7903, 1e-4);

    await call('facility.updateGenerator', { id: g.id, deratingRule: 'stamford-alternator' });
    near((await maxOf(call, s.id, 'generator-sizing')).max, (60000 * 0.958) / 1.5 / PEAK);
    await call('facility.updateGenerator', {
      id: g.id,
      deratingTable: [
        { altitudeM: 1000, ambientC: 25, factor: 1 },
        { altitudeM: 1000, ambientC: 40, factor: 0.96 },
        { altitudeM: 2000, ambientC: 25, factor: 0.94 },
        { altitudeM: 2000, ambientC: 40, factor: 0.9 },
      ],
    });
    // 1700 m between 1000 (0.9733 at 35 °C) and 2000 (0.9133): 0.9313.
    near((await maxOf(call, s.id, 'generator-sizing')).max, (60000 * (0.97333333333 * 0.3 + 0.91333333333 * 0.7)) / 1.5 / PEAK, 1e-9);
  });

  it('checks the largest motor’s start against the sets’ step capability (ISO 8528-5), and says what it needs', async () => {
    const call = await open();
    const s = await pop(call);
    await call('facility.updateSite', { id: s.id, altitudeM: 0, ambientC: 25, motorHp: 10, motorCode: 'G' });
    const g1 = await call('facility.addGenerator', { siteId: s.id, name: 'G1', ratingW: 60000, otherRunningW: 5000 });
    const step = await maxOf(call, s.id, 'generator-step');
    expect(step.max).toBeNull();
    expect(step.needs).toContain('the load step “G1” accepts');
    await call('facility.updateGenerator', { id: g1.id, maxStepFrac: 0.6, performanceClass: 'G2' });
    // 10 hp code G: 6.29 kVA/hp → 62.9 kVA locked-rotor; the set steps 0.6 × 60 kW / 0.8 = 45 kVA.
    expect((await maxOf(call, s.id, 'generator-step')).max).toBe(0);
    await call('facility.addGenerator', { siteId: s.id, name: 'G2', ratingW: 60000, otherRunningW: 5000, maxStepFrac: 0.6, performanceClass: 'G2' });
    const two = await maxOf(call, s.id, 'generator-step');
    near(two.max, ((90000 - 62900) * 0.8 - 5000) / PEAK);
    expect(two.label).toContain('ISO 8528-5 G2');
  });
});

describe('fuel outside the fallback’s range (issue 13 item 3)', () => {
  it('a 30 kW set without its datasheet curve has no fuel figure: the limit needs a fuel curve', async () => {
    const call = await open();
    const s = await pop(call);
    const g = await call('facility.addGenerator', { siteId: s.id, name: 'G30', ratingW: 30000, tankL: 400, usableFrac: 0.95, requiredAutonomyH: 24 });
    const fuel = await maxOf(call, s.id, 'fuel');
    expect(fuel.max).toBeNull();
    expect(fuel.usedFrac).toBeNull();
    expect(fuel.needs).toContain('a fuel curve for “G30”');
    expect(fuel.label).toContain('needs a fuel curve');
    // A curve that stops at 75 %: the limit stops there and says so (not "overloaded").
    await call('facility.updateGenerator', {
      id: g.id,
      curve: [
        { loadFrac: 0.25, lPerH: 3.5 },
        { loadFrac: 0.5, lPerH: 5.6 },
        { loadFrac: 0.75, lPerH: 7.4 },
      ],
    });
    const capped = await maxOf(call, s.id, 'fuel');
    near(capped.max, 0.75 * 30000);
    expect(capped.label).toContain('the curve ends at 75 % load');
  });
});

describe('UPS heat from the entered efficiency (issue 13 item 4)', () => {
  it('a 95 % efficient UPS adds itW × (1/0.95 − 1) of heat, not WP-25’s 0.04 × rating + 0.05 × itW', async () => {
    const call = await open();
    const s = await pop(call);
    await call('facility.addUps', { siteId: s.id, name: 'UPS', ratedVA: 33000, ratedW: 30000, upsEff: 0.95 });
    await call('facility.addCoolingUnit', { siteId: s.id, name: 'DX', unitTotalW: 22000, shr: 0.9, installedUnits: 2 });
    // Fixed: distribution 0.01 × 30 kW, lighting 21.53 × 50 m², one person; per IT watt 1 + 1/0.95 − 1 + 0.02.
    const expected = (19800 - 0.01 * 30000 - 21.53 * 50 - 100) / (1 / 0.95 + 0.02) / PEAK;
    near((await maxOf(call, s.id, 'cooling')).max, expected);
  });
});

describe('battery age (issue 13 item 6)', () => {
  it('puts each string’s replacement date (80 % capacity) on the forecast board', async () => {
    const call = await open();
    const s = await pop(call);
    const string = {
      siteId: s.id,
      method: 'table',
      tableKey: 'csb-cb12-115',
      strings: 1,
      blocksPerString: 40,
      blockV: 12,
      cellsPerBlock: 6,
      inverterEff: 0.94,
      requiredMin: 15,
      chargeCurrentA: 10,
      floatVoltsPerCell: 2.275,
      chargerEff: 0.95,
    };
    const hot = await call('facility.addBatteryString', { ...string, name: 'hot room', installDate: '2022-01-01', designLifeYears: 5, batteryTempC: 33 });
    const cool = await call('facility.addBatteryString', { ...string, name: 'cool room', installDate: '2025-06-01', designLifeYears: 5 });
    await call('facility.addBatteryString', { ...string, name: 'no date' });
    const board = await call('forecast.limits', { asOf: '2026-01-01' });
    const life = board.limits.filter((l) => l.id.includes(':battery-life:'));
    expect(life.map((l) => l.name).sort()).toEqual(['Battery “cool room” replacement (80 % capacity)', 'Battery “hot room” replacement (80 % capacity)']);
    // 5 years at 33 °C halves to 2.5 years: 2022-01-01 + 913 days.
    const h = life.find((l) => l.id.endsWith(`:${hot.id}`))!;
    expect(h).toMatchObject({ status: 'exceeded', date: '2024-07-02', capacity: 2.5, detail: 'POP' });
    const c = life.find((l) => l.id.endsWith(`:${cool.id}`))!;
    expect(c).toMatchObject({ status: 'ok', date: '2030-06-01', warningDate: '2029-06-01' });
  });
});

describe('the sizing sheet’s numbers are the limits’ numbers (issue 13 item 8)', () => {
  it('sizes the generators at the same peak load as the sizing limit, and says when the tank fails its NFPA 110 class', async () => {
    const { computeSheet } = await import('../../../../../shared/facility/sheet');
    const call = await open();
    const s = await pop(call);
    await call('facility.addUps', { siteId: s.id, name: 'UPS', ratedVA: 33000, ratedW: 30000, upsEff: 0.95 });
    const curve = [
      { loadFrac: 0.25, lPerH: 6.814 },
      { loadFrac: 0.5, lPerH: 10.98 },
      { loadFrac: 0.75, lPerH: 14.38 },
      { loadFrac: 1, lPerH: 18.17 },
    ];
    await call('facility.addGenerator', {
      siteId: s.id,
      name: 'G1',
      ratingW: 60000,
      otherRunningW: 8000,
      curve,
      tankL: 500,
      usableFrac: 0.95,
      requiredAutonomyH: 24,
      classH: 24,
    });
    await call('facility.addGenerator', { siteId: s.id, name: 'G2', ratingW: 60000, otherRunningW: 8000, curve });
    await call('facility.updateSite', { id: s.id, generatorRedundancy: 'N+1' });
    const detail = await call('facility.getSite', { siteId: s.id });
    const sizing = (await maxOf(call, s.id, 'generator-sizing')).max!;
    // At the sizing limit's IT load the sheet's sizing load is exactly the derated capacity left.
    const sheet = computeSheet(detail, sizing);
    near(sheet.generators!.genSizingW, sheet.generators!.deratedAfterWorstFailureW, 1e-12);
    near(sheet.generators!.deratedAfterWorstFailureW, 60000 * DERATE);
    expect(sheet.generators!.largeEnough).toBe(true);
    expect(computeSheet(detail, sizing * 1.01).generators!.largeEnough).toBe(false);
    // 475 L usable < class 24 h × 18.17 L/h × 1.33 = 580 L: the sheet says so.
    const tank = computeSheet(detail, 13305).tanks[0]!;
    expect(tank).toMatchObject({ name: 'G1', meetsNfpaClass: false, sets: ['G1'] });
    near(tank.nfpaStoredL, 24 * 18.17 * 1.33);
    expect(computeSheet(detail, 13305).findings.join(' ')).toMatch(/Tank “G1”: the usable 475 L is below the 580 L NFPA 110 class 24 h/);
  });

  it('takes the UPS heat from the entered efficiency (471 W at 95 %, not WP-25’s 1647 W)', async () => {
    const { computeSheet } = await import('../../../../../shared/facility/sheet');
    const call = await open();
    const s = await pop(call);
    await call('facility.addUps', { siteId: s.id, name: 'UPS', ratedVA: 33000, ratedW: 30000, upsEff: 0.95 });
    await call('facility.addCoolingUnit', { siteId: s.id, name: 'split', unitTotalW: 3000, shr: 1, installedUnits: 5 });
    const detail = await call('facility.getSite', { siteId: s.id });
    const sheet = computeSheet(detail, 8949 / 1.05);
    expect(sheet.cooling!.upsHeatFromEfficiency).toBe(true);
    near(sheet.cooling!.heat.upsHeatW, 8949 * (1 / 0.95 - 1));
    expect(Math.round(sheet.cooling!.heat.upsHeatW)).toBe(471);
    // By WP-25's rule it would be 0.04 × 30 kW + 0.05 × 8949 W = 1647 W, one 3 kW unit more.
    expect(Math.round(0.04 * 30000 + 0.05 * 8949)).toBe(1647);
    expect(sheet.cooling!.unitsNeeded).toBe(Math.ceil((8949 + 471 + 0.01 * 30000 + 0.02 * 8949 + 21.53 * 50 + 100) / 3000));
    expect(sheet.cooling!.unitsNeeded).toBeLessThan(Math.ceil((8949 + 1647 + 0.01 * 30000 + 0.02 * 8949 + 21.53 * 50 + 100) / 3000));
  });

  it('gives no fuel figure for a small set without its curve, and asks for it', async () => {
    const { computeSheet } = await import('../../../../../shared/facility/sheet');
    const call = await open();
    const s = await pop(call);
    await call('facility.addGenerator', { siteId: s.id, name: 'G30', ratingW: 30000, tankL: 400, usableFrac: 0.95, requiredAutonomyH: 24 });
    const sheet = computeSheet(await call('facility.getSite', { siteId: s.id }), 13305);
    expect(sheet.tanks[0]).toMatchObject({ fuelLPerH: null, autonomyH: null });
    expect(sheet.tanks[0]!.needs).toMatch(/datasheet fuel curve of “G30”/);
  });
});
