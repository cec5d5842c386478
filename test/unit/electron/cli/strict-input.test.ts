/**
 * Strict input through the real CLI: `calc` refuses a misspelt field by name (exit 1) instead of
 * running with the default it would have replaced, and prints a sanity warning that names an
 * absurd field while still answering.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';

beforeAll(() => ensureBuilt(), 300_000);

const LOAD = { items: [{ qty: 2, nameplateW: 3000, measuredW: 1650 }], loadPf: 0.95 };

describe('calc: strict input', () => {
  it('refuses "peakfactor" by name, with the field it meant', () => {
    const r = headroom(['calc', 'load', '--in', JSON.stringify({ ...LOAD, peakfactor: 1.3 })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^headroom: peakfactor: is not a field of the load calculator \(did you mean peakFactor\?\)/);
  });

  it('answers a 4 V line voltage, with a warning naming lineVoltageV', () => {
    const r = headroom(['calc', 'load', '--in', JSON.stringify({ ...LOAD, lineVoltageV: 4 })]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { warnings: string[] };
    expect(out.warnings).toContainEqual(expect.stringMatching(/^lineVoltageV: 4 V is not a supply voltage/));
  });
});
