/**
 * Circuits and phases (docs/facility-circuits.md): each PDU or branch circuit with its breaker,
 * the equipment it feeds and the phase each item sits on.
 *
 * - The breaker check. NEC 210.20(A) (and 210.19(A) for the conductors): the overcurrent device
 *   is rated at least the non-continuous load plus 125 % of the continuous load, i.e. a
 *   continuous load may use 80 % of a standard breaker (rule `nec`); 100 % where the assembly
 *   is listed for 100 % operation (rule `nec100`, the section's exception). IEC 60364-4-43 §433.1 has no 80 % rule: Ib ≤ In ≤ Iz (and I2 ≤ 1.45 Iz);
 *   the planner enters the maker's derating of the breaker in its enclosure (temperature, and
 *   the rated diversity factor of IEC 61439-2 for an assembly) as `deratingFrac`.
 * - Currents. Single-phase: I = P / (V_LN · PF). Three-phase (balanced over the circuit):
 *   I = P / (√3 · V_LL · PF).
 * - The neutral of a 3-phase supply with linear loads at one power factor is the phasor sum of
 *   the three line currents 120° apart: |In| = √(Ia² + Ib² + Ic² − IaIb − IbIc − IcIa), zero when
 *   balanced. Triplen harmonics (3rd, 9th, …) of switch-mode IT supplies are in phase on the
 *   three lines and add arithmetically in the neutral (IEC 60364-5-52 Annex E): with a 3rd
 *   harmonic of h3 (fraction of each line's fundamental) the neutral adds h3·(Ia + Ib + Ic)
 *   in quadrature with the fundamental's residue.
 * - Imbalance as NEMA MG 1 defines it: the largest deviation from the mean phase current over
 *   the mean. Warned above 10 % (a planning threshold, not a code limit).
 */
import { z } from 'zod';

export const PHASES3 = ['L1', 'L2', 'L3'] as const;
export type PhaseName = (typeof PHASES3)[number];
export const CIRCUIT_PHASES = ['L1', 'L2', 'L3', '3ph'] as const;
export type CircuitPhase = (typeof CIRCUIT_PHASES)[number];
export const CIRCUIT_RULES = ['nec', 'nec100', 'iec'] as const;
export type CircuitRule = (typeof CIRCUIT_RULES)[number];

/** NEC 210.20(A): continuous load on a standard (not 100 %-rated) breaker. */
export const NEC_CONTINUOUS_FRAC = 0.8;
/** Imbalance warned above this (planning threshold). */
export const IMBALANCE_WARN_FRAC = 0.1;

const num = () => z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const positive = () => num().refine((v) => v > 0, 'must be greater than 0');

/** A circuit's fields as the contract, the document and `calc circuits` take them. */
export const circuitFields = {
  name: z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters'),
  breakerA: positive(),
  rule: z.enum(CIRCUIT_RULES, { error: () => `must be one of ${CIRCUIT_RULES.join(', ')}` }).optional(),
  phase: z.enum(CIRCUIT_PHASES, { error: () => `must be one of ${CIRCUIT_PHASES.join(', ')}` }).optional(),
  /** Line-to-neutral for a single-phase circuit, line-to-line for a 3-phase one. */
  voltageV: positive(),
  /** The breaker's derating (maker, enclosure temperature, IEC 61439-2 RDF); IEC rule only; 1 if absent. */
  deratingFrac: num()
    .refine((v) => v > 0 && v <= 1, 'must be a fraction in (0, 1]')
    .nullable()
    .optional(),
};

export interface CircuitSpec {
  name: string;
  breakerA: number;
  rule?: CircuitRule | undefined;
  phase?: CircuitPhase | undefined;
  voltageV: number;
  deratingFrac?: number | null | undefined;
}

export interface CircuitLoad {
  name: string;
  loadW: number;
  /** The phase a single-phase item sits on; on a 3-phase circuit it is spread evenly. */
  circuit: string | null;
  phase: PhaseName | null;
}

/** Current (A) of P watts on a circuit of that phase and voltage at a power factor. */
export function circuitCurrentA(loadW: number, phase: CircuitPhase, voltageV: number, loadPf: number): number {
  return phase === '3ph' ? loadW / (Math.sqrt(3) * voltageV * loadPf) : loadW / (voltageV * loadPf);
}

/** The current the rule allows on the breaker. */
export function allowedCircuitA(c: CircuitSpec): number {
  const rule = c.rule ?? 'nec';
  if (rule === 'iec') return c.breakerA * (c.deratingFrac ?? 1);
  return c.breakerA * (rule === 'nec100' ? 1 : NEC_CONTINUOUS_FRAC);
}

export function ruleLabel(c: CircuitSpec): string {
  const rule = c.rule ?? 'nec';
  if (rule === 'iec') return `IEC 60364-4-43: In × ${c.deratingFrac ?? 1}`;
  return rule === 'nec100' ? 'NEC 210.20(A) exception: 100 %-rated' : 'NEC 210.20(A): 80 %';
}

/** Neutral current (A) of three line currents 120° apart (linear loads, one power factor). */
export function neutralFundamentalA(ia: number, ib: number, ic: number): number {
  return Math.sqrt(Math.max(0, ia * ia + ib * ib + ic * ic - ia * ib - ib * ic - ic * ia));
}

/** Neutral current with a third-harmonic fraction h3 on each line (triplens add in the neutral). */
export function neutralCurrentA(ia: number, ib: number, ic: number, thirdHarmonicFrac = 0): number {
  const fund = neutralFundamentalA(ia, ib, ic);
  const triplen = thirdHarmonicFrac * (ia + ib + ic);
  return Math.sqrt(fund * fund + triplen * triplen);
}

/** NEMA MG 1: max deviation from the mean over the mean (0 when all three are 0). */
export function imbalanceFrac(currents: readonly number[]): number {
  const mean = currents.reduce((a, b) => a + b, 0) / currents.length;
  if (mean === 0) return 0;
  return Math.max(...currents.map((c) => Math.abs(c - mean))) / mean;
}

export interface CircuitCheck {
  name: string;
  phase: CircuitPhase;
  rule: string;
  loadW: number;
  currentA: number;
  allowedA: number;
  usedFrac: number;
  over: boolean;
  items: string[];
}

export interface PhaseReport {
  /** W per line, single-phase items on their line, 3-phase items and unphased items spread evenly. */
  phaseW: Record<PhaseName, number>;
  phaseA: Record<PhaseName, number> | null;
  neutralA: number | null;
  imbalanceFrac: number;
  circuits: CircuitCheck[];
  warnings: string[];
}

export interface PhaseInput {
  loads: readonly CircuitLoad[];
  circuits: readonly CircuitSpec[];
  loadPf: number;
  /** Line-to-neutral voltage for the phase currents; none, no phase currents. */
  phaseVoltageV?: number | null | undefined;
  thirdHarmonicFrac?: number | undefined;
}

/** Each circuit's breaker check, the phase split, the neutral current and the imbalance warning. */
export function checkCircuits(input: PhaseInput): PhaseReport {
  const warnings: string[] = [];
  const phaseW: Record<PhaseName, number> = { L1: 0, L2: 0, L3: 0 };
  const byName = new Map(input.circuits.map((c) => [c.name, c]));
  const onCircuit = new Map<string, CircuitLoad[]>();
  for (const l of input.loads) {
    const c = l.circuit === null ? undefined : byName.get(l.circuit);
    if (l.circuit !== null && !c) warnings.push(`${l.name}: circuit "${l.circuit}" does not exist`);
    if (c) onCircuit.set(c.name, [...(onCircuit.get(c.name) ?? []), l]);
    const phase = c && c.phase !== '3ph' ? (c.phase ?? 'L1') : c ? null : l.phase;
    if (phase) phaseW[phase] += l.loadW;
    else for (const p of PHASES3) phaseW[p] += l.loadW / 3;
    if (c && l.phase && c.phase !== '3ph' && l.phase !== (c.phase ?? 'L1')) {
      warnings.push(`${l.name}: set on ${l.phase} but its circuit ${c.name} is on ${c.phase ?? 'L1'}`);
    }
  }
  const circuits = input.circuits.map((c): CircuitCheck => {
    const items = onCircuit.get(c.name) ?? [];
    const loadW = items.reduce((a, l) => a + l.loadW, 0);
    const phase = c.phase ?? 'L1';
    const currentA = circuitCurrentA(loadW, phase, c.voltageV, input.loadPf);
    const allowedA = allowedCircuitA(c);
    const usedFrac = currentA / allowedA;
    if (usedFrac > 1) {
      warnings.push(
        `circuit ${c.name}: ${currentA.toFixed(1)} A is above the ${allowedA.toFixed(1)} A allowed on its ${c.breakerA} A breaker (${ruleLabel(c)})`,
      );
    }
    return { name: c.name, phase, rule: ruleLabel(c), loadW, currentA, allowedA, usedFrac, over: usedFrac > 1, items: items.map((l) => l.name) };
  });
  let phaseA: Record<PhaseName, number> | null = null;
  let neutralA: number | null = null;
  const v = input.phaseVoltageV;
  if (v !== null && v !== undefined && v > 0) {
    phaseA = { L1: phaseW.L1 / (v * input.loadPf), L2: phaseW.L2 / (v * input.loadPf), L3: phaseW.L3 / (v * input.loadPf) };
    neutralA = neutralCurrentA(phaseA.L1, phaseA.L2, phaseA.L3, input.thirdHarmonicFrac ?? 0);
  }
  const imbalance = imbalanceFrac(PHASES3.map((p) => phaseW[p]));
  if (imbalance > IMBALANCE_WARN_FRAC) {
    warnings.push(
      `phases: ${(imbalance * 100).toFixed(0)} % imbalance (L1 ${phaseW.L1.toFixed(0)} W, L2 ${phaseW.L2.toFixed(0)} W, L3 ${phaseW.L3.toFixed(0)} W); move items to even them out`,
    );
  }
  return { phaseW, phaseA, neutralA, imbalanceFrac: imbalance, circuits, warnings };
}

/**
 * Each circuit as a limit on the site's IT load: with the load growing in proportion, the site
 * IT load at which this circuit reaches what its rule allows. null when the circuit carries nothing.
 */
export function circuitMaxItW(check: Pick<CircuitCheck, 'usedFrac'>, currentItW: number): number | null {
  return check.usedFrac > 0 ? currentItW / check.usedFrac : null;
}
