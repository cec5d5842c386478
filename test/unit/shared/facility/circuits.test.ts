/**
 * Circuits and phases (docs/facility-circuits.md): the NEC 210.20(A) 80 % rule and its 100 %
 * exception, IEC 60364-4-43's In × derating, currents, the neutral against a phasor reference,
 * the imbalance warning, and each circuit as a limit on the site's IT load.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedCircuitA, checkCircuits, circuitCurrentA, circuitMaxItW, imbalanceFrac, neutralCurrentA } from '../../../../shared/facility/circuits';
import { neutralByPhasors } from '../../../support/phasors';

describe('breaker rules', () => {
  it('NEC: a continuous load may use 80 % of a standard breaker, 100 % of a listed 100 %-rated one', () => {
    expect(allowedCircuitA({ name: 'a', breakerA: 20, voltageV: 120 })).toBe(16);
    expect(allowedCircuitA({ name: 'a', breakerA: 20, voltageV: 120, rule: 'nec100' })).toBe(20);
  });

  it('IEC: In times the maker derating (1 when none)', () => {
    expect(allowedCircuitA({ name: 'a', breakerA: 32, voltageV: 230, rule: 'iec' })).toBe(32);
    expect(allowedCircuitA({ name: 'a', breakerA: 32, voltageV: 230, rule: 'iec', deratingFrac: 0.8 })).toBeCloseTo(25.6, 12);
  });

  it('flags a 20 A NEC circuit carrying 17 A, and not one carrying 16 A', () => {
    const at = (amps: number) =>
      checkCircuits({
        loads: [{ name: 'PDU load', loadW: amps * 120 * 0.95, circuit: 'A1', phase: null }],
        circuits: [{ name: 'A1', breakerA: 20, voltageV: 120 }],
        loadPf: 0.95,
      });
    expect(at(16).circuits[0]!.over).toBe(false);
    const over = at(17);
    expect(over.circuits[0]!.over).toBe(true);
    expect(over.warnings).toContainEqual(
      expect.stringMatching(/^circuit A1: 17\.0 A is above the 16\.0 A allowed on its 20 A breaker \(NEC 210\.20\(A\): 80 %\)/),
    );
  });

  it('three-phase circuit current is P / (√3 V PF)', () => {
    expect(circuitCurrentA(22170, '3ph', 400, 0.95)).toBeCloseTo(22170 / (Math.sqrt(3) * 400 * 0.95), 12);
  });
});

describe('phases and neutral', () => {
  it('property: the closed-form neutral equals the phasor sum (linear and with a 3rd harmonic)', () => {
    const amps = fc.double({ min: 0, max: 500, noNaN: true });
    fc.assert(
      fc.property(amps, amps, amps, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, c, h3) => {
        const ref = neutralByPhasors(a, b, c, h3);
        expect(Math.abs(neutralCurrentA(a, b, c, h3) - ref)).toBeLessThanOrEqual(1e-9 * Math.max(1, ref));
      }),
    );
  });

  it('balanced linear load: no neutral current; all on one line: the line current', () => {
    expect(neutralCurrentA(10, 10, 10)).toBeCloseTo(0, 9);
    expect(neutralCurrentA(10, 0, 0)).toBeCloseTo(10, 12);
    // Balanced with 33 % third harmonic: the neutral carries about one line's current.
    expect(neutralCurrentA(10, 10, 10, 1 / 3)).toBeCloseTo(10, 9);
  });

  it('warns on imbalance above 10 % and names the lines', () => {
    const r = checkCircuits({
      loads: [
        { name: 'a', loadW: 3000, circuit: null, phase: 'L1' },
        { name: 'b', loadW: 1000, circuit: null, phase: 'L2' },
        { name: 'c', loadW: 1000, circuit: null, phase: 'L3' },
      ],
      circuits: [],
      loadPf: 1,
      phaseVoltageV: 230,
    });
    expect(r.imbalanceFrac).toBeCloseTo(imbalanceFrac([3000, 1000, 1000]), 12);
    expect(r.imbalanceFrac).toBeCloseTo((3000 - 5000 / 3) / (5000 / 3), 12);
    expect(r.warnings).toContainEqual(expect.stringMatching(/^phases: 80 % imbalance \(L1 3000 W, L2 1000 W, L3 1000 W\)/));
    expect(r.neutralA).toBeCloseTo(neutralByPhasors(3000 / 230, 1000 / 230, 1000 / 230), 9);
  });

  it('an item on a single-phase circuit counts on that circuit’s line', () => {
    const r = checkCircuits({
      loads: [{ name: 'x', loadW: 900, circuit: 'B2', phase: null }],
      circuits: [{ name: 'B2', breakerA: 16, voltageV: 230, rule: 'iec', phase: 'L2' }],
      loadPf: 1,
    });
    expect(r.phaseW).toEqual({ L1: 0, L2: 900, L3: 0 });
  });
});

describe('each circuit is a limit', () => {
  it('the site IT load at which the circuit reaches its allowance', () => {
    expect(circuitMaxItW({ usedFrac: 0.5 }, 10000)).toBe(20000);
    expect(circuitMaxItW({ usedFrac: 0 }, 10000)).toBeNull();
  });
});
