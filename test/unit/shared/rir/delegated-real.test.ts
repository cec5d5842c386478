/**
 * Real RIR statistics (issue 11 item 12, docs/rir.md §12): every real file parses, including a
 * held-out APNIC-style file whose header leaves the start and end dates empty (legal in the
 * format; APNIC publishes one); the AFRINIC 2019 NRO excerpt is refused because the FILE is
 * wrong: its header says 100 records where the format counts every record line (300), as the
 * ARIN and RIPE excerpts of the same commit do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rirStats } from '../../../support/fixtures';
import { parseDelegated, validateDelegated } from '../../../../shared/rir/delegated';

const DATA = rirStats() + '/';
const read = (f: string) => readFileSync(DATA + f, 'utf8');

describe('real delegated-stats files', () => {
  for (const f of [
    'delegated-ripencc-extended-20130418',
    'delegated-arin-20130812',
    'delegated-lacnic-extended-20230322',
    'delegated-afrinic-extended-20260505',
    'nro-samples/delegated-arin-extended-sample-2019',
    'nro-samples/delegated-ripencc-extended-sample-2019',
    'nro-samples/delegated-lacnic-extended-sample-2019',
  ]) {
    it(`parses ${f} with balanced counts`, () => {
      const file = parseDelegated(read(f));
      expect(file.records.length).toBe(file.header.records);
    });
  }

  it('a held-out APNIC-style file with empty header start and end dates parses', () => {
    const text = [
      '# APNIC-style file: the header leaves startdate and enddate empty',
      '2|apnic|20260505|3||20260504|+1000',
      'apnic|*|asn|*|1|summary',
      'apnic|*|ipv4|*|1|summary',
      'apnic|*|ipv6|*|1|summary',
      'apnic|AU|asn|4608|1|19940520|allocated',
      'apnic|AU|ipv4|1.0.0.0|256|20110811|assigned',
      'apnic|JP|ipv6|2001:200::|35|19990813|allocated',
      '',
    ].join('\n');
    expect(validateDelegated(text)).toEqual([]);
    expect(parseDelegated(text).header).toMatchObject({ startDate: '', endDate: '20260504' });
    expect(validateDelegated(text.replace('|3||20260504|', '|3|19830613||'))).toEqual([]);
  });

  it('the AFRINIC 2019 excerpt: the file is wrong (header 100, summaries 3 × 100, 300 lines); with 300 it parses', () => {
    const text = read('nro-samples/delegated-afrinic-extended-sample-2019');
    expect(validateDelegated(text).map((p) => `line ${p.line}: ${p.field}: ${p.problem}`)).toEqual([
      'line 1: records: header says 100 records, the file has 300',
    ]);
    // The sibling excerpts of the same commit count all three types in the header.
    expect(
      read('nro-samples/delegated-arin-extended-sample-2019')
        .split('\n')
        .find((l) => l.startsWith('2'))!
        .split('|')[3],
    ).toBe('300');
    const fixed = text.replace(/^2\|afrinic\|20190909\|100\|/m, '2|afrinic|20190909|300|');
    expect(parseDelegated(fixed).records).toHaveLength(300);
  });
});
