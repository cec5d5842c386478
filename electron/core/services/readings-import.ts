/**
 * readings.importSeries: a `date,value` CSV recorded for one series, all or nothing, as ONE
 * undoable change (issue 14 §9). The file is parsed by shared/forecast/readings-csv.ts, the same
 * parser the dialog previews with; a file with any bad row changes nothing and the refusal lists
 * every bad row as `line N: field: problem`. A day that already has a reading gets the file's
 * value (one reading per day, as facility.recordReading does).
 */
import type { ReadingsImportResult } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { parseReadingsCsv } from '../../../shared/forecast/readings-csv';
import { operation } from './operation';
import { insertReading, siteDetail } from './facility';
import type { AreaHandlers } from './handler-types';
import type { Session } from './session';

const MAX_SHOWN = 50;

const LABEL = { itW: 'IT load', dataBytes: 'protected data' } as const;

export const importSeries = operation('readings.importSeries', (ws, input, write): ReadingsImportResult => {
  const { series } = input;
  const site = siteDetail(ws, series.siteId).site;
  const parsed = parseReadingsCsv(input.text);
  if (parsed.problems.length > 0) {
    const n = parsed.problems.length;
    const shown = parsed.problems.slice(0, MAX_SHOWN);
    if (n > shown.length) shown.push(`and ${(n - shown.length).toLocaleString('en')} more bad row${n - shown.length === 1 ? '' : 's'}`);
    throw new HeadroomError(
      'invalid',
      `the readings were not recorded (nothing changed): ${n.toLocaleString('en')} bad row${n === 1 ? '' : 's'}\n${shown.join('\n')}`,
      'text',
    );
  }
  const existing = new Map<string, number>();
  for (const r of ws.all('SELECT date, value FROM facility_readings WHERE site_id = ? AND kind = ?', [series.siteId, series.reading]))
    existing.set(String(r.date), Number(r.value));
  const points = parsed.points.map((p) => ({ date: p.date, value: p.value, before: existing.get(p.date) ?? null }));
  const replaced = points.filter((p) => p.before !== null).length;
  const result: ReadingsImportResult = { dryRun: input.dryRun === true, added: points.length - replaced, replaced, points };
  if (input.dryRun) return result;
  const first = points[0]!.date;
  const last = points[points.length - 1]!.date;
  write(`Record ${points.length} ${LABEL[series.reading]} reading${points.length === 1 ? '' : 's'} (${first} to ${last}) at site “${site.name}”`, (tx) => {
    for (const p of points) insertReading(tx, series.siteId, { kind: series.reading, date: p.date, value: p.value });
  });
  return result;
});

export function readingsHandlers(session: Session): AreaHandlers<'readings'> {
  const ws = () => session.require();
  return {
    'readings.importSeries': (i) => importSeries(ws(), i),
  };
}
