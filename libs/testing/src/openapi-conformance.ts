// Checks an answer against the response schema the OpenAPI document declares for its route, so the
// web's generated types (schema.d.ts) are known to tell the truth: every required field present,
// no field the schema does not name, types, nullability, enums and formats as declared.
import type { OpenApiSchema } from './openapi-schema';
import type TestAgent from 'supertest/lib/agent';

type Schema = OpenApiSchema;

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

export async function fetchOpenApiDocument(http: TestAgent): Promise<OpenApiDocument> {
  const response = await http.get('/api/docs-json');
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  return response.body as OpenApiDocument;
}

/** Where value departs from schema, one line per problem (empty when it conforms). */
export function schemaProblems(document: OpenApiDocument, schema: Schema, value: unknown, at = 'body'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) return [`${at}: unknown schema ${name}`];
    return schemaProblems(document, target, value, at);
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null, but not nullable`];
  const problems = (schema.allOf ?? []).flatMap((part) => schemaProblems(document, part, value, at));
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [...problems, `${at}: expected a string, got ${JSON.stringify(value)}`];
      if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format].test(value)) problems.push(`${at}: ${JSON.stringify(value)} is not a ${schema.format}`);
      break;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) problems.push(`${at}: expected a ${schema.type}, got ${JSON.stringify(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at}: expected a boolean, got ${JSON.stringify(value)}`);
      break;
    case 'array':
      if (!Array.isArray(value)) return [...problems, `${at}: expected an array`];
      if (schema.items) value.forEach((item, i) => problems.push(...schemaProblems(document, schema.items!, item, `${at}[${i}]`)));
      break;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [...problems, `${at}: expected an object`];
      const record = value as Record<string, unknown>;
      // A nullable reference comes as { nullable, type: object, allOf: [$ref] }: the reference checks the fields.
      if (!schema.properties && !schema.additionalProperties) break;
      for (const name of schema.required ?? []) if (!(name in record)) problems.push(`${at}.${name}: missing`);
      for (const [name, field] of Object.entries(record)) {
        const declared = schema.properties?.[name];
        if (declared) problems.push(...schemaProblems(document, declared, field, `${at}.${name}`));
        else if (typeof schema.additionalProperties === 'object') problems.push(...schemaProblems(document, schema.additionalProperties, field, `${at}.${name}`));
        else if (schema.additionalProperties !== true) problems.push(`${at}.${name}: not in the schema`);
      }
      break;
    }
  }
  return problems;
}

/**
 * Throws when the answer does not match what the document declares for the operation answering
 * with its status; operation as `GET /api/cities/{id}/status` (the path as the document spells it).
 */
export function expectDocumentedAnswer(document: OpenApiDocument, operation: string, answer: { status: number; body: unknown }): void {
  const [method, path] = operation.split(' ');
  const schema = document.paths[path]?.[method.toLowerCase()]?.responses?.[String(answer.status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation} declares no JSON schema for ${answer.status}`);
  const problems = schemaProblems(document, schema, answer.body);
  if (problems.length > 0) throw new Error(`${operation} ${answer.status} does not match its schema:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

export type DocumentedCheck = <A extends { status: number; body: unknown }>(operation: string, answer: A) => A;

/** expectDocumentedAnswer bound to the document, passing the answer through: `documented('GET /api/…', await t.http.get(…))`. */
export function documentedAnswers(document: OpenApiDocument): DocumentedCheck {
  return (operation, answer) => {
    expectDocumentedAnswer(document, operation, answer);
    return answer;
  };
}
