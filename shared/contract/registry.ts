import { z } from 'zod';
import type { ErrorShape } from '../errors';
import { mutation, query } from './define';
import { isCalendarDay } from '../dates';

export const PREFIX_STATUSES = ['aggregate', 'allocated', 'assigned', 'reserved', 'cooldown', 'planned'] as const;
export type PrefixStatus = (typeof PREFIX_STATUSES)[number];

export interface PrefixRow {
  id: number;
  prefix: string;
  family: 4 | 6;
  length: number;
  space: string;
  status: PrefixStatus;
  description: string;
  /** IPv6 pool assignment unit (prefix length), or null. */
  unit: number | null;
  date: string | null;
  rir: string | null;
  /** Usage counters kept current on every write (direct children only; no view walks a subtree). */
  usage: PrefixUsage;
}

/**
 * A block's place in its space's hierarchy and how full it is, from counters the workspace keeps
 * on every write (spec §3.8: used = Σ direct children, NIPAP-style). Percentages are of the
 * block's size; for IPv6 that equals the share of its assignment units whenever the children are
 * at least unit-sized (a child smaller than the unit counts by its addresses here; `util` gives
 * the exact unit count).
 */
export interface PrefixUsage {
  /** The most specific registered block holding this one in the same space, or null. */
  parentId: number | null;
  /** 0 for a top-level block. */
  depth: number;
  /** Direct children. */
  children: number;
  /** Share held by direct children that are not reserved, 0–100. */
  usedPct: number;
  /** Share held by direct reserved children (growth reservations included), 0–100. */
  reservedPct: number;
}

export const ALLOCATION_STRATEGIES = ['first-fit', 'best-fit', 'sparse', 'last-fit'] as const;
export type AllocationStrategyName = (typeof ALLOCATION_STRATEGIES)[number];
export const IMPORT_FORMATS = ['csv', 'netbox', 'delegated'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['csv', 'netbox', 'delegated'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A count that may exceed 2^53 (IPv6): a number when exact, else its decimal digits. */
export type BigCount = number | string;

export interface FreeSpace {
  parent: string;
  /** The minimal CIDR list, ascending (the page asked for); empty when asked `asText`. */
  free: string[];
  /** With `asText`: the same CIDRs one per line, each line ending in a newline. */
  freeText?: string;
  /** Free values in addresses (IPv4) or addresses (IPv6, as digits when huge). */
  freeAddresses: BigCount;
  cidrCount: number;
  gapCount: number;
  /** The largest free block (first of that size), or null when nothing is free. */
  largest: string | null;
  /** 1 − largest / total free (0: one aligned block or nothing free). */
  fragmentation: number;
  /** countByLength[len]: free CIDRs of that length. */
  countByLength: number[];
  /** Children that are not inside the parent (integrity errors), as CIDRs. */
  issues: string[];
}

export interface PrefixUtilization {
  prefix: string;
  /** Prefix length of one unit: 32 for IPv4, the pool unit for IPv6. */
  unit: number;
  totalUnits: BigCount;
  usedUnits: BigCount;
  freeUnits: BigCount;
  utilizationPct: number;
  /** Held by reserved blocks (growth reservations included): neither used nor free for others. */
  reservedUnits: BigCount;
  /** IPv6: log(used)/log(total) in units, with the RIPE 0.94 threshold; null for IPv4. */
  hdRatio: number | null;
  hdThresholdUnits: BigCount | null;
  meetsHd: boolean | null;
  /** Where the IPv6 unit came from. */
  unitSource: 'block' | 'enclosing' | 'option' | 'default' | 'ipv4';
  children: number;
}

export interface AllocationResult {
  /** The block taken (the first of them when several were asked for). */
  prefix: string;
  strategy: AllocationStrategyName;
  /** Every growth reservation, of every block taken, ascending per block. */
  reserved: string[];
  /** Every block taken, in the order the strategy picked them (`count` of them). */
  prefixes: string[];
  dryRun: boolean;
  row: PrefixRow | null;
}

export interface SearchResult {
  kind: 'containment' | 'text';
  rows: PrefixRow[];
  /** Containment: the most specific holder, if any. */
  holder: PrefixRow | null;
  truncated: boolean;
}

export interface BlockHistoryEntry {
  actionId: number;
  at: string;
  who: string;
  op: string;
  summary: string;
  state: 'done' | 'undone' | 'dropped' | 'applied';
  change: 'added' | 'removed' | 'changed';
  before: { status: string; description: string } | null;
  after: { status: string; description: string } | null;
}

export interface ImportResult {
  format: ImportFormat;
  dryRun: boolean;
  /** Blocks added (or that would be added). */
  added: number;
  /** AS numbers added (or that would be added): a delegated file's allocated/assigned asn records. */
  asns?: number;
  /** Records skipped by rule (delegated: available/reserved rows, other holders). */
  skipped: number;
  /** First blocks, for a preview. */
  preview: string[];
}

/** An import run by the server as a job the client polls (registry.importStart / importJob / importCancel). */
export interface ImportJob {
  jobId: string;
  /** `cancelled` and `failed` changed nothing; `done` wrote the whole file (or, for a dry run, checked it). */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** reading: the file is parsed slice by slice (cancellable); checking: against the workspace, then written in one go. */
  phase: 'reading' | 'checking' | 'done';
  /** Characters of the file read so far, of `totalChars`. */
  doneChars: number;
  totalChars: number;
  result: ImportResult | null;
  /** Why it failed: the same shape every refusal has (`line N: field: problem` lines for a bad file). */
  error: ErrorShape | null;
}

export interface ExportResult {
  format: ExportFormat;
  text: string;
  rows: number;
}

export interface AsnFlag {
  kind: string;
  purpose: string;
  rfc: string;
  legalInternally: boolean;
}

export interface AsnRow {
  id: number;
  asn: number;
  asdot: string;
  description: string;
  /** 2-octet (fits old BGP speakers without AS_TRANS). */
  asn16: boolean;
  special: AsnFlag | null;
  warning: string | null;
  /** the day it was taken into use (YYYY-MM-DD) */
  date: string;
}

/** A block of AS numbers the ISP draws from (its RIR block, or a private range for customers). */
export interface AsnRangeRow {
  id: number;
  name: string;
  first: number;
  last: number;
  /** first and last in asdot, for people */
  firstAsdot: string;
  lastAsdot: string;
  size: number;
  /** ASNs recorded inside the block */
  used: number;
  description: string;
  /** the day the block was obtained (YYYY-MM-DD) */
  date: string;
}

/** A block as added or changed, with what the planner should look at twice (never a refusal). */
export type EditedPrefix = PrefixRow & { warnings?: string[] };

export interface PrefixPage {
  total: number;
  rows: PrefixRow[];
}

/** YYYY-MM-DD that is a real calendar day. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a real calendar day');

const statusField = z.enum(PREFIX_STATUSES, {
  error: () => `must be one of ${PREFIX_STATUSES.join(', ')}`,
});
const spaceField = z.string().trim().min(1, 'must not be empty').max(100).optional();

/** What an import reads: the same for one run (registry.import) and a job (registry.importStart). */
const importInput = z.object({
  format: z.enum(IMPORT_FORMATS, { error: () => `must be one of ${IMPORT_FORMATS.join(', ')}` }),
  text: z.string(),
  dryRun: z.boolean().optional(),
  opaqueId: z.string().min(1).max(100).optional(),
  cc: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .optional(),
  space: spaceField,
});

export const registryOps = {
  'registry.addPrefix': mutation<EditedPrefix>()(
    z.object({
      prefix: z.string().min(1, 'is required'),
      space: spaceField,
      status: statusField.optional(),
      description: z.string().max(2000).optional(),
      unit: z.number().int().min(1).max(128).optional(),
      date: isoDay.optional(),
      rir: z.string().max(20).optional(),
    }),
    'Add a block to the registry',
  ),
  'registry.setPrefix': mutation<EditedPrefix>()(
    z.object({
      prefix: z.string().min(1, 'is required'),
      space: spaceField,
      status: statusField.optional(),
      description: z.string().max(2000).optional(),
      date: isoDay.optional(),
      /** null: no unit of its own (counted in the enclosing pool's). */
      unit: z.number().int().min(1).max(128).nullable().optional(),
      /** '' or null: not RIR space (upstream or private). */
      rir: z.string().max(20).nullable().optional(),
    }),
    'Change a recorded block in place (only the fields given), in one undoable change',
  ),
  'registry.setPrefixes': mutation<{ changed: number; warnings: string[] }>()(
    z.object({
      items: z
        .array(
          z.object({
            prefix: z.string().min(1, 'is required'),
            space: spaceField,
            status: statusField.optional(),
            description: z.string().max(2000).optional(),
            date: isoDay.optional(),
            rir: z.string().max(20).nullable().optional(),
          }),
        )
        .min(1, 'select at least one block')
        .max(10000),
    }),
    'Change several blocks at once (bulk edit): all or nothing, one undoable change',
  ),
  'registry.releasePrefix': mutation<PrefixRow>()(
    z.object({
      prefix: z.string().min(1, 'is required'),
      space: spaceField,
      cooldownDays: z.number().int().min(0, 'must be 0 or more').max(3650, 'must be at most 3650').optional(),
    }),
    'End an assignment: cooldown until today + N days (default 180); 0 frees it at once',
  ),
  'registry.removePrefixTree': mutation<{ removed: number; row: PrefixRow }>()(
    z.object({ prefix: z.string().min(1, 'is required'), space: spaceField }),
    'Remove a block with every block inside it, in one undoable change',
  ),
  'registry.splitPrefix': mutation<PrefixRow[]>()(
    z.object({
      prefix: z.string().min(1, 'is required'),
      space: spaceField,
      parts: z.number().int().min(2, 'must be at least 2').max(4096, 'must be at most 4096'),
      status: statusField.optional(),
      description: z.string().max(2000).optional(),
    }),
    'Split an empty block into N equal children (N a power of two), in one undoable change',
  ),
  'registry.addSpace': mutation<string[]>()(
    z.object({ name: z.string().trim().min(1, 'is required').max(100), description: z.string().max(2000).optional() }),
    'Create an address space (a VRF); answers the list of spaces',
  ),
  'registry.setAsn': mutation<AsnRow>()(
    z.object({ asn: z.string().min(1, 'is required').max(40), description: z.string().max(2000).optional(), date: isoDay.optional() }),
    'Change a recorded AS number (description, date)',
  ),
  'registry.removePrefix': mutation<PrefixRow>()(
    z.object({ prefix: z.string().min(1, 'is required'), space: spaceField }),
    'Remove a block that has no children',
  ),
  'registry.listPrefixes': query<PrefixPage>()(
    z.object({
      within: z.string().optional(),
      space: spaceField,
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(100000).optional(),
      /** Only the direct children of this block id (null: the top-level blocks of the space). */
      parentId: z.number().int().min(1).nullable().optional(),
    }),
    'Blocks in CLI order (IPv4 first, by address, then length)',
  ),
  'registry.listSpaces': query<string[]>()(z.object({}), 'Address spaces (global plus VRFs)'),
  'registry.freeSpace': query<FreeSpace>()(
    z.object({
      prefix: z.string().min(1, 'is required'),
      space: spaceField,
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(10_000_000).optional(),
      /** Only the summary (no list): what a view needs for a huge parent. */
      summaryOnly: z.boolean().optional(),
      /** The list as one text of lines (`freeText`) rather than an array: millions of CIDRs stay cheap. */
      asText: z.boolean().optional(),
    }),
    'Free space inside a block: the minimal CIDR list, ascending, with its summary (spec §5.5)',
  ),
  'registry.utilization': query<PrefixUtilization>()(
    z.object({ prefix: z.string().min(1, 'is required'), space: spaceField, unit: z.number().int().min(1).max(128).optional() }),
    'Utilization of a block: IPv4 in addresses, IPv6 in the pool unit, with the HD-ratio',
  ),
  'registry.allocate': mutation<AllocationResult>()(
    z.object({
      from: z.string().min(1, 'is required'),
      length: z.number().int().min(0).max(128),
      strategy: z.enum(ALLOCATION_STRATEGIES, { error: () => `must be one of ${ALLOCATION_STRATEGIES.join(', ')}` }).optional(),
      growth: z.number().int().min(0).max(128).optional(),
      status: statusField.optional(),
      description: z.string().max(2000).optional(),
      space: spaceField,
      dryRun: z.boolean().optional(),
      /** How many blocks to take at once (one undoable change); refused whole when fewer fit. */
      count: z.number().int().min(1, 'must be at least 1').max(4096, 'must be at most 4096').optional(),
    }),
    'Pick free blocks of a length by a strategy (spec §5) and record them, with growth reservations',
  ),
  'registry.search': query<SearchResult>()(
    z.object({ query: z.string().trim().min(1, 'is required').max(200), space: spaceField, limit: z.number().int().min(1).max(1000).optional() }),
    'Who holds an address or block (containment), or blocks whose description matches a text',
  ),
  'registry.blockHistory': query<BlockHistoryEntry[]>()(
    z.object({ prefix: z.string().min(1, 'is required'), space: spaceField }),
    'Every recorded change of one block, newest first',
  ),
  'registry.import': mutation<ImportResult>()(importInput, 'Import blocks from CSV, NetBox prefix CSV or an RIR delegated file: all or nothing'),
  'registry.importStart': mutation<ImportJob>()(
    importInput,
    'Start registry.import as a job: answers at once; poll registry.importJob for its progress and result',
  ),
  // Reads of a job's state (not of the workspace); Cancel only stops a job before it writes.
  'registry.importJob': query<ImportJob>()(z.object({ jobId: z.string().min(1).max(100) }), 'How far an import job has come, with its result once done'),
  'registry.importCancel': query<ImportJob>()(
    z.object({ jobId: z.string().min(1).max(100) }),
    'Cancel an import job before it writes: the workspace stays as it was',
  ),
  'registry.export': query<ExportResult>()(
    z.object({
      format: z.enum(EXPORT_FORMATS, { error: () => `must be one of ${EXPORT_FORMATS.join(', ')}` }),
      within: z.string().optional(),
      space: spaceField,
    }),
    'The registry as CSV, NetBox prefix CSV or an RIR delegated file (the text)',
  ),
  'registry.addAsn': mutation<AsnRow>()(
    z.object({ asn: z.string().min(1, 'is required').max(40), description: z.string().max(2000).optional(), date: isoDay.optional() }),
    'Record an AS number (asplain or asdot)',
  ),
  'registry.listAsns': query<AsnRow[]>()(z.object({}), 'AS numbers with their special-purpose flags'),
  'registry.removeAsn': mutation<AsnRow>()(z.object({ asn: z.string().min(1, 'is required').max(40) }), 'Remove an AS number'),
  'registry.addAsnRange': mutation<AsnRangeRow>()(
    z.object({
      name: z.string().trim().min(1, 'is required').max(100),
      first: z.string().min(1, 'is required').max(40),
      last: z.string().min(1, 'is required').max(40),
      description: z.string().max(2000).optional(),
      date: isoDay.optional(),
    }),
    'Record a block of AS numbers (asplain or asdot bounds, inclusive)',
  ),
  'registry.listAsnRanges': query<AsnRangeRow[]>()(z.object({}), 'ASN blocks with how many of their ASNs are recorded'),
  'registry.removeAsnRange': mutation<AsnRangeRow>()(z.object({ name: z.string().trim().min(1, 'is required').max(100) }), 'Remove an ASN block'),
};
