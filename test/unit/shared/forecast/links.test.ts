/**
 * Links as limits (issue 12 §9): the limit is capacity × threshold, a rate reads in SI units,
 * and the `date,value` import reports every bad row as `line N: field: problem`.
 */
import { describe, expect, it } from 'vitest';
import { formatBps, linkLeadDays, linkLimitBps, parseBps, parseLinkCsv } from '../../../../shared/forecast';

describe('linkLimitBps', () => {
  it('is capacity × threshold, 0.8 by default', () => {
    expect(linkLimitBps({ capacityBps: 10e9 })).toBe(8e9);
    expect(linkLimitBps({ capacityBps: 10e9, thresholdFrac: 0.7 })).toBeCloseTo(7e9, 3);
  });
  it('takes the link lead time over the workspace one', () => {
    expect(linkLeadDays({ leadDays: null }, 90)).toBe(90);
    expect(linkLeadDays({ leadDays: 30 }, 90)).toBe(30);
  });
});

describe('formatBps', () => {
  it('writes rates in SI units as links are sold', () => {
    expect(formatBps(10e9)).toBe('10 Gbit/s');
    expect(formatBps(2.5e6)).toBe('2.5 Mbit/s');
    expect(formatBps(155.52e6)).toBe('156 Mbit/s');
    expect(formatBps(900)).toBe('900 bit/s');
    expect(formatBps(null)).toBe('—');
  });
});

describe('parseLinkCsv', () => {
  it('reads daily or monthly rows in any order, with a BOM and CRLF', () => {
    const r = parseLinkCsv('\uFEFFdate,value\r\n2026-02-01,4.2e9\r\n2026-01-01,4000000000\r\n\r\n');
    expect(r.problems).toEqual([]);
    expect(r.readings).toEqual([
      { date: '2026-02-01', p95Bps: 4.2e9 },
      { date: '2026-01-01', p95Bps: 4e9 },
    ]);
  });

  it('reports every bad row with its line, field and problem', () => {
    const text = ['date,value', '2026-01-01,1e9', '2026-13-01,1e9', '2026-01-03,-5', '2026-01-01,2e9', '2026-01-05,fast', '2026-01-06,1,2'].join('\n');
    expect(parseLinkCsv(text).problems).toEqual([
      'line 3: date: "2026-13-01" is not a date (YYYY-MM-DD)',
      'line 4: value: -5 is negative (traffic cannot be below zero)',
      'line 5: date: 2026-01-01 repeats the date on line 2 (one reading per day)',
      'line 6: value: "fast" is not a number of bit/s',
      'line 7: row: expected 2 fields (date,value), got 3',
    ]);
  });

  it('refuses a file without the date,value header, or without rows', () => {
    expect(parseLinkCsv('day,bps\n2026-01-01,1').problems).toEqual(['line 1: header: expected "date,value", got "day,bps"']);
    expect(parseLinkCsv('date,value\n').problems).toEqual(['line 2: row: the file has no readings']);
  });

  it('reports an unclosed quote where Papa Parse finds it', () => {
    const p = parseLinkCsv('date,value\n2026-01-01,"1e9\n').problems;
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]).toMatch(/^line 2: row: /);
  });
});

describe('parseBps', () => {
  it('reads rates as planners type them, in SI units', () => {
    expect(parseBps('10G')).toBe(10e9);
    expect(parseBps('10 Gbit/s')).toBe(10e9);
    expect(parseBps('500 Mbps')).toBe(500e6);
    expect(parseBps('155.52M')).toBeCloseTo(155.52e6, 3);
    expect(parseBps('2.5e9')).toBe(2.5e9);
    expect(parseBps('800 kbit/s')).toBe(800e3);
    expect(parseBps('1200')).toBe(1200);
  });
  it('refuses what is not a rate', () => {
    for (const t of ['', 'fast', '-5G', '10 GB/s', '10X', '1,000']) expect(parseBps(t), t).toBeNull();
  });
});
