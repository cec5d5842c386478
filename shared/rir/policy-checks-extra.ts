/**
 * Checks added by issue 11 (docs/rir.md): need against free space (CHK-36) and on. They follow
 * CHK-35 in rule order; each names its primary source.
 */
import { missing, requestedIpv4Addresses, fail, ok, type PolicyCheck } from './policy-check-core';
import { RIR_NAMES } from './rir';
import { inServiceRegion, rirOfCountry } from './service-regions';

export const EXTRA_CHECKS: readonly PolicyCheck[] = [
  {
    rule: 'CHK-36',
    title: 'Need over the RIR horizon, less free space',
    rirs: ['arin', 'apnic', 'lacnic', 'afrinic'],
    kinds: ['ipv4'],
    severity: 'W',
    source: 'ARIN NRPM 8.5.5 (24 months); AFRINIC CPM 5.4.5 (8 months); LACNIC Policy Manual 11.1 (12 months); APNIC IPv4 request form (6 and 12 months)',
    run: (d) => {
      const rows = d.need ?? [];
      if (rows.length === 0) return missing('the addressing plan (no pools to project)');
      const last = rows[rows.length - 1]!;
      const said = rows
        .map((n) => `over ${n.horizonMonths} months the plan grows by ${n.growth} addresses against ${n.free} free now (need minus free space: ${n.net})`)
        .join('; ');
      if (rows.every((n) => n.net <= 0)) return fail(`${said}: the space held covers the need, so the request is not yet justified`);
      const want = requestedIpv4Addresses(d);
      if (want !== null && want > last.net) return fail(`${said}: ${want} addresses asked for, more than the ${last.net} the plan shows`, [], 'I');
      return ok(said);
    },
  },
  {
    rule: 'CHK-37',
    title: 'A further AS needs a routing policy of its own',
    rirs: 'all',
    kinds: ['asn'],
    severity: 'E',
    source: 'RIPE ripe-679 §2.0; ARIN NRPM 5; RFC 1930 §5',
    run: (d) => {
      const own = d.connectivity.ownAsn;
      if (d.request.type !== 'subsequent' && own === undefined) return ok('no AS held yet: this is the initial AS');
      const held = own === undefined ? 'an AS is already held' : `AS${own} is already held`;
      if (!d.connectivity.uniqueRoutingPolicy?.trim()) {
        return fail(
          `${held}: a new AS is assigned only for a new external routing policy, different from it; describe that policy in the unique routing policy field`,
        );
      }
      return ok(`${held}; the new AS's own routing policy is described`);
    },
  },
  {
    rule: 'CHK-38',
    title: "The organisation is in the RIR's service region",
    rirs: 'all',
    severity: 'E',
    source: 'service region of each RIR (NRO); for ARIN, NRPM §9 (Out of Region Use)',
    run: (d) => {
      const cc = d.organisation.country;
      if (!/^[A-Z]{2}$/.test(cc)) return missing("the organisation's country");
      if (inServiceRegion(d.request.rir, cc)) return ok(`${cc} is in the ${RIR_NAMES[d.request.rir]} service region`);
      const other = rirOfCountry(cc);
      const outside = `${cc} is not in the ${RIR_NAMES[d.request.rir]} service region${other ? `; ${cc} is served by ${RIR_NAMES[other]}` : ''}`;
      if (d.request.rir !== 'arin') return fail(outside);
      // NRPM §9 "Out of Region Use" (ARIN-2015-5, in force since 13 July 2016): out-of-region use
      // justifies resources when the applicant proves a real and substantial connection with the
      // ARIN region and uses the same type of resource in region (IPv4: at least a /22).
      const inRegion =
        d.request.kind === 'ipv4'
          ? 'at least a /22 used in the ARIN region'
          : `${d.request.kind === 'ipv6' ? 'IPv6' : 'an AS number'} already used in the ARIN region (verify §9's minimum with ARIN)`;
      return fail(
        `${outside}. ARIN serves it only under NRPM §9 (out-of-region use): a real and substantial connection with the ARIN region, and ${inRegion}`,
        [],
        'W',
      );
    },
  },
  {
    rule: 'CHK-39',
    title: 'Evidence of multihoming the RIR asks for',
    rirs: 'all',
    kinds: ['asn'],
    severity: 'W',
    source: 'ARIN NRPM 5 and ARIN staff practice (copies of agreements); APNIC multihoming template (peer-as-contacts); RIPE ASN form (peering contacts)',
    run: (d) => {
      const ns = [...d.connectivity.upstreams, ...d.connectivity.peers];
      if (ns.length === 0) return missing('the upstreams and peers');
      const lacking = ns.flatMap((n) => {
        const gaps: string[] = [];
        if (d.request.rir === 'arin' && !n.contractSigned) gaps.push('a signed agreement');
        if (d.request.rir === 'apnic') {
          if (!n.contact) gaps.push('a contact name');
          if (!n.phone) gaps.push('a phone');
          if (!n.email) gaps.push('an e-mail');
        }
        if (d.request.rir !== 'arin' && d.request.rir !== 'apnic' && !n.email) gaps.push('a peering contact e-mail');
        return gaps.length > 0 ? [`AS${n.asn} (${n.org}) lacks ${gaps.join(', ')}`] : [];
      });
      return lacking.length > 0
        ? fail(`evidence of multihoming: ${lacking.join('; ')} (Settings → Neighbours)`)
        : ok('every neighbour has the evidence this RIR asks for');
    },
  },
  {
    rule: 'CHK-40',
    title: 'Name servers on different networks',
    rirs: 'all',
    severity: 'W',
    source: 'RFC 2182 §3.1',
    run: (d) => {
      if (d.nameServerProblems === undefined) return null;
      return d.nameServerProblems.length > 0 ? fail(d.nameServerProblems.join('; ')) : ok('the name servers sit on different networks');
    },
  },
];
