// Moves committed outbox rows onto the queue (job id = outbox id). Kicked after each commit for low
// latency; the worker's scheduled sweep picks up rows a crash left between commit and enqueue.
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/job-queue.service';

const BATCH = 500;

@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running: Promise<number> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly dataSource: DataSource, private readonly jobs: JobQueue) {}

  /** Asks for a flush soon; never throws (the sweep is the safety net). */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.flushAll()
      .catch((error: unknown) => {
        this.logger.warn(`outbox relay failed, the sweep will retry: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for an in-flight flush (tests and shutdown). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Enqueues every unenqueued row; returns how many were moved. */
  async flushAll(olderThanMs = 0): Promise<number> {
    let moved = 0;
    for (;;) {
      const batch = await this.flushBatch(olderThanMs);
      moved += batch;
      if (batch < BATCH) return moved;
    }
  }

  private flushBatch(olderThanMs: number): Promise<number> {
    // SKIP LOCKED lets api instances and the sweep relay concurrently without double work; a row
    // enqueued twice anyway (crash after add, before update) is deduplicated by its job id.
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM outbox_event
          WHERE enqueued_at IS NULL AND created_at <= now() - make_interval(secs => $1::float8 / 1000)
          ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [olderThanMs],
      );
      if (rows.length === 0) return 0;
      await this.jobs.enqueueBulk(
        rows.map(({ id }) => ({ name: 'outbox.dispatch' as const, data: { outboxId: id }, jobId: id })),
      );
      await manager.query(`UPDATE outbox_event SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.settle();
  }
}
