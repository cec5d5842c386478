/**
 * `headroom calc` and the site commands, through the real CLI bundle: every calculator of
 * CLI.md's table on a worked example of specs/facility.md (relative tolerance 2e-3 for the
 * spec's 3–4 figures), `--schema`, the three ways to give `--in`, and refusals that name the field.
 */
import { fieldWords } from '../../../../shared/errors';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-calc-');
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => tmp.cleanup());

function calc(name: string, input: unknown): Record<string, unknown> {
  const r = headroom(['calc', name, '--in', JSON.stringify(input)]);
  if (r.code !== 0) throw new Error(`calc ${name} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function near(actual: unknown, expected: number, tol = 2e-3): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThanOrEqual(tol);
}

const CB12_115 = [
  [5, 4067],
  [10, 3019],
  [15, 2326],
  [30, 1414],
  [60, 824.2],
  [120, 516.1],
  [180, 348.3],
  [240, 291.2],
  [300, 231.8],
  [480, 167.1],
  [600, 136.5],
  [1200, 71.73],
].map(([minutes, wattsPerBlock]) => ({ minutes, wattsPerBlock }));

const POP_ITEMS = [
  { qty: 2, nameplateW: 3000, measuredW: 1650 },
  { qty: 4, nameplateW: 800, measuredW: 420 },
  { qty: 10, nameplateW: 750 },
  { qty: 2, nameplateW: 2400, measuredW: 1300 },
  { qty: 2, nameplateW: 600, measuredW: 350 },
];
const UPS_CATALOG = [
  [10, 9],
  [15, 13.5],
  [20, 18],
  [30, 27],
  [40, 36],
  [60, 54],
  [80, 72],
  [100, 90],
].map(([kva, kw]) => ({
  name: `${kva} kVA`,
  ratedVA: kva! * 1000,
  ratedW: kw! * 1000,
}));

describe('calc NAME --in JSON: the worked examples', () => {
  it('load: example 1A (POP room at 400 V)', () => {
    const out = calc('load', { items: POP_ITEMS, loadPf: 0.95, lineVoltageV: 400 });
    near(out.connectedItW, 13305);
    near(out.peakItW, 13970);
    near(out.designItW, 17463);
    near(out.designVA, 18382);
    near(out.current3phA, 26.53);
    expect(out.warnings).toEqual([]);
  });

  it('ups: example 2A (30 kVA pick, 9 kW modules)', () => {
    const out = calc('ups', { designItW: 17462.8125, designVA: 18381.9079, catalog: UPS_CATALOG, moduleW: 9000 });
    near(out.requiredUpsW, 21829);
    near(out.requiredUpsVA, 22977);
    expect(out.pick).toMatchObject({ ratedVA: 30000, ratedW: 27000 });
    near(out.upsLoadFrac, 0.6468);
    expect(out.nModules).toBe(3);
  });

  it('battery: example 3B and 3D (CB12-115 table, 10 kW → 262.3 min; 15 min → 87.46 kW)', () => {
    const out = calc('battery', {
      method: 'table',
      acLoadW: 10000,
      inverterEff: 0.94,
      strings: 1,
      blocksPerString: 40,
      blockV: 12,
      cellsPerBlock: 6,
      table: CB12_115,
      requiredMin: 15,
    });
    near(out.dcW, 10638);
    near(out.runtimeMin, 262.3);
    near(out.maxAcLoadW, 87460);
  });

  it('battery: example 3A by Peukert (k 1.20 → 201.0 min)', () => {
    const out = calc('battery', {
      method: 'peukert',
      acLoadW: 10000,
      inverterEff: 0.94,
      strings: 1,
      blocksPerString: 40,
      blockV: 12,
      cellsPerBlock: 6,
      ratedAh: 100,
      ratedHours: 20,
      k: 1.2,
    });
    near(out.runtimeMin, 201.0);
  });

  it('generator: example 4A (60 kW ESP at 1500 m and 45 °C)', () => {
    const out = calc('generator', {
      itLoadW: 17463,
      upsEff: 0.95,
      chargeCurrentA: 10,
      floatVoltsPerCell: 2.275,
      cells: 240,
      chargerEff: 0.95,
      upsGenFactor: 1.5,
      otherRunningW: 13076.5,
      altitudeM: 1500,
      ambientC: 45,
      catalog: [30, 40, 50, 60, 80, 100].map((kw) => ({ name: `${kw} kW`, ratingW: kw * 1000 })),
    });
    near(out.rechargeW, 5747);
    near(out.upsInputW, 24129);
    near(out.genSizingW, 49270);
    near(out.genAvgW, 37206);
    near(out.siteDerateFrac, 0.9409);
    near(out.requiredRatingW, 56490);
    expect(out.pick).toMatchObject({ ratingW: 60000 });
    near(out.genLoadFrac, 0.659);
  });

  it('fuel: example 5A (12.61 L/h, 75.31 h, Class 48 needs 1160 L)', () => {
    const out = calc('fuel', {
      ratingW: 60000,
      genAvgW: 37206,
      tankL: 1000,
      usableFrac: 0.95,
      classH: 48,
      curve: [
        { loadFrac: 0.25, lPerH: 6.814 },
        { loadFrac: 0.5, lPerH: 10.98 },
        { loadFrac: 0.75, lPerH: 14.38 },
        { loadFrac: 1, lPerH: 18.17 },
      ],
    });
    near(out.fuelLPerH, 12.61);
    near(out.autonomyH, 75.31);
    near(out.nfpaStoredL, 1160);
    expect(out.estimated).toBe(false);
  });

  it('cooling: example 6A (17475 W = 59626 BTU/h = 4.969 tons; N+1 = 2 units)', () => {
    const out = calc('cooling', { itLoadW: 13970, upsRatingW: 27000, areaM2: 50, maxPeople: 1, unitTotalW: 20000, shr: 1, spareUnits: 1 });
    near(out.heatW, 17475);
    near(out.heatBtuPerH, 59626);
    near(out.heatTons, 4.969);
    expect(out.nUnits).toBe(1);
    expect(out.installed).toBe(2);
    near(out.capacityAfterWorstFailureW, 20000);
  });

  it('backup: example 7A (a full of 8 TB over 1 Gbit/s takes 18.73 h and misses 8 h)', () => {
    const out = calc('backup', { job: 'full', dataBytes: 8e12, dailyChangeFrac: 0.03, linkBitsPerS: 1e9, windowH: 8, backupIntervalH: 24 });
    near(out.effBytesPerS, 118.66e6);
    near(out.bytes, 8e12);
    near(out.durationH, 18.73);
    expect(out.fitsWindow).toBe(false);
  });
});

describe('calc: how the input is given', () => {
  const cooling = { itLoadW: 13970, upsRatingW: 27000, areaM2: 50, maxPeople: 1, unitTotalW: 20000, shr: 1, spareUnits: 1 };

  it('reads --in @file.json', () => {
    const file = tmp.path('cooling.json');
    writeFileSync(file, JSON.stringify(cooling));
    const r = headroom(['calc', 'cooling', '--in', `@${file}`]);
    expect(r.code).toBe(0);
    near((JSON.parse(r.stdout) as { heatW: number }).heatW, 17475);
  });

  it('reads --in - from stdin', () => {
    const r = spawnSync(process.execPath, [CLI_BUNDLE, 'calc', 'cooling', '--in', '-'], { input: JSON.stringify(cooling), encoding: 'utf8' });
    expect(r.status).toBe(0);
    near((JSON.parse(r.stdout) as { heatW: number }).heatW, 17475);
  });

  it('prints only one JSON document on stdout, with warnings', () => {
    const r = headroom(['calc', 'cooling', '--in', JSON.stringify({ ...cooling, itLoadW: 30000 })]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { warnings: string[] };
    expect(out.warnings.length).toBeGreaterThan(0);
  });
});

describe('calc --schema', () => {
  it.each(['load', 'ups', 'battery', 'generator', 'fuel', 'cooling', 'backup'])('prints the JSON Schema of %s', (name) => {
    const r = headroom(['calc', name, '--schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(JSON.stringify(schema)).toMatch(/"properties"/);
  });

  it('names the spec fields of load', () => {
    const schema = JSON.parse(headroom(['calc', 'load', '--schema']).stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['items', 'loadPf', 'peakFactor', 'growthMarginFrac', 'lineVoltageV']));
    expect(schema.required).toEqual(expect.arrayContaining(['items', 'loadPf']));
  });
});

describe('calc: refusals (exit 1, the field named on stderr, nothing on stdout)', () => {
  const cases: [string, string, unknown, string][] = [
    ['a negative nameplate', 'load', { items: [{ qty: 1, nameplateW: -5 }], loadPf: 0.9 }, 'items.0.nameplateW'],
    ['a power factor above 1', 'load', { items: [], loadPf: 1.2 }, 'loadPf'],
    [
      'an efficiency above 1',
      'battery',
      {
        method: 'energy',
        acLoadW: 1000,
        inverterEff: 1.1,
        strings: 1,
        blocksPerString: 4,
        blockV: 12,
        cellsPerBlock: 6,
        ratedAh: 100,
        ratedHours: 20,
        dodFrac: 1,
      },
      'inverterEff',
    ],
    [
      'a zero load',
      'battery',
      { method: 'table', acLoadW: 0, inverterEff: 0.9, strings: 1, blocksPerString: 40, blockV: 12, cellsPerBlock: 6, table: CB12_115 },
      'acLoadW',
    ],
    [
      'a table whose watts rise',
      'battery',
      {
        method: 'table',
        acLoadW: 10000,
        inverterEff: 0.9,
        strings: 1,
        blocksPerString: 40,
        blockV: 12,
        cellsPerBlock: 6,
        table: [
          { minutes: 5, wattsPerBlock: 100 },
          { minutes: 10, wattsPerBlock: 200 },
        ],
      },
      'table.1.wattsPerBlock',
    ],
    [
      'a temperature below the table',
      'battery',
      { method: 'table', acLoadW: 10000, inverterEff: 0.9, strings: 1, blocksPerString: 40, blockV: 12, cellsPerBlock: 6, table: CB12_115, batteryTempC: -10 },
      'batteryTempC',
    ],
    [
      'a window longer than its interval',
      'backup',
      { job: 'full', dataBytes: 1e12, dailyChangeFrac: 0.03, linkBitsPerS: 1e9, windowH: 30, backupIntervalH: 24 },
      'windowH',
    ],
    [
      'a compression ratio below 1',
      'backup',
      { job: 'full', dataBytes: 1e12, dailyChangeFrac: 0.03, linkBitsPerS: 1e9, windowH: 8, backupIntervalH: 24, compressionRatio: 0.5 },
      'compressionRatio',
    ],
    ['a missing required field', 'cooling', { itLoadW: 1000 }, 'upsRatingW'],
    ['a usable fraction of 0', 'fuel', { ratingW: 60000, genAvgW: 30000, tankL: 1000, usableFrac: 0 }, 'usableFrac'],
  ];
  it.each(cases)('%s', (_what, name, input, field) => {
    const r = headroom(['calc', name, '--in', JSON.stringify(input)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // A nested field is said in plain words (issue 14, item 6): "item 1, nameplate (W)".
    expect(r.stderr).toMatch(new RegExp(`^headroom: ${fieldWords(field).replace(/[.()[\]]/g, '\\$&')}: `));
  });

  it('refuses JSON that does not parse, naming --in', () => {
    const r = headroom(['calc', 'load', '--in', '{items:']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^headroom: in: not valid JSON/);
  });

  it('is a usage error (exit 2) for an unknown calculator or a missing --in', () => {
    expect(headroom(['calc', 'nonesuch', '--in', '{}']).code).toBe(2); // pue is a calculator now (issue 13)
    const r = headroom(['calc', 'load']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--in JSON is required/);
  });
});

describe('site and reading commands', () => {
  const ws = tmp.path('isp.headroom');
  beforeAll(() => {
    expect(headroom(['init', ws, '--demo']).code).toBe(0);
  });

  it('site list shows the demo POP', () => {
    const r = headroom(['site', 'list', ws, '--json']);
    expect(r.code).toBe(0);
    const sites = JSON.parse(r.stdout) as { name: string; equipmentCount: number }[];
    expect(sites).toEqual([expect.objectContaining({ name: 'POP Northgate', equipmentCount: 5 })]);
  });

  it('site limits gives the §8 thresholds of the demo POP', () => {
    const r = headroom(['site', 'limits', ws, 'POP Northgate', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; limits: { limits: { key: string; max: number }[] } };
    expect(out.ok).toBe(true);
    const max = Object.fromEntries(out.limits.limits.map((l) => [l.key, l.max]));
    near(max.ups, 20571);
    near(max['generator-average'], 19659);
    near(max['generator-sizing'], 20964);
    near(max.battery, 21272);
    near(max.restore, 8.688e12);
    near(max.storage, 12.36e12);
    const text = headroom(['site', 'limits', ws, 'POP Northgate']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/UPS at max loading\s+2\.057e\+4 W/);
  });

  it('reading add records a reading, and refuses a bad one by field without changing anything', () => {
    const before = headroom(['reading', 'list', ws, 'POP Northgate', '--json']).stdout;
    const bad = headroom(['reading', 'add', ws, 'POP Northgate', '--kind', 'itW', '--date', '2026-02-30', '--value', '14000']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^headroom: date: /);
    const negative = headroom(['reading', 'add', ws, 'POP Northgate', '--kind', 'itW', '--date', '2030-01-01', '--value=-1']);
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/^headroom: value: must not be negative/);
    // Written as two words, the negative number is still the option's value, not an option.
    const spaced = headroom(['reading', 'add', ws, 'POP Northgate', '--kind', 'itW', '--date', '2030-01-01', '--value', '-1']);
    expect(spaced.code).toBe(1);
    expect(spaced.stderr).toMatch(/^headroom: value: must not be negative/);
    expect(headroom(['reading', 'list', ws, 'POP Northgate', '--json']).stdout).toBe(before);

    const ok = headroom(['reading', 'add', ws, 'POP Northgate', '--kind', 'itW', '--date', '2030-01-01', '--value', '14000']);
    expect(ok.code).toBe(0);
    const rows = JSON.parse(headroom(['reading', 'list', ws, 'POP Northgate', '--kind', 'itW', '--json']).stdout) as { date: string; value: number }[];
    expect(rows.at(-1)).toEqual(expect.objectContaining({ date: '2030-01-01', value: 14000 }));
    expect(rows).toHaveLength(13);
    expect(headroom(['undo', ws]).code).toBe(0);
    expect(headroom(['reading', 'list', ws, 'POP Northgate', '--json']).stdout).toBe(before);
  });

  it('site add refuses a power factor above 1 and a duplicate name', () => {
    const pf = headroom(['site', 'add', ws, 'Edge 2', '--load-pf', '1.3']);
    expect(pf.code).toBe(1);
    expect(pf.stderr).toMatch(/^headroom: loadPf: must be a fraction in \(0, 1\]/);
    const dup = headroom(['site', 'add', ws, 'POP Northgate', '--load-pf', '0.95']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/^headroom: name: there is already a site/);
    expect(headroom(['site', 'add', ws, 'Edge 2', '--load-pf', '0.95']).code).toBe(0);
    expect((JSON.parse(headroom(['site', 'list', ws, '--json']).stdout) as unknown[]).length).toBe(2);
  });

  it('names an unknown site', () => {
    const r = headroom(['site', 'limits', ws, 'Nowhere']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/site: there is no site "Nowhere"/);
  });
});
