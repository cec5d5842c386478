/**
 * links.*: upstream, transit and satellite links (../shared/CLI.md "Links"), each a limit on the
 * forecast board at capacity × threshold, with its order-by date (docs/forecasts.md "Links").
 * A link is named by its name, as on the command line.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { isoDay } from './registry';

export interface LinkRow {
  id: number;
  name: string;
  capacityBps: number;
  commitBps: number | null;
  thresholdFrac: number;
  /** the link's own lead time; null: the workspace's applies */
  leadDays: number | null;
  /** the lead time in force: its own, else the workspace's */
  effectiveLeadDays: number;
  description: string;
  /** capacity × threshold: the level on the forecast board */
  limitBps: number;
  readings: number;
  last: { date: string; p95Bps: number } | null;
  /** the board's id of this link's limit, for forecast.series */
  limitId: string;
}

export interface LinkList {
  /** the workspace's lead time (settings, default 90 days) */
  leadDays: number;
  links: LinkRow[];
}

export interface LinkReading {
  date: string;
  p95Bps: number;
}

export interface LinkImportResult {
  added: number;
  replaced: number;
}

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
const bps = z
  .number({ error: () => 'must be a number of bit/s' })
  .refine(Number.isFinite, 'must be a finite number')
  .refine((v) => v > 0, 'must be more than 0 bit/s');
const commit = z
  .number({ error: () => 'must be a number of bit/s' })
  .refine(Number.isFinite, 'must be a finite number')
  .refine((v) => v >= 0, 'cannot be below 0 bit/s');
const threshold = z
  .number({ error: () => 'must be a fraction between 0 and 1' })
  .refine((v) => Number.isFinite(v) && v > 0 && v <= 1, 'must be a fraction above 0 and at most 1 (0.8 = 80 %)');
const leadDays = z
  .number({ error: () => 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(0, 'cannot be negative')
  .max(3650, 'must be at most 3650 days');
const description = z.string().max(2000, 'must be at most 2000 characters');

export const linksOps = {
  'links.list': query<LinkList>()(z.object({}), 'Every link with its capacity, commit, threshold, lead time and newest reading'),
  'links.add': mutation<LinkRow>()(
    z.object({
      name,
      capacityBps: bps,
      commitBps: commit.optional(),
      thresholdFrac: threshold.optional(),
      leadDays: leadDays.optional(),
      description: description.optional(),
    }),
    'Add an upstream link: its limit is capacity × threshold (default 0.8)',
  ),
  'links.update': mutation<LinkRow>()(
    z.object({
      name,
      newName: name.optional(),
      capacityBps: bps.optional(),
      commitBps: commit.nullable().optional(),
      thresholdFrac: threshold.optional(),
      leadDays: leadDays.nullable().optional(),
      description: description.optional(),
    }),
    'Change a link (null clears its commit or its own lead time)',
  ),
  'links.remove': mutation<LinkRow>()(z.object({ name }), 'Remove a link and its readings'),
  'links.readings': query<LinkReading[]>()(z.object({ name }), "A link's readings, oldest first"),
  'links.addReading': mutation<LinkReading>()(
    z.object({ name, date: isoDay, p95Bps: commit }),
    'Record the 95th-percentile traffic of a day or a month (replaces the reading of that date)',
  ),
  'links.removeReading': mutation<LinkReading>()(z.object({ name, date: isoDay }), 'Remove the reading of a date'),
  'links.import': mutation<LinkImportResult>()(
    z.object({ name, csv: z.string().max(20_000_000, 'is too large (20 MB at most)') }),
    'Import a date,value CSV of 95th-percentile readings; any bad row imports nothing',
  ),
  'links.setLeadDays': mutation<{ leadDays: number }>()(z.object({ leadDays }), 'The lead time of every link without its own'),
};
