/**
 * Constant-power battery tables (specs/facility.md §3.4): watts per block a battery delivers
 * for a given time to a given end voltage at 25 °C, as the vendors publish them [PSN][CSB115].
 * Runtime and its inverse interpolate on log-log axes (exact where Peukert holds); nothing is
 * extrapolated beyond the table.
 */
import { z } from 'zod';
import { positive, refuse } from './result';

export const tablePointSchema = z.object({
  minutes: z.number().describe('discharge time, min'),
  wattsPerBlock: z.number().describe('constant power per block for that time, W'),
});
export type TablePoint = z.infer<typeof tablePointSchema>;

/** One battery model's published table, as stored in resources/battery-tables/*.json. */
export const batteryModelSchema = z.object({
  vendor: z.string().min(1),
  model: z.string().min(1),
  chemistry: z.enum(['lead-acid', 'lithium']),
  blockV: z.number(),
  cellsPerBlock: z.number().int(),
  /** Capacity ratings, each with its hours (C10 → 10, C20 → 20). */
  ratings: z.array(z.object({ ratedAh: z.number(), ratedHours: z.number() })).min(1),
  tableTempC: z.number(),
  rows: z
    .array(
      z.object({
        endVoltsPerCell: z.number(),
        points: z.array(tablePointSchema),
      }),
    )
    .min(1),
  source: z.string().min(1),
  sourceKey: z.string().optional(),
  notes: z.string().optional(),
});
export type BatteryModel = z.infer<typeof batteryModelSchema>;

/**
 * Refuses a table unless it has ≥ 2 points, all > 0, minutes strictly increasing and watts
 * strictly decreasing (a battery cannot deliver more power for longer).
 */
export function checkTable(table: readonly TablePoint[], field = 'table'): void {
  if (table.length < 2) refuse(field, 'needs at least two points (minutes, wattsPerBlock)');
  table.forEach((p, i) => {
    positive(`${field}.${i}.minutes`, p.minutes);
    positive(`${field}.${i}.wattsPerBlock`, p.wattsPerBlock);
    if (i > 0) {
      const prev = table[i - 1]!;
      if (p.minutes <= prev.minutes) refuse(`${field}.${i}.minutes`, 'times must be strictly increasing');
      if (p.wattsPerBlock >= prev.wattsPerBlock) {
        refuse(`${field}.${i}.wattsPerBlock`, 'watts must fall strictly as minutes rise');
      }
    }
  });
}

/** ln-ln interpolation of y at x between (x1,y1) and (x2,y2). */
function logLog(x: number, x1: number, y1: number, x2: number, y2: number): number {
  const f = (Math.log(x) - Math.log(x1)) / (Math.log(x2) - Math.log(x1));
  return Math.exp(Math.log(y1) + f * (Math.log(y2) - Math.log(y1)));
}

/** Relative slack at the table's ends, so that a load found by the inverse maps back inside. */
const EDGE_REL = 1e-9;

/** Minutes a (checked) table gives at wPerBlock; refused outside the table. */
export function tableRuntimeMin(table: readonly TablePoint[], wPerBlock: number, field = 'acLoadW'): number {
  const first = table[0]!;
  const last = table[table.length - 1]!;
  if (Math.abs(wPerBlock / first.wattsPerBlock - 1) <= EDGE_REL) return first.minutes;
  if (Math.abs(wPerBlock / last.wattsPerBlock - 1) <= EDGE_REL) return last.minutes;
  if (wPerBlock > first.wattsPerBlock) {
    refuse(field, `load exceeds battery table (runtime < shortest listed time): ${wPerBlock.toFixed(1)} W/block > ${first.wattsPerBlock}`);
  }
  if (wPerBlock < last.wattsPerBlock) {
    refuse(field, `load below battery table (runtime > longest listed time): ${wPerBlock.toFixed(1)} W/block < ${last.wattsPerBlock}`);
  }
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1]!;
    const b = table[i]!;
    if (wPerBlock >= b.wattsPerBlock) return logLog(wPerBlock, a.wattsPerBlock, a.minutes, b.wattsPerBlock, b.minutes);
  }
  return last.minutes; // unreachable: wPerBlock ≥ last row was checked
}

/** Watts per block a (checked) table gives for `minutes`; refused outside the table. */
export function tableWattsAtMin(table: readonly TablePoint[], minutes: number, field = 'requiredMin'): number {
  const first = table[0]!;
  const last = table[table.length - 1]!;
  if (minutes < first.minutes || minutes > last.minutes) {
    refuse(field, `required runtime outside battery table (${first.minutes}–${last.minutes} min): ${minutes} min`);
  }
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1]!;
    const b = table[i]!;
    if (minutes <= b.minutes) return logLog(minutes, a.minutes, a.wattsPerBlock, b.minutes, b.wattsPerBlock);
  }
  return last.wattsPerBlock;
}

/** The row a UPS cuts off at: the given end voltage, refused when the model has no such row. */
export function tableRow(model: BatteryModel, endVoltsPerCell: number): TablePoint[] {
  const row = model.rows.find((r) => Math.abs(r.endVoltsPerCell - endVoltsPerCell) < 1e-9);
  if (!row) {
    refuse(
      'endVoltsPerCell',
      `${model.vendor} ${model.model} has no table to ${endVoltsPerCell} V/cell (has ${model.rows.map((r) => r.endVoltsPerCell).join(', ')})`,
    );
  }
  return row.points;
}

/**
 * The end voltage battery makers use at a discharge rate (in C, amps / rated Ah) [CIC]:
 * ≤ 0.1 C → 1.75 V/cell, ≤ 0.17 C → 1.70, ≤ 0.25 C → 1.67, above (to 1 C) → 1.60.
 */
export function typicalEndVoltsPerCell(rateC: number): number {
  positive('rateC', rateC);
  if (rateC <= 0.1) return 1.75;
  if (rateC <= 0.17) return 1.7;
  if (rateC <= 0.25) return 1.67;
  return 1.6;
}

/** A row is usable only if the string still sits at or above the UPS cut-off there. */
export function checkEndVoltage(cells: number, endVoltsPerCell: number, upsMinDcV: number): void {
  positive('endVoltsPerCell', endVoltsPerCell);
  positive('upsMinDcV', upsMinDcV);
  if (cells * endVoltsPerCell < upsMinDcV) {
    refuse(
      'endVoltsPerCell',
      `${cells} cells × ${endVoltsPerCell} V = ${(cells * endVoltsPerCell).toFixed(1)} V is below the UPS minimum DC voltage ${upsMinDcV} V: use a higher end-voltage row`,
    );
  }
}
