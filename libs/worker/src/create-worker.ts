// Builds the worker application context; shared by main, the embedded default and the tests.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/core';
import { WorkerModule } from './worker.module';

export async function createWorker(config: AppConfig, options: { logs?: boolean; shutdownHooks?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  // The embedded default stops everything itself (PostgreSQL last); Nest's hooks would re-raise the signal.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  await app.init();
  return app;
}
