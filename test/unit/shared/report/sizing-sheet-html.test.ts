/** The sizing sheet's HTML (shared/report/sizing-sheet-html.ts): units from field names, escaping, the limits table. */
import { describe, expect, it } from 'vitest';
import type { SiteDetail } from '../../../../shared/facility/site-record';
import { renderSizingSheetHtml, sizingLabel, sizingValue } from '../../../../shared/report/sizing-sheet-html';

describe('sizing sheet values and labels', () => {
  it('reads the unit from the field name', () => {
    expect(sizingValue('ratedVA', 10000)).toBe('10,000 VA');
    expect(sizingValue('nameplateW', 750)).toBe('750 W');
    expect(sizingValue('repoCapacityBytes', 2e14)).toBe('200 TB');
    expect(sizingValue('maxLoadFrac', 0.8)).toBe('80 %');
    expect(sizingValue('requiredMin', 60)).toBe('60 min');
    expect(sizingValue('areaM2', 50)).toBe('50 m²');
    expect(sizingValue('note', null)).toBe('—');
  });
  it('names fields for people, keeping their units apart', () => {
    expect(sizingLabel('ratedVA')).toBe('Rated VA');
    expect(sizingLabel('ratedW')).toBe('Rated W');
    expect(sizingLabel('maxLoadFrac')).toBe('Max load');
    expect(sizingLabel('areaM2')).toBe('Area m²');
  });
});

describe('renderSizingSheetHtml', () => {
  const detail = {
    site: { id: 1, name: 'POP <A>', description: 'core & edge', loadPf: 0.95 },
    equipment: [{ id: 1, siteId: 1, name: 'Router "R1"', qty: 2, nameplateW: 500, measuredW: null }],
    ups: [],
    batteryStrings: [],
    generators: [],
    coolingUnits: [],
    backupJobs: [],
    readings: [{ id: 1, siteId: 1, kind: 'itW', date: '2026-01-01', value: 900, note: '' }],
    batteryTables: [],
  } as unknown as SiteDetail;
  it('escapes what the planner typed and lists the limits, tightest first', () => {
    const html = renderSizingSheetHtml({
      organisation: 'Example ISP',
      date: '2026-12-03',
      detail,
      limits: {
        currentItW: 900,
        peakItW: 945,
        dataBytes: null,
        limits: [
          { key: 'ups', label: 'UPS at max loading', variable: 'itW', max: 1000, current: 900, exceededNow: false, usedFrac: 0.9, needs: null, failed: null },
        ],
        generatorSets: [],
      },
      problem: null,
      warnings: [],
    });
    expect(html).toContain('Sizing sheet — POP &lt;A&gt;');
    expect(html).toContain('core &amp; edge');
    expect(html).toContain('Router &quot;R1&quot;');
    expect(html).toMatch(/<td>UPS at max loading<\/td><td class="num">1,000 W<\/td><td class="num">900 W<\/td><td class="num">90 %<\/td>/);
    expect(html).not.toMatch(/<script/i);
  });
  it('says why a site cannot be computed', () => {
    const html = renderSizingSheetHtml({ organisation: '', date: '2026-12-03', detail, limits: null, problem: 'must be positive', warnings: [] });
    expect(html).toContain('The site cannot be computed: must be positive');
  });
});
