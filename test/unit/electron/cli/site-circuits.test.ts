/**
 * Circuits through the real CLI on a real workspace: a site document with circuits and each
 * item's circuit and phase; `site circuits` checks each breaker (NEC 80 %), reports the phase
 * split and the neutral; each circuit is a limit in `site limits` and on the forecast board
 * (`limits`); a document naming a circuit that does not exist is refused by path.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-circuits-');
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => tmp.cleanup());

function ok(args: string[]): string {
  const r = headroom(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const DOC = {
  name: 'Rack room',
  loadPf: 1,
  lineVoltageV: 400,
  peakFactor: 1,
  equipment: [
    { name: 'Router', qty: 1, nameplateW: 3000, measuredW: 2000, phase: 'L1', circuit: 'PDU-A' },
    { name: 'Switch', qty: 1, nameplateW: 1000, measuredW: 800, phase: 'L2', circuit: 'PDU-B' },
    { name: 'Servers', qty: 2, nameplateW: 500, measuredW: 400, phase: null, circuit: null },
  ],
  circuits: [
    { name: 'PDU-A', breakerA: 16, rule: 'nec', phase: 'L1', voltageV: 230.94, deratingFrac: null },
    { name: 'PDU-B', breakerA: 16, rule: 'iec', phase: 'L2', voltageV: 230.94, deratingFrac: 0.9 },
  ],
};

describe('site circuits', { timeout: 300_000 }, () => {
  const ws = tmp.path('isp.headroom');
  beforeAll(() => {
    ok(['init', ws]);
    const file = tmp.path('rack.json');
    writeFileSync(file, JSON.stringify(DOC));
    ok(['site', 'apply', ws, file]);
  });

  it('round-trips circuits and each item’s phase and circuit', () => {
    const doc = JSON.parse(ok(['site', 'show', ws, 'Rack room'])) as typeof DOC;
    expect(doc.circuits).toEqual(DOC.circuits);
    expect(doc.equipment.map((e) => [e.phase, e.circuit])).toEqual([
      ['L1', 'PDU-A'],
      ['L2', 'PDU-B'],
      [null, null],
    ]);
  });

  it('checks each breaker, the phase split and the neutral', () => {
    const r = JSON.parse(ok(['site', 'circuits', ws, 'Rack room', '--json'])) as {
      circuits: { name: string; currentA: number; allowedA: number; over: boolean }[];
      phaseW: Record<string, number>;
      neutralA: number;
      imbalanceFrac: number;
      warnings: string[];
    };
    const a = r.circuits.find((c) => c.name === 'PDU-A')!;
    expect(a.allowedA).toBeCloseTo(12.8, 9); // 80 % of 16 A
    expect(a.currentA).toBeCloseTo(2000 / 230.94, 6);
    expect(r.circuits.find((c) => c.name === 'PDU-B')!.allowedA).toBeCloseTo(14.4, 9);
    expect(r.phaseW.L1).toBeCloseTo(2000 + 800 / 3, 6);
    expect(r.phaseW.L2).toBeCloseTo(800 + 800 / 3, 6);
    expect(r.neutralA).toBeGreaterThan(0);
    expect(r.warnings.some((w) => w.startsWith('phases: '))).toBe(true);
    const text = headroom(['site', 'circuits', ws, 'Rack room']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/PDU-A\s+L1\s+8\.7 A\s+of 12\.8 A/);
  });

  it('each circuit is a limit, in site limits and on the board', () => {
    const r = JSON.parse(ok(['site', 'limits', ws, 'Rack room', '--json'])) as { limits: { currentItW: number; limits: { key: string; max: number }[] } };
    const a = r.limits.limits.find((l) => l.key === 'circuit:PDU-A')!;
    // 2000 W of 12.8 A × 230.94 V: the site reaches it when its 3600 W grows by 12.8·230.94/2000.
    expect(a.max).toBeCloseTo(3600 * ((12.8 * 230.94) / 2000), 6);
    const board = ok(['limits', ws, '--json']);
    expect(board).toContain('"name": "Circuit PDU-A (NEC 210.20(A): 80 %, 12.8 A)"');
  });

  it('refuses an item on a circuit the document does not have, changing nothing', () => {
    const before = ok(['site', 'show', ws, 'Rack room']);
    const bad = { ...DOC, equipment: [{ ...DOC.equipment[0]!, circuit: 'PDU-Z' }] };
    const file = tmp.path('bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = headroom(['site', 'apply', ws, file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/equipment\[0\]\.circuit: there is no circuit "PDU-Z" in the document/);
    expect(ok(['site', 'show', ws, 'Rack room'])).toBe(before);
  });
});
