// Chooses BullMQ's backend: Redis when configured (production), else BullMQ's PostgreSQL backend.
import { createPostgresBackend, createRedisBackend, QueueOptions, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '../config/app-config';

export const BULLMQ_PG_SCHEMA = 'bullmq';

export function redisConnectionFromUrl(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must not give up on a slow reply.
    maxRetriesPerRequest: null,
  };
}

/**
 * Selects the process-wide backend and returns the shared queue options. Called once, before any
 * queue or worker exists (BullMQ's default backend factory is process-wide).
 */
export function configureQueueBackend(config: AppConfig): QueueOptions {
  if (config.queueBackend === 'redis') {
    setDefaultBackendFactory(createRedisBackend);
    return { connection: redisConnectionFromUrl(config.REDIS_URL!), prefix: config.QUEUE_PREFIX };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const connection = { connectionString: config.DATABASE_URL, schema: BULLMQ_PG_SCHEMA, migrate: true, max: 5 };
  // Nest's and BullMQ's default typings assume Redis connection options.
  return { connection: connection as unknown as QueueOptions['connection'], prefix: config.QUEUE_PREFIX };
}
