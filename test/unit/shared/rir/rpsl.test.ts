import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rpslSample } from '../../../support/fixtures';
import { rpslClass, rpslValue, rpslValues, type RpslObject } from '../../../../shared/rir/rpsl-object';
import { parseRpsl, parseRpslObject, RpslParseError, renderRpsl, renderRpslObjects } from '../../../../shared/rir/rpsl-text';

const DATA = rpslSample() + '/';
const read = (f: string): string => readFileSync(DATA + f, 'utf8');

describe('parseRpsl', () => {
  it('reads attributes, lower-casing names and trimming values', () => {
    const [o] = parseRpsl('Route:   192.0.2.0/24  \nORIGIN: AS64500\n');
    expect(o).toEqual({
      attributes: [
        { name: 'route', value: '192.0.2.0/24' },
        { name: 'origin', value: 'AS64500' },
      ],
    });
  });
  it('joins space, tab and + continuation lines; + and whitespace-only lines are empty value lines', () => {
    const o = parseRpslObject('filter-set: fltr-x\nfilter:  {\n    1.0.0.0/8^-,\n\t2.0.0.0/8^-\n+\n   \n }\nsource: RIPE\n');
    expect(rpslValue(o, 'filter')).toBe('{\n1.0.0.0/8^-,\n2.0.0.0/8^-\n\n\n}');
  });
  it('ends an object at an empty line and treats runs of them as one separator', () => {
    expect(parseRpsl('a: 1\n\n\n\nb: 2\n').map(rpslClass)).toEqual(['a', 'b']);
  });
  it('skips # and % comment lines of dumps', () => {
    expect(parseRpsl('# banner\n%\n\n% Tags\nmntner: X-MNT\n% inside\nsource: RIPE\n')).toEqual([
      {
        attributes: [
          { name: 'mntner', value: 'X-MNT' },
          { name: 'source', value: 'RIPE' },
        ],
      },
    ]);
  });
  it('keeps end-of-line # comments in the value', () => {
    expect(rpslValue(parseRpslObject('changed: a@b.c 20040830  #13:24:40(UTC)\n'), 'changed')).toBe('a@b.c 20040830  #13:24:40(UTC)');
  });
  it('accepts legacy *xx attribute names', () => {
    expect(rpslClass(parseRpslObject('*xxte: 64.203.254.0/24\n'))).toBe('*xxte');
  });
  it('refuses a line that is not an attribute, naming the line', () => {
    expect(() => parseRpsl('route: 192.0.2.0/24\nthis is not rpsl\n')).toThrow(RpslParseError);
    expect(() => parseRpsl('route: 192.0.2.0/24\nthis is not rpsl\n')).toThrow(/^line 2: expected "attribute: value"/);
  });
  it('refuses a continuation line before any attribute', () => {
    expect(() => parseRpsl('  orphan\n')).toThrow(/^line 1: continuation line outside an attribute/);
  });
});

describe('renderRpsl', () => {
  it('aligns values at column 16 and indents continuation lines', () => {
    const obj: RpslObject = {
      attributes: [
        { name: 'descr', value: 'Company\nAddress 1\n\nCountry' },
        { name: 'assignment-size', value: '56' },
      ],
    };
    expect(renderRpsl(obj)).toBe('descr:          Company\n                Address 1\n+\n                Country\nassignment-size: 56\n');
  });
  it('separates objects with exactly one blank line', () => {
    const a: RpslObject = { attributes: [{ name: 'a', value: '1' }] };
    expect(renderRpslObjects([a, a])).toBe('a:              1\n\na:              1\n');
  });
  it('writes an empty first line without trailing spaces', () => {
    expect(renderRpsl({ attributes: [{ name: 'members', value: '\nAS1' }] })).toBe('members:\n                AS1\n');
  });
});

const nameArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,19}$/);
const lineArb = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
const valueArb = fc
  .tuple(fc.oneof(lineArb, fc.constant('')), fc.array(fc.oneof(lineArb, fc.constant('')), { maxLength: 3 }))
  .map(([first, rest]) => [first, ...rest].join('\n'));
const objectArb = fc.array(fc.record({ name: nameArb, value: valueArb }), { minLength: 1, maxLength: 8 }).map((attributes): RpslObject => ({ attributes }));

describe('parseRpsl ∘ renderRpsl (properties)', () => {
  it('gives back the object', () => {
    fc.assert(
      fc.property(objectArb, (o) => {
        expect(parseRpsl(renderRpsl(o))).toEqual([o]);
      }),
      { numRuns: 300 },
    );
  });
  it('gives back a list of objects', () => {
    fc.assert(
      fc.property(fc.array(objectArb, { maxLength: 5 }), (os) => {
        expect(parseRpsl(renderRpslObjects(os))).toEqual(os);
      }),
    );
  });
  it('never puts a blank line inside an object', () => {
    fc.assert(
      fc.property(objectArb, (o) => {
        expect(renderRpsl(o).trimEnd()).not.toMatch(/\n[ \t]*\n/);
      }),
    );
  });
});

const FILES = [
  ['irrd-rpsl-samples-2018.txt', 17],
  ['grs-dump-samples/ripe.db', 2],
  ['grs-dump-samples/afrinic.db', 5],
  ['grs-dump-samples/radb.db', 3],
  ['grs-dump-samples/jpirr.db', 3],
] as const;

describe('parseRpsl (real data)', () => {
  it.each(FILES)('%s: parses every object and round-trips through renderRpsl', (file, count) => {
    const objs = parseRpsl(read(file));
    expect(objs).toHaveLength(count);
    for (const o of objs) expect(o.attributes.length).toBeGreaterThan(1);
    expect(parseRpsl(renderRpslObjects(objs))).toEqual(objs);
  });
  it('reads the 17 irrd classes', () => {
    expect(parseRpsl(read('irrd-rpsl-samples-2018.txt')).map(rpslClass).sort()).toEqual(
      [
        'as-block',
        'as-set',
        'aut-num',
        'domain',
        'filter-set',
        'inet-rtr',
        'inet6num',
        'inetnum',
        'key-cert',
        'mntner',
        'peering-set',
        'person',
        'role',
        'route',
        'route-set',
        'route6',
        'rtr-set',
      ].sort(),
    );
  });
  it('keeps AS3255’s 767 lines of policy', () => {
    const aut = parseRpsl(read('irrd-rpsl-samples-2018.txt')).find((o) => rpslClass(o) === 'aut-num')!;
    expect(rpslValues(aut, 'import').length).toBeGreaterThan(100);
  });
  it('reads AFRINIC indented continuation lines into one remarks value', () => {
    const [block] = parseRpsl(read('grs-dump-samples/afrinic.db'));
    expect(rpslValue(block!, 'remarks')!.split('\n')).toHaveLength(7);
  });
  it('reads the JPIRR file without a final newline', () => {
    expect(rpslValue(parseRpsl(read('grs-dump-samples/jpirr.db'))[2]!, 'source')).toBe('JPIRR');
  });
});
