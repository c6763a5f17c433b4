// Builds the OpenAPI document without a database or a queue: Nest's preview mode scans modules
// and controllers but instantiates no provider. Used by `npm run web:api-types` and by
// apps/api/src/openapi-document.ts, which prints it.
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@app/core';
import { ApiModule } from './api.module';
import { API_PREFIX, createOpenApiDocument } from './openapi';

export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  // Placeholders that pass validation; nothing connects in preview mode.
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    JWT_SECRET: 'preview-only-secret-never-used-for-signing',
    REDIS_URL: '',
    QUEUE_BACKEND: 'postgres',
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
