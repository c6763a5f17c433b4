// Outbox jobs: dispatching one committed event, and the sweep that recovers rows a crash left behind.
import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads, OutboxRelay } from '@app/core';
import { CertificatesService, NotificationsService } from '@app/domain';

/** Rows older than this without an enqueue are presumed orphaned by a crash between commit and enqueue. */
export const SWEEP_GRACE_MS = 5000;

@Injectable()
@HandlesJob('outbox.dispatch')
export class OutboxDispatchHandler implements JobHandler<'outbox.dispatch'> {
  constructor(private readonly notifications: NotificationsService, private readonly certificates: CertificatesService) {}

  /**
   * Queues the certificates the event asks for, then fans it out into notification deliveries and
   * marks it processed; idempotent when redelivered (both steps use fixed job ids).
   */
  async handle({ outboxId }: JobPayloads['outbox.dispatch']): Promise<{ deliveries: number; certificateJobs: number }> {
    const certificateJobs = await this.certificates.onOutboxEvent(outboxId);
    return { ...(await this.notifications.dispatch(outboxId)), certificateJobs };
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
