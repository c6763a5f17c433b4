// Builds the Fastify-based Nest application with the contract's HTTP basics. Shared by main,
// the embedded default and the tests, so all three serve the same app.
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/core';
import { ApiModule } from './api.module';
import { registerQueuesBoard } from './http/queues-board';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApi(config: AppConfig, options: { logs?: boolean; shutdownHooks?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: 'loopback', return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix('api');
  await app.register(helmet, {
    // Swagger UI needs inline scripts and styles; everything else keeps helmet's defaults.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await registerQueuesBoard(app);
  if (config.CORS_ORIGINS) {
    app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()), credentials: false });
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Open Cities API')
      .setDescription('Miasta Otwarte: expert reports, migrant jury scoring, decisions and the public catalogue.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // The embedded default stops everything itself (PostgreSQL last); Nest's hooks would re-raise the signal.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  return app;
}
