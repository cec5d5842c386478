/**
 * zod schema of the request draft (draft.ts), for the contract and forms: a service or the
 * UI parses a draft with it and gets field-level problems (`path` → `field`).
 * Its inferred type is assignable to RequestDraft (checked in the tests).
 */
import { z } from 'zod';
import { isCalendarDay } from '../dates';
import { RIRS } from './rir';

const rir = z.enum(RIRS as unknown as ['arin', 'ripe', 'apnic', 'lacnic', 'afrinic']);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a real calendar day');
const pct = z.number().min(0).max(100);
const count = z.number().int().min(0);
const asn = z.number().int().min(0).max(4294967295);
const prefixLength = z.number().int().min(0).max(128);
const text = z.string().max(10_000);

const neighbour = z.object({
  asn,
  org: z.string().min(1).max(200),
  contact: z.string().max(200).optional(),
  email: z.string().max(200).optional(),
  phone: z.string().max(60).optional(),
  contractSigned: z.boolean().optional(),
});

const rpslObjectSchema = z.object({
  attributes: z.array(z.object({ name: z.string().regex(/^[a-z*][a-z0-9_*-]*$/, 'attribute names are lower case'), value: z.string() })).min(1),
});

export const requestDraftSchema = z.object({
  requester: z.object({
    name: z.string().min(1).max(200),
    email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
    phone: z
      .string()
      .regex(/^\+[0-9][0-9 .()-]*( ?ext\. ?[0-9]+)?$/, 'must start with + and the country code')
      .optional(),
    handle: z.string().max(30).optional(),
    roleInOrg: z.string().max(200).optional(),
  }),
  organisation: z.object({
    legalName: z.string().min(1).max(200),
    tradingName: z.string().max(200).optional(),
    address: z.array(z.string().max(200)).min(1),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter code'),
    website: z.string().max(300).optional(),
    accountId: z.string().max(100).optional(),
    role: z.enum(['lir', 'end-user']),
  }),
  request: z.object({
    rir,
    kind: z.enum(['ipv4', 'ipv6', 'asn']),
    type: z.enum(['initial', 'subsequent']),
    prefixLength: prefixLength.optional(),
    prefix: z.string().max(60).optional(),
    smallestAcceptableLength: prefixLength.optional(),
    waitlist: z.boolean().optional(),
    viaTransfer: z.boolean().optional(),
    horizonMonths: z.number().int().min(1).max(120).optional(),
    justification: text.optional(),
    lastReceivedDate: day.optional(),
    need12mAddresses: count.optional(),
  }),
  holdings: z.array(
    z.object({
      prefix: z.string().max(60),
      source: z.union([rir, z.literal('upstream'), z.literal('transfer')]),
      date: day.optional(),
      usedPct: pct.optional(),
      arinExcluded: z.boolean().optional(),
      returnBy: day.optional(),
    }),
  ),
  plan: z.array(
    z.object({
      purpose: z.string().max(200),
      prefixLength,
      unit: z.string().max(20).optional(),
      now: count,
      m6: count.optional(),
      m12: count.optional(),
      m24: count.optional(),
    }),
  ),
  need: z.array(z.object({ horizonMonths: z.number().int().min(1).max(120), demand: count, growth: count, free: count, net: z.number().int() })).optional(),
  infrastructure: z.array(
    z.object({
      name: z.string().min(1).max(200),
      vendor: z.string().max(200).optional(),
      model: z.string().max(200).optional(),
      usage: z.string().max(500).optional(),
    }),
  ),
  diagramAttached: z.boolean(),
  connectivity: z.object({
    upstreams: z.array(neighbour),
    peers: z.array(neighbour),
    ixps: z.array(z.string().max(200)),
    ownAsn: asn.optional(),
    multihoming: z.enum(['now', 'soon', 'no']),
    soonMonths: z.number().int().min(0).max(60).optional(),
    uniqueRoutingPolicy: text.optional(),
    interconnectionPlanned: z.boolean().optional(),
  }),
  ipv6: z
    .object({
      servingSites: z.number().int().min(1).optional(),
      largestSiteEndSites: z.number().int().min(1).optional(),
      providerAllocationUnit: z.number().int().min(32).max(64).optional(),
      endUserSites: z.number().int().min(1).optional(),
      currentAllocationLength: prefixLength.optional(),
      assignedUnits: count.optional(),
      totalUsedPct: pct.optional(),
      maxSiteUsedPct: pct.optional(),
      announceWithinMonths: z.number().int().min(0).max(120).optional(),
    })
    .optional(),
  asn: z
    .object({
      bits: z.union([z.literal(16), z.literal(32), z.literal('any')]),
      reason16: text.optional(),
      holdsPiAndPlansMultihoming: z.boolean().optional(),
      family: z.enum(['ipv4', 'ipv6']).optional(),
    })
    .optional(),
  originate: z.array(z.string().max(60)),
  dbObjects: z.array(z.object({ object: rpslObjectSchema, parentStatus: z.string().max(60).optional(), isNew: z.boolean().optional() })),
  reverse: z.array(z.object({ zone: z.string().max(255), nserver: z.array(z.string().max(300)), dsRdata: z.array(z.string().max(300)).optional() })),
  roas: z.array(z.object({ prefix: z.string().max(60), maxLength: prefixLength, asn })).optional(),
  steps: z.array(z.string().max(1000)).optional(),
  nameServerProblems: z.array(z.string().max(1000)).optional(),
  statsImport: z.string().optional(),
  notes: text.optional(),
  isExample: z.boolean().optional(),
});

export type RequestDraftInput = z.infer<typeof requestDraftSchema>;
