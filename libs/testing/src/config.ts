// Configuration for an app under test: its own database, its own queue namespace, quiet logs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig, QueueBackendKind } from '@app/core';

export function redisAvailable(): boolean {
  return Boolean(process.env.TEST_REDIS_URL);
}

/** The backends this machine offers to tests: PostgreSQL always, Redis when it answers. */
export function availableQueueBackends(): QueueBackendKind[] {
  return redisAvailable() ? ['redis', 'postgres'] : ['postgres'];
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}, backend?: QueueBackendKind): AppConfig {
  const chosen = backend ?? (redisAvailable() ? 'redis' : 'postgres');
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: chosen === 'redis' ? process.env.TEST_REDIS_URL : undefined,
    QUEUE_BACKEND: chosen,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'oc-test-data-')),
    // Suites sign in many times from 127.0.0.1; the rate-limit tests set their own limits.
    AUTH_RATE_LIMIT_PER_IP: '100000',
    AUTH_RATE_LIMIT_PER_ACCOUNT: '1000',
    ...overrides,
  });
}
