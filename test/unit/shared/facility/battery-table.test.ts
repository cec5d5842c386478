import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBatteryRuntime } from '../../../../shared/facility/battery';
import {
  batteryModelSchema,
  checkEndVoltage,
  checkTable,
  tableRow,
  tableRuntimeMin,
  tableWattsAtMin,
  typicalEndVoltsPerCell,
} from '../../../../shared/facility/battery-table';
import { guard } from '../../../../shared/facility/result';
import { CB12_115, expectClose, refusalOf, valueOf } from '../../../support/facility-helpers';

const DIR = join(__dirname, '..', '..', '..', '..', 'resources', 'battery-tables');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (f: string) => batteryModelSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8')));

describe('resources/battery-tables', () => {
  it('ships the CB12-115 table', () => {
    expect(files).toContain('csb-cb12-115.json');
  });
  it.each(files)('%s is a valid model whose every row is a valid table with a source', (f) => {
    const model = load(f);
    expect(model.source).toMatch(/https?:\/\//);
    for (const [i, row] of model.rows.entries()) expect(valueOf(guard(() => checkTable(row.points, `rows.${i}.points`)))).toBeUndefined();
  });
  it('CB12-115 holds exactly the spec §3.4 numbers and reproduces Example 3B (262.3 min)', () => {
    const model = load('csb-cb12-115.json');
    const row = tableRow(model, 1.67);
    expect(row).toEqual(CB12_115);
    const v = valueOf(
      computeBatteryRuntime({
        method: 'table',
        acLoadW: 10000,
        inverterEff: 0.94,
        strings: 1,
        blocksPerString: 40,
        blockV: model.blockV,
        cellsPerBlock: model.cellsPerBlock,
        table: row,
      }),
    );
    expectClose(v.runtimeMin, 262.3);
  });
  it('UP-PW1245P1: a network-closet UPS at the datasheet 10-minute point runs exactly 10 minutes', () => {
    const model = load('panasonic-up-pw1245p1.json');
    const row = tableRow(model, 1.7);
    expect(tableWattsAtMin(row, 10)).toBe(258);
    // 4 blocks (48 V), 90 % inverter: 928.8 W of AC load is 258 W per block.
    const v = valueOf(
      computeBatteryRuntime({
        method: 'table',
        acLoadW: 928.8,
        inverterEff: 0.9,
        strings: 1,
        blocksPerString: 4,
        blockV: model.blockV,
        cellsPerBlock: model.cellsPerBlock,
        table: row,
      }),
    );
    expectClose(v.runtimeMin, 10, 1e-9);
  });
  it('refuses an end voltage the model has no row for', () => {
    expect(refusalOf(guard(() => tableRow(load('csb-cb12-115.json'), 1.75))).field).toBe('endVoltsPerCell');
  });
});

describe('tableRuntimeMin / tableWattsAtMin', () => {
  it('return the listed point exactly at a row', () => {
    expectClose(tableRuntimeMin(CB12_115, 824.2), 60, 1e-12);
    expectClose(tableWattsAtMin(CB12_115, 60), 824.2, 1e-12);
  });
  it('are straight lines on log-log axes (exact where Peukert holds)', () => {
    const peukert = [10, 100].map((minutes) => ({ minutes, wattsPerBlock: 1000 * (minutes / 10) ** -0.8 }));
    expectClose(tableRuntimeMin(peukert, 1000 * 3 ** -0.8), 30, 1e-12);
  });
  it('do not extrapolate beyond the table', () => {
    expect(refusalOf(guard(() => tableRuntimeMin(CB12_115, 5000))).message).toMatch(/exceeds battery table/);
    expect(refusalOf(guard(() => tableWattsAtMin(CB12_115, 4))).field).toBe('requiredMin');
  });
});

describe('typicalEndVoltsPerCell', () => {
  it.each([
    [0.05, 1.75],
    [0.1, 1.75],
    [0.15, 1.7],
    [0.2, 1.67],
    [0.5, 1.6],
  ])('at %s C is %s V/cell', (c, v) => {
    expect(typicalEndVoltsPerCell(c)).toBe(v);
  });
});

describe('checkEndVoltage', () => {
  it('accepts 240 cells at 1.67 V (400.8 V) for a UPS that cuts off at 400 V', () => {
    expect(valueOf(guard(() => checkEndVoltage(240, 1.67, 400)))).toBeUndefined();
  });
  it('refuses a row below the UPS minimum DC voltage', () => {
    expect(refusalOf(guard(() => checkEndVoltage(240, 1.6, 400))).field).toBe('endVoltsPerCell');
  });
});
