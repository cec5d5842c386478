/**
 * RPSL text ↔ objects (RFC 2622 §2, RIPE Database §3.7).
 *
 * Parsing follows what real dumps contain: `%` and `#` lines at the start of a line are
 * comments (banners, tags) and are skipped; an empty line ends an object (runs of them are
 * one separator); a line starting with a space or tab continues the previous value (a
 * whitespace-only one is an empty value line), and so does a line starting with `+`.
 * End-of-line `#` comments inside values are kept verbatim, as whois servers keep them.
 */
import { HeadroomError } from '../errors';
import type { RpslAttribute, RpslObject } from './rpsl-object';

/** Column where values start in rendered objects (RIPE's whois output aligns at 16). */
export const RPSL_VALUE_COLUMN = 16;

const NAME_RE = /^([A-Za-z*][A-Za-z0-9_*-]*):(.*)$/;

export interface RpslParseProblem {
  readonly line: number;
  readonly message: string;
}

/** Refusal of RPSL text, with every problem as `line N: problem`. */
export class RpslParseError extends HeadroomError {
  readonly problems: readonly RpslParseProblem[];
  constructor(problems: readonly RpslParseProblem[]) {
    super('invalid', problems.map((p) => `line ${p.line}: ${p.message}`).join('\n'), 'rpsl', '');
    this.problems = problems;
  }
}

interface Building {
  attrs: { name: string; lines: string[] }[];
}

/** Parses every object in `text`; throws RpslParseError listing the bad lines. */
export function parseRpsl(text: string): RpslObject[] {
  const lines = text.split(/\r?\n/);
  const objects: RpslObject[] = [];
  const problems: RpslParseProblem[] = [];
  let cur: Building | null = null;
  const finish = (): void => {
    if (cur && cur.attrs.length > 0) {
      objects.push({ attributes: cur.attrs.map((a): RpslAttribute => ({ name: a.name, value: a.lines.join('\n') })) });
    }
    cur = null;
  };
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw === '') {
      finish();
      return;
    }
    const c0 = raw[0]!;
    if (c0 === '%' || c0 === '#') return;
    if (c0 === ' ' || c0 === '\t' || c0 === '+') {
      const last = cur?.attrs[cur.attrs.length - 1];
      if (!last) {
        if (raw.trim() === '')
          finish(); // whitespace-only line between objects
        else problems.push({ line: n, message: 'continuation line outside an attribute' });
        return;
      }
      last.lines.push((c0 === '+' ? raw.slice(1) : raw).trim());
      return;
    }
    const m = NAME_RE.exec(raw);
    if (!m) {
      problems.push({ line: n, message: `expected "attribute: value", got "${raw.slice(0, 40)}"` });
      return;
    }
    if (!cur) cur = { attrs: [] };
    cur.attrs.push({ name: m[1]!.toLowerCase(), lines: [m[2]!.trim()] });
  });
  finish();
  if (problems.length > 0) throw new RpslParseError(problems);
  return objects;
}

/** Parses text that must hold exactly one object. */
export function parseRpslObject(text: string): RpslObject {
  const objs = parseRpsl(text);
  if (objs.length !== 1) throw new RpslParseError([{ line: 1, message: `expected one object, found ${objs.length}` }]);
  return objs[0]!;
}

function renderAttribute(a: RpslAttribute): string {
  const [first = '', ...rest] = a.value.split('\n');
  const label = `${a.name}:`;
  const head = first === '' ? label : label.padEnd(RPSL_VALUE_COLUMN - 1, ' ') + ' ' + first;
  const pad = ' '.repeat(RPSL_VALUE_COLUMN);
  return [head, ...rest.map((l) => (l === '' ? '+' : pad + l))].join('\n');
}

/**
 * One object as text: `name:` padded to column 16, continuation lines indented (an empty
 * one written `+` so no blank line appears inside the object), no trailing blank line.
 */
export function renderRpsl(obj: RpslObject): string {
  return obj.attributes.map(renderAttribute).join('\n') + '\n';
}

/** Several objects separated by exactly one blank line. */
export function renderRpslObjects(objs: readonly RpslObject[]): string {
  return objs.map(renderRpsl).join('\n');
}
