import { describe, expect, it } from 'vitest';
import { formatPct, renderAllocationHtml, type AllocationReport } from '../../../../shared/report/allocation-html';

const usage = (o: Partial<AllocationReport['rows'][number]['usage']> = {}) => ({ parentId: null, depth: 0, children: 0, usedPct: 0, reservedPct: 0, ...o });
const report: AllocationReport = {
  organisation: 'Example <ISP> & Co',
  date: '2025-06-01',
  scope: 'all blocks, every space',
  rows: [
    {
      prefix: '198.51.100.0/24',
      status: 'aggregate',
      description: 'From the RIR',
      space: 'global',
      date: '2024-01-10',
      usage: usage({ children: 2, usedPct: 62.5, reservedPct: 25 }),
    },
    { prefix: '198.51.100.0/26', status: 'assigned', description: 'Acme <b>Ltd</b>', space: 'global', date: null, usage: usage({ depth: 1, parentId: 1 }) },
    { prefix: '10.0.0.0/16', status: 'allocated', description: 'Management', space: 'mgmt', date: '2023-02-01', usage: usage({ children: 1, usedPct: 0.02 }) },
  ],
};
const html = renderAllocationHtml(report);

describe('renderAllocationHtml', () => {
  it('is one self-contained page: no script, no remote content', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);
  });

  it('escapes the organisation and descriptions', () => {
    expect(html).toContain('<h1>Allocation report — Example &lt;ISP&gt; &amp; Co</h1>');
    expect(html).toContain('<td>Acme &lt;b&gt;Ltd&lt;/b&gt;</td>');
  });

  it('has one row per block with prefix, status, description, used share and date', () => {
    expect(html.match(/<tr( class="top")?><td class="prefix"/g)).toHaveLength(3);
    expect(html).toMatch(
      /198\.51\.100\.0\/24<\/td><td class="status s-aggregate">aggregate<\/td><td>From the RIR<\/td><td class="used">.*63 %<div class="res">\+ 25 % reserved<\/div><\/td><td class="date">2024-01-10<\/td>/,
    );
  });

  it('shows a leaf assigned block as used as a whole (—), not 0 %', () => {
    expect(html).toMatch(/198\.51\.100\.0\/26<\/td>.*<td class="used">—<\/td><td class="date"><\/td>/);
  });

  it('indents a block by its depth and labels blocks outside the default space', () => {
    expect(html).toMatch(/padding-left:13pt">198\.51\.100\.0\/26</);
    expect(html).toContain('10.0.0.0/16 <span class="space">mgmt</span>');
    expect(html).not.toContain('<span class="space">global</span>');
  });

  it('counts the blocks by status', () => {
    expect(html).toContain('<div><b>1</b> aggregate</div><div><b>1</b> allocated</div><div><b>1</b> assigned</div><div><b>0</b> reserved</div>');
  });

  it('says so when there is no block', () => {
    expect(renderAllocationHtml({ ...report, rows: [] })).toContain('<p><em>No blocks.</em></p>');
  });
});

describe('formatPct', () => {
  it.each([
    [0, '0 %'],
    [0.02, '<0.1 %'],
    [6.66, '6.7 %'],
    [62.5, '63 %'],
    [100, '100 %'],
  ])('formats %s as %s', (v, s) => expect(formatPct(v)).toBe(s));
});
