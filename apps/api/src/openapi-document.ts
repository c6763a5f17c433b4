// Prints the OpenAPI document without a database or a queue:
// `node dist/apps/api/src/openapi-document.js > openapi.json`.
import { buildOpenApiDocumentOffline } from '@app/api';

buildOpenApiDocumentOffline().then(
  (document) => {
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`Could not build the OpenAPI document: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
