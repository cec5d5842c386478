/**
 * The checks added to `headroom calc` (issue 13, item 7), through the real CLI: each answers a
 * valid input with exit 0 and JSON, and `--schema` prints its input's JSON Schema.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';

beforeAll(() => ensureBuilt(), 300_000);

const INPUTS: Record<string, [unknown, string]> = {
  'motor-start': [{ motorHp: 25, codeLetter: 'G', runningKVA: 40, genMaxStepKVA: 150 }, '"withinStepCapability": false'],
  pue: [{ facilityWh: 175.2e6, itWh: 109.5e6 }, '"pue": 1.6'],
  wp3: [{ actualItW: 13305, futureItW: 4000, areaM2: 50, cooling: 'dx', lineVoltageV: 400 }, '"generatorW"'],
  'backup-321': [{ backupCopies: 1, mediaKinds: 1, offsiteCopies: 0 }, '"ok": false'],
  'end-voltage': [{ cells: 240, endVoltsPerCell: 1.6, upsMinDcV: 400 }, '"ok": false'],
  'required-runtime': [{ businessRideThroughMin: 5, orderlyShutdownMin: 3, safetyMarginMin: 2 }, '"requiredMin": 13'],
  circuits: [{ loads: [{ name: 'a', loadW: 3680, circuit: 'C1' }], circuits: [{ name: 'C1', breakerA: 20, voltageV: 230 }], loadPf: 1 }, '"over": false'],
};

describe('calc: the checks, through the CLI', { timeout: 300_000 }, () => {
  it.each(Object.keys(INPUTS))('%s answers and prints its schema', (name) => {
    const [input, expected] = INPUTS[name]!;
    const r = headroom(['calc', name, '--in', JSON.stringify(input)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(expected);
    const schema = headroom(['calc', name, '--schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('properties');
  });
});
