// Builds the Fastify-based Nest application with the contract's HTTP basics. Shared by main,
// the embedded default and the tests, so all three serve the same app.
import { registerCompression } from './compression';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig, JsonTooDeepError, jsonDeeperThan, registerRequestLog } from '@app/core';
import { MAX_FILE_BYTES, MetricsService } from '@app/domain';
import { HttpRequestMetrics } from './http-metrics';
import { ApiFastifyAdapter } from './api-fastify-adapter';
import { answerLivenessWithoutNest, LIVENESS_PATH } from './liveness';
import { ApiModule } from './api.module';
import { API_PREFIX, setupOpenApi } from './openapi';
import { registerSecurityHeaders, requestId } from './security-headers';
import { registerWebApp } from './web-app';
import { registerQueuesBoard } from './http/queues-board';
import { registerMultipart } from './multipart';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApi(config: AppConfig, options: { logs?: boolean; shutdownHooks?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new ApiFastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: 'loopback',
    return503OnClosing: true,
    // No Nest middleware is applied (request logging is an onResponse hook): without middie no
    // middleware runner is entered on every request. A middleware added later fails at start.
    skipMiddie: true,
    // Request ids: the caller's X-Request-Id when it is sane, a UUID otherwise; logged and echoed
    // (by the one onRequest hook of registerSecurityHeaders).
    requestIdHeader: false,
    genReqId: requestId,
  });
  // Before any route exists, so every route (API, web app, queue board) gets its duration hook; but
  // the liveness probe, answered before any hook (orchestrators poll it; it would only add noise).
  const httpMetrics = new HttpRequestMetrics();
  httpMetrics.instrument(adapter.getInstance(), [LIVENESS_PATH]);
  answerLivenessWithoutNest(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  // JSON parsed only when it nests at most MAX_JSON_DEPTH levels: the scan is linear and flat, where
  // JSON.parse and everything after it (validation, logging) would recurse into 100,000 levels.
  const parseJson = adapter.getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    if (jsonDeeperThan(body)) return done(new JsonTooDeepError(), undefined);
    parseJson(request, body.toString('utf8'), done);
  });
  app.get(MetricsService).register(httpMetrics.asMetric());
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix(API_PREFIX);
  registerSecurityHeaders(adapter.getInstance());
  if (options.logs !== false) registerRequestLog(adapter.getInstance(), config);
  // Uploads stream to disk; one file per request, counted against MAX_FILE_BYTES by the file store too.
  // preservePath: the file store sees the name as sent, so a path-like name is refused, not trimmed.
  await registerCompression(app);
  await registerMultipart(app, { preservePath: true, limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
  await registerQueuesBoard(app);
  if (config.CORS_ORIGINS) {
    app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()), credentials: false });
  }
  setupOpenApi(app);
  // The web app (dist/web) at `/`, when built; the API stays under /api.
  await registerWebApp(app, API_PREFIX);
  // The embedded default stops everything itself (PostgreSQL last); Nest's hooks would re-raise the signal.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  return app;
}
