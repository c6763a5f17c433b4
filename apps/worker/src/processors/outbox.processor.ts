// Outbox jobs: dispatching one committed event, and the sweep that recovers rows a crash left behind.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler, JobPayloads, OutboxRelay, queryRows } from '@app/core';

/** Rows older than this without an enqueue are presumed orphaned by a crash between commit and enqueue. */
export const SWEEP_GRACE_MS = 5000;

@Injectable()
@HandlesJob('outbox.dispatch')
export class OutboxDispatchHandler implements JobHandler<'outbox.dispatch'> {
  constructor(private readonly dataSource: DataSource) {}

  async handle({ outboxId }: JobPayloads['outbox.dispatch']): Promise<{ processed: boolean }> {
    // Idempotent: a redelivered job finds the row already processed and does nothing.
    const rows = await queryRows(
      this.dataSource,
      `UPDATE outbox_event SET processed_at = now() WHERE id = $1 AND processed_at IS NULL RETURNING id`,
      [outboxId],
    );
    return { processed: rows.length > 0 };
  }
}

@Injectable()
@HandlesJob('outbox.sweep')
export class OutboxSweepHandler implements JobHandler<'outbox.sweep'> {
  constructor(private readonly relay: OutboxRelay) {}

  async handle(): Promise<{ moved: number }> {
    return { moved: await this.relay.flushAll(SWEEP_GRACE_MS) };
  }
}
