// The operations of the served OpenAPI document, flattened for the fuzzer: method, path template,
// path and query parameters with their schemas, and the request body's schema and media type.
import type { OpenApiSchema as Schema } from '@app/testing';

export type { Schema };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface FuzzDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  /** "POST /api/editions/{id}/awards", as the document names it. */
  key: string;
  method: string;
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; required: boolean; schema: Schema }[];
  body: { mediaType: 'json' | 'multipart'; schema: Schema } | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Follows $ref and takes the first of allOf/oneOf/anyOf (Nest's swagger uses them to wrap a $ref). */
export function resolve(document: FuzzDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; hops < 20; hops++) {
    if (current.$ref) {
      current = document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] ?? {};
    } else if (current.allOf?.length === 1 && !current.properties) {
      current = current.allOf[0];
    } else {
      return current;
    }
  }
  return current;
}

export function listOperations(document: FuzzDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const multipart = content['multipart/form-data']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? { type: 'string' } })),
        body: json ? { mediaType: 'json', schema: json } : multipart ? { mediaType: 'multipart', schema: multipart } : null,
      });
    }
  }
  return operations;
}
