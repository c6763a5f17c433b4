// The process's Prometheus registry: Node's default metrics (event-loop lag, heap, GC, CPU) plus
// gauges read at scrape time (DB pool, queue depths, delivery and outbox backlog). Nothing here
// runs per request; the API adds its request histogram to the same registry.
import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Metric, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { JobQueue, QUEUES } from '@app/core';
import { MetricsRepository } from './metrics.repository';

const QUEUE_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;

/** What pg's Pool tells about itself. */
interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);
  private readonly pool: Gauge<'state'>;
  private readonly queueJobs: Gauge<'queue' | 'state'>;
  private readonly deliveries: Gauge<'status'>;
  private readonly outboxUnrelayed: Gauge;
  private readonly outboxOldestAge: Gauge;
  private readonly sourceUp: Gauge<'source'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly repository: MetricsRepository,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.pool = new Gauge({ name: 'open_cities_db_pool_clients', help: 'PostgreSQL pool clients: in_use, idle, and waiting (requests queued for a client)', labelNames: ['state'], registers });
    this.queueJobs = new Gauge({ name: 'open_cities_queue_jobs', help: 'Jobs per queue and state (waiting, active, failed, delayed)', labelNames: ['queue', 'state'], registers });
    this.deliveries = new Gauge({ name: 'open_cities_notification_deliveries', help: 'Notification deliveries by status (pending, sent, failed)', labelNames: ['status'], registers });
    this.outboxUnrelayed = new Gauge({ name: 'open_cities_outbox_unrelayed', help: 'Outbox events written but not yet put on the queue', registers });
    this.outboxOldestAge = new Gauge({ name: 'open_cities_outbox_oldest_unrelayed_age_seconds', help: 'Age of the oldest outbox event not yet put on the queue (0 when none)', registers });
    this.sourceUp = new Gauge({ name: 'open_cities_metrics_source_up', help: 'Whether the last scrape could read a source (database, queues): 1 yes, 0 no', labelNames: ['source'], registers });
  }

  /** Adds a metric owned elsewhere (the API's request histogram). */
  register(metric: Metric): void {
    this.registry.registerMetric(metric);
  }

  /** Reads the gauges' sources, then renders every metric in Prometheus text format. */
  async scrape(): Promise<string> {
    this.readPool();
    await Promise.all([this.readBacklog(), this.readQueues()]);
    return this.registry.metrics();
  }

  private readPool(): void {
    const pool = (this.dataSource.driver as PostgresDriver).master as PoolStats | undefined;
    if (!pool) return;
    this.pool.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
    this.pool.set({ state: 'idle' }, pool.idleCount);
    this.pool.set({ state: 'waiting' }, pool.waitingCount);
  }

  private async readBacklog(): Promise<void> {
    try {
      const backlog = await this.repository.backlog();
      this.outboxUnrelayed.set(backlog.outboxUnrelayed);
      this.outboxOldestAge.set(backlog.outboxOldestAgeSeconds);
      for (const [status, count] of Object.entries(backlog.deliveries)) this.deliveries.set({ status }, count);
      this.sourceUp.set({ source: 'database' }, 1);
    } catch (error) {
      this.sourceUp.set({ source: 'database' }, 0);
      this.logger.warn(`metrics: could not read the backlog: ${(error as Error).message}`);
    }
  }

  private async readQueues(): Promise<void> {
    try {
      await Promise.all(
        Object.values(QUEUES).map(async (queue) => {
          const counts = await this.jobs.queue(queue).getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.queueJobs.set({ queue, state }, counts[state] ?? 0);
        }),
      );
      this.sourceUp.set({ source: 'queues' }, 1);
    } catch (error) {
      this.sourceUp.set({ source: 'queues' }, 0);
      this.logger.warn(`metrics: could not read the queues: ${(error as Error).message}`);
    }
  }
}
