/**
 * Sites as documents (CLI.md): `site show --json` and `site apply`. A document creates the
 * site it names, or replaces everything the document describes of an existing one (its fields
 * and every component), in ONE action: one journal entry, one undo step. The site's dated
 * readings are history, not design, so they are kept. Every bad field is reported at once as
 * `path: problem` and nothing changes.
 */
import type { SiteApplyResult } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { checkFuelCurve } from '../../../shared/facility/fuel';
import { guard } from '../../../shared/facility/result';
import { computeSiteLimits } from '../../../shared/facility/site';
import {
  documentPathOfSiteField,
  parseSiteDocument,
  problemsText,
  siteDocumentFromDetail,
  type DocumentProblem,
  type SiteDocument,
} from '../../../shared/facility/site-document';
import { siteDocumentWarnings } from '../../../shared/facility/sanity';
import { siteInputFromDetail, upsUnitsAfterWorstFailure } from '../../../shared/facility/site-record';
import { checkUpsModel } from '../../../shared/facility/ups';
import { tableRow, type BatteryModel } from '../../../shared/facility/battery-table';
import type { Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { bundledBatteryTables, COMPONENTS, insertBatteryTable, siteDetail, tableKey, workspaceTables } from './facility';
import { SITES, toColumns } from './facility-tables';

/** Stored-site fields with a database default; every other site field defaults to null. */
const SITE_DEFAULTS: Record<string, unknown> = { description: '', altitudeM: 0, ambientC: 25, areaM2: 0, maxPeople: 0 };

type Reader = Pick<Workspace, 'all' | 'get'> | Tx;

function siteIdByName(db: Reader, name: string): number | null {
  const r = db.get('SELECT id FROM facility_sites WHERE name = ?', [name]);
  return r ? Number(r.id) : null;
}

export function siteDocument(ws: Workspace, input: { siteId: number }): Record<string, unknown> {
  const d = siteDetail(ws, input.siteId);
  const tables = workspaceTables(ws);
  return siteDocumentFromDetail(d, (id) => {
    const t = tables.find((x) => x.id === id);
    return t ? tableKey(t.model) : null;
  });
}

/** A battery table by the key a document gives: the workspace's own first, then a bundled one. */
function findTable(db: Reader, key: string): { id: number | null; model: BatteryModel } | null {
  const own = workspaceTables(db).find((t) => tableKey(t.model) === key);
  if (own) return own;
  const b = bundledBatteryTables().find((t) => t.key === key || tableKey(t.model) === key);
  return b ? { id: null, model: b.model } : null;
}

function check(problems: DocumentProblem[], path: string, fn: () => void): void {
  const r = guard(fn);
  if (!r.ok) {
    const tail = r.error.field.split('.').at(-1)!;
    problems.push({ path: `${path}.${tail}`, problem: r.error.message });
  }
}

/** The checks that need more than one field of a component (each named by its path). */
function componentProblems(db: Reader, doc: SiteDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  (doc.ups ?? []).forEach((u, i) => {
    check(problems, `ups[${i}]`, () => checkUpsModel({ name: u.name, ratedVA: u.ratedVA, ratedW: u.ratedW }, 'ups'));
    const redundancy = u.redundancy ?? 'N';
    if (upsUnitsAfterWorstFailure({ units: u.units ?? 1, redundancy }) < 1) {
      problems.push({ path: `ups[${i}].units`, problem: `${redundancy} needs at least 2 units (has ${u.units ?? 1})` });
    }
  });
  const upsCount = (doc.ups ?? []).length;
  (doc.batteryStrings ?? []).forEach((b, i) => {
    if (b.upsIndex != null && b.upsIndex >= upsCount) {
      problems.push({
        path: `batteryStrings[${i}].upsIndex`,
        problem: `there is no UPS system ${b.upsIndex} in the document (it lists ${upsCount}, numbered from 0)`,
      });
    }
    if (b.tableKey) {
      const t = findTable(db, b.tableKey);
      if (!t) problems.push({ path: `batteryStrings[${i}].tableKey`, problem: `there is no battery table "${b.tableKey}"` });
      else if (b.endVoltsPerCell !== null && b.endVoltsPerCell !== undefined) {
        const r = guard(() => tableRow(t.model, b.endVoltsPerCell!));
        if (!r.ok) problems.push({ path: `batteryStrings[${i}].endVoltsPerCell`, problem: r.error.message });
      }
    } else if (b.method === 'table') {
      problems.push({ path: `batteryStrings[${i}].tableKey`, problem: 'the table method needs a vendor battery table' });
    }
  });
  (doc.generators ?? []).forEach((g, i) => {
    if (g.curve) check(problems, `generators[${i}]`, () => checkFuelCurve(g.curve!));
    if (g.reserveL != null && g.tankL != null && g.reserveL >= g.tankL * (g.usableFrac ?? 1)) {
      problems.push({ path: `generators[${i}].reserveL`, problem: `must be less than the usable volume (${g.tankL * (g.usableFrac ?? 1)} L)` });
    }
  });
  const circuitNames = new Set<string>();
  (doc.circuits ?? []).forEach((c, i) => {
    if (circuitNames.has(c.name)) problems.push({ path: `circuits[${i}].name`, problem: `another circuit is already named "${c.name}"` });
    circuitNames.add(c.name);
  });
  (doc.equipment ?? []).forEach((e, i) => {
    if (e.circuit && !circuitNames.has(e.circuit))
      problems.push({ path: `equipment[${i}].circuit`, problem: `there is no circuit "${e.circuit}" in the document` });
  });
  (doc.backupJobs ?? []).forEach((j, i) => {
    if (j.windowH > j.intervalH)
      problems.push({ path: `backupJobs[${i}].windowH`, problem: `window longer than interval (${j.windowH} h > ${j.intervalH} h)` });
  });
  return problems;
}

function refuse(problems: readonly DocumentProblem[]): never {
  throw new HeadroomError('invalid', problemsText(problems), problems[0]!.path, '');
}

export const applySiteDocument = operation('facility.applySite', (ws, input, write): SiteApplyResult => {
  const parsed = parseSiteDocument(input.document);
  if (!parsed.ok) refuse(parsed.problems);
  const doc = parsed.document;
  const name = doc.name.trim();
  const problems = componentProblems(ws, doc);
  if (problems.length > 0) refuse(problems);
  const existing = siteIdByName(ws, name);

  return write(`${existing === null ? 'Create' : 'Replace'} site “${name}” from a document`, (tx) => {
    const at = ws.now().toISOString();
    const { equipment, ups, batteryStrings, generators, coolingUnits, backupJobs, circuits, ...siteValues } = doc;
    let siteId: number;
    if (existing === null) {
      siteId = tx.insert(SITES.table, toColumns(SITES, { ...SITE_DEFAULTS, ...siteValues, name, createdAt: at, updatedAt: at }));
    } else {
      siteId = existing;
      const full: Record<string, unknown> = {};
      for (const f of SITES.fields)
        if (f !== 'createdAt' && f !== 'updatedAt') full[f] = (siteValues as Record<string, unknown>)[f] ?? SITE_DEFAULTS[f] ?? null;
      tx.update(SITES.table, siteId, toColumns(SITES, { ...full, name, updatedAt: at }));
      for (const spec of Object.values(COMPONENTS)) {
        for (const r of tx.all(`SELECT id FROM ${spec.table} WHERE site_id = ? ORDER BY id`, [siteId])) tx.delete(spec.table, Number(r.id));
      }
    }
    const insert = (kind: keyof typeof COMPONENTS, rows: readonly Record<string, unknown>[] | undefined): number[] =>
      (rows ?? []).map((row) => tx.insert(COMPONENTS[kind].table, { site_id: siteId, ...toColumns(COMPONENTS[kind], row) }));
    insert('equipment', equipment);
    const upsIds = insert('ups', ups);
    insert(
      'batteryString',
      (batteryStrings ?? []).map(({ tableKey: key, upsIndex, ...b }) => {
        const upsId = upsIndex == null ? null : upsIds[upsIndex]!;
        if (!key) return { ...b, upsId, tableId: null };
        const t = findTable(tx, key)!;
        const tableId = t.id ?? insertBatteryTable(tx, t.model);
        return { ...b, upsId, tableId, endVoltsPerCell: b.endVoltsPerCell ?? t.model.rows[0]!.endVoltsPerCell };
      }),
    );
    insert('generator', generators);
    insert('coolingUnit', coolingUnits);
    insert('backupJob', backupJobs);
    insert('circuit', circuits);

    const r = computeSiteLimits(siteInputFromDetail(siteDetail(tx, siteId)));
    if (!r.ok) {
      const problem = r.error.message;
      refuse([{ path: documentPathOfSiteField(r.error.field), problem }]);
    }
    return { siteId, name, created: existing === null, warnings: [...siteDocumentWarnings(doc), ...r.warnings] };
  });
});
