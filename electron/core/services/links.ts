/**
 * links.*: upstream, transit and satellite links and their 95th-percentile readings
 * (../shared/CLI.md "Links", docs/forecasts.md "Links"). Each link is a limit on the forecast
 * board (linkSources, listed in forecast-sources.ts) at capacity × threshold, with an order-by
 * date its lead time before the crossing. The numbers are shared/forecast's.
 */
import type { LinkImportResult, LinkList, LinkReading, LinkRow, ParsedInputOf } from '../../../shared/contract';
import { HeadroomError, invalid } from '../../../shared/errors';
import { DEFAULT_LEAD_DAYS, DEFAULT_LINK_THRESHOLD_FRAC, formatBps, linkLeadDays, linkLimitBps, parseLinkCsv, readingsAsGiven } from '../../../shared/forecast';
import type { Tx } from '../workspace/tx';
import type { SqlParam } from '../workspace/journal';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import type { LimitSource } from './forecast-source';
import { readSetting, writeSetting } from './requests-settings';

type Reader = Pick<Workspace, 'get' | 'all'> | Tx;
type Row = Record<string, unknown>;

/** The workspace's lead time for links without their own (settings; docs/forecasts.md). */
export const LEAD_DAYS_KEY = 'links.leadDays';

export function workspaceLeadDays(ws: Reader): number {
  const v = readSetting<number>(ws, LEAD_DAYS_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : DEFAULT_LEAD_DAYS;
}

function toRow(ws: Reader, r: Row, lead: number): LinkRow {
  const id = Number(r.id);
  const last = ws.get('SELECT date, p95_bps FROM link_readings WHERE link_id = ? ORDER BY date DESC LIMIT 1', [id]);
  const count = Number(ws.get('SELECT count(*) AS n FROM link_readings WHERE link_id = ?', [id])?.n ?? 0);
  const capacityBps = Number(r.capacity_bps);
  const thresholdFrac = Number(r.threshold_frac);
  const own = r.lead_days === null || r.lead_days === undefined ? null : Number(r.lead_days);
  return {
    id,
    name: String(r.name),
    capacityBps,
    commitBps: r.commit_bps === null || r.commit_bps === undefined ? null : Number(r.commit_bps),
    thresholdFrac,
    leadDays: own,
    effectiveLeadDays: linkLeadDays({ leadDays: own }, lead),
    description: String(r.description ?? ''),
    limitBps: linkLimitBps({ capacityBps, thresholdFrac }),
    readings: count,
    last: last ? { date: String(last.date), p95Bps: Number(last.p95_bps) } : null,
    limitId: `link:${id}`,
  };
}

function rowByName(ws: Reader, name: string): Row {
  const r = ws.get('SELECT * FROM links WHERE name = ?', [name.trim()]);
  if (!r) throw new HeadroomError('not-found', `there is no link named "${name.trim()}"`, 'name');
  return r;
}

export function listLinks(ws: Reader): LinkList {
  const lead = workspaceLeadDays(ws);
  return { leadDays: lead, links: ws.all('SELECT * FROM links ORDER BY name COLLATE NOCASE, id').map((r) => toRow(ws, r, lead)) };
}

export function getLink(ws: Reader, name: string): LinkRow {
  return toRow(ws, rowByName(ws, name), workspaceLeadDays(ws));
}

function checkCommit(commitBps: number | null | undefined, capacityBps: number): void {
  if (commitBps !== null && commitBps !== undefined && commitBps > capacityBps) {
    throw invalid('commitBps', `the commit (${formatBps(commitBps)}) cannot be above the capacity (${formatBps(capacityBps)})`);
  }
}

function refuseTaken(ws: Reader, name: string, exceptId?: number): void {
  const other = ws.get('SELECT id FROM links WHERE name = ? COLLATE NOCASE', [name]);
  if (other && Number(other.id) !== exceptId) throw new HeadroomError('conflict', `a link named "${name}" already exists`, 'name');
}

export type AddLinkInput = ParsedInputOf<'links.add'>;

export const addLink = operation('links.add', (ws, input, write): LinkRow => {
  const name = input.name.trim();
  refuseTaken(ws, name);
  checkCommit(input.commitBps, input.capacityBps);
  const id = write(`Add the link ${name} (${formatBps(input.capacityBps)})`, (tx) =>
    tx.insert('links', {
      name,
      capacity_bps: input.capacityBps,
      commit_bps: input.commitBps ?? null,
      threshold_frac: input.thresholdFrac ?? DEFAULT_LINK_THRESHOLD_FRAC,
      lead_days: input.leadDays ?? null,
      description: input.description ?? '',
      created_at: ws.now().toISOString(),
    }),
  );
  return toRow(ws, ws.get('SELECT * FROM links WHERE id = ?', [id])!, workspaceLeadDays(ws));
});

export type UpdateLinkInput = ParsedInputOf<'links.update'>;

export const updateLink = operation('links.update', (ws, input, write): LinkRow => {
  const r = rowByName(ws, input.name);
  const id = Number(r.id);
  const newName = input.newName?.trim();
  if (newName !== undefined && newName !== String(r.name)) refuseTaken(ws, newName, id);
  const capacity = input.capacityBps ?? Number(r.capacity_bps);
  const commit = input.commitBps !== undefined ? input.commitBps : r.commit_bps === null ? null : Number(r.commit_bps);
  checkCommit(commit, capacity);
  const patch: Record<string, SqlParam> = {};
  if (newName !== undefined) patch.name = newName;
  if (input.capacityBps !== undefined) patch.capacity_bps = input.capacityBps;
  if (input.commitBps !== undefined) patch.commit_bps = input.commitBps;
  if (input.thresholdFrac !== undefined) patch.threshold_frac = input.thresholdFrac;
  if (input.leadDays !== undefined) patch.lead_days = input.leadDays;
  if (input.description !== undefined) patch.description = input.description;
  if (Object.keys(patch).length > 0) write(`Change the link ${String(r.name)}`, (tx) => tx.update('links', id, patch));
  return toRow(ws, ws.get('SELECT * FROM links WHERE id = ?', [id])!, workspaceLeadDays(ws));
});

export const removeLink = operation('links.remove', (ws, input, write): LinkRow => {
  const row = getLink(ws, input.name);
  // Its readings go with it, in the same undoable change.
  write(`Remove the link ${row.name}`, (tx) => {
    for (const x of tx.all('SELECT id FROM link_readings WHERE link_id = ? ORDER BY id', [row.id])) tx.delete('link_readings', Number(x.id));
    tx.delete('links', row.id);
  });
  return row;
});

export function linkReadings(ws: Reader, input: { name: string }): LinkReading[] {
  const id = Number(rowByName(ws, input.name).id);
  return ws
    .all('SELECT date, p95_bps FROM link_readings WHERE link_id = ? ORDER BY date', [id])
    .map((r) => ({ date: String(r.date), p95Bps: Number(r.p95_bps) }));
}

/** Writes one reading; a reading of the same date is replaced. Returns whether it replaced one. */
function putReading(tx: Tx, linkId: number, date: string, p95Bps: number): boolean {
  const old = tx.get('SELECT id, p95_bps FROM link_readings WHERE link_id = ? AND date = ?', [linkId, date]);
  if (!old) {
    tx.insert('link_readings', { link_id: linkId, date, p95_bps: p95Bps });
    return false;
  }
  if (Number(old.p95_bps) !== p95Bps) tx.update('link_readings', Number(old.id), { p95_bps: p95Bps });
  return true;
}

export const addLinkReading = operation('links.addReading', (ws, input, write): LinkReading => {
  const r = rowByName(ws, input.name);
  write(`Record ${formatBps(input.p95Bps)} on ${input.date} for the link ${String(r.name)}`, (tx) => putReading(tx, Number(r.id), input.date, input.p95Bps));
  return { date: input.date, p95Bps: input.p95Bps };
});

export const removeLinkReading = operation('links.removeReading', (ws, input, write): LinkReading => {
  const r = rowByName(ws, input.name);
  const old = ws.get('SELECT id, p95_bps FROM link_readings WHERE link_id = ? AND date = ?', [Number(r.id), input.date]);
  if (!old) throw new HeadroomError('not-found', `the link ${String(r.name)} has no reading on ${input.date}`, 'date');
  write(`Remove the reading of ${input.date} from the link ${String(r.name)}`, (tx) => tx.delete('link_readings', Number(old.id)));
  return { date: input.date, p95Bps: Number(old.p95_bps) };
});

/** A `date,value` CSV: every row is checked first; one bad row and nothing is imported. */
export const importLinkReadings = operation('links.import', (ws, input, write): LinkImportResult => {
  const r = rowByName(ws, input.name);
  const { readings, problems } = parseLinkCsv(input.csv);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    throw invalid('csv', `${problems.length} bad row${problems.length === 1 ? '' : 's'}, nothing imported:\n${shown.join('\n')}${more}`);
  }
  let replaced = 0;
  write(`Import ${readings.length} readings for the link ${String(r.name)}`, (tx) => {
    for (const x of readings) if (putReading(tx, Number(r.id), x.date, x.p95Bps)) replaced++;
  });
  return { added: readings.length - replaced, replaced };
});

export const setLinkLeadDays = operation('links.setLeadDays', (ws, input, write): { leadDays: number } => {
  write(`Set the links' lead time to ${input.leadDays} days`, (tx) => writeSetting(tx, LEAD_DAYS_KEY, input.leadDays));
  return { leadDays: input.leadDays };
});

/** Each link as a limit on the board: its 95th percentile against capacity × threshold. */
export function linkSources(ws: Workspace): LimitSource[] {
  const { links } = listLinks(ws);
  return links.map((l) => {
    const readings = ws
      .all('SELECT date, p95_bps FROM link_readings WHERE link_id = ? ORDER BY date', [l.id])
      .map((x) => ({ date: String(x.date), value: Number(x.p95_bps) }));
    return {
      meta: {
        id: l.limitId,
        kind: 'link',
        name: l.name,
        detail: [`${Math.round(l.thresholdFrac * 100)} % of ${formatBps(l.capacityBps)}`, l.description].filter(Boolean).join(' · '),
        unit: 'bit/s',
        prefixUnit: null,
        capacity: l.limitBps,
      },
      leadDays: l.effectiveLeadDays,
      series(asOf, windowDays) {
        if (readings.length === 0) return [];
        // Daily or monthly, fitted on their own spacing (issue 12 §1).
        return readingsAsGiven({ readings, asOf, windowDays, reduce: 'max' });
      },
    };
  });
}
