/**
 * The checks that were built but unreachable (issue 13, item 7), now calculators of
 * `headroom calc`: motor start, PUE from energy, the WP-3 sheet, 3-2-1, the UPS end voltage,
 * required runtime and circuits/phases. Each answers through the registry with the numbers of
 * the function it wraps, and a check that is not met is an answer, not a refusal.
 */
import { describe, expect, it } from 'vitest';
import { calculators } from '../../../../shared/facility/calculators';
import { wp3Worksheet } from '../../../../shared/facility/generator';
import { refusalOf, valueOf } from '../../../support/facility-helpers';

const run = (name: keyof typeof calculators, input: unknown) => valueOf(calculators[name].run(input)) as Record<string, unknown>;

describe('calc: the checks', () => {
  it('motor-start: a 25 hp code G motor on 40 kVA running is a 197 kVA step', () => {
    const ok = run('motor-start', { motorHp: 25, codeLetter: 'G', runningKVA: 40, genMaxStepKVA: 250 });
    expect(ok.startKVA).toBeCloseTo(25 * 6.29, 9);
    expect(ok.stepKVA).toBeCloseTo(25 * 6.29 + 40, 9);
    expect(ok.withinStepCapability).toBe(true);
    const over = run('motor-start', { motorHp: 25, codeLetter: 'G', runningKVA: 40, genMaxStepKVA: 150 });
    expect(over.withinStepCapability).toBe(false);
    expect(over.message).toMatch(/exceeds generator step capability \(197\.3 kVA > 150 kVA\)/);
    expect(refusalOf(calculators['motor-start'].run({ motorHp: 25, codeLetter: 'Q', runningKVA: 40, genMaxStepKVA: 150 })).field).toBe('codeLetter');
  });

  it('pue: from a year of energy readings', () => {
    const v = run('pue', { facilityWh: 175.2e6, itWh: 109.5e6 });
    expect(v.pue).toBeCloseTo(1.6, 12);
    expect(v.dcie).toBeCloseTo(0.625, 12);
    expect(refusalOf(calculators.pue.run({ facilityWh: 1, itWh: 2 })).field).toBe('facilityWh');
  });

  it('wp3: the worksheet of spec example 4B', () => {
    const input = { actualItW: 13305, futureItW: 4000, areaM2: 50, cooling: 'dx', lineVoltageV: 400 } as const;
    expect(run('wp3', input)).toEqual(valueOf(wp3Worksheet(input)));
  });

  it('backup-321: one copy, one medium fails two of three rules', () => {
    const v = run('backup-321', { backupCopies: 1, mediaKinds: 1, offsiteCopies: 1 }) as { ok: boolean; rules: { ok: boolean }[] };
    expect(v.ok).toBe(false);
    expect(v.rules.map((r) => r.ok)).toEqual([false, false, true]);
    expect((run('backup-321', { backupCopies: 2, mediaKinds: 2, offsiteCopies: 1 }) as { ok: boolean }).ok).toBe(true);
  });

  it('end-voltage: 240 cells at 1.60 V/cell fall below a 400 V cut-off', () => {
    expect(run('end-voltage', { cells: 240, endVoltsPerCell: 1.6, upsMinDcV: 400 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/384\.0 V is below the UPS minimum DC voltage 400 V/),
    });
    expect(run('end-voltage', { cells: 240, endVoltsPerCell: 1.75, upsMinDcV: 400 })).toMatchObject({ ok: true });
  });

  it('required-runtime: ride-through + 2 × shutdown + margin', () => {
    expect(run('required-runtime', { businessRideThroughMin: 5, orderlyShutdownMin: 3, safetyMarginMin: 2 })).toEqual({ requiredMin: 13 });
  });

  it('circuits: the breaker check and the phase split with its neutral', () => {
    const v = run('circuits', {
      loads: [
        { name: 'a', loadW: 3680, circuit: 'C1', phase: null },
        { name: 'b', loadW: 1000, phase: 'L2' },
      ],
      circuits: [{ name: 'C1', breakerA: 20, voltageV: 230, phase: 'L1' }],
      loadPf: 1,
      phaseVoltageV: 230,
    }) as { circuits: { currentA: number; over: boolean }[]; neutralA: number; phaseW: Record<string, number> };
    expect(v.circuits[0]!.currentA).toBeCloseTo(16, 9);
    expect(v.circuits[0]!.over).toBe(false);
    expect(v.phaseW).toEqual({ L1: 3680, L2: 1000, L3: 0 });
    expect(v.neutralA).toBeGreaterThan(0);
    expect(refusalOf(calculators.circuits.run({ loads: [], circuits: [{ name: 'x', breakerA: 20, voltageV: 230, amps: 3 }], loadPf: 1 })).field).toBe(
      'circuits.0.amps',
    );
  });
});
