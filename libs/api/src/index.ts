// The HTTP API as a library: its Nest module, the Fastify set-up and the OpenAPI document. The
// entry points (apps/api: the API alone; apps/standalone: API and worker in one process) and the
// tests compose it; it imports no app.
export * from './api.module';
export * from './create-api';
export * from './openapi';
export * from './openapi-document';
export * from './security-headers';
export * from './web-app';
