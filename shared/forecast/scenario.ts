/**
 * Planned demand and capacity changes (spec §2.7): deterministic steps the history cannot know.
 * F_s(d) = F(d) + Σ_k N_k·[d ≥ D_k]; the bands shift by the same amount. A capacity change
 * makes C a step function C(d).
 */
import { addMonths, parseDay } from '../dates';
import { invalid } from '../errors';

export type Scenario =
  /** "+N per month starting D (until E)": D_k = addMonths(D, k) while D_k ≤ E */
  | { kind: 'monthly'; start: string; perMonth: number; until?: string }
  /** a single (D, N) */
  | { kind: 'once'; date: string; amount: number };

export interface CapacityChange {
  /** from this day on the capacity is `capacity` */
  date: string;
  capacity: number;
}

export interface DemandStep {
  day: number;
  amount: number;
}

/** The scenario's steps up to `lastDay`, sorted by day. */
export function expandScenarios(scenarios: ReadonlyArray<Scenario>, lastDay: number): DemandStep[] {
  const steps: DemandStep[] = [];
  scenarios.forEach((s, i) => {
    if (s.kind === 'once') {
      if (!Number.isFinite(s.amount)) throw invalid(`scenarios.${i}.amount`, 'must be a finite number');
      steps.push({ day: parseDay(s.date, `scenarios.${i}.date`), amount: s.amount });
      return;
    }
    if (!Number.isFinite(s.perMonth)) throw invalid(`scenarios.${i}.perMonth`, 'must be a finite number');
    const start = parseDay(s.start, `scenarios.${i}.start`);
    const end = Math.min(lastDay, s.until === undefined ? lastDay : parseDay(s.until, `scenarios.${i}.until`));
    for (let k = 0; ; k++) {
      const d = addMonths(start, k);
      if (d > end) break;
      steps.push({ day: d, amount: s.perMonth });
    }
  });
  return steps.sort((a, b) => a.day - b.day);
}

/** Σ N_k·[d ≥ D_k] as a function of the day, for increasing days (a cursor, O(1) amortised). */
export function demandCursor(steps: ReadonlyArray<DemandStep>): (day: number) => number {
  let i = 0;
  let sum = 0;
  let lastDay = -Infinity;
  return (day) => {
    if (day < lastDay) {
      i = 0;
      sum = 0;
    }
    lastDay = day;
    while (i < steps.length && (steps[i] as DemandStep).day <= day) sum += (steps[i++] as DemandStep).amount;
    return sum;
  };
}

/** C(d): `base` before the first change, then the capacity of the latest change on or before d. */
export function capacityAt(base: number, changes: ReadonlyArray<{ day: number; capacity: number }>): (day: number) => number {
  const sorted = [...changes].sort((a, b) => a.day - b.day);
  return (day) => {
    let c = base;
    for (const ch of sorted) {
      if (ch.day <= day) c = ch.capacity;
      else break;
    }
    return c;
  };
}
