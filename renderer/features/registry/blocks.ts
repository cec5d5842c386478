/** Small pure helpers of the Registry screen: sizes, counts and the geometry of the space map. */
import type { BigCount, PrefixRow, PrefixStatus } from '../../../shared/contract';
import { maxLength, parsePrefix, prefixSize, type Prefix } from '../../../shared/ip/prefix';
import { countsAsUsed } from '../../../shared/ip/utilization';

/** The row's usage counters, or zeros while a workspace without them answers (older service). */
export function usageOf(row: PrefixRow): PrefixRow['usage'] {
  return row.usage ?? { parentId: null, depth: 0, children: 0, usedPct: 0, reservedPct: 0 };
}

/** Start and size of a block as bigints (IPv4 and IPv6 alike). */
export function span(prefix: string): { p: Prefix; start: bigint; size: bigint } {
  const p = parsePrefix(prefix);
  return { p, start: BigInt(p.start), size: prefixSize(p) };
}

/** True when `inner` lies inside `outer` (address intervals of one family, as `span` gives them). */
export function inside(outer: { start: bigint; size: bigint }, inner: { start: bigint; size: bigint }): boolean {
  return inner.start >= outer.start && inner.start + inner.size <= outer.start + outer.size;
}

/** 1234567 → "1,234,567"; digits of a huge count grouped the same way. */
export function count(n: BigCount | bigint): string {
  const s = typeof n === 'number' ? Math.round(n).toString() : n.toString();
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A percentage for people: one decimal under 10 %, none above; "<0.1 %" for a sliver. */
export function pct(x: number): string {
  if (x === 0) return '0 %';
  if (x < 0.1) return '<0.1 %';
  if (x < 10) return `${x.toFixed(1)} %`;
  if (x > 99.5 && x < 100) return '>99 %';
  return `${Math.round(x)} %`;
}

/** Addresses in a block, in words when huge ("2^96 addresses"). */
export function sizeText(prefix: string): string {
  const { p, size } = span(prefix);
  const bits = maxLength(p.family) - p.length;
  if (bits > 40) return `2^${bits} addresses`;
  return `${count(size)} address${size === 1n ? '' : 'es'}`;
}

export const STATUS_LABEL: Record<PrefixStatus | 'free', string> = {
  aggregate: 'Aggregate',
  allocated: 'Allocated',
  assigned: 'Assigned',
  reserved: 'Reserved',
  cooldown: 'Cooldown',
  planned: 'Planned',
  free: 'Free',
};

/** A status for people: a cooldown with the day its space is free again, a planned block with the day it exists. */
export function statusText(row: Pick<PrefixRow, 'status' | 'date'>): string {
  if (row.status === 'cooldown' && row.date) return `cooldown until ${row.date}`;
  if (row.status === 'planned' && row.date) return `planned from ${row.date}`;
  return row.status;
}

/**
 * What the grid's Used column says of a block (issue 14, item 5): a leaf assignment is in use as
 * a whole in its parent (shared/ip/utilization counts it whole), so it reads "in use", not 0 %.
 */
export function usedLabel(row: PrefixRow): { kind: 'whole'; text: string } | { kind: 'pct' } {
  const u = usageOf(row);
  if (u.children === 0 && countsAsUsed(row.status)) return { kind: 'whole', text: row.status === 'cooldown' ? 'in use (cooldown)' : 'in use' };
  return { kind: 'pct' };
}

/** One direct child's share of its parent, for the Used column's breakdown. */
export interface UsagePart {
  prefix: string;
  /** Share of the parent's space, 0–100 (a /26 in a /24 is 25). */
  pct: number;
  reserved: boolean;
}

/**
 * How a parent's percentage is made of its direct children's (issue 14, item 5): each child
 * spans 2^-(its length − the parent's) of the parent and adds that span times its own used share
 * (a used leaf all of it), reserved ones apart, as the workspace's counters add them up. `children` are the parent's direct children the
 * grid has loaded; `missing` says how many it has not.
 */
export function usageParts(parent: PrefixRow, children: readonly PrefixRow[]): { parts: UsagePart[]; missing: number } {
  // A child holding blocks adds its own used share of its space; a leaf adds all of it when used.
  const parts = children.map((c) => {
    const share = 100 / 2 ** (c.length - parent.length);
    const u = usageOf(c);
    const filled = c.status === 'reserved' || (u.children === 0 && countsAsUsed(c.status)) ? 1 : u.usedPct / 100;
    return { prefix: c.prefix, pct: share * filled, reserved: c.status === 'reserved' };
  });
  return { parts, missing: Math.max(0, usageOf(parent).children - children.length) };
}

/** "75 % = 50 % 198.51.100.128/26 + 25 % 198.51.100.192/27", reserved children named as such. */
export function usageSum(usedPct: number, parts: readonly UsagePart[], missing: number): string {
  const used = parts.filter((p) => !p.reserved);
  const reserved = parts.filter((p) => p.reserved);
  const terms = used.map((p) => `${pct(p.pct)} ${p.prefix}`);
  if (missing > 0) terms.push(`${missing} more block${missing === 1 ? '' : 's'}`);
  let text = `${pct(usedPct)} used = ${terms.length ? terms.join(' + ') : 'nothing'}`;
  if (reserved.length) text += `; reserved: ${reserved.map((p) => `${pct(p.pct)} ${p.prefix}`).join(' + ')}`;
  return text;
}

/** One rectangle of the space map, in cell units (the map is `cols` × `rows` cells). */
export interface MapRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The grid a block is drawn on: a power of two of cells, one strip up to 16, else about twice as wide as tall, 32 across at most. */
export function mapGrid(prefix: string, maxCells = 512): { cols: number; rows: number; cellSize: bigint; cellLength: number } {
  const { p, size } = span(prefix);
  const bits = maxLength(p.family) - p.length;
  const cellBits = Math.min(bits, Math.log2(maxCells));
  const cells = 2 ** cellBits;
  const cols = cells <= 16 ? cells : Math.min(32, 2 ** Math.ceil((cellBits + 1) / 2));
  return { cols, rows: cells / cols, cellSize: size >> BigInt(cellBits), cellLength: p.length + cellBits };
}

/** "a /28 (16 addresses)", "one address", "a /41 (2^87 addresses)". */
export function cellText(cellLength: number, family: 4 | 6): string {
  const bits = maxLength(family) - cellLength;
  if (bits === 0) return 'one address';
  return `a /${cellLength} (${bits > 40 ? `2^${bits}` : count(1n << BigInt(bits))} addresses)`;
}

/**
 * Where an aligned block inside the mapped one falls on the grid: one rectangle (a block is a
 * power of two, aligned, so it is either a run inside one row or whole rows). A block smaller
 * than a cell becomes a sliver of its cell, never narrower than `minW` cells.
 */
export function mapRect(grid: { cols: number; cellSize: bigint }, base: bigint, block: { start: bigint; size: bigint }, minW = 0.12): MapRect {
  const offset = block.start - base;
  const cell = Number(offset / grid.cellSize);
  const frac = Number(offset % grid.cellSize) / Number(grid.cellSize);
  const cells = Number(block.size) / Number(grid.cellSize);
  const y = Math.floor(cell / grid.cols);
  const x = (cell % grid.cols) + frac;
  if (cells >= grid.cols) return { x: 0, y, w: grid.cols, h: cells / grid.cols };
  return { x, y, w: Math.max(cells, minW), h: 1 };
}
