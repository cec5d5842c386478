/**
 * readings.*: readings in bulk (issue 14 §9). A series is named by what it belongs to; today a
 * facility site's IT load or protected data. Other series that keep one value per day (a DHCP
 * scope's leases, a link's 95th percentile) join the `series` union when their tables exist, and
 * the dialog (renderer/features/readings/BulkReadings.tsx) takes them as they are.
 */
import { z } from 'zod';
import { READING_KINDS } from '../facility/site-record';
import { mutation } from './define';

export const seriesRef = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('site'),
    siteId: z.number().int().positive(),
    reading: z.enum(READING_KINDS, { error: () => `must be one of ${READING_KINDS.join(', ')}` }),
  }),
]);
export type SeriesRef = z.infer<typeof seriesRef>;

export interface ReadingsImportResult {
  dryRun: boolean;
  /** Days that had no reading. */
  added: number;
  /** Days whose reading the file replaces (one reading per day). */
  replaced: number;
  /** The readings in date order, each with the value it replaces (null: a new day). */
  points: { date: string; value: number; before: number | null }[];
}

export const readingsOps = {
  'readings.importSeries': mutation<ReadingsImportResult>()(
    z.object({
      series: seriesRef,
      /** A `date,value` CSV (the header may be left out when pasted). */
      text: z.string().max(16 * 1024 * 1024, 'is larger than 16 MB'),
      dryRun: z.boolean().optional(),
    }),
    'Record the readings of a date,value CSV for one series, all or nothing, as one undoable change (dryRun: only check)',
  ),
};
