// Notifications: fanning committed outbox events out into deliveries (one per event and person),
// queueing their sends, rescuing sends whose job was lost, the reminder schedule, and what
// coordinators and recipients see. Sending itself is NotificationSender's.
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  ConflictError,
  jobOptions,
  JobQueue,
  NotFoundError,
  OutboxEventPayloads,
  OutboxEventType,
  Principal,
  QUEUES,
  UnitOfWork,
} from '@app/core';
import { MyNotificationDto, NotificationDto } from './dto/notification.dto';
import { FileSinkTransport } from './mail/mail-transport';
import { MAX_SEND_ATTEMPTS } from './delivery-policy';
import { fanOutsOf, shiftParameters } from './notification-rules';
import { DeliveryStatus } from './notification-delivery.entity';

const ENQUEUE_CHUNK = 500;

/** A pending delivery untouched this long whose job is gone is re-queued by the sweep. */
export const RESCUE_AFTER_SECONDS = 60;

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  /**
   * Turns one committed outbox event into deliveries and queues them. Safe to run again after a
   * crash at any point: rows are unique per (event, person), job ids are the delivery ids, and the
   * event is marked processed only after its sends are queued.
   */
  async dispatch(outboxId: string): Promise<{ deliveries: number }> {
    const [event]: { type: OutboxEventType; payload: unknown; processed_at: Date | null }[] = await this.dataSource.query(
      `SELECT type, payload, processed_at FROM outbox_event WHERE id = $1`,
      [outboxId],
    );
    if (!event || event.processed_at) return { deliveries: 0 };
    const fanOuts = fanOutsOf(event.type, event.payload as OutboxEventPayloads[typeof event.type]);
    for (const fanOut of fanOuts) {
      if (fanOut.onlyIf) {
        const rows: unknown[] = await this.dataSource.query(fanOut.onlyIf.sql, fanOut.onlyIf.params);
        if (rows.length === 0) continue;
      }
      const dedupeKey = fanOut.dedupeKey ?? `${outboxId}:${fanOut.template}`;
      for (const audience of fanOut.audiences) {
        await this.dataSource.query(
          `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, context)
           SELECT $1, $2, $3, a.user_id, $4::jsonb FROM (${shiftParameters(audience.sql, 4)}) a
           ON CONFLICT (dedupe_key, user_id) DO NOTHING`,
          [outboxId, dedupeKey, fanOut.template, JSON.stringify(fanOut.context), ...audience.params],
        );
      }
    }
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_delivery WHERE event_id = $1 AND status = 'pending' ORDER BY created_at, id`,
      [outboxId],
    );
    for (let i = 0; i < pending.length; i += ENQUEUE_CHUNK) {
      await this.jobs.enqueueBulk(
        pending.slice(i, i + ENQUEUE_CHUNK).map(({ id }) => ({ name: 'notification.send' as const, data: { deliveryId: id }, jobId: id })),
      );
    }
    await this.dataSource.query(`UPDATE outbox_event SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`, [outboxId]);
    return { deliveries: pending.length };
  }

  /**
   * Queues a send whose job may exist in a final state (completed, failed): such a job id would
   * make a plain add a no-op, so it is removed first. A job still waiting or delayed is left alone:
   * it will attempt the send. An active one too, unless `afterReset`: a delivery put back to pending
   * by a coordinator's retry may still have the job that failed it finishing its run, which will not
   * look at the row again, so the send gets a job of its own (another id; the claim keeps it to one send).
   */
  async requeue(deliveryId: string, options: { afterReset?: boolean } = {}): Promise<boolean> {
    const queue = this.jobs.queue(QUEUES.notifications);
    let jobId = deliveryId;
    const job = await queue.getJob(deliveryId);
    if (job) {
      const state = await job.getState();
      if (state === 'active' && options.afterReset) jobId = `${deliveryId}-retry-${Date.now()}`;
      else if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
      else await job.remove();
    }
    await queue.add('notification.send', { deliveryId }, { ...jobOptions('notification.send'), jobId });
    return true;
  }

  /**
   * The safety net for sends whose job is gone while the row is still pending (a job that stalled
   * more often than allowed, or ran out of attempts on busy claims). Bounded per run.
   */
  async rescueStuck(limit = 200): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_delivery
        WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= now())
          AND updated_at <= now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      [RESCUE_AFTER_SECONDS, limit],
    );
    let requeued = 0;
    for (const { id } of rows) {
      if (await this.requeue(id)) requeued += 1;
    }
    if (requeued > 0) this.logger.warn(`re-queued ${requeued} delivery job(s) that had been lost`);
    return requeued;
  }

  /**
   * Writes a reminder event for each deadline that is within its edition's reminder days: reports
   * (experts, stage reportsOpen) and scoring (jurors, stage juryScoring). At most one event per
   * edition and deadline; the delivery key adds "at most once per person and deadline" on top.
   */
  async issueReminders(): Promise<number> {
    const due: { edition_id: string; type: 'reminder.reportsDue' | 'reminder.scoringDue'; due_at: Date }[] = await this.dataSource.query(
      `SELECT e.id AS edition_id, 'reminder.reportsDue' AS type, e.reports_due_at AS due_at FROM edition e
        WHERE e.stage = 'reportsOpen' AND e.reports_due_at > now()
          AND e.reports_due_at <= now() + make_interval(days => e.reports_reminder_days)
       UNION ALL
       SELECT e.id, 'reminder.scoringDue', e.scoring_due_at FROM edition e
        WHERE e.stage = 'juryScoring' AND e.scoring_due_at > now()
          AND e.scoring_due_at <= now() + make_interval(days => e.scoring_reminder_days)`,
    );
    let written = 0;
    for (const { edition_id: editionId, type, due_at: dueAt } of due) {
      const payload = { editionId, dueAt: dueAt.toISOString() };
      const emitted = await this.uow.run(async (tx) => {
        // Serialises concurrent schedule runs on this edition and deadline.
        await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${type}:${editionId}`]);
        const already: unknown[] = await tx.manager.query(`SELECT 1 FROM outbox_event WHERE type = $1 AND payload @> $2::jsonb LIMIT 1`, [
          type,
          JSON.stringify(payload),
        ]);
        if (already.length > 0) return false;
        await tx.emit(type, payload);
        return true;
      });
      if (emitted) written += 1;
    }
    return written;
  }

  async list(filter: { status?: DeliveryStatus; limit: number; offset: number }): Promise<{ items: NotificationDto[]; total: number }> {
    const rows: (DeliveryRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, count(*) OVER () AS total
         FROM notification_delivery d JOIN app_user u ON u.id = d.user_id
        WHERE $1::notification_status IS NULL OR d.status = $1
        ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3`,
      [filter.status ?? null, filter.limit, filter.offset],
    );
    const sink = this.config.SMTP_URL ? null : new FileSinkTransport(this.config.DATA_DIR);
    return {
      items: rows.map((row) => this.toDto(row, sink)),
      total: rows.length ? Number(rows[0].total) : 0,
    };
  }

  async listMine(principal: Principal, limit: number, offset: number): Promise<{ items: MyNotificationDto[]; total: number }> {
    const rows: (DeliveryRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, count(*) OVER () AS total
         FROM notification_delivery d JOIN app_user u ON u.id = d.user_id
        WHERE d.user_id = $1 AND d.status = 'sent'
        ORDER BY d.sent_at DESC, d.id LIMIT $2 OFFSET $3`,
      [principal.userId, limit, offset],
    );
    return {
      items: rows.map((row) => ({ id: row.id, template: row.template, subject: row.subject ?? '', locale: row.locale ?? '', sentAt: row.sent_at! })),
      total: rows.length ? Number(rows[0].total) : 0,
    };
  }

  /** A failed delivery gets a fresh set of attempts. */
  async retry(deliveryId: string): Promise<NotificationDto> {
    const [rows]: [DeliveryRow[], number] = await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'pending', attempts = 0, lease_until = NULL, claim_token = NULL, updated_at = now()
        WHERE id = $1 AND status = 'failed' RETURNING id`,
      [deliveryId],
    );
    if (rows.length === 0) {
      const [existing]: { status: string }[] = await this.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [deliveryId]);
      if (!existing) throw new NotFoundError('Notification');
      throw new ConflictError('not_failed', `Only a failed notification can be retried; this one is ${existing.status}`, { status: existing.status });
    }
    await this.requeue(deliveryId, { afterReset: true });
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM notification_delivery d JOIN app_user u ON u.id = d.user_id WHERE d.id = $1`,
      [deliveryId],
    );
    return this.toDto(row, null);
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
      file: sink && row.status === 'sent' ? sink.fileOf(row.id) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sentAt: row.sent_at,
    };
  }
}

interface DeliveryRow {
  id: string;
  event_id: string;
  template: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  user_id: string;
  user_email: string;
  user_name: string;
  subject: string | null;
  locale: string | null;
  receipt: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

const DELIVERY_COLUMNS = `d.id, d.event_id, d.template, d.status, d.attempts, d.last_error, d.user_id, u.email AS user_email,
  u.name AS user_name, d.subject, d.locale, d.receipt, d.created_at, d.updated_at, d.sent_at`;
