/**
 * Need as the RIRs weigh it (docs/rir.md §2): the demand the addressing plan projects over the
 * RIR's planning horizon, uncapped (a plan that outgrows the space held is the argument for a
 * request, never clipped to it), less the space already held and not yet assigned. A positive
 * `net` is the shortfall the request covers; zero or less means the free space covers the need.
 */
/** The request kinds (as draft.ts's RequestKind; kept here so draft.ts can import this file). */
type RequestKind = 'ipv4' | 'ipv6' | 'asn';
import type { Rir } from './rir';

export interface NeedRow {
  readonly horizonMonths: number;
  /** Units in use at the horizon by the projection (IPv4: addresses). */
  readonly demand: number;
  /** demand − units in use now. */
  readonly growth: number;
  /** Units held and not assigned now (every block of the family we hold). */
  readonly free: number;
  /** growth − free: the shortfall (positive) or the surplus (negative). */
  readonly net: number;
}

/**
 * The planning horizons each RIR reads an IPv4 plan over (docs/rir.md §2): ARIN 24 months
 * (NRPM 8.5.5, transfers), AFRINIC 8 (CPM 5.4.5, soft landing), LACNIC 12 (Policy Manual
 * 2.3.2.x / 11.1), APNIC 6 and 12 (the network plan of the IPv4 request form). The RIPE NCC
 * gives one /24 from its waiting list without a need assessment (ripe-822 §5.1): no horizon.
 */
export function needHorizons(rir: Rir, kind: RequestKind): readonly number[] {
  if (kind !== 'ipv4') return [];
  switch (rir) {
    case 'arin':
      return [24];
    case 'afrinic':
      return [8];
    case 'lacnic':
      return [12];
    case 'apnic':
      return [6, 12];
    case 'ripe':
      return [];
  }
}

/**
 * Need minus free space at one horizon. `now` and `atHorizon` are the plan's units in use today
 * and projected; `heldUnits`/`assignedUnits` are the family's holdings and their assigned part.
 */
export function needMinusFree(horizonMonths: number, now: number, atHorizon: number, heldUnits: number, assignedUnits: number): NeedRow {
  const growth = Math.max(0, atHorizon - now);
  const free = Math.max(0, heldUnits - assignedUnits);
  return { horizonMonths, demand: atHorizon, growth, free, net: growth - free };
}
