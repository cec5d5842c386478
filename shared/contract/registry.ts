import { z } from 'zod';
import { mutation, query } from './define';

export const PREFIX_STATUSES = ['aggregate', 'allocated', 'assigned', 'reserved'] as const;
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
}

export interface PrefixPage {
  total: number;
  rows: PrefixRow[];
}

/** YYYY-MM-DD that is a real calendar day. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar day');

const statusField = z.enum(PREFIX_STATUSES, {
  error: () => `must be one of ${PREFIX_STATUSES.join(', ')}`,
});
const spaceField = z.string().trim().min(1, 'must not be empty').max(100).optional();

export const registryOps = {
  'registry.addPrefix': mutation<PrefixRow>()(
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
    }),
    'Blocks in CLI order (IPv4 first, by address, then length)',
  ),
  'registry.listSpaces': query<string[]>()(z.object({}), 'Address spaces (global plus VRFs)'),
};
