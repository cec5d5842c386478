/**
 * An error carries its field beside its message (issue 18, item 2): `invalid(field, problem)`
 * keeps the problem as it was given, free of the field, so a screen shows it at its field as it
 * is. The one place that joins them into a line is `errorLine`, the CLI's printer (and a
 * message that quotes another error whole): the field in plain words for a nested path, or the
 * subject the error names instead of its field (a file's path), or nothing for a whole report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorLine, fieldWords, HeadroomError, invalid, issuesToError, toErrorShape } from '../../../shared/errors';

const segment = fc.constantFrom('items', 'holdings', 'nameplateW', 'prefix', 'ups', 'ratedW', 'contacts', 'email');
const path = fc.array(fc.oneof(segment, fc.nat({ max: 20 }).map(String)), { minLength: 1, maxLength: 4 }).map((p) => p.join('.'));
const problem = fc.string({ minLength: 1, maxLength: 30 });

describe('an error carries its field beside the message', () => {
  it('invalid() keeps the problem exactly as given and the field apart, for any field path', () => {
    fc.assert(
      fc.property(path, problem, (field, text) => {
        const e = invalid(field, text);
        expect(e.message).toBe(text);
        expect(e.field).toBe(field);
        expect(toErrorShape(e)).toEqual({ code: 'invalid', field, message: text });
      }),
    );
  });

  it('a schema issue names its path as the field, the message only the problem', () => {
    const e = issuesToError([{ path: ['items', 2, 'measuredW'], message: 'must be a number' }]);
    expect(e.field).toBe('items.2.measuredW');
    expect(e.message).toBe('must be a number');
  });
});

describe('errorLine: the one place field and message are joined', () => {
  it('puts the field, in plain words, in front of the problem', () => {
    fc.assert(
      fc.property(path, problem, (field, text) => {
        expect(errorLine(invalid(field, text))).toBe(`${fieldWords(field)}: ${text}`);
      }),
    );
    expect(errorLine(invalid('items.2.measuredW', 'must be a number'))).toBe('item 3, measured (W): must be a number');
    expect(errorLine(invalid('ratedW', 'must be a number'))).toBe('ratedW: must be a number');
  });

  it('a message with no field is the line itself', () => {
    expect(errorLine(new HeadroomError('no-workspace', 'no workspace is open'))).toBe('no workspace is open');
    expect(errorLine({ message: 'internal error: x' })).toBe('internal error: x');
  });

  it('names the subject instead of the field when the error names one (a file), and nothing for a whole report', () => {
    const file = new HeadroomError('conflict', 'the file already exists; choose another name', 'path', '/home/me/a.headroom');
    expect(file.message).toBe('the file already exists; choose another name');
    expect(file.field).toBe('path');
    expect(errorLine(file)).toBe('/home/me/a.headroom: the file already exists; choose another name');
    const report = new HeadroomError('invalid', 'line 2: date: not a date\nline 3: value: not a number', 'csv', '');
    expect(errorLine(report)).toBe('line 2: date: not a date\nline 3: value: not a number');
  });

  it('the shape that crosses a transport keeps the subject, so the CLI prints the same line', () => {
    const file = new HeadroomError('not-found', 'no such workspace file', 'path', '/x.headroom');
    const shape = toErrorShape(file);
    expect(shape).toEqual({ code: 'not-found', message: 'no such workspace file', field: 'path', subject: '/x.headroom' });
    expect(errorLine(shape)).toBe('/x.headroom: no such workspace file');
    expect(errorLine(toErrorShape(JSON.parse(JSON.stringify(shape))))).toBe('/x.headroom: no such workspace file');
  });
});
