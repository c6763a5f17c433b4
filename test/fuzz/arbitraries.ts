// fast-check arbitraries for the fuzzer: values that fit an OpenAPI schema, with hostile values mixed
// in at every leaf (NUL, lone surrogates, numbers beyond PostgreSQL, long text, wrong types).
import fc from 'fast-check';
import { FuzzDocument, resolve, Schema } from './openapi-operations';

/** What the running app knows: real ids to aim at, and the demo emails. */
export interface FuzzContext {
  document: FuzzDocument;
  ids: string[];
  /** The same ids by table, to aim a path's {id} at the table its segment names. */
  idsByTable: Record<string, string[]>;
  emails: string[];
  years: number[];
}

export const HOSTILE_TEXT = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', '', ' ', '\t\r\n', 'x'.repeat(10_000), 'ł'.repeat(3000),
  '../../../etc/passwd', "' OR '1'='1", '<script>alert(1)</script>', '%00', '${jndi:x}', '\u202e', '0', '-1', 'null',
  'NaN', 'Infinity', '99999999999999999999', '1e309', '2147483648', '-2147483649', '00000000-0000-0000-0000-000000000000',
  'not-a-uuid', '2026-02-30T25:61:00Z', '0000-00-00', '{}', '[]', 'true', '__proto__', 'constructor',
] as const;

const HOSTILE_JSON: unknown[] = [
  null, true, false, 0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e20, -1e20, 1.5, 1e308, -0, [], {}, [null], { a: 1 },
  ['\u0000'], Array.from({ length: 300 }, (_, i) => i),
];

export const hostileText = fc.constantFrom(...HOSTILE_TEXT);
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_JSON) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** `value` with its n-th leaf (modulo the number of leaves) replaced: one hostile field, the rest fitting. */
export function replaceLeaf(value: unknown, n: number, replacement: unknown): unknown {
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, item] of Object.entries(node)) {
      if (item !== null && typeof item === 'object' && Object.keys(item).length) walk(item);
      else leaves.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (!leaves.length) return copy;
  const { parent, key } = leaves[n % leaves.length];
  (parent as Record<string | number, unknown>)[key] = replacement;
  return copy;
}

const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** A value that fits `schema` (the validation may still refuse it for rules the schema cannot say). */
export function fitting(context: FuzzContext, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(context.document, raw);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => fitting(context, v, depth + 1)));
  if (schema.allOf?.length) return fitting(context, { ...schema, allOf: undefined, ...resolve(context.document, schema.allOf[0]) }, depth + 1);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = typeOf(schema) ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringFitting(context, schema);
    case 'integer': {
      const min = schema.minimum ?? -1000;
      return fc.oneof(fc.integer({ min, max: schema.maximum ?? Math.max(min, 0) + 5000 }), fc.constantFrom(...context.years));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(leaf(context, schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object':
    case undefined: {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const properties = Object.fromEntries(Object.entries(schema.properties).map(([name, s]) => [name, leaf(context, s, depth + 1)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
    }
    default:
      return hostileJson;
  }
}

function stringFitting(context: FuzzContext, schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...context.ids) }, { weight: 1, arbitrary: fc.uuid() });
    case 'date-time':
      return isoDate;
    case 'date':
      return isoDate.map((d) => d.slice(0, 10));
    case 'email':
      return fc.oneof(fc.constantFrom(...context.emails), fc.emailAddress());
    case 'binary':
      return fc.constant('');
    default:
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 60) });
  }
}

/** A leaf: mostly fitting, sometimes hostile, so each field is hit by the hostile values in turn. */
export function leaf(context: FuzzContext, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 11, arbitrary: fitting(context, schema, depth) }, { weight: 1, arbitrary: hostileJson });
}

const singular = (segment: string) => segment.replace(/ies$/, 'y').replace(/s$/, '');

/** Ids of the table a path segment names ("cities" → city, "users" → app_user, "files" → report_file). */
export function idsForSegment(context: FuzzContext, segment: string | undefined): string[] {
  if (!segment) return [];
  const name = singular(segment.replace(/-/g, '_'));
  const table = Object.keys(context.idsByTable).find((t) => t === name || t.endsWith(`_${name}`));
  return table ? context.idsByTable[table] : [];
}

/** A path or query value as text: a known id or year, fitting text, or hostile text. */
export function paramText(context: FuzzContext, raw: Schema, segment?: string): fc.Arbitrary<string> {
  const schema = resolve(context.document, raw);
  const aimed = idsForSegment(context, segment);
  if (aimed.length && !schema.enum && typeOf(schema) !== 'integer' && typeOf(schema) !== 'number') {
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...aimed) }, { weight: 1, arbitrary: fc.constantFrom(...context.ids) }, { weight: 1, arbitrary: hostileText });
  }
  const type = typeOf(schema);
  const fit: fc.Arbitrary<string> =
    type === 'integer' || type === 'number'
      ? fc.oneof(fc.constantFrom(...context.years), fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 3000 })).map(String)
      : schema.enum?.length
        ? fc.constantFrom(...schema.enum.map(String))
        : schema.format === 'uuid' || schema.format === undefined
          ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...context.ids) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) })
          : fitting(context, schema).map(String);
  return fc.oneof({ weight: 5, arbitrary: fit }, { weight: 1, arbitrary: hostileText });
}

/**
 * Text as it goes into a URL: UTF-8 percent-encoding, except that a lone surrogate is written as the
 * three bytes a careless encoder makes of it (not UTF-8), which encodeURIComponent refuses to do.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[i]);
    }
  }
  return out;
}
