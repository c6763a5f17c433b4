// The OpenAPI document of the API: served at /api/docs-json (Swagger UI at /api/docs), built
// offline by openapi-document.ts for the web app's typed client (npm run web:api-types), and
// completed with the contract's error responses so every operation shows the stable error body.
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from '@app/core';

const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable reason, e.g. report_submitted, wrong_stage' },
    details: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, problem: { type: 'string' } } },
      description: 'One entry per invalid field (400)',
    },
  },
};

const DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input: details name each field and its problem; unknown fields are rejected. Any route answers 400 to a malformed request (bad encoding, NUL characters, too deep or too large a body)',
  '401': 'No valid access token',
  '403': 'The caller’s role may never use this route, or a conflict of interest',
  '404': 'No such object visible to the caller (objects of other cities, editions or users answer 404)',
  '409': 'Wrong stage or state (code says which; transitions list the allowed targets or blockers)',
  '429': 'Too many attempts (Retry-After)',
};

type DocumentedOperation = {
  responses?: Record<string, unknown>;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: { in: string }[];
  [PUBLIC_OPERATION_EXTENSION]?: boolean;
};

/** `@Public()` routes say so with `security: []`; a route with neither it nor a bearer scheme is a bug. */
function declareSecurity(path: string, method: string, operation: DocumentedOperation): void {
  const isPublic = operation[PUBLIC_OPERATION_EXTENSION] === true;
  delete operation[PUBLIC_OPERATION_EXTENSION];
  if (operation.security?.length) return;
  if (!isPublic) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} declares neither @Public() nor @Authorize()`);
  operation.security = [];
}

export function documentErrors(document: OpenAPIObject): OpenAPIObject {
  // DocumentBuilder.setLicense insists on a URL; the code is proprietary (package.json: UNLICENSED).
  document.info.license = { name: 'Proprietary, all rights reserved (UNLICENSED)' };
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorBody = ERROR_BODY;
  const ref = { $ref: '#/components/schemas/ErrorBody' };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, DocumentedOperation][]) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      declareSecurity(path, method, operation);
      // Every route may refuse a malformed request, so every operation lists 400.
      const statuses = new Set<string>(['400']);
      if (operation.security?.length) ['401', '403'].forEach((s) => statuses.add(s));
      if (path.includes('{')) statuses.add('404');
      if (method !== 'get' && operation.security?.length) statuses.add('409');
      operation.responses ??= {};
      for (const status of statuses) {
        const existing = operation.responses[status] as { description?: string; content?: unknown } | undefined;
        // A route that declares its own error body (e.g. the transition 409 with its blockers) keeps it.
        operation.responses[status] = { description: existing?.description ?? DESCRIPTIONS[status], content: existing?.content ?? { 'application/json': { schema: ref } } };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (DESCRIPTIONS[status] && !(response as { content?: unknown }).content) {
          (response as { content?: unknown }).content = { 'application/json': { schema: ref } };
        }
      }
    }
  }
  return document;
}

export const API_PREFIX = 'api';

/** The document of the running app, with the error responses filled in (also built offline by openapi-document.ts). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return documentErrors(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Open Cities API')
        .setDescription('Miasta Otwarte: expert reports, migrant jury scoring, decisions and the public catalogue.')
        .setVersion('1')
        .addServer('/', 'This server (paths start with /api)')
        .addBearerAuth()
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN (GET /api/metrics from outside loopback)' }, 'metricsToken')
        .build(),
    ),
  );
}

export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = createOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return document;
}
