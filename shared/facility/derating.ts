/**
 * Generator site derating as makers give it (docs/facility.md "Generator derating"): the set's
 * output at the site is the smaller of what the engine and the alternator can give, each
 * derated by its own rule for altitude and intake temperature. A set takes a named maker rule
 * or the planner's own table (altitude × temperature → factor); without either, the
 * conservative default below applies. The spec's §4.2 rule (Stamford/Wacker alternator,
 * shared/facility/generator.ts STAMFORD_DERATING) stays the alternator half.
 */
import { between, finite, fraction, positive, refuse } from './result';
import { CUMMINS_ENGINE_DERATING, STAMFORD_DERATING, siteDeratingByRule, type DeratingRule } from './generator';

/** One row of a planner's derating table: the factor at an altitude and an intake temperature. */
export interface DeratingTablePoint {
  altitudeM: number;
  ambientC: number;
  factor: number;
}

export interface NamedDeratingRule {
  label: string;
  source: string;
  /** Engine rule; null when the maker's figure already covers the whole set (alternator only). */
  engine: DeratingRule | null;
  alternator: DeratingRule;
}

/**
 * Briggs & Stratton standby generator installation guide: engine power falls 3.5 % for each
 * 1000 ft (304.8 m) above sea level and 1 % for each 10 °F (5.556 °C) above 77 °F (25 °C),
 * the SAE J1349 / ISO 3046-1 reference of 25 °C.
 */
export const BRIGGS_ENGINE_DERATING: DeratingRule = {
  altAboveM: 0,
  altStepM: 304.8,
  altFracPerStep: 0.035,
  tempAboveC: 25,
  tempStepC: 50 / 9,
  tempFracPerStep: 0.01,
};

/** Pramac P-series manual §7.4: 3.5 % per 300 m above 1500 m, 3 % per 5 °C above 40 °C. */
export const PRAMAC_DERATING: DeratingRule = {
  altAboveM: 1500,
  altStepM: 300,
  altFracPerStep: 0.035,
  tempAboveC: 40,
  tempStepC: 5,
  tempFracPerStep: 0.03,
};

export const DERATING_RULES = {
  /** The default: the engine rule of Briggs & Stratton with the Stamford alternator rule. */
  conservative: {
    label: 'conservative (engine 3.5 %/305 m, 1 %/5.6 °C above 25 °C; alternator 3 %/500 m above 1000 m)',
    source: 'Briggs & Stratton standby generator installation manual (engine); Stamford/Wacker Neuson derating notes (alternator)',
    engine: BRIGGS_ENGINE_DERATING,
    alternator: STAMFORD_DERATING,
  },
  'stamford-alternator': {
    label: 'alternator only (3 %/500 m above 1000 m, 3 %/5 °C above 40 °C) — spec §4.2',
    source: 'Stamford generator sizing procedure; Wacker Neuson G-series operator manual §4.5',
    engine: null,
    alternator: STAMFORD_DERATING,
  },
  'cummins-engine': {
    label: 'Cummins engine data (4 %/300 m above 1525 m, 2 %/11 °C above 40 °C) with the Stamford alternator',
    source: 'Cummins engine data as quoted by a packager [CUMALT]',
    engine: CUMMINS_ENGINE_DERATING,
    alternator: STAMFORD_DERATING,
  },
  pramac: {
    label: 'Pramac (3.5 %/300 m above 1500 m, 3 %/5 °C above 40 °C)',
    source: 'Pramac P-series operating manual §7.4',
    engine: PRAMAC_DERATING,
    alternator: STAMFORD_DERATING,
  },
} as const satisfies Record<string, NamedDeratingRule>;

export type DeratingRuleName = keyof typeof DERATING_RULES;
export const DERATING_RULE_NAMES = Object.keys(DERATING_RULES) as DeratingRuleName[];
export const DEFAULT_DERATING_RULE: DeratingRuleName = 'conservative';

/** How a set is derated: a named rule, the planner's table, or (neither) the default. */
export interface DeratingSpec {
  rule?: DeratingRuleName | undefined;
  table?: readonly DeratingTablePoint[] | undefined;
  /** An alternator-only rule given step by step (the spec's §4.2 inputs altDeratePer500M, tempDeratePer5C). */
  custom?: DeratingRule | undefined;
}

export interface SetDerating {
  /** null when the rule has no engine part or a table gives the whole set's factor. */
  engineFrac: number | null;
  alternatorFrac: number | null;
  siteDerateFrac: number;
  /** The rule's name, or 'table'. */
  rule: DeratingRuleName | 'table';
  source: string;
}

/** Linear interpolation of y over sorted xs (exact at the ends; refused outside). */
function interpolate(xs: readonly number[], ys: readonly number[], x: number, field: string, what: string): number {
  const first = xs[0]!;
  const last = xs[xs.length - 1]!;
  if (x < first - 1e-9 || x > last + 1e-9) refuse(field, `the derating table does not reach ${x} ${what} (it covers ${first}–${last})`);
  if (xs.length === 1) return ys[0]!;
  let i = 1;
  while (i < xs.length - 1 && x > xs[i]!) i++;
  const x0 = xs[i - 1]!;
  const x1 = xs[i]!;
  return ys[i - 1]! + ((Math.min(Math.max(x, x0), x1) - x0) / (x1 - x0)) * (ys[i]! - ys[i - 1]!);
}

/**
 * The factor from a planner's table: a full grid of altitudes × temperatures, bilinear between
 * its rows; a site outside the grid is refused (no extrapolation of a maker's data).
 */
export function tableDerating(table: readonly DeratingTablePoint[], altitudeM: number, ambientC: number, field = 'deratingTable'): number {
  if (table.length === 0) refuse(field, 'needs at least one row (altitude, temperature, factor)');
  table.forEach((p, i) => {
    finite(`${field}.${i}.altitudeM`, p.altitudeM);
    finite(`${field}.${i}.ambientC`, p.ambientC);
    fraction(`${field}.${i}.factor`, p.factor);
  });
  const alts = [...new Set(table.map((p) => p.altitudeM))].sort((a, b) => a - b);
  const temps = [...new Set(table.map((p) => p.ambientC))].sort((a, b) => a - b);
  const at = (a: number, t: number): number => {
    const p = table.find((q) => q.altitudeM === a && q.ambientC === t);
    if (!p) refuse(field, `has no factor for ${a} m at ${t} °C (give every altitude at every temperature)`);
    return p.factor;
  };
  const byAlt = alts.map((a) =>
    interpolate(
      temps,
      temps.map((t) => at(a, t)),
      ambientC,
      field,
      '°C',
    ),
  );
  return interpolate(alts, byAlt, altitudeM, field, 'm');
}

/** The set's site factor: min(engine, alternator) under a named rule, or the planner's table. */
export function setDerating(altitudeM: number, ambientC: number, spec: DeratingSpec = {}): SetDerating {
  between('altitudeM', altitudeM, -500, 5000);
  between('ambientC', ambientC, -40, 60);
  if (spec.table && spec.table.length > 0) {
    const f = tableDerating(spec.table, altitudeM, ambientC);
    return { engineFrac: null, alternatorFrac: null, siteDerateFrac: f, rule: 'table', source: "the planner's table (maker data)" };
  }
  if (spec.custom && !spec.rule) {
    const f = siteDeratingByRule(altitudeM, ambientC, spec.custom).siteDerateFrac;
    return { engineFrac: null, alternatorFrac: f, siteDerateFrac: f, rule: 'stamford-alternator', source: DERATING_RULES['stamford-alternator'].source };
  }
  const name = spec.rule ?? DEFAULT_DERATING_RULE;
  const rule: NamedDeratingRule | undefined = (DERATING_RULES as Record<string, NamedDeratingRule>)[name];
  if (!rule) refuse('deratingRule', `must be one of ${DERATING_RULE_NAMES.join(', ')}`);
  const alternatorFrac = siteDeratingByRule(altitudeM, ambientC, rule.alternator).siteDerateFrac;
  const engineFrac = rule.engine ? siteDeratingByRule(altitudeM, ambientC, rule.engine).siteDerateFrac : null;
  const siteDerateFrac = engineFrac === null ? alternatorFrac : Math.min(engineFrac, alternatorFrac);
  positive('siteDerateFrac', siteDerateFrac);
  return { engineFrac, alternatorFrac, siteDerateFrac, rule: name, source: rule.source };
}

/** ISO 8528-5 performance classes (transient dip limits the step capability is quoted at). */
export const PERFORMANCE_CLASSES = ['G1', 'G2', 'G3'] as const;
export type PerformanceClass = (typeof PERFORMANCE_CLASSES)[number];
