/**
 * requests.*: RIR request drafts filled from the workspace (specs/rir-requests.md §3), their
 * policy checks (§7), the planner's edits to them (undoable), the RPSL objects of a block or
 * ASN (§4), reverse zones (§5), the RFC 2901 checklist (§1.2), and the organisation and
 * contacts the drafts are signed with (the Settings page).
 */
import { z } from 'zod';
import { countryProblem, mntnerProblem, nameServersProblem, urlProblem } from '../rir/org-fields';
import type { RequestDraft } from '../rir/draft';
import type { RpslObject } from '../rir/rpsl-object';
import { mutation, query } from './define';
import { isoDay } from './registry';

export const REQUEST_RIRS = ['arin', 'ripe', 'apnic', 'lacnic', 'afrinic'] as const;
export const REQUEST_KINDS = ['ipv4', 'ipv6', 'asn'] as const;
export type RequestRir = (typeof REQUEST_RIRS)[number];
export type RequestKindName = (typeof REQUEST_KINDS)[number];

const rir = z.enum(REQUEST_RIRS, { error: () => `must be one of ${REQUEST_RIRS.join(', ')}` });
const kind = z.enum(REQUEST_KINDS, { error: () => `must be one of ${REQUEST_KINDS.join(', ')}` });
const short = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
const asnNumber = z.number().int().min(0).max(4294967295);

/** One policy-check verdict as the UI shows it (CLI `check-request --json` keeps rule/ok/message/source). */
export interface CheckView {
  rule: string;
  title: string;
  severity: 'E' | 'W' | 'I';
  ok: boolean;
  /** pass | verify (UNCONFIRMED rule: "verify with the RIR") | info | warn | FAIL */
  verdict: 'pass' | 'verify' | 'info' | 'warn' | 'FAIL';
  message: string;
  source: string;
  asOf: string;
  verify: boolean;
  /** The draft field to fix (an edit path such as `prefixLength`), when one field decides it. */
  field: string | null;
}

/** A row of the addressing plan with the projections the registry's history gives. */
export interface PlanView {
  pool: string;
  purpose: string;
  prefixLength: number;
  /** Unit counted: 'addresses' (IPv4) or '/48', '/56', '/64' (IPv6). */
  unit: string;
  totalUnits: number;
  now: number;
  m3: number;
  m6: number;
  m12: number;
  m24: number;
  /** How the projection was made: 'trend' (least squares over dated assignments) or 'flat'. */
  method: 'trend' | 'flat';
}

export interface MissingItem {
  field: string;
  message: string;
}

export interface DraftView {
  rir: RequestRir;
  kind: RequestKindName;
  draft: RequestDraft;
  edits: RequestEdits;
  plan: PlanView[];
  checks: CheckView[];
  /** No failed E check: the draft may be exported as policy-conforming. */
  conforming: boolean;
  /** What the workspace does not know yet (fill it in Settings or the draft). */
  missing: MissingItem[];
}

export interface ContactRow {
  name: string;
  email: string;
  phone: string;
  handle: string;
  roles: ContactRole[];
}
export const CONTACT_ROLES = ['requester', 'admin', 'tech', 'abuse'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const NEIGHBOUR_RELATIONS = ['own', 'upstream', 'peer', 'none'] as const;
export type NeighbourRelation = (typeof NEIGHBOUR_RELATIONS)[number];

export interface NeighbourRow {
  asn: number;
  description: string;
  relation: NeighbourRelation;
  /** True when the relation was guessed from the ASN's description (not yet set by the planner). */
  guessed: boolean;
  contact: string;
  email: string;
  phone: string;
  contractSigned: boolean;
}

export interface OrganisationSettings {
  legalName: string;
  tradingName: string;
  address: string[];
  country: string;
  website: string;
  accountId: string;
  role: 'lir' | 'end-user';
  orgHandle: string;
  mntner: string;
  nameServers: string[];
  contacts: ContactRow[];
  neighbours: NeighbourRow[];
  /** Blocks sub-allocated to another operator (RIPE SUB-ALLOCATED PA / ALLOCATED-BY-LIR), CIDR text. */
  subAllocations: string[];
  /** abuse-c: the NIC handle of the abuse contact (a role with abuse-mailbox). */
  abuseC: string;
  /** APNIC: the IRT object every inetnum/inet6num names in mnt-irt (mandatory at APNIC). */
  apnicIrt: string;
  /** ARIN: the Org ID and the POC handles of ARIN's own records. */
  arinOrgId: string;
  arinAdminPoc: string;
  arinTechPoc: string;
  arinAbusePoc: string;
}

export interface RpslResult {
  objects: RpslObject[];
  text: string;
  /** Placeholders used where Settings has no value yet. */
  warnings: string[];
}

/** `ns-check` (CLI.md): whether the name servers sit on different networks (RFC 2182 §3.1). */
export interface NsCheckResult {
  ok: boolean;
  problems: string[];
}

export interface ZoneFileView {
  zone: string;
  role: 'reverse' | 'rfc2317-child' | 'rfc2317-parent' | 'domain';
  fileName: string;
  text: string;
}

export interface ReverseResult {
  zones: ZoneFileView[];
  text: string;
  warnings: string[];
}

export interface ChecklistStep {
  step: number;
  title: string;
  produces: string;
  state: 'done' | 'ready' | 'todo' | 'n/a';
  detail: string;
  /** Steps Headroom cannot see (budget, systems, ccTLD) are ticked by hand. */
  manual: boolean;
}

// ---------------------------------------------------------------- the planner's edits

const optionalInt = (min: number, max: number) => z.number().int().min(min).max(max).nullable().optional();

/** What the registry cannot know, kept per RIR and kind; null clears a value. */
export const requestEditsSchema = z
  .object({
    type: z.enum(['initial', 'subsequent']).nullable().optional(),
    prefixLength: optionalInt(0, 128),
    smallestAcceptableLength: optionalInt(0, 128),
    waitlist: z.boolean().nullable().optional(),
    viaTransfer: z.boolean().nullable().optional(),
    horizonMonths: optionalInt(1, 120),
    justification: short(10_000).nullable().optional(),
    lastReceivedDate: isoDay.nullable().optional(),
    need12mAddresses: optionalInt(0, 4294967296),
    multihoming: z.enum(['now', 'soon', 'no']).nullable().optional(),
    soonMonths: optionalInt(0, 60),
    uniqueRoutingPolicy: short(10_000).nullable().optional(),
    interconnectionPlanned: z.boolean().nullable().optional(),
    ixps: z.array(short(200)).max(50).nullable().optional(),
    diagramAttached: z.boolean().nullable().optional(),
    notes: short(10_000).nullable().optional(),
    asnBits: z
      .union([z.literal(16), z.literal(32), z.literal('any')])
      .nullable()
      .optional(),
    reason16: short(2000).nullable().optional(),
    holdsPiAndPlansMultihoming: z.boolean().nullable().optional(),
    asSet: short(80).nullable().optional(),
    servingSites: optionalInt(1, 1_000_000),
    largestSiteEndSites: optionalInt(1, 100_000_000),
    providerAllocationUnit: optionalInt(32, 64),
    endUserSites: optionalInt(1, 1_000_000),
    maxSiteUsedPct: z.number().min(0).max(100).nullable().optional(),
    announceWithinMonths: optionalInt(0, 120),
    dsRdata: z.array(short(300)).max(20).nullable().optional(),
    equipment: z
      .array(z.object({ name: short(200).min(1, 'is required'), vendor: short(200).optional(), model: short(200).optional(), usage: short(500).optional() }))
      .max(200)
      .nullable()
      .optional(),
  })
  .strict();
export type RequestEdits = z.infer<typeof requestEditsSchema>;

const contactSchema = z.object({
  name: short(200).min(1, 'is required'),
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
  phone: z
    .string()
    .trim()
    .regex(/^(\+[0-9][0-9 .()-]*( ?ext\. ?[0-9]+)?)?$/, 'must start with + and the country code')
    .max(30),
  handle: short(30),
  roles: z.array(z.enum(CONTACT_ROLES)).max(4),
});

const neighbourSchema = z.object({
  asn: asnNumber,
  relation: z.enum(NEIGHBOUR_RELATIONS),
  contact: short(200).optional(),
  email: short(200).optional(),
  phone: short(30).optional(),
  contractSigned: z.boolean().optional(),
});

const draftKey = { rir, kind };

export const requestsOps = {
  'requests.getDraft': query<DraftView>()(z.object(draftKey), 'The request draft filled from the workspace, with its checks'),
  'requests.updateDraft': mutation<DraftView>()(z.object({ ...draftKey, edits: requestEditsSchema }), "Keep the planner's edits to a draft (undoable)"),
  'requests.resetDraft': mutation<DraftView>()(z.object(draftKey), "Drop the planner's edits to a draft (undoable)"),
  'requests.checks': query<CheckView[]>()(z.object(draftKey), 'Only the policy checks of a draft'),
  'requests.rpsl': query<RpslResult>()(
    z.object({ resource: z.string().trim().min(1, 'is required').max(60), rir: rir.optional(), asSet: short(80).optional() }),
    'The RPSL objects of a block (inetnum/inet6num, route/route6) or an ASN (aut-num)',
  ),
  'requests.nsCheck': query<NsCheckResult>()(
    z.object({
      ns: z.array(z.string().trim().min(1).max(300)).min(1, 'is required').max(13),
      /** Check only the servers whose address is known (NAME=IP or a recorded host); skip the rest (the Settings hint). */
      placedOnly: z.boolean().optional(),
    }),
    'Whether the name servers (NAME=IP) sit on different networks (RFC 2182 §3.1)',
  ),
  'requests.reverseZones': query<ReverseResult>()(
    z.object({
      prefix: z.string().trim().min(1, 'is required').max(60),
      ns: z.array(z.string().max(253)).max(20),
      format: z.enum(['bind', 'rpsl']),
      ds: z.array(z.string().max(300)).max(20).optional(),
      serial: z.number().int().min(0).max(4294967295).optional(),
    }),
    'The reverse-DNS zones of a block: BIND zone files or RIPE domain objects',
  ),
  'requests.getOrganisation': query<OrganisationSettings>()(z.object({}), 'Organisation, contacts and neighbours the drafts use'),
  'requests.updateOrganisation': mutation<OrganisationSettings>()(
    z.object({
      legalName: short(200).optional(),
      tradingName: short(200).optional(),
      address: z.array(short(200)).max(8).optional(),
      country: z
        .string()
        .trim()
        .superRefine((v, ctx) => {
          const p = countryProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        })
        .optional(),
      website: short(300)
        .superRefine((v, ctx) => {
          const p = urlProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        })
        .optional(),
      accountId: short(100).optional(),
      role: z.enum(['lir', 'end-user']).optional(),
      orgHandle: short(30).optional(),
      mntner: short(80)
        .superRefine((v, ctx) => {
          const p = mntnerProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        })
        .optional(),
      // Checked as one list, so a refusal names "nameServers", not an element's index.
      nameServers: z
        .array(z.string().trim())
        .max(13, 'give at most 13 name servers')
        .superRefine((v, ctx) => {
          const p = nameServersProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        })
        .optional(),
      contacts: z.array(contactSchema).max(50).optional(),
      neighbours: z.array(neighbourSchema).max(500).optional(),
      subAllocations: z.array(short(60)).max(1000).optional(),
      abuseC: short(30).optional(),
      apnicIrt: short(80).optional(),
      arinOrgId: short(30).optional(),
      arinAdminPoc: short(30).optional(),
      arinTechPoc: short(30).optional(),
      arinAbusePoc: short(30).optional(),
    }),
    'Change the organisation, contacts or neighbours (undoable)',
  ),
  'requests.checklist': query<ChecklistStep[]>()(z.object({}), 'The RFC 2901 checklist: each step, what Headroom produces, what is done'),
  'requests.markStep': mutation<ChecklistStep[]>()(
    z.object({ step: z.number().int().min(1).max(11), done: z.boolean() }),
    'Tick a checklist step Headroom cannot see (undoable)',
  ),
};
