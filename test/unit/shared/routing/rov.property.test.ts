/**
 * Route origin validation and the RFC 9319 findings against the brute-force references of
 * test/support/rov-reference.ts, over random ROA sets in a small IPv4 universe (10.0.0.0/16
 * down to /24, a handful of origins including AS0), and the ROA plan's defining property: the
 * planned VRPs authorise exactly the routes, nothing more (RFC 9319), and every route is valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPrefix, parsePrefix } from '../../../../shared/ip/prefix';
import { checkRoutes } from '../../../../shared/routing/check';
import { planRoas } from '../../../../shared/routing/roa-plan';
import { routeState, VrpIndex, vrpFindings, type Vrp } from '../../../../shared/routing/rov';
import { authorised, refPrefix, refRedundant, refState, refText, refTooPermissive, type RefRoute, type RefVrp } from '../../../support/rov-reference';

const ORIGINS = [0, 64496, 64497, 64511];

/** A prefix inside 10.0.0.0/16 of length 16..24 (as bits after the /16). */
const prefixArb = fc
  .integer({ min: 16, max: 24 })
  .chain((len) =>
    fc
      .integer({ min: 0, max: 2 ** (len - 16) - 1 })
      .map((n) => refText({ family: 4, bits: `0000101000000000${len > 16 ? n.toString(2).padStart(len - 16, '0') : ''}` })),
  );

const vrpArb = fc.record({ prefix: prefixArb, extra: fc.integer({ min: 0, max: 8 }), asn: fc.constantFrom(...ORIGINS) }).map(({ prefix, extra, asn }) => {
  const p = parsePrefix(prefix);
  return { prefix: p, maxLength: Math.min(24, p.length + extra), asn } satisfies Vrp;
});

const routeArb = fc
  .record({ prefix: prefixArb, origin: fc.constantFrom(...ORIGINS.filter((o) => o !== 0)) })
  .map(({ prefix, origin }) => ({ prefix: parsePrefix(prefix), origin }));

const toRef = (v: Vrp): RefVrp => ({ prefix: refPrefix(formatPrefix(v.prefix)), maxLength: v.maxLength, asn: v.asn });
const toRefRoute = (r: { prefix: ReturnType<typeof parsePrefix>; origin: number }): RefRoute => ({
  prefix: refPrefix(formatPrefix(r.prefix)),
  origin: r.origin,
});

describe('route origin validation (RFC 6811) against a brute-force reference', () => {
  it('gives every route the state the reference gives it', () => {
    fc.assert(
      fc.property(fc.array(vrpArb, { maxLength: 25 }), fc.array(routeArb, { minLength: 1, maxLength: 15 }), (vrps, routes) => {
        const index = new VrpIndex(vrps);
        const ref = vrps.map(toRef);
        for (const r of routes) expect(routeState(index, r.prefix, r.origin).state).toBe(refState(ref, toRefRoute(r)));
      }),
      { numRuns: 400 },
    );
  });

  it('also for an origin of AS0, which no VRP ever makes valid', () => {
    fc.assert(
      fc.property(fc.array(vrpArb, { maxLength: 25 }), prefixArb, (vrps, prefix) => {
        const p = parsePrefix(prefix);
        const s = routeState(new VrpIndex(vrps), p, 0).state;
        expect(s).toBe(refState(vrps.map(toRef), { prefix: refPrefix(prefix), origin: 0 }));
        expect(s).not.toBe('valid');
      }),
      { numRuns: 200 },
    );
  });
});

describe('VRP findings (RFC 9319) against a brute-force reference', () => {
  it('flags exactly the too-permissive and the redundant VRPs', () => {
    fc.assert(
      fc.property(fc.array(vrpArb, { maxLength: 12 }), fc.array(routeArb, { maxLength: 20 }), (vrps, routes) => {
        const found = vrpFindings(vrps, routes);
        const key = (v: Vrp) => `${formatPrefix(v.prefix)}-${v.maxLength}-${v.asn}`;
        const got = new Set(found.map((f) => `${key(f.vrp)}:${f.finding}`));
        const ref = vrps.map(toRef);
        const refRoutes = routes.map(toRefRoute);
        const want = new Set<string>();
        vrps.forEach((v, i) => {
          if (refTooPermissive(ref[i]!, refRoutes)) want.add(`${key(v)}:too-permissive`);
          if (refRedundant(ref[i]!, ref)) want.add(`${key(v)}:redundant`);
        });
        expect([...got].sort()).toEqual([...want].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('the ROA plan (RFC 9319)', () => {
  it('authorises exactly the routes: each one valid, no other (prefix, origin) pair', () => {
    fc.assert(
      fc.property(fc.array(routeArb, { minLength: 1, maxLength: 30 }), (routes) => {
        const plan = planRoas(routes);
        const asVrps = plan.map((e) => ({ prefix: e.prefix, maxLength: e.maxLength, asn: e.asn }));
        const ref = asVrps.map(toRef);
        for (const r of routes) expect(refState(ref, toRefRoute(r))).toBe('valid');
        const allowed = new Set<string>();
        for (const v of ref) for (const a of authorised(v)) allowed.add(a);
        const announced = new Set(routes.map((r) => `${refPrefix(formatPrefix(r.prefix)).bits}|${r.origin}`));
        expect([...allowed].sort()).toEqual([...announced].sort());
        // And the check agrees: every route valid, no planned VRP too permissive.
        const agg = [parsePrefix('10.0.0.0/16')];
        const c = checkRoutes(routes, agg, asVrps, () => 'ours');
        expect(c.routes.every((x) => x.state === 'valid')).toBe(true);
        expect(c.vrps.filter((x) => x.finding === 'too-permissive')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('with AS0, leaves no address of the aggregate unplanned and no route invalid', () => {
    fc.assert(
      fc.property(fc.array(routeArb, { maxLength: 12 }), (routes) => {
        const agg = parsePrefix('10.0.0.0/16');
        const plan = planRoas(routes, [agg], { as0: true });
        const vrps = plan.map((e) => ({ prefix: e.prefix, maxLength: e.maxLength, asn: e.asn }));
        const ref = vrps.map(toRef);
        for (const r of routes) expect(refState(ref, toRefRoute(r))).toBe('valid');
        // Every /24 of the aggregate is covered by some planned VRP (a route's or an AS0 one).
        for (let i = 0; i < 256; i++) expect(refState(ref, { prefix: refPrefix(`10.0.${i}.0/24`), origin: 65000 })).not.toBe('not-found');
      }),
      { numRuns: 150 },
    );
  });
});
