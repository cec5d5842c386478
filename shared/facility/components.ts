/**
 * Several of each component per site (docs/facility.md "Several of each component"): how UPS
 * systems, battery strings, generator sets, tanks and cooling groups combine, and what the
 * worst single failure leaves. Every site limit is computed on what is left:
 *
 * - UPS systems without a feed run in parallel: the usable rating is the sum of every system's
 *   units minus what the worst single failure takes (N: nothing is claimed as spare, N+1: one
 *   module, 2N inside one system: half its modules). Systems on feeds A and B are 2N across
 *   systems: losing a whole feed leaves the other, so the usable rating is the smaller feed.
 * - Battery strings back their UPS system; on a shared bus their loads add at the bus's longest
 *   required runtime. With feeds, each feed's strings must carry the whole load alone.
 * - Generator sets share load in proportion to their ratings. With N+1 among them, each set is
 *   failed in turn and the smallest result is the limit (N+1 capacity = total minus the largest).
 * - Tanks: sets naming the same tank draw from it together; a set with its own tank names one of
 *   its own. The fuel limit holds for every tank with every failure scenario.
 * - Cooling groups: sensible capacity of all installed units minus the largest single unit.
 */
import { refuse } from './result';

export const UPS_REDUNDANCIES = ['N', 'N+1', '2N'] as const;
export type UpsRedundancy = (typeof UPS_REDUNDANCIES)[number];
export const UPS_FEEDS = ['A', 'B'] as const;
export type UpsFeed = (typeof UPS_FEEDS)[number];
export const GENERATOR_REDUNDANCIES = ['N', 'N+1'] as const;
export type GeneratorRedundancy = (typeof GENERATOR_REDUNDANCIES)[number];

/** Units left carrying the load after the worst single failure inside one system. */
export function upsUnitsAfterWorstFailure(ups: { units: number; redundancy: UpsRedundancy }): number {
  switch (ups.redundancy) {
    case 'N':
      return ups.units;
    case 'N+1':
      return ups.units - 1;
    case '2N':
      return Math.floor(ups.units / 2);
  }
}

export interface UpsSystemInput {
  name: string;
  /** One unit (module). */
  ratedW: number;
  ratedVA: number;
  units: number;
  redundancy: UpsRedundancy;
  /** Fraction of the rating the planner loads it to (default UPS_DEFAULTS.maxUpsLoadFrac). */
  maxLoadFrac: number;
  upsEff: number;
  feed: UpsFeed | null;
}

export interface UpsCombined {
  /** Usable W and VA (× each system's max loading) after the worst single failure. */
  usableW: number;
  usableVA: number;
  /** Σ units × ratedW of every system (WP-25's UPS rating). */
  installedW: number;
  /** The lowest efficiency among the systems (the heat and generator input are not understated). */
  upsEff: number;
  /** The worst single failure, in plain words. */
  worstFailure: string;
  /** Systems left without a feed while others have one: not counted. */
  unfed: string[];
}

/** The site's UPS capacity after its worst single failure (see the module comment). */
export function combineUps(systems: readonly UpsSystemInput[]): UpsCombined {
  if (systems.length === 0) refuse('ups', 'needs at least one UPS system');
  const withFeed = systems.filter((s) => s.feed !== null);
  const installedW = systems.reduce((a, s) => a + s.units * s.ratedW, 0);
  const upsEff = Math.min(...systems.map((s) => s.upsEff));
  // Once any system has a feed, one without is on neither: it carries nothing in the limit.
  const unfed = withFeed.length > 0 ? systems.filter((s) => s.feed === null).map((s) => s.name) : [];
  if (withFeed.length > 0) {
    const feeds = UPS_FEEDS.filter((f) => systems.some((s) => s.feed === f));
    const cap = (f: UpsFeed) => {
      const on = systems.filter((s) => s.feed === f);
      return {
        w: on.reduce((a, s) => a + s.maxLoadFrac * s.units * s.ratedW, 0),
        va: on.reduce((a, s) => a + s.maxLoadFrac * s.units * s.ratedVA, 0),
      };
    };
    if (feeds.length === 1) {
      const c = cap(feeds[0]!);
      return { usableW: c.w, usableVA: c.va, installedW, upsEff, unfed, worstFailure: `feed ${feeds[0]} only (no second feed)` };
    }
    const a = cap('A');
    const b = cap('B');
    const lost = a.w <= b.w ? 'B' : 'A';
    return { usableW: Math.min(a.w, b.w), usableVA: Math.min(a.va, b.va), installedW, upsEff, unfed, worstFailure: `feed ${lost} lost (2N)` };
  }
  let usableW = 0;
  let usableVA = 0;
  let worst = { w: 0, va: 0, name: '' };
  for (const s of systems) {
    usableW += s.maxLoadFrac * s.units * s.ratedW;
    usableVA += s.maxLoadFrac * s.units * s.ratedVA;
    const lostUnits = s.units - upsUnitsAfterWorstFailure(s);
    const w = s.maxLoadFrac * lostUnits * s.ratedW;
    if (w > worst.w) worst = { w, va: s.maxLoadFrac * lostUnits * s.ratedVA, name: s.name };
  }
  return {
    usableW: usableW - worst.w,
    usableVA: usableVA - worst.va,
    installedW,
    upsEff,
    unfed,
    worstFailure: worst.w > 0 ? `the worst failure in “${worst.name}”` : 'no spare claimed (N)',
  };
}

export interface CoolingGroupInput {
  name: string;
  unitTotalW: number;
  shr: number;
  installedUnits: number;
}

/** Sensible capacity of every installed unit minus the largest single unit. */
export function coolingAfterWorstFailureW(groups: readonly CoolingGroupInput[]): { totalSensibleW: number; largestUnitW: number; afterWorstFailureW: number } {
  const totalSensibleW = groups.reduce((a, g) => a + g.installedUnits * g.unitTotalW * g.shr, 0);
  const largestUnitW = groups.reduce((a, g) => Math.max(a, g.installedUnits > 0 ? g.unitTotalW * g.shr : 0), 0);
  return { totalSensibleW, largestUnitW, afterWorstFailureW: Math.max(0, totalSensibleW - largestUnitW) };
}

/** The sets left running in each case the limits check: all of them, then (N+1) each one failed. */
export function generatorScenarios<T extends { name: string }>(sets: readonly T[], redundancy: GeneratorRedundancy): { failed: T | null; running: T[] }[] {
  const all = { failed: null, running: [...sets] };
  if (redundancy === 'N' || sets.length < 2) return [all];
  return [all, ...sets.map((f) => ({ failed: f, running: sets.filter((s) => s !== f) }))];
}
