/**
 * What LACNIC takes (docs/rir.md §8): LACNIC's IRR is managed in MiLACNIC; its mntner, person,
 * aut-num, route and route6 objects are generated from LACNIC's registration data and RPKI
 * ROAs, and only as-set objects are declared by the organisation ("What is IRR and how to start
 * using IRR from MI LACNIC", LACNIC help centre). So a LACNIC draft gives the ROAs to create,
 * the as-set, and the registration steps — not RIPE-style inetnum, route or aut-num objects.
 */
import { formatPrefix, parsePrefix } from '../ip/prefix';
/** The request kinds (as draft.ts's RequestKind; kept here so draft.ts can import this file). */
type RequestKind = 'ipv4' | 'ipv6' | 'asn';
import { rpslObject, type RpslObject } from './rpsl-object';
import { checkAsSetName } from './rpsl-syntax';
import { invalid } from '../errors';

export interface Roa {
  readonly prefix: string;
  readonly maxLength: number;
  /** Origin AS as an integer. */
  readonly asn: number;
}

/** The ROA a route needs: maxLength = the prefix length (RFC 9319 §4: no longer than announced). */
export function roaFor(prefix: string, asn: number): Roa {
  const p = parsePrefix(prefix, 'prefix');
  return { prefix: formatPrefix(p), maxLength: p.length, asn };
}

/** LACNIC's as-set: `AS<n>:AS-<NAME>` with members and its maintainer (no contacts). */
export function lacnicAsSet(input: { asn: number; name?: string; members: readonly string[]; descr?: string; mntBy: string }): RpslObject {
  const name = input.name ?? `AS${input.asn}:AS-CUSTOMERS`;
  const problem = checkAsSetName(name, true);
  if (problem) throw invalid('as-set', problem);
  return rpslObject([
    ['as-set', name],
    ['descr', input.descr],
    ['members', input.members.length > 0 ? input.members.join(', ') : undefined],
    ['mnt-by', input.mntBy],
    ['source', 'LACNIC'],
  ]);
}

/** The registration steps at LACNIC for a request of this kind, in order. */
export function lacnicSteps(kind: RequestKind): string[] {
  const common = ['Sign in to MiLACNIC as the organisation’s administrative contact (the membership and its contacts must exist first).'];
  const byKind: Record<RequestKind, string[]> = {
    ipv4: [
      'Request IPv4 through MiLACNIC: the waiting list of Policy Manual 11.1 (only for organisations that never received IPv4 from LACNIC and hold LACNIC IPv6).',
      'Once delegated, LACNIC registers the block in its WHOIS; there is no inetnum to create.',
    ],
    ipv6: [
      'Request IPv6 through MiLACNIC (Policy Manual chapter 4), with the addressing plan in /48 end-site units.',
      'Once delegated, LACNIC registers the block in its WHOIS; there is no inet6num to create.',
    ],
    asn: [
      'Request the AS number through MiLACNIC, naming the interconnections (upstreams and peers).',
      'LACNIC generates the aut-num in its IRR from the registration; only the as-set is declared by you.',
    ],
  };
  return [
    ...common,
    ...byKind[kind],
    'Create a ROA in MiLACNIC (RPKI) for every prefix you originate: LACNIC’s IRR generates the route/route6 objects from the ROAs.',
    'In MiLACNIC → Services → IRR, “Generate objects and enable the creation of as-set”, then declare the as-set below.',
    'Request reverse DNS delegation in MiLACNIC for the zones listed.',
  ];
}
