import { describe, expect, it } from 'vitest';
import { HeadroomError } from '../../../../shared/errors';
import { parseFitCsv, validateFitCsv } from '../../../../shared/forecast/csv';
import { fitAndProject } from '../../../../shared/forecast/project';
import { TV1 } from '../../../support/forecast-helpers';

const tv1Csv = ['date,value', ...TV1.map((p) => `${p.date},${p.value}`)].join('\n') + '\n';

describe('parseFitCsv', () => {
  it('reads a date,value file into points', () => {
    expect(parseFitCsv(tv1Csv)).toEqual(TV1);
  });
  it('accepts CRLF line ends, a BOM, quoted fields and a header in any case', () => {
    const text = '\uFEFFDate,Value\r\n"2024-01-07","412"\r\n2024-01-14, 431 \r\n';
    expect(parseFitCsv(text)).toEqual([
      { date: '2024-01-07', value: 412 },
      { date: '2024-01-14', value: 431 },
    ]);
  });
  it('skips blank lines but keeps counting them', () => {
    const { problems } = validateFitCsv('date,value\n2024-01-07,1\n\n2024-01-06,2\n');
    expect(problems).toEqual(['line 4: date: 2024-01-06 is before 2024-01-07 on line 2 (rows must be in date order)']);
  });
  it('refuses a file without the date,value header on line 1', () => {
    expect(validateFitCsv('2024-01-07,412\n').problems).toEqual(['line 1: header: expected "date,value", got "2024-01-07,412"']);
  });
  it('refuses an empty file', () => expect(validateFitCsv('').problems[0]).toMatch(/^line 1: header:/));
  it('reports every bad row as line N: field: problem', () => {
    const text = [
      'date,value',
      '2024-01-07,412',
      '2024-02-30,431',
      '2024-01-07,445',
      '2024-01-28,abc',
      '2024-02-04,',
      '2024-02-11,502,7',
      '2024-02-18,1e999',
      '2024-02-25,519',
    ].join('\n');
    expect(validateFitCsv(text).problems).toEqual([
      'line 3: date: "2024-02-30" is not a date (YYYY-MM-DD)',
      'line 4: date: 2024-01-07 repeats the date on line 2 (one reading per date)',
      'line 5: value: "abc" is not a finite number',
      'line 6: value: "" is not a finite number',
      'line 7: row: expected 2 fields (date,value), got 3',
      'line 8: value: "1e999" is not a finite number',
    ]);
  });
  it('refuses negative usage, duplicate and unsorted dates, each as line N: field: problem (issue 12 §10)', () => {
    const text = ['date,value', '2024-01-07,10', '2024-01-14,-3', '2024-01-14,12', '2024-01-10,13', '2024-01-21,-0.5', '2024-01-28,0'].join('\n');
    expect(validateFitCsv(text).problems).toEqual([
      'line 3: value: -3 is negative (usage cannot be below zero)',
      'line 4: date: 2024-01-14 repeats the date on line 3 (one reading per date)',
      'line 5: date: 2024-01-10 is before 2024-01-14 on line 3 (rows must be in date order)',
      'line 6: value: -0.5 is negative (usage cannot be below zero)',
    ]);
  });
  it('throws one invalid error whose message lists every problem, one per line', () => {
    try {
      parseFitCsv('date,value\nx,1\n2024-01-01,y\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HeadroomError);
      expect((e as HeadroomError).code).toBe('invalid');
      expect((e as HeadroomError).message.split('\n')).toEqual(['line 2: date: "x" is not a date (YYYY-MM-DD)', 'line 3: value: "y" is not a finite number']);
    }
  });
});

describe('fit --csv pipeline', () => {
  it('gives TV1’s linear result from the file', () => {
    const r = fitAndProject(parseFitCsv(tv1Csv), { capacity: 1024, method: 'linear' });
    expect(r).toMatchObject({ status: 'ok', model: 'linear', date: '2024-09-11', earliest: '2024-09-01', latest: '2024-09-22' });
  });
  it('reports insufficientData for too few rows', () => {
    const r = fitAndProject(parseFitCsv('date,value\n2024-01-01,1\n2024-02-01,2\n'), { capacity: 10 });
    expect(r.status).toBe('insufficientData');
    expect(r.warnings.join(' ')).toMatch(/need ≥ 6 points over ≥ 4 weeks/);
  });
  it('serialises to JSON with null for the dates that do not exist', () => {
    const r = fitAndProject(parseFitCsv('date,value\n2024-01-01,1\n2024-02-01,2\n'), { capacity: 10 });
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ date: null, earliest: null, latest: null, holdoutMae: null });
  });
  it('treats rows that are not evenly spaced as steps of their mean gap, with a warning', () => {
    const text = 'date,value\n2024-01-01,10\n2024-01-05,12\n2024-01-15,15\n2024-01-20,17\n2024-02-01,20\n2024-02-10,23\n';
    const r = fitAndProject(parseFitCsv(text), { capacity: 100, method: 'drift' });
    expect(r.status).toBe('ok');
    expect(r.warnings.some((w) => w.includes('unevenly spaced'))).toBe(true);
  });
});
