/**
 * The RPSL object as data (RFC 2622 §2): an ordered list of `name: value` attributes, the
 * first naming the class. A value that spans continuation lines holds them joined by `\n`
 * (each line trimmed); an empty continuation line (`+`) is an empty line in the value.
 */
import { invalid } from '../errors';

export interface RpslAttribute {
  /** Attribute name in lower case (RPSL names are case-insensitive). */
  readonly name: string;
  readonly value: string;
}

export interface RpslObject {
  readonly attributes: readonly RpslAttribute[];
}

/** The object's class: the name of its first attribute. */
export function rpslClass(obj: RpslObject): string {
  return obj.attributes[0]?.name ?? '';
}

/** The key value: the first attribute's value. */
export function rpslKey(obj: RpslObject): string {
  return obj.attributes[0]?.value ?? '';
}

/** Every value of the named attribute, in order. */
export function rpslValues(obj: RpslObject, name: string): string[] {
  const n = name.toLowerCase();
  return obj.attributes.filter((a) => a.name === n).map((a) => a.value);
}

export function rpslValue(obj: RpslObject, name: string): string | undefined {
  return rpslValues(obj, name)[0];
}

/**
 * Builds an object from `[name, value]` pairs, skipping undefined values and expanding arrays.
 * A generated value may not hold `#` (RPSL would read the rest of the line as a comment; write
 * comments as `remarks:`) nor a line break, refused naming the attribute.
 */
export function rpslObject(pairs: ReadonlyArray<readonly [string, string | readonly string[] | undefined]>): RpslObject {
  const attributes: RpslAttribute[] = [];
  for (const [name, value] of pairs) {
    if (value === undefined) continue;
    const values = typeof value === 'string' ? [value] : value;
    for (const v of values) {
      if (v.includes('#')) throw invalid(name, `"${v}" may not contain "#" (RPSL reads it as a comment); use a remarks: line`);
      if (/[\r\n]/.test(v)) throw invalid(name, 'a generated value must fit on one line');
      attributes.push({ name: name.toLowerCase(), value: v.trim() });
    }
  }
  return { attributes };
}

/**
 * A planner's free text (a block's description, the legal name) as RPSL values (RFC 2622 §2):
 * `#` starts a comment that runs to the end of the line, so it is left out; each line of the
 * text becomes one value (the caller writes them as repeated attributes, `descr:` being
 * multi-valued), trimmed, with empty lines and other control characters dropped.
 */
export function rpslFreeText(text: string): { lines: string[]; droppedHash: boolean } {
  const droppedHash = text.includes('#');
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) =>
      l
        .replace(/#/g, ' ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '');
  return { lines, droppedHash };
}
