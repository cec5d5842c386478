import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rirStats } from '../../../support/fixtures';
import { formatPrefix, IPV4_MAX, prefixSize } from '../../../../shared/ip/prefix';
import {
  DELEGATED_MAX_LINE,
  DelegatedParseError,
  DelegatedReader,
  parseDelegated,
  validateDelegated,
  type DelegatedProblem,
} from '../../../../shared/rir/delegated';
import {
  delegatedAggregates,
  delegatedRecordForAsns,
  delegatedRecordForPrefix,
  filterDelegated,
  formatDelegated,
  formatDelegatedFile,
} from '../../../../shared/rir/delegated-write';
import { ipv4ValueToCidrs } from '../../../../shared/rir/ipv4-cidrs';
import { refusalLine } from '../../../support/refusal';

const DATA = rirStats() + '/';
const read = (f: string): string => readFileSync(DATA + f, 'utf8');

const SAMPLE = `2|ripencc|20260512|5|19930901|20260511|+0200
ripencc|*|asn|*|1|summary
ripencc|*|ipv4|*|3|summary
ripencc|*|ipv6|*|1|summary
ripencc|NL|ipv4|198.51.100.0|256|20191125|allocated|3f2a0b1c-7d4e-4f00-9a1b-000000000001
ripencc|NL|ipv4|203.0.113.0|192|20240415|assigned|3f2a0b1c-7d4e-4f00-9a1b-000000000001
ripencc|ZZ|ipv4|192.0.2.0|256||available|
ripencc|NL|ipv6|2001:db8::|32|20191125|allocated|3f2a0b1c-7d4e-4f00-9a1b-000000000001
ripencc|NL|asn|64496|16|20191125|allocated|3f2a0b1c-7d4e-4f00-9a1b-000000000001
`;

/** The error's problems as `line N: field: problem` strings. */
function problemsOf(text: string): string[] {
  try {
    parseDelegated(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DelegatedParseError);
    return (e as DelegatedParseError).problems.map((p) => `line ${p.line}: ${p.field}: ${p.problem}`);
  }
  throw new Error('expected the file to be refused');
}

describe('parseDelegated (§6.3 sample)', () => {
  const file = parseDelegated(SAMPLE);
  it('reads the header', () => {
    expect(file.header).toEqual({
      version: '2',
      registry: 'ripencc',
      serial: '20260512',
      records: 5,
      startDate: '19930901',
      endDate: '20260511',
      utcOffset: '+0200',
    });
  });
  it('reads the summaries and five records', () => {
    expect(file.summaries.map((s) => [s.type, s.count])).toEqual([
      ['asn', 1],
      ['ipv4', 3],
      ['ipv6', 1],
    ]);
    expect(file.records).toHaveLength(5);
    expect(file.extended).toBe(true);
  });
  it('keeps an empty opaque-id and an empty date', () => {
    expect(file.records[2]).toMatchObject({ cc: 'ZZ', date: '', status: 'available', opaqueId: '' });
  });
  it('decodes the held blocks as the spec does', () => {
    expect(delegatedAggregates(file.records).map((a) => formatPrefix(a.prefix))).toEqual([
      '198.51.100.0/24',
      '203.0.113.0/25',
      '203.0.113.128/26',
      '2001:db8::/32',
    ]);
  });
  it('writes the same text back', () => {
    expect(formatDelegatedFile(file)).toBe(SAMPLE);
  });
});

describe('parseDelegated (refusals)', () => {
  it('refuses a header count that differs from the record lines', () => {
    expect(problemsOf(SAMPLE.replace('|5|19930901', '|6|19930901'))).toEqual(['line 1: records: header says 6 records, the file has 5']);
  });
  it('refuses a summary count that differs from the record lines', () => {
    expect(problemsOf(SAMPLE.replace('ipv4|*|3|', 'ipv4|*|4|'))).toEqual(['line 1: count: ipv4 summary says 4 records, the file has 3']);
  });
  it('refuses an IPv4 value below 1', () => {
    expect(problemsOf(SAMPLE.replace('198.51.100.0|256', '198.51.100.0|0'))[0]).toBe('line 5: value: an IPv4 record must hold at least 1 address');
  });
  it('refuses an IPv4 run past 255.255.255.255', () => {
    expect(problemsOf(SAMPLE.replace('198.51.100.0|256', '255.255.255.0|512'))[0]).toMatch(/^line 5: value: 512 addresses from 255\.255\.255\.0 run past/);
  });
  it('refuses a bad address, date, cc and status, each on its line', () => {
    const text = SAMPLE.replace('198.51.100.0|256|20191125', '198.51.100.300|256|20191125')
      .replace('20240415', '2024-04-15')
      .replace('ripencc|NL|ipv6', 'ripencc|nl|ipv6')
      .replace('64496|16|20191125|allocated', '64496|16|20191125|granted');
    expect(problemsOf(text)).toEqual([
      'line 5: start: "198.51.100.300" is not an IPv4 address',
      'line 6: date: "2024-04-15" is not yyyymmdd',
      'line 8: cc: "nl" is not a two-letter country code',
      'line 9: status: unknown status "granted"',
    ]);
  });
  it('refuses IPv6 host bits', () => {
    expect(problemsOf(SAMPLE.replace('2001:db8::|32', '2001:db8::|16'))[0]).toBe('line 8: start: 2001:db8::/16 has host bits set');
  });
  it('refuses an unsupported version', () => {
    expect(problemsOf(SAMPLE.replace(/^2\|/, '3|'))[0]).toMatch(/^line 1: version: format version "3"/);
  });
  it('refuses the pre-2004 old format with a clear message', () => {
    expect(problemsOf('arin|US|ipv4|192.0.2.0|256|19960101|reallocated\n')[0]).toMatch(/old-format/);
    expect(problemsOf(SAMPLE.replace('|assigned|', '|reallocated|'))[0]).toMatch(/^line 6: status: .*old format/);
  });
  it('refuses a record of another registry', () => {
    expect(problemsOf(SAMPLE.replace('ripencc|NL|asn', 'arin|NL|asn'))[0]).toMatch(/^line 9: registry:/);
  });
  it('refuses IANA designations outside IANA’s file', () => {
    expect(problemsOf(SAMPLE.replace('|assigned|', '|arin|'))[0]).toBe('line 6: status: unknown status "arin"');
  });
  it('refuses an empty file', () => {
    expect(problemsOf('# nothing\n')[0]).toMatch(/version: no version line/);
  });
  it('skips comments and blank lines, and accepts CRLF', () => {
    expect(parseDelegated('# banner\n\n' + SAMPLE.replace(/\n/g, '\r\n')).records).toHaveLength(5);
  });
});

const WHOLE = [
  ['delegated-afrinic-extended-20260505', 19286, true],
  ['delegated-arin-20130812', 72419, false],
  ['delegated-lacnic-extended-20230322', 86237, true],
  ['delegated-ripencc-extended-20130418', 111223, true],
  ['nro-samples/delegated-arin-extended-sample-2019', 300, true],
  ['nro-samples/delegated-ripencc-extended-sample-2019', 300, true],
  ['nro-samples/delegated-lacnic-extended-sample-2019', 300, true],
] as const;

describe('parseDelegated (real files)', () => {
  it.each(WHOLE)('%s parses whole, counts balance, and writes back byte for byte', (name, records, extended) => {
    const text = read(name);
    const file = parseDelegated(text);
    expect(file.records).toHaveLength(records);
    expect(file.extended).toBe(extended);
    expect(formatDelegatedFile(file)).toBe(text);
  });

  it('turns every held IPv4 record of the RIPE file into CIDRs covering exactly its count', () => {
    const file = parseDelegated(read('delegated-ripencc-extended-20130418'));
    const held = file.records.filter((r) => r.type === 'ipv4' && (r.status === 'allocated' || r.status === 'assigned'));
    const aggs = delegatedAggregates(file.records).filter((a) => a.prefix.family === 4);
    const total = aggs.reduce((s, a) => s + prefixSize(a.prefix), 0n);
    expect(total).toBe(held.reduce((s, r) => s + BigInt(r.value), 0n));
    expect(aggs.length).toBeGreaterThan(held.length); // some counts are no power of two
  });

  it('filters the LACNIC file by opaque-id and by country', () => {
    const file = parseDelegated(read('delegated-lacnic-extended-20230322'));
    const one = filterDelegated(file.records, { opaqueId: '310248' });
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((r) => r.opaqueId === '310248')).toBe(true);
    const br = filterDelegated(file.records, { cc: 'br' });
    expect(br.length).toBeGreaterThan(1000);
    expect(br.every((r) => r.cc === 'BR')).toBe(true);
  });

  it('reads the AFRINIC header with startdate 00000000 and offset 00000, and ZZ reserved rows', () => {
    const file = parseDelegated(read('delegated-afrinic-extended-20260505'));
    expect(file.header.utcOffset).toBe('00000');
    expect(file.records.some((r) => r.cc === 'ZZ' && r.status === 'reserved')).toBe(true);
  });

  it('refuses the AFRINIC 2019 sample, whose header says 100 records for 300 lines', () => {
    expect(problemsOf(read('nro-samples/delegated-afrinic-extended-sample-2019'))).toEqual(['line 1: records: header says 100 records, the file has 300']);
  });

  it('refuses the IANA file at its corrupt line 1007 (a stale tail after the 973 records)', () => {
    expect(problemsOf(read('delegated-iana-20190911'))[0]).toBe('line 1007: record: expected at least 7 fields separated by "|", got 4');
  });

  it('reads IANA’s variant (the records before the corruption): designations in the status column', () => {
    const text = read('delegated-iana-20190911').split('\n').slice(0, 1006).join('\n') + '\n';
    const file = parseDelegated(text);
    expect(file.header.registry).toBe('iana');
    expect(file.records).toHaveLength(973);
    expect(new Set(file.records.map((r) => r.status))).toEqual(new Set(['afrinic', 'apnic', 'arin', 'lacnic', 'ripencc', 'ietf', 'iana']));
    expect(delegatedAggregates(file.records)).toEqual([]);
  });
});

describe('formatDelegated', () => {
  it('computes header and summary counts from the records', () => {
    const file = parseDelegated(SAMPLE);
    const text = formatDelegated({ header: file.header, records: file.records.slice(0, 2) });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '2|ripencc|20260512|2|19930901|20260511|+0200',
      'ripencc|*|asn|*|0|summary',
      'ripencc|*|ipv4|*|2|summary',
      'ripencc|*|ipv6|*|0|summary',
    ]);
    expect(parseDelegated(text).records).toHaveLength(2);
  });
  it('refuses a field holding a pipe', () => {
    const file = parseDelegated(SAMPLE);
    const bad = { ...file.records[0]!, opaqueId: 'a|b' };
    expect(refusalLine(() => formatDelegated({ header: file.header, records: [bad] }))).toMatch(/^opaque-id:/);
  });
});

describe('ipv4ValueToCidrs', () => {
  it('splits 192 addresses into a /25 and a /26', () => {
    expect(ipv4ValueToCidrs(0xcb007100, 192).map(formatPrefix)).toEqual(['203.0.113.0/25', '203.0.113.128/26']);
  });
  it('keeps an aligned power of two as one block', () => {
    expect(ipv4ValueToCidrs(0xc6336400, 1024).map(formatPrefix)).toEqual(['198.51.100.0/22']);
  });
  it('covers the whole space as 0.0.0.0/0', () => {
    expect(ipv4ValueToCidrs(0, 2 ** 32).map(formatPrefix)).toEqual(['0.0.0.0/0']);
  });
  it('refuses a count below 1 and a run past the end', () => {
    expect(refusalLine(() => ipv4ValueToCidrs(0, 0))).toMatch(/^value:/);
    expect(refusalLine(() => ipv4ValueToCidrs(IPV4_MAX, 2))).toMatch(/^value:.*255\.255\.255\.255/);
  });

  const runArb = fc
    .tuple(fc.integer({ min: 0, max: IPV4_MAX }), fc.integer({ min: 1, max: 2 ** 32 }))
    .map(([start, value]) => [start, Math.min(value, IPV4_MAX - start + 1)] as const);

  it('covers exactly value addresses, contiguously, with aligned blocks', () => {
    fc.assert(
      fc.property(runArb, ([start, value]) => {
        const cidrs = ipv4ValueToCidrs(start, value);
        let next = start;
        for (const c of cidrs) {
          expect(c.start).toBe(next);
          expect(c.start % 2 ** (32 - c.length)).toBe(0);
          next += 2 ** (32 - c.length);
        }
        expect(next - start).toBe(value);
      }),
    );
  });
  it('is minimal: no two neighbours merge into one aligned block', () => {
    fc.assert(
      fc.property(runArb, ([start, value]) => {
        const cidrs = ipv4ValueToCidrs(start, value);
        for (let i = 1; i < cidrs.length; i++) {
          const a = cidrs[i - 1]!;
          const b = cidrs[i]!;
          const mergeable = a.length === b.length && a.length > 0 && a.start % 2 ** (33 - a.length) === 0;
          expect(mergeable).toBe(false);
        }
      }),
    );
  });
});

describe('delegatedRecordForPrefix / delegatedRecordForAsns', () => {
  const o = { registry: 'ripencc', cc: 'NL', date: '20260525', status: 'allocated' as const, opaqueId: 'acme' };
  it('writes records that parse back to the same blocks', () => {
    const records = [
      delegatedRecordForPrefix({ family: 4, start: 0xc6336400, length: 22 }, o),
      delegatedRecordForPrefix({ family: 6, start: 0x20010db8n << 96n, length: 32 }, o),
      delegatedRecordForAsns(64496, 16, o),
    ];
    const text = formatDelegated({
      header: { version: '2', registry: 'ripencc', serial: '1', startDate: '19930901', endDate: '20260525', utcOffset: '+0200' },
      records,
    });
    expect(text).toContain('ripencc|NL|ipv4|198.51.100.0|1024|20260525|allocated|acme\n');
    expect(text).toContain('ripencc|NL|asn|64496|16|20260525|allocated|acme\n');
    const back = parseDelegated(text);
    expect(delegatedAggregates(back.records).map((a) => formatPrefix(a.prefix))).toEqual(['198.51.100.0/22', '2001:db8::/32']);
  });
  it('refuses a bad date or country', () => {
    expect(refusalLine(() => delegatedRecordForPrefix({ family: 4, start: 0, length: 8 }, { ...o, date: '2026-05-25' }))).toMatch(/^date:/);
    expect(refusalLine(() => delegatedRecordForPrefix({ family: 4, start: 0, length: 8 }, { ...o, cc: 'nl' }))).toMatch(/^cc:/);
  });
});

describe('validateDelegated', () => {
  it('returns the problems instead of throwing', () => {
    expect(validateDelegated(SAMPLE)).toEqual([]);
    expect(validateDelegated(SAMPLE.replace('|5|19930901', '|6|19930901'))).toEqual([
      { line: 1, field: 'records', problem: 'header says 6 records, the file has 5' },
    ]);
  });
});

describe('formatDelegated ∘ parseDelegated (property)', () => {
  const opts = fc.record({
    cc: fc.constantFrom('NL', 'ZZ', ''),
    date: fc.constantFrom('20200101', '', '00000000'),
    status: fc.constantFrom('allocated', 'assigned', 'available', 'reserved') as fc.Arbitrary<'allocated'>,
    opaqueId: fc.option(fc.stringMatching(/^[0-9a-f-]{0,12}$/), { nil: undefined }),
  });
  const recordArb = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: IPV4_MAX }), fc.integer({ min: 1, max: 65536 }), opts).map(([s, v, o]) => ({
      ...delegatedRecordForPrefix({ family: 4, start: Math.min(s, IPV4_MAX - v + 1), length: 32 }, { registry: 'apnic', ...o }),
      value: v,
    })),
    fc
      .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 }), opts)
      .map(([v, len, o]) =>
        delegatedRecordForPrefix({ family: 6, start: (v >> BigInt(128 - len)) << BigInt(128 - len), length: len }, { registry: 'apnic', ...o }),
      ),
    fc
      .tuple(fc.integer({ min: 0, max: 4294967295 - 1000 }), fc.integer({ min: 1, max: 1000 }), opts)
      .map(([a, n, o]) => delegatedRecordForAsns(a, n, { registry: 'apnic', ...o })),
  );
  it('gives back the records (and counts that balance)', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 20 }), (records) => {
        const header = { version: '2.3', registry: 'apnic', serial: '7', startDate: '19930101', endDate: '20260525', utcOffset: '+1000' };
        const back = parseDelegated(formatDelegated({ header, records }));
        expect(back.records.map((r) => ({ ...r, line: 0 }))).toEqual(records);
        expect(back.header.records).toBe(records.length);
      }),
    );
  });
});

describe('DelegatedReader: a line too long for a delegated file (issue 10, item 9)', () => {
  it('is refused at its line as it streams, never held whole, and the lines after it are still read', () => {
    const problems: DelegatedProblem[] = [];
    const reader = new DelegatedReader((p) => problems.push(p));
    reader.push('2|ripencc|20240101|1|20240101|20240101|+0000\nripencc|*|ipv4|*|1|summary\n');
    // 64 chunks of 1 MiB without a line end: the reader refuses the line once it passes the cap,
    // and drops the rest of it as it comes instead of joining it into one string.
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; i < 64; i++) reader.push(chunk);
    expect(problems).toEqual([
      {
        line: 3,
        field: 'row',
        problem: `is longer than ${DELEGATED_MAX_LINE.toLocaleString('en')} characters (a delegated file's lines are short: is this the right file?)`,
      },
    ]);
    expect((reader as unknown as { tail: string }).tail.length).toBeLessThanOrEqual(DELEGATED_MAX_LINE);
    reader.push('x\nripencc|NL|ipv4|10.0.0.0|256|20240101|used\n');
    expect(reader.end()).toBeNull();
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
    expect(reader.lines).toBe(5);
  });

  it('a line at the cap is read as usual', () => {
    const opaque = 'o'.repeat(DELEGATED_MAX_LINE - 'ripencc|NL|ipv4|10.0.0.0|256|20240101|assigned|'.length);
    const text = `2|ripencc|20240101|1|20240101|20240101|+0000\nripencc|*|ipv4|*|1|summary\nripencc|NL|ipv4|10.0.0.0|256|20240101|assigned|${opaque}\n`;
    const problems: DelegatedProblem[] = [];
    const reader = new DelegatedReader((p) => problems.push(p));
    for (let at = 0; at < text.length; at += 1000) reader.push(text.slice(at, at + 1000));
    expect(reader.end()?.records).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
