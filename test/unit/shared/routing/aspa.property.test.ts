/**
 * ASPA drafts (issue 16 §6) against draft-ietf-sidrops-aspa-profile §3, over random sets of our
 * ASes and recorded upstreams: one ASPA per AS of ours (never AS0), its providers every recorded
 * upstream but itself, ascending and each once; nothing drafted without an upstream, and the
 * constraint check itself refuses each kind of broken ASPA.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspaProblems, planAspas } from '../../../../shared/routing/aspa';

const asn = fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 0, max: 4294967295 }));

describe('ASPA drafts', () => {
  it('hold the profile constraints and authorise exactly the recorded upstreams', () => {
    fc.assert(
      fc.property(fc.array(asn, { maxLength: 6 }), fc.array(asn, { maxLength: 8 }), (ours, upstreams) => {
        const { aspas, warnings } = planAspas(ours, upstreams);
        const want = new Set(upstreams.filter((u) => u > 0));
        const customers = [...new Set(ours.filter((o) => o > 0))].filter((c) => [...want].some((u) => u !== c)).sort((a, b) => a - b);
        expect(aspas.map((a) => a.customer)).toEqual(customers);
        for (const a of aspas) {
          expect(aspaProblems(a)).toEqual([]);
          expect(new Set(a.providers)).toEqual(new Set([...want].filter((u) => u !== a.customer)));
        }
        if (want.size === 0 && aspas.length === 0 && ours.some((o) => o > 0)) expect(warnings.join(' ')).toMatch(/no upstream is recorded/);
      }),
      { numRuns: 500 },
    );
  });

  it('are one per customer with all its providers, in words', () => {
    const { aspas, warnings } = planAspas([64496], [64498, 64497, 64498]);
    expect(aspas).toEqual([{ customer: 64496, providers: [64497, 64498], reason: expect.stringMatching(/AS64497, AS64498, all in one ASPA/) }]);
    expect(warnings).toEqual([]);
    expect(planAspas([], [64497]).warnings[0]).toMatch(/no AS of our own/);
  });

  it.each([
    [{ customer: 0, providers: [64497] }, /customer AS0 is not in 1\.\.4294967295/],
    [{ customer: 64496, providers: [] }, /provider set is empty/],
    [{ customer: 64496, providers: [64496, 64497] }, /customer AS64496 is among its own providers/],
    [{ customer: 64496, providers: [64498, 64497] }, /not in ascending order/],
    [{ customer: 64496, providers: [64497, 64497] }, /each once/],
  ])('the constraint check refuses %j', (aspa, message) => {
    expect(aspaProblems(aspa).join('; ')).toMatch(message);
  });
});
