/**
 * UPS sizing (specs/facility.md §2): the load must respect both ratings, W and VA, at the
 * maximum continuous loading; a deterministic catalog pick; and what N, N+1, 2N and 2(N+1)
 * mean for the loading after the worst single failure [WP75][TIERS].
 */
import { z } from 'zod';
import { fraction, guard, positive, refuse, type CalcResult, type Warnings } from './result';

export const UPS_DEFAULTS = { maxUpsLoadFrac: 0.8 } as const;

export const upsModelSchema = z.object({
  name: z.string(),
  ratedVA: z.number().describe('apparent power rating, VA, > 0'),
  ratedW: z.number().describe('real power rating, W, > 0 and ≤ ratedVA'),
});

export const upsInputSchema = z.object({
  designItW: z.number().describe('design IT load, W (from load)'),
  designVA: z.number().describe('design apparent load, VA (from load)'),
  maxUpsLoadFrac: z.number().optional().meta({ default: UPS_DEFAULTS.maxUpsLoadFrac }),
  catalog: z.array(upsModelSchema),
  moduleW: z.number().optional().describe('module rating of a parallel/modular UPS, W'),
});

export type UpsModel = z.infer<typeof upsModelSchema>;
export type UpsInput = z.infer<typeof upsInputSchema>;

export type RedundancyScheme = 'N' | 'N+1' | '2N' | '2(N+1)';

/** Uptime tier topology [TIERS]: capacity components, distribution paths, meaning. */
export const UPTIME_TIERS = [
  { tier: 'I', capacity: ['N'], paths: '1', meaning: 'any failure or maintenance stops the load' },
  { tier: 'II', capacity: ['N+1'], paths: '1', meaning: 'a unit can fail; a path failure stops the load' },
  { tier: 'III', capacity: ['N+1'], paths: '1 active + 1 alternate', meaning: 'concurrently maintainable' },
  { tier: 'IV', capacity: ['2N', '2(N+1)'], paths: '2 active', meaning: 'fault tolerant to one failure' },
] as const satisfies ReadonlyArray<{ tier: string; capacity: readonly RedundancyScheme[]; paths: string; meaning: string }>;

export interface RedundancyOption {
  scheme: RedundancyScheme;
  installedModules: number;
  /** Loading of each module in normal operation (2N and 2(N+1): each side carries half). */
  normalLoadFrac: number;
  /** Loading after the worst single failure; null for N (one failure drops the load). */
  afterWorstFailureLoadFrac: number | null;
  note: string;
}

export interface UpsOutput {
  requiredUpsW: number;
  requiredUpsVA: number;
  pick: UpsModel;
  /** max(designItW / ratedW, designVA / ratedVA) of the pick. */
  upsLoadFrac: number;
  /** ceil(requiredUpsW / moduleW); null without moduleW. */
  nModules: number | null;
  /** The four schemes for a modular UPS; null without moduleW. */
  redundancy: RedundancyOption[] | null;
}

/** Checks one UPS model's ratings (both > 0, W ≤ VA). */
export function checkUpsModel(model: UpsModel, field: string): void {
  positive(`${field}.ratedVA`, model.ratedVA);
  positive(`${field}.ratedW`, model.ratedW);
  if (model.ratedW > model.ratedVA) {
    refuse(`${field}.ratedW`, `must not exceed ratedVA (${model.ratedW} W > ${model.ratedVA} VA)`);
  }
}

/** Catalog order of spec §0/§2: ascending ratedVA, then ratedW, then name. Never mutates. */
export function sortUpsCatalog(catalog: readonly UpsModel[]): UpsModel[] {
  return [...catalog].sort((a, b) => a.ratedVA - b.ratedVA || a.ratedW - b.ratedW || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** N, N+1, 2N and 2(N+1) for nModules modules of moduleW carrying designItW. */
export function redundancyOptions(designItW: number, nModules: number, moduleW: number): RedundancyOption[] {
  const n = nModules * moduleW;
  const n1 = (nModules + 1) * moduleW;
  return [
    {
      scheme: 'N',
      installedModules: nModules,
      normalLoadFrac: designItW / n,
      afterWorstFailureLoadFrac: null,
      note: 'no redundancy: one failure drops the load',
    },
    {
      scheme: 'N+1',
      installedModules: nModules + 1,
      normalLoadFrac: designItW / n1,
      afterWorstFailureLoadFrac: designItW / n,
      note: 'one module lost',
    },
    {
      scheme: '2N',
      installedModules: 2 * nModules,
      normalLoadFrac: designItW / 2 / n,
      afterWorstFailureLoadFrac: designItW / n,
      note: 'one whole side lost; the other carries all',
    },
    {
      scheme: '2(N+1)',
      installedModules: 2 * (nModules + 1),
      normalLoadFrac: designItW / 2 / n1,
      // Losing a whole side (full load on N+1 modules) is worse than losing one module of a
      // side (half the load on N modules) whenever N ≥ 1.
      afterWorstFailureLoadFrac: designItW / n1,
      note: 'one whole side lost; the other (N+1) carries all',
    },
  ];
}

export function sizeUps(input: UpsInput): CalcResult<UpsOutput> {
  return guard((warnings: Warnings) => {
    const designItW = positive('designItW', input.designItW);
    const designVA = positive('designVA', input.designVA);
    if (designVA < designItW) refuse('designVA', `must be at least designItW (power factor ≤ 1): ${designVA} VA < ${designItW} W`);
    const maxFrac = fraction('maxUpsLoadFrac', input.maxUpsLoadFrac ?? UPS_DEFAULTS.maxUpsLoadFrac);
    if (input.moduleW !== undefined) positive('moduleW', input.moduleW);
    if (input.catalog.length === 0) refuse('catalog', 'must list at least one UPS model');
    input.catalog.forEach((m, i) => checkUpsModel(m, `catalog.${i}`));

    const requiredUpsW = designItW / maxFrac;
    const requiredUpsVA = designVA / maxFrac;
    const pick = sortUpsCatalog(input.catalog).find((m) => m.ratedW >= requiredUpsW && m.ratedVA >= requiredUpsVA);
    if (!pick) {
      refuse('catalog', `no model large enough (needs ${requiredUpsW.toFixed(0)} W and ${requiredUpsVA.toFixed(0)} VA)`);
    }
    const nModules = input.moduleW === undefined ? null : Math.ceil(requiredUpsW / input.moduleW);
    if (maxFrac > 0.8) warnings.push(`maxUpsLoadFrac ${maxFrac} is above the usual 0.75–0.80 continuous limit`);
    return {
      requiredUpsW,
      requiredUpsVA,
      pick: { name: pick.name, ratedVA: pick.ratedVA, ratedW: pick.ratedW },
      upsLoadFrac: Math.max(designItW / pick.ratedW, designVA / pick.ratedVA),
      nModules,
      redundancy: nModules === null || input.moduleW === undefined ? null : redundancyOptions(designItW, nModules, input.moduleW),
    };
  });
}
