// Boots the real API (and optionally the worker) in-process against the file's own database.
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { AppConfig, JobQueue, OutboxRelay, QUEUES, QueueBackendKind } from '@app/core';
import { createApi } from '@app/api';
import { createWorker } from '@app/worker';
import { testConfig } from './config';
import { createTestDatabase, TestDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  http: TestAgent;
  worker: INestApplicationContext | null;
  startWorker(): Promise<INestApplicationContext>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  worker?: boolean;
  backend?: QueueBackendKind;
  env?: Record<string, string>;
  database?: TestDatabase;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(database.url, options.env, options.backend);
  // TEST_LOGS=1 shows the app's logs (and 500s' causes) while debugging a test.
  const logs = process.env.TEST_LOGS === '1';
  const app = await createApi(logs ? { ...config, LOG_LEVEL: 'debug' } as typeof config : config, { logs });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const testApp: TestApp = {
    app,
    config,
    database,
    http: supertest(app.getHttpServer()),
    worker: null,
    async startWorker() {
      testApp.worker ??= await createWorker(config, { logs: false });
      return testApp.worker;
    },
    async stopWorker() {
      await testApp.worker?.close();
      testApp.worker = null;
    },
    async close() {
      await app.get(OutboxRelay).settle();
      const jobs = app.get(JobQueue);
      await testApp.stopWorker();
      if (config.queueBackend === 'redis') {
        // Redis is shared by every file; leave no keys of this file's namespace behind.
        for (const name of Object.values(QUEUES)) await jobs.queue(name).obliterate({ force: true }).catch(() => undefined);
      }
      await app.close();
      if (!options.database) await database.drop();
    },
  };
  if (options.worker) await testApp.startWorker();
  return testApp;
}
