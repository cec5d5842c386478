/**
 * Checks of one RPSL object against its RIR's template (CHK-28, CHK-30): mandatory
 * attributes present, no unknown attribute, single-valued key, key and value syntax.
 */
import { rpslClass, type RpslObject } from './rpsl-object';
import { checkAsSetName } from './rpsl-syntax';
import { ATTRIBUTE_SYNTAX, RIR_ATTRIBUTE_SYNTAX, rpslTemplate, type Rir } from './rpsl-templates';

export interface RpslProblem {
  /** The attribute at fault (the class name for object-level problems). */
  readonly attribute: string;
  readonly message: string;
  /** False when the template behind it is UNCONFIRMED: show as "verify with the RIR". */
  readonly confirmed: boolean;
}

export interface RpslValidateOptions {
  readonly rir?: Rir;
  /** A new object (RIPE refuses new non-hierarchical as-set names). Default true. */
  readonly isNew?: boolean;
  /** A request draft: an aut-num may be keyed `ASNEW` (the number to be assigned). */
  readonly draft?: boolean;
}

/** Values checked for syntax are the first line of a value with end-of-line comments removed. */
function checkedValue(value: string): string {
  return value
    .replace(/#.*$/gm, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

export function validateRpslObject(obj: RpslObject, options: RpslValidateOptions = {}): RpslProblem[] {
  const rir = options.rir ?? 'ripe';
  const cls = rpslClass(obj);
  const template = rpslTemplate(rir, cls);
  if (!template) return [{ attribute: cls, message: `no ${rir.toUpperCase()} template for class "${cls}"`, confirmed: false }];
  const confirmed = template.confirmed;
  const problems: RpslProblem[] = [];
  const push = (attribute: string, message: string): void => {
    problems.push({ attribute, message, confirmed });
  };
  const names = obj.attributes.map((a) => a.name);
  for (const a of template.attributes) {
    if (a.use === 'M' && !names.includes(a.name)) push(a.name, `mandatory attribute "${a.name}" is missing`);
  }
  if (names.filter((n) => n === cls).length > 1) push(cls, `the key attribute "${cls}" appears more than once`);
  for (const a of obj.attributes) {
    if (!template.attributes.some((x) => x.name === a.name)) {
      push(a.name, `unknown attribute "${a.name}" for ${cls}`);
      continue;
    }
    const check = RIR_ATTRIBUTE_SYNTAX[rir]?.[a.name] ?? ATTRIBUTE_SYNTAX[a.name];
    const v = checkedValue(a.value);
    if (options.draft && a.name === 'aut-num' && v.toUpperCase() === 'ASNEW') continue;
    if (check && v !== '') {
      const problem = check(v);
      if (problem) push(a.name, problem);
    }
  }
  const status = obj.attributes
    .find((a) => a.name === 'status')
    ?.value.trim()
    .toUpperCase();
  if ((cls === 'inetnum' || cls === 'inet6num') && status === 'AGGREGATED-BY-LIR' && !names.includes('assignment-size')) {
    // RIPE business rule; its wording is UNCONFIRMED (§4.4), so this only asks to verify.
    problems.push({
      attribute: 'assignment-size',
      message: 'AGGREGATED-BY-LIR needs assignment-size (the size of each assignment inside it)',
      confirmed: false,
    });
  }
  if (cls === 'as-set' && rir === 'ripe' && (options.isNew ?? true)) {
    const problem = checkAsSetName(checkedValue(obj.attributes[0]!.value), true);
    if (problem) push('as-set', problem);
  }
  return problems;
}

/**
 * Checks raw object text for what the object model cannot hold: a blank line inside an
 * object splits it (CHK-28). Returns the problems; `parseRpsl` does the rest.
 */
export function checkRpslText(text: string, expectedObjects: number): RpslProblem[] {
  const blocks = text.split(/\n[ \t]*\n/).filter((b) => b.trim() !== '');
  return blocks.length === expectedObjects
    ? []
    : [
        {
          attribute: 'object',
          message: `found ${blocks.length} blocks where ${expectedObjects} object(s) were expected: a blank line inside an object ends it`,
          confirmed: true,
        },
      ];
}
