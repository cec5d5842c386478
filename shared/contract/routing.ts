/**
 * routing.*: what we announce (routes: a prefix of our aggregates and its origin AS), the ROAs
 * those routes need (RFC 9319), their check against a validator's VRPs (RFC 6811), and the ROA
 * exports (SLURM, CSV, the RIRs' bulk forms). docs/routing.md holds the rules and sources.
 */
import { z } from 'zod';
import { mutation, query } from './define';

export const ROA_EXPORT_FORMAT_NAMES = ['slurm', 'csv', 'lacnic', 'arin', 'ripe'] as const;
export type RoaExportFormatName = (typeof ROA_EXPORT_FORMAT_NAMES)[number];

export type RouteOriginKind = 'ours' | 'customer' | null;

export interface RouteRow {
  id: number;
  /** Canonical CIDR. */
  prefix: string;
  family: 4 | 6;
  /** Origin AS, asplain. */
  origin: number;
  description: string;
  /** The aggregate of ours it lies in. */
  aggregate: string;
  /** Whose the origin is: one of our ASNs, a customer's (in one of our ASN blocks), or neither. */
  originKind: RouteOriginKind;
}

export interface RoaPlanRow {
  prefix: string;
  maxLength: number;
  /** 0 for AS0. */
  asn: number;
  reason: string;
  /** The ROA (one per origin AS) this entry belongs to. */
  roa: string;
}

export interface RoaPlanResult {
  roas: RoaPlanRow[];
  warnings: string[];
}

export const ROUTE_STATE_NAMES = ['valid', 'invalid-asn', 'invalid-length', 'not-found'] as const;
export type RouteStateName = (typeof ROUTE_STATE_NAMES)[number];

export interface RoaCheckResult {
  routes: { prefix: string; origin: number; state: RouteStateName; reason: string }[];
  vrps: { prefix: string; maxLength: number; asn: number; finding: 'too-permissive' | 'redundant'; reason: string }[];
  /** VRPs in the file. */
  total: number;
  /** VRPs overlapping our aggregates. */
  considered: number;
  /** VRPs for space that is not ours: left out, counted here. */
  ignored: number;
  warnings: string[];
}

export interface RoaExportResult {
  format: RoaExportFormatName;
  text: string;
  /** Planned ROA entries in the file. */
  items: number;
  fileName: string;
  /** What the planner should know before sending the file: the plan's warnings, an empty plan, a request to sign. */
  warnings: string[];
}

/** ASPA drafts (draft-ietf-sidrops-aspa-profile): one per AS of ours, its providers the recorded upstreams. */
export interface AspaPlanResult {
  aspas: { customer: number; providers: number[]; reason: string }[];
  warnings: string[];
}

const cidr = z.string().trim().min(1, 'is required').max(60);
const asnText = z.string().trim().min(1, 'is required').max(40);

export const routingOps = {
  'routing.listRoutes': query<RouteRow[]>()(
    z.object({ within: z.string().trim().max(60).optional() }),
    'The routes we announce (or plan to), with their origin AS',
  ),
  'routing.addRoute': mutation<RouteRow>()(
    z.object({ prefix: cidr, origin: asnText, description: z.string().max(2000).optional() }),
    "Record a route: a prefix of our aggregates and its origin AS (ours or a customer's)",
  ),
  'routing.removeRoute': mutation<RouteRow>()(z.object({ prefix: cidr, origin: asnText }), 'Remove a route'),
  'routing.planRoas': query<RoaPlanResult>()(
    z.object({ as0: z.boolean().optional(), within: z.string().trim().max(60).optional() }),
    'The ROAs the routes need (RFC 9319), each with its reason; with as0, AS0 ROAs for unrouted space',
  ),
  'routing.checkRoas': query<RoaCheckResult>()(
    z.object({
      /** The validator's JSON export, as text. */
      vrps: z.string().max(60 * 1024 * 1024, 'the VRP file is larger than 60 MB'),
      within: z.string().trim().max(60).optional(),
    }),
    "Each route's RPKI state (RFC 6811) and the VRPs of our space that are too permissive or redundant",
  ),
  'routing.planAspas': query<AspaPlanResult>()(
    z.object({}),
    'ASPA drafts: for each AS of ours, the recorded upstreams as its providers (draft-ietf-sidrops-aspa-profile)',
  ),
  'routing.exportRoas': query<RoaExportResult>()(
    z.object({
      format: z.enum(ROA_EXPORT_FORMAT_NAMES, { error: () => `must be one of ${ROA_EXPORT_FORMAT_NAMES.join(', ')}` }),
      as0: z.boolean().optional(),
    }),
    "The planned ROAs as SLURM (RFC 8416), CSV, or an RIR's bulk ROA form",
  ),
};
