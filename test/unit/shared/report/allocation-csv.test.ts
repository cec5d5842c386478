/** The allocation report as CSV (shared/report/allocation-csv.ts): the tree with its shares, RFC 4180, no formula cells. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderAllocationCsv } from '../../../../shared/report/allocation-csv';

const usage = (depth: number, children: number, usedPct: number, reservedPct: number) => ({ parentId: null, depth, children, usedPct, reservedPct });

describe('renderAllocationCsv', () => {
  it('writes each block with depth, children and used/reserved/free shares; a leaf has no shares', () => {
    const text = renderAllocationCsv([
      { prefix: '198.51.100.0/24', space: 'global', status: 'aggregate', description: 'From the RIR', date: '2024-03-12', usage: usage(0, 3, 62.5, 12.5) },
      { prefix: '198.51.100.0/26', space: 'global', status: 'assigned', description: '=HYPERLINK("x")', date: null, usage: usage(1, 0, 0, 0) },
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual({
      prefix: '198.51.100.0/24',
      space: 'global',
      status: 'aggregate',
      description: 'From the RIR',
      date: '2024-03-12',
      depth: '0',
      children: '3',
      used_pct: '62.5',
      reserved_pct: '12.5',
      free_pct: '25',
    });
    expect(parsed.data[1]).toMatchObject({ description: `'=HYPERLINK("x")`, date: '', depth: '1', used_pct: '', free_pct: '' });
  });
});
