/**
 * The request draft model (specs/rir-requests.md §3.1): pure data the services fill from the
 * workspace, rendered by draft-render.ts and judged by the policy checks (CHK-01…CHK-35).
 * Optional blocks are absent when the request kind does not use them.
 */
import type { RpslObject } from './rpsl-object';
import type { Roa } from './lacnic';
import type { NeedRow } from './need';
import type { Rir } from './rir';

export type RequestKind = 'ipv4' | 'ipv6' | 'asn';

export interface Requester {
  readonly name: string;
  readonly email: string;
  /** `+CC …` format. */
  readonly phone?: string;
  /** NIC handle / POC handle. */
  readonly handle?: string;
  readonly roleInOrg?: string;
}

export interface Organisation {
  readonly legalName: string;
  readonly tradingName?: string;
  readonly address: readonly string[];
  /** ISO 3166 two letters. */
  readonly country: string;
  readonly website?: string;
  /** RegID / Org ID / account name. */
  readonly accountId?: string;
  /** LIR/ISP (redistributes space) or end user. */
  readonly role: 'lir' | 'end-user';
}

export interface RequestBlock {
  readonly rir: Rir;
  readonly kind: RequestKind;
  readonly type: 'initial' | 'subsequent';
  /** Size asked for as a prefix length (IPv4/IPv6). */
  readonly prefixLength?: number;
  /** A specific block named in the draft (e.g. for a route or a subsequent expansion), CIDR text. */
  readonly prefix?: string;
  /** ARIN waitlist: smallest acceptable prefix length. */
  readonly smallestAcceptableLength?: number;
  /** IPv4 through ARIN's waitlist (4.1.8). */
  readonly waitlist?: boolean;
  /** IPv4 bought through a transfer (ARIN 8.3/8.4). */
  readonly viaTransfer?: boolean;
  /** Months the plan looks ahead. */
  readonly horizonMonths?: number;
  /** Free-text justification (RIPE: needed for an initial IPv6 shorter than /29). */
  readonly justification?: string;
  /** Date of the last waitlist fill or transfer receipt (YYYY-MM-DD), ARIN 4.1.8. */
  readonly lastReceivedDate?: string;
  /** LACNIC: addresses needed within 12 months. */
  readonly need12mAddresses?: number;
}

export interface Holding {
  readonly prefix: string;
  /** The RIR it came from, or `upstream`. */
  readonly source: Rir | 'upstream' | 'transfer';
  readonly date?: string;
  /** Percent of it in use (0–100). */
  readonly usedPct?: number;
  /** ARIN 4.4 (critical infrastructure) or 4.10 (IPv6 transition) space, excluded from the waitlist test. */
  readonly arinExcluded?: boolean;
  /** Returned by this date (YYYY-MM-DD), if to be returned. */
  readonly returnBy?: string;
}

export interface PlanRow {
  readonly purpose: string;
  readonly prefixLength: number;
  /** What the counts are in: 'addresses' (IPv4) or '/48', '/56', '/64' (IPv6 end-site units). */
  readonly unit?: string;
  /** Hosts (IPv4) or end-site units (IPv6) now, +6 m (APNIC), +12 m, +24 m. */
  readonly now: number;
  readonly m6?: number;
  readonly m12?: number;
  readonly m24?: number;
}

export interface Equipment {
  readonly name: string;
  readonly vendor?: string;
  readonly model?: string;
  readonly usage?: string;
}

export interface Neighbour {
  readonly asn: number;
  readonly org: string;
  readonly contact?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly contractSigned?: boolean;
}

export interface Connectivity {
  readonly upstreams: readonly Neighbour[];
  readonly peers: readonly Neighbour[];
  readonly ixps: readonly string[];
  /** The organisation's own ASN, if it has one. */
  readonly ownAsn?: number;
  /** Multihoming state: now, soon (within `soonMonths`), or not. */
  readonly multihoming: 'now' | 'soon' | 'no';
  readonly soonMonths?: number;
  /** A unique routing policy, described (ARIN 5). */
  readonly uniqueRoutingPolicy?: string;
  readonly interconnectionPlanned?: boolean;
}

export interface Ipv6Sizing {
  /** ARIN 6.5.2.1 inputs. */
  readonly servingSites?: number;
  readonly largestSiteEndSites?: number;
  readonly providerAllocationUnit?: number;
  /** ARIN end user: number of sites. */
  readonly endUserSites?: number;
  /** Subsequent: the current allocation's prefix length and the units assigned in it. */
  readonly currentAllocationLength?: number;
  /** Assigned end-site units (/56 for RIPE/APNIC, /48 for AFRINIC). */
  readonly assignedUnits?: number;
  readonly totalUsedPct?: number;
  readonly maxSiteUsedPct?: number;
  /** AFRINIC: months until the allocation is announced. */
  readonly announceWithinMonths?: number;
}

export interface AsnRequest {
  /** Requested ASN width: 32 by default; 16 needs a reason at RIPE and APNIC. */
  readonly bits: 16 | 32 | 'any';
  readonly reason16?: string;
  /** APNIC: holds provider-independent space and plans to multihome. */
  readonly holdsPiAndPlansMultihoming?: boolean;
  readonly family?: 'ipv4' | 'ipv6';
}

export interface DbObject {
  readonly object: RpslObject;
  /** Status of the enclosing inetnum/inet6num, for the parent rule (CHK-29). */
  readonly parentStatus?: string;
  /** Whether the object is being created (RIPE as-set naming rule applies to new ones). */
  readonly isNew?: boolean;
}

export interface ReverseDelegation {
  /** Zone or RIPE domain name. */
  readonly zone: string;
  /** `host` or `host glue-address`. */
  readonly nserver: readonly string[];
  readonly dsRdata?: readonly string[];
}

export interface RequestDraft {
  readonly requester: Requester;
  readonly organisation: Organisation;
  readonly request: RequestBlock;
  readonly holdings: readonly Holding[];
  readonly plan: readonly PlanRow[];
  /** Need minus free space over each of the RIR's horizons (shared/rir/need.ts). */
  readonly need?: readonly NeedRow[];
  readonly infrastructure: readonly Equipment[];
  readonly diagramAttached: boolean;
  readonly connectivity: Connectivity;
  readonly ipv6?: Ipv6Sizing;
  readonly asn?: AsnRequest;
  /** Prefixes to originate. */
  readonly originate: readonly string[];
  readonly dbObjects: readonly DbObject[];
  readonly reverse: readonly ReverseDelegation[];
  /** LACNIC: the ROAs to create in MiLACNIC (its IRR generates route objects from them). */
  readonly roas?: readonly Roa[];
  /** LACNIC: the registration steps, in order (shared/rir/lacnic.ts). */
  readonly steps?: readonly string[];
  /** Where the name servers sit, when Settings gives their addresses (CHK-40, RFC 2182 §3.1). */
  readonly nameServerProblems?: readonly string[];
  /** A delegated-stats text being imported alongside (CHK-34). */
  readonly statsImport?: string;
  readonly notes?: string;
  /** Drafts built from documentation examples skip CHK-03. */
  readonly isExample?: boolean;
}
