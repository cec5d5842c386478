/**
 * Strict input (CLI.md "Strict input"): a JSON input's unknown field is refused by name, never
 * dropped. zod objects strip unknown keys by default, so a misspelt `peakfactor` would run with
 * the default peak factor; this walks the input against the schema's own JSON Schema (so it
 * follows whatever fields a schema gains) and names every key the schema does not know, with
 * the field it most likely meant.
 */
import { z } from 'zod';

export type InputPath = readonly (string | number)[];

export interface UnknownField {
  /** Where the key sits, ending with the key itself. */
  path: InputPath;
  key: string;
  /** The known field it most likely meant, if one is close. */
  suggestion: string | null;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
};

const schemaCache = new WeakMap<z.ZodType, JsonSchema>();

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let js = schemaCache.get(schema);
  if (!js) {
    js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    schemaCache.set(schema, js);
  }
  return js;
}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  let n = node;
  for (let i = 0; i < 20 && n.$ref; i++) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(n.$ref);
    if (m) n = (m[1] === '$defs' ? root.$defs : root.definitions)?.[decodeURIComponent(m[2]!)] ?? {};
    else if (n.$ref === '#') n = root;
    else return {};
  }
  return n;
}

/** The branches a value may match (anyOf/oneOf/allOf flattened). */
function branches(node: JsonSchema, root: JsonSchema): JsonSchema[] {
  const n = resolve(node, root);
  const alts = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  if (alts.length === 0) return [n];
  return [n, ...alts.flatMap((a) => branches(a, root))];
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

export function closestField(key: string, known: readonly string[]): string | null {
  const lower = key.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const k of known) {
    const dd = distance(lower, k.toLowerCase());
    if (dd < bestD) [best, bestD] = [k, dd];
  }
  return best;
}

function walk(value: unknown, node: JsonSchema, root: JsonSchema, path: (string | number)[], out: UnknownField[]): void {
  if (value === null || typeof value !== 'object') return;
  const options = branches(node, root);
  if (Array.isArray(value)) {
    for (const o of options) {
      const items = o.prefixItems ?? o.items;
      if (!items) continue;
      value.forEach((v, i) => walk(v, Array.isArray(items) ? (items[i] ?? {}) : items, root, [...path, i], out));
      return;
    }
    return;
  }
  const objects = options.filter((o) => o.properties !== undefined);
  if (objects.length === 0) return; // a free-form object (z.record, z.unknown): any key goes
  if (objects.some((o) => o.additionalProperties !== undefined && o.additionalProperties !== false && typeof o.additionalProperties !== 'object')) return;
  const known = [...new Set(objects.flatMap((o) => Object.keys(o.properties!)))];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const holders = objects.filter((o) => key in o.properties!);
    if (holders.length === 0) {
      const extra = objects.find((o) => typeof o.additionalProperties === 'object');
      if (extra) walk(v, extra.additionalProperties as JsonSchema, root, [...path, key], out);
      else out.push({ path: [...path, key], key, suggestion: closestField(key, known) });
      continue;
    }
    walk(v, holders[0]!.properties![key]!, root, [...path, key], out);
  }
}

/** Every key of `value` that `schema` does not know, outermost first. */
export function unknownFields(schema: z.ZodType, value: unknown): UnknownField[] {
  const root = jsonSchemaOf(schema);
  const out: UnknownField[] = [];
  walk(value, root, root, [], out);
  return out;
}

/** `generators[1].ratingW`: a path as a planner reads a JSON document. */
export function documentPath(path: InputPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/** The plain-words problem for an unknown field. */
export function unknownFieldProblem(u: UnknownField, what = 'this input'): string {
  return `is not a field of ${what}${u.suggestion ? ` (did you mean ${u.suggestion}?)` : ''}`;
}
