/**
 * Checks added by issue 11 (docs/rir.md): need against free space (CHK-36) and on. They follow
 * CHK-35 in rule order; each names its primary source.
 */
import { missing, requestedIpv4Addresses, fail, ok, type PolicyCheck } from './policy-check-core';

export const EXTRA_CHECKS: readonly PolicyCheck[] = [
  {
    rule: 'CHK-36', title: 'Need over the RIR horizon, less free space', rirs: ['arin', 'apnic', 'lacnic', 'afrinic'], kinds: ['ipv4'], severity: 'W',
    source: 'ARIN NRPM 8.5.5 (24 months); AFRINIC CPM 5.4.5 (8 months); LACNIC Policy Manual 11.1 (12 months); APNIC IPv4 request form (6 and 12 months)',
    run: (d) => {
      const rows = d.need ?? [];
      if (rows.length === 0) return missing('the addressing plan (no pools to project)');
      const last = rows[rows.length - 1]!;
      const said = rows.map((n) => `over ${n.horizonMonths} months the plan grows by ${n.growth} addresses against ${n.free} free now (need minus free space: ${n.net})`).join('; ');
      if (rows.every((n) => n.net <= 0)) return fail(`${said}: the space held covers the need, so the request is not yet justified`);
      const want = requestedIpv4Addresses(d);
      if (want !== null && want > last.net) return fail(`${said}: ${want} addresses asked for, more than the ${last.net} the plan shows`, [], 'I');
      return ok(said);
    },
  },
];
