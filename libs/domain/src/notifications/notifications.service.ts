// Notifications: fanning committed outbox events out into deliveries (one per event and person),
// queueing their sends, rescuing sends whose job was lost, the reminder schedule, and what
// coordinators and recipients see. Sending itself is NotificationSender's.
import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  ConflictError,
  jobOptions,
  JobQueue,
  NotFoundError,
  OutboxEventPayloads,
  Principal,
  QUEUES,
  UnitOfWork,
} from '@app/core';
import { MyNotificationDto, NotificationDto } from './dto/notification.dto';
import { FileSinkTransport } from './mail/mail-transport';
import { MAX_SEND_ATTEMPTS } from './delivery-policy';
import { fanOutsOf, shiftParameters } from './notification-rules';
import { DeliveryStatus } from './notification-delivery.entity';
import { DeliveryRow, NotificationsRepository } from './notifications.repository';
import { messageIdHeader } from './mail/mime';

/**
 * Deliveries per send job: one claim statement and one job per batch instead of per mail (P5). The
 * batch's mails go to the SMTP pool as soon as each is composed; a worker killed mid-batch re-sends
 * only those whose receipt it had not written yet (receipts are written as they come, see
 * NotificationSender). 50: the queue's and the claim's work per mail halves against 25, while a
 * killed worker's three running batches (150 deliveries) wait for their lease, not longer.
 */
export const SEND_BATCH = 50;

/** A pending delivery untouched this long whose job is gone is re-queued by the sweep. */
export const RESCUE_AFTER_SECONDS = 60;

/** A batch's job id: a digest of its delivery ids (BullMQ ids may not contain ':'). */
function batchJobId(deliveryIds: string[]): string {
  return `batch-${createHash('sha256').update(deliveryIds.join(',')).digest('hex').slice(0, 40)}`;
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobQueue,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  /**
   * Turns one committed outbox event into deliveries and queues them. Safe to run again after a
   * crash at any point: rows are unique per (event, person), a batch's job id follows from its ids, and the
   * event is marked processed only after its sends are queued.
   */
  async dispatch(outboxId: string): Promise<{ deliveries: number }> {
    const event = await this.repository.outboxEvent(outboxId);
    if (!event || event.processed_at) return { deliveries: 0 };
    const fanOuts = fanOutsOf(event.type, event.payload as OutboxEventPayloads[typeof event.type]);
    for (const fanOut of fanOuts) {
      if (fanOut.onlyIf && !(await this.repository.exists(fanOut.onlyIf.sql, fanOut.onlyIf.params))) continue;
      const dedupeKey = fanOut.dedupeKey ?? `${outboxId}:${fanOut.template}`;
      for (const audience of fanOut.audiences) {
        await this.repository.insertDeliveries(
          { outboxId, dedupeKey, template: fanOut.template, context: fanOut.context },
          shiftParameters(audience.sql, 4),
          audience.params,
        );
      }
    }
    const pending = await this.repository.pendingIdsOfEvent(outboxId);
    const batches: string[][] = [];
    for (let i = 0; i < pending.length; i += SEND_BATCH) batches.push(pending.slice(i, i + SEND_BATCH));
    // A re-run after a crash finds the same pending rows in the same order, so the same job ids (a no-op
    // for jobs still queued); where rows were sent meanwhile, other batches, whose claims skip what is done.
    await this.jobs.enqueueBulk(
      batches.map((deliveryIds) => ({ name: 'notification.sendBatch' as const, data: { deliveryIds }, jobId: batchJobId(deliveryIds) })),
    );
    await this.repository.markEventProcessed(outboxId);
    return { deliveries: pending.length };
  }

  /**
   * Queues a send whose job may exist in a final state (completed, failed): such a job id would
   * make a plain add a no-op, so it is removed first. A job still waiting or delayed is left alone:
   * it will attempt the send. An active one too, unless `afterReset`: a delivery put back to pending
   * by a coordinator's retry may still have the job that failed it finishing its run, which will not
   * look at the row again, so the send gets a job of its own (another id; the claim keeps it to one
   * send). The state is read once, by id: a job finishing meanwhile (sends are removed on
   * completion) reads as unknown, and a finished job that cannot be removed gets another id too.
   */
  async requeue(deliveryId: string, options: { afterReset?: boolean } = {}): Promise<boolean> {
    const queue = this.jobs.queue(QUEUES.notifications);
    const state = await queue.getJobState(deliveryId);
    let jobId = deliveryId;
    if (state === 'completed' || state === 'failed') {
      if ((await queue.remove(deliveryId)) !== 1) jobId = separateJobId(deliveryId);
    } else if (state === 'active') {
      if (!options.afterReset) return false;
      jobId = separateJobId(deliveryId);
    } else if (state !== 'unknown') {
      return false;
    }
    await queue.add('notification.send', { deliveryId }, { ...jobOptions('notification.send'), jobId });
    return true;
  }

  /**
   * The safety net for sends whose job is gone while the row is still pending (a job that stalled
   * more often than allowed, or ran out of attempts on busy claims). Bounded per run.
   */
  async rescueStuck(limit = 200): Promise<number> {
    const stuck = await this.repository.stuckIds(RESCUE_AFTER_SECONDS, limit);
    if (stuck.length === 0) return 0;
    // A delivery of a large fan-out may simply wait its turn in a queued batch for longer than the
    // idle time: its job is not lost, and a job of its own would only race the batch for the claim.
    const queued = await this.deliveriesInQueuedBatches();
    let requeued = 0;
    for (const id of stuck) {
      if (!queued.has(id) && (await this.requeue(id))) requeued += 1;
    }
    if (requeued > 0) this.logger.warn(`re-queued ${requeued} delivery job(s) that had been lost`);
    return requeued;
  }

  /** The deliveries that a batch job still waiting, delayed or running will attempt. */
  private async deliveriesInQueuedBatches(): Promise<Set<string>> {
    const jobs = await this.jobs.queue(QUEUES.notifications).getJobs(['waiting', 'prioritized', 'delayed', 'active']);
    const ids = new Set<string>();
    for (const job of jobs) {
      if (job?.name === 'notification.sendBatch') for (const id of (job.data as { deliveryIds: string[] }).deliveryIds) ids.add(id);
    }
    return ids;
  }

  /**
   * Writes a reminder event for each deadline that is within its edition's reminder days: reports
   * (experts, stage reportsOpen) and scoring (jurors, stage juryScoring). At most one event per
   * edition and deadline; the delivery key adds "at most once per person and deadline" on top.
   */
  async issueReminders(): Promise<number> {
    const due = await this.repository.remindersDue();
    let written = 0;
    for (const { edition_id: editionId, type, due_at: dueAt } of due) {
      const payload = { editionId, dueAt: dueAt.toISOString() };
      const emitted = await this.uow.run(async (tx) => {
        if (await this.repository.lockAndCheckEmitted(tx.manager, type, payload, `${type}:${editionId}`)) return false;
        await tx.emit(type, payload);
        return true;
      });
      if (emitted) written += 1;
    }
    return written;
  }

  async list(filter: { status?: DeliveryStatus; limit: number; offset: number }): Promise<{ items: NotificationDto[]; total: number }> {
    const { rows, total } = await this.repository.list(filter);
    const sink = this.config.SMTP_URL ? null : new FileSinkTransport(this.config.DATA_DIR);
    return { items: rows.map((row) => this.toDto(row, sink)), total };
  }

  async listMine(principal: Principal, limit: number, offset: number): Promise<{ items: MyNotificationDto[]; total: number }> {
    const { rows, total } = await this.repository.listSentTo(principal.userId, limit, offset);
    return {
      items: rows.map((row) => ({ id: row.id, template: row.template, subject: row.subject ?? '', locale: row.locale ?? '', sentAt: row.sent_at! })),
      total,
    };
  }

  /** A failed delivery gets a fresh set of attempts. */
  async retry(deliveryId: string): Promise<NotificationDto> {
    if (!(await this.repository.resetFailed(deliveryId))) {
      const status = await this.repository.statusOf(deliveryId);
      if (!status) throw new NotFoundError('Notification');
      throw new ConflictError('not_failed', `Only a failed notification can be retried; this one is ${status}`, { status });
    }
    // The answer shows the delivery as reset: read before the job exists, which the worker may claim at once.
    const reset = (await this.repository.find(deliveryId))!;
    await this.requeue(deliveryId, { afterReset: true });
    return this.toDto(reset, null);
  }

  private toDto(row: DeliveryRow, sink: FileSinkTransport | null): NotificationDto {
    return {
      id: row.id,
      eventId: row.event_id,
      template: row.template,
      status: row.status,
      attempts: row.attempts,
      maxAttempts: MAX_SEND_ATTEMPTS,
      lastError: row.last_error,
      recipient: { id: row.user_id, email: row.user_email, name: row.user_name },
      subject: row.subject,
      locale: row.locale,
      receipt: row.receipt,
      messageId: messageIdHeader(row.message_id, this.config.MAIL_FROM),
      handoverCount: row.handover_count,
      resent: row.status === 'sent' && row.handover_count > 1,
      file: sink && row.status === 'sent' ? sink.fileOf(row.message_id) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sentAt: row.sent_at,
    };
  }
}

/** A job id of its own for a send whose usual job (id = delivery id) cannot be replaced. */
function separateJobId(deliveryId: string): string {
  return `${deliveryId}-retry-${Date.now()}`;
}
