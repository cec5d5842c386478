/**
 * A site as one JSON document (CLI.md "Facility sites as documents"): `site show --json`
 * prints it, `site apply` creates or replaces the site it names. The document holds the site's
 * own fields and every component with every field the app edits, under the names the app and
 * the contract use; row ids are left out (they are the workspace's business) and a battery
 * string names its vendor table by key (`tableKey`), so a document moves between workspaces.
 *
 * Checking is all-at-once: every bad field is reported as `path: problem`
 * (`generators[1].ratingW: must be greater than 0`), unknown fields included, so a planner
 * fixes a file in one pass.
 */
import { z } from 'zod';
import { backupJobFields, batteryStringFields, coolingUnitFields, equipmentFields, generatorFields, siteFields, upsFields } from '../contract/facility';
import { documentPath, unknownFieldProblem, unknownFields, type InputPath } from '../strict-input';
import { circuitFields } from './circuits';
import type { SiteDetail } from './site-record';

/** The parts of a document, in the order `site show` prints them. */
export const DOCUMENT_PARTS = ['equipment', 'ups', 'batteryStrings', 'generators', 'coolingUnits', 'backupJobs', 'circuits'] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

// A string names its UPS system by position in the document's `ups` list (`upsIndex`), not by
// row id: ids are the workspace's, and an applied document makes new rows.
const { tableId: _tableId, tableKey: _tableKey, upsId: _upsId, ...batteryStringDocFields } = batteryStringFields;

const list = <S extends z.ZodRawShape>(shape: S) => z.array(z.object(shape), { error: 'must be a list' }).optional();

export const siteDocumentSchema = z.object({
  ...siteFields,
  equipment: list(equipmentFields),
  ups: list(upsFields),
  batteryStrings: list({
    ...batteryStringDocFields,
    tableKey: z.string().min(1, 'is required').nullable().optional(),
    upsIndex: z.number().int('must be a whole number').min(0, 'must be 0 or more').nullable().optional(),
  }),
  generators: list(generatorFields),
  coolingUnits: list(coolingUnitFields),
  backupJobs: list(backupJobFields),
  circuits: list(circuitFields),
});
export type SiteDocumentInput = z.input<typeof siteDocumentSchema>;
export type SiteDocument = z.output<typeof siteDocumentSchema>;

export interface DocumentProblem {
  path: string;
  problem: string;
}

function problemFor(issue: z.core.$ZodIssue, raw: unknown): string {
  let v: unknown = raw;
  for (const k of issue.path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  if (v === undefined && issue.code === 'invalid_type') return 'is required';
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected === 'number' ? 'a number' : issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  return issue.message;
}

/**
 * Parses a document: its value, or every problem (unknown fields first, then each bad value),
 * each with its path as the document spells it.
 */
export function parseSiteDocument(raw: unknown): { ok: true; document: SiteDocument } | { ok: false; problems: DocumentProblem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: 'document', problem: 'must be a JSON object (one site)' }] };
  }
  const problems: DocumentProblem[] = unknownFields(siteDocumentSchema, raw).map((u) => ({
    path: documentPath(u.path),
    problem: unknownFieldProblem(u, u.path.length === 1 ? 'a site document' : 'this part of a site document'),
  }));
  const parsed = siteDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      problems.push({ path: documentPath(issue.path as InputPath) || 'document', problem: problemFor(issue, raw) });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, document: parsed.data };
}

export function problemsText(problems: readonly DocumentProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.problem}`).join('\n');
}

const strip = <T extends { id: number; siteId?: number }>(r: T): Omit<T, 'id' | 'siteId'> => {
  const { id: _id, siteId: _siteId, ...rest } = r;
  return rest;
};

/** The document of a stored site (what `site show --json` prints). */
export function siteDocumentFromDetail(d: SiteDetail, tableKeyOf: (tableId: number) => string | null): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...site } = strip(d.site);
  return {
    ...site,
    equipment: d.equipment.map(strip),
    ups: d.ups.map(strip),
    batteryStrings: d.batteryStrings.map((b) => {
      const { tableId, upsId, ...rest } = strip(b);
      const upsIndex = upsId === null ? -1 : d.ups.findIndex((u) => u.id === upsId);
      return { ...rest, tableKey: tableId === null ? null : tableKeyOf(tableId), upsIndex: upsIndex < 0 ? null : upsIndex };
    }),
    generators: d.generators.map(strip),
    coolingUnits: d.coolingUnits.map(strip),
    backupJobs: d.backupJobs.map(strip),
    circuits: d.circuits.map(strip),
  };
}

/**
 * A calculator's refusal on the applied site (`load.items.3.nameplateW`, `generator.ratingW`)
 * as the document's path (`equipment[3].nameplateW`, `generators[0].ratingW`).
 */
export function documentPathOfSiteField(field: string): string {
  const segs = field.split('.');
  const rest = (from: number) => segs.slice(from).join('.');
  switch (segs[0]) {
    case 'load':
      if (segs[1] === 'items' && /^\d+$/.test(segs[2] ?? '')) return `equipment[${segs[2]}]${segs.length > 3 ? `.${rest(3)}` : ''}`;
      return rest(1) || 'equipment';
    case 'ups':
      return `ups[0]${segs.length > 1 ? `.${rest(1)}` : ''}`;
    case 'battery':
      return `batteryStrings[0]${segs.length > 1 ? `.${rest(1)}` : ''}`;
    case 'generator':
    case 'fuel':
      return `generators[0]${segs.length > 1 ? `.${rest(1)}` : ''}`;
    case 'cooling':
      return `coolingUnits[0]${segs.length > 1 ? `.${rest(1)}` : ''}`;
    case 'backup':
      if (segs[1] === 'windows' && /^\d+$/.test(segs[2] ?? '')) return `backupJobs[${segs[2]}]${segs.length > 3 ? `.${rest(3)}` : ''}`;
      return rest(1) || 'backupJobs';
    default:
      return field;
  }
}
