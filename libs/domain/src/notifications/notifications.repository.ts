// The SQL of notifications: outbox events fanned out into deliveries, a delivery's claim, receipt
// and failure, the facts a mail is rendered from, and the coordinator's and recipient's lists.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxEventType } from '@app/core';
import { DeliveryStatus } from './notification-delivery.entity';
import type { RecipientGrant } from './action-links';
import { TemplateKey } from './templates/facts';

/**
 * A CTE that turns off the wait for the WAL flush at the COMMIT of the statement's own (implicit)
 * transaction (`set_config(…, true)` lasts until that transaction ends). For the claim and the
 * receipt: losing either in a crash of PostgreSQL only makes the delivery be sent again (a lost
 * claim is claimed anew, a lost receipt leaves the claim to expire), never lost. One WAL flush
 * per mail fewer to wait for, which P5 showed dominating.
 */
const NO_FLUSH_WAIT = `no_flush_wait AS (SELECT set_config('synchronous_commit', 'off', true))`;

/** An edition's facts for mail, as read by SQL (json_build_object gives the times as ISO strings). */
export interface EditionRow {
  id: string;
  name: string;
  year: number;
  reports_due_at: Date | string | null;
  scoring_due_at: Date | string | null;
  ceremony_starts_at: Date | string | null;
  ceremony_venue: string | null;
  ceremony_city: string | null;
  /** Moves with each change of the edition's mail template overrides (OverrideCache). */
  mail_templates_revision: number;
}

const EDITION_COLUMNS = 'id, name, year, reports_due_at, scoring_due_at, ceremony_starts_at, ceremony_venue, ceremony_city, mail_templates_revision';

/** A delivery as its claim returns it: the row, its recipient, and the edition its context names. */
export interface ClaimedDelivery {
  id: string;
  event_id: string;
  dedupe_key: string;
  template: TemplateKey;
  user_id: string;
  context: Record<string, string>;
  attempts: number;
  message_id: string;
  email: string;
  name: string;
  locale: string;
  user_status: string;
  /** The edition the context names (`editionId`), read by the claim itself; null when none or gone. */
  edition: EditionRow | null;
  /** The recipient's grants, read by the claim itself (where the mail's button leads, action-links.ts); null for single-use link mails. */
  grants: RecipientGrant[] | null;
}

/** A delivery as the coordinator's list shows it. */
export interface DeliveryRow {
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
  message_id: string;
  handover_count: number;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

const DELIVERY_COLUMNS = `d.id, d.event_id, d.template, d.status, d.attempts, d.last_error, d.user_id, u.email AS user_email,
  u.name AS user_name, d.subject, d.locale, d.receipt, d.message_id, d.handover_count, d.created_at, d.updated_at, d.sent_at`;

/** What the mail said, recorded with its receipt. */
export interface AsSent {
  email: string;
  locale: string;
  subject: string;
}

/** The server's acceptance of one delivery's message, by the attempt holding claim `token`. */
export interface Receipt {
  deliveryId: string;
  token: string;
  receipt: string;
  asSent: AsSent;
}

/** How one attempt ended when the server did not accept its message. */
export interface Failure {
  deliveryId: string;
  status: 'pending' | 'failed';
  error: string;
  /** Whether the message may have reached the server anyway (then the hand-over stays counted). */
  handedOver: boolean;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  // --- fan-out --------------------------------------------------------------------------------

  async outboxEvent(outboxId: string): Promise<{ type: OutboxEventType; payload: unknown; processed_at: Date | null } | null> {
    const [event] = await this.dataSource.query(`SELECT type, payload, processed_at FROM outbox_event WHERE id = $1`, [outboxId]);
    return event ?? null;
  }

  async exists(sql: string, params: unknown[]): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(sql, params);
    return rows.length > 0;
  }

  /** One delivery per person the audience query returns; an existing (dedupe key, person) row is kept. */
  async insertDeliveries(
    fanOut: { outboxId: string; dedupeKey: string; template: TemplateKey; context: Record<string, string> },
    audienceSql: string,
    audienceParams: unknown[],
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, context)
       SELECT $1, $2, $3, a.user_id, $4::jsonb FROM (${audienceSql}) a
       ON CONFLICT (dedupe_key, user_id) DO NOTHING`,
      [fanOut.outboxId, fanOut.dedupeKey, fanOut.template, JSON.stringify(fanOut.context), ...audienceParams],
    );
  }

  async pendingIdsOfEvent(outboxId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_delivery WHERE event_id = $1 AND status = 'pending' ORDER BY created_at, id`,
      [outboxId],
    );
    return rows.map(({ id }) => id);
  }

  async markEventProcessed(outboxId: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbox_event SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`, [outboxId]);
  }

  // --- send attempts, a batch at a time ------------------------------------------------------

  /**
   * Starts an attempt on each of the given deliveries that is pending and whose last claim (if any)
   * has expired, in one statement. Rows another statement holds right now (a concurrent claim or
   * receipt) are skipped, not waited for: they count as busy. Every claim counts as a possible
   * hand-over until its attempt records that it was not one (recordFailures).
   */
  async claimBatch(deliveryIds: string[], token: string, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    const [rows]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `WITH ${NO_FLUSH_WAIT},
       claimable AS (
         SELECT id FROM notification_delivery
          WHERE id = ANY($1::uuid[]) AND status = 'pending' AND (claimed_until IS NULL OR claimed_until <= now())
          ORDER BY id FOR UPDATE SKIP LOCKED)
       UPDATE notification_delivery d
          SET attempts = d.attempts + 1, handover_count = d.handover_count + 1, claim_token = $2,
              claimed_until = now() + make_interval(secs => $3), updated_at = now()
         FROM claimable c, app_user u, no_flush_wait
        WHERE d.id = c.id AND u.id = d.user_id
        RETURNING d.id, d.event_id, d.dedupe_key, d.template, d.user_id, d.context, d.attempts, d.message_id,
                  u.email, u.name, u.locale, u.status AS user_status,
                  -- Most mails are about an edition: read it here rather than in a statement of its own.
                  (SELECT row_to_json(e) FROM (SELECT ${EDITION_COLUMNS} FROM edition WHERE id = (d.context->>'editionId')::uuid) e) AS edition,
                  -- The grants too: a statement per mail cost more than the rest of its database work.
                  CASE WHEN d.template NOT IN ('invitation', 'passwordReset') THEN
                    (SELECT coalesce(json_agg(json_build_object('role', g.role, 'editionId', g.edition_id, 'cityId', g.city_id) ORDER BY g.created_at), '[]'::json)
                       FROM role_grant g WHERE g.user_id = d.user_id)
                  END AS grants`,
      [deliveryIds, token, leaseSeconds],
    );
    return rows;
  }

  async statusOf(deliveryId: string): Promise<DeliveryStatus | null> {
    const [row]: { status: DeliveryStatus }[] = await this.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [deliveryId]);
    return row?.status ?? null;
  }

  /** Those of the given deliveries that are still pending. */
  async pendingAmong(deliveryIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM notification_delivery WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [
      deliveryIds,
    ]);
    return rows.map(({ id }) => id);
  }

  /**
   * The server accepted these messages: sent, each with its reply, in one statement. Whoever's claim
   * it was: a 250 is a delivery even if a slower attempt of ours had meanwhile lost its lease to another.
   */
  async recordReceipts(receipts: Receipt[]): Promise<void> {
    if (receipts.length === 0) return;
    await this.dataSource.query(
      `WITH ${NO_FLUSH_WAIT}
       UPDATE notification_delivery d
          SET status = 'sent', receipt = r.receipt, sent_at = now(), updated_at = now(), last_error = NULL,
              email = r.email, locale = r.locale, subject = r.subject,
              claim_token = CASE WHEN d.claim_token = r.token THEN NULL ELSE d.claim_token END,
              claimed_until = CASE WHEN d.claim_token = r.token THEN NULL ELSE d.claimed_until END
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(id, token, receipt, email, locale, subject),
              no_flush_wait
        WHERE d.id = r.id`,
      [
        receipts.map((r) => r.deliveryId),
        receipts.map((r) => r.token),
        receipts.map((r) => r.receipt.slice(0, 500)),
        receipts.map((r) => r.asSent.email),
        receipts.map((r) => r.asSent.locale),
        receipts.map((r) => r.asSent.subject.slice(0, 300)),
      ],
    );
  }

  /** Attempts that failed: pending again (their claim released) or failed for good; each only if its claim is still ours. */
  async recordFailures(token: string, failures: Failure[]): Promise<void> {
    if (failures.length === 0) return;
    await this.dataSource.query(
      `UPDATE notification_delivery d
          SET status = f.status::notification_status, last_error = f.error, claimed_until = NULL, claim_token = NULL, updated_at = now(),
              handover_count = d.handover_count - f.not_handed_over
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) AS f(id, status, error, not_handed_over)
        WHERE d.id = f.id AND d.claim_token = $1 AND d.status = 'pending'`,
      [
        token,
        failures.map((f) => f.deliveryId),
        failures.map((f) => f.status),
        failures.map((f) => f.error),
        failures.map((f) => (f.handedOver ? 0 : 1)),
      ],
    );
  }

  // --- facts a mail is rendered from ----------------------------------------------------------

  async reportFacts(reportId: string): Promise<{ edition_id: string; city: string } | null> {
    const [row] = await this.dataSource.query(`SELECT r.edition_id, c.name AS city FROM report r JOIN city c ON c.id = r.city_id WHERE r.id = $1`, [reportId]);
    return row ?? null;
  }

  async practiceFacts(practiceId: string): Promise<{ edition_id: string; city: string; title: string; status: string; eligibility_reason: string | null } | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.edition_id, c.name AS city, p.title, p.status::text AS status, p.eligibility_reason
         FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id WHERE p.id = $1`,
      [practiceId],
    );
    return row ?? null;
  }

  async cityName(cityId: string): Promise<string | null> {
    const [row]: { name: string }[] = await this.dataSource.query(`SELECT name FROM city WHERE id = $1`, [cityId]);
    return row?.name ?? null;
  }

  /** A person's grants, for the link of a group mail's preview (sends read them in the claim). */
  async grantsOf(userId: string): Promise<RecipientGrant[]> {
    return this.dataSource.query(
      `SELECT role::text AS role, edition_id AS "editionId", city_id AS "cityId" FROM role_grant WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  async edition(editionId: string): Promise<EditionRow | null> {
    const [row]: EditionRow[] = await this.dataSource.query(`SELECT ${EDITION_COLUMNS} FROM edition WHERE id = $1`, [editionId]);
    return row ?? null;
  }

  /** Deadlines within their edition's reminder days: reports (stage reportsOpen) and scoring (juryScoring). */
  async remindersDue(): Promise<{ edition_id: string; type: 'reminder.reportsDue' | 'reminder.scoringDue'; due_at: Date }[]> {
    return this.dataSource.query(
      `SELECT e.id AS edition_id, 'reminder.reportsDue' AS type, e.reports_due_at AS due_at FROM edition e
        WHERE e.stage = 'reportsOpen' AND e.reports_due_at > now()
          AND e.reports_due_at <= now() + make_interval(days => e.reports_reminder_days)
       UNION ALL
       SELECT e.id, 'reminder.scoringDue', e.scoring_due_at FROM edition e
        WHERE e.stage = 'juryScoring' AND e.scoring_due_at > now()
          AND e.scoring_due_at <= now() + make_interval(days => e.scoring_reminder_days)`,
    );
  }

  // --- rescue, lists, retry -------------------------------------------------------------------

  /** Pending deliveries nobody holds a claim on and nothing touched for a while: their job may be gone. */
  async stuckIds(idleSeconds: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_delivery
        WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until <= now())
          AND updated_at <= now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      [idleSeconds, limit],
    );
    return rows.map(({ id }) => id);
  }

  async list(filter: { status?: DeliveryStatus; limit: number; offset: number }): Promise<{ rows: DeliveryRow[]; total: number }> {
    const rows: (DeliveryRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, count(*) OVER () AS total
         FROM notification_delivery d JOIN app_user u ON u.id = d.user_id
        WHERE $1::notification_status IS NULL OR d.status = $1
        ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3`,
      [filter.status ?? null, filter.limit, filter.offset],
    );
    return { rows, total: rows.length ? Number(rows[0].total) : 0 };
  }

  async listSentTo(userId: string, limit: number, offset: number): Promise<{ rows: DeliveryRow[]; total: number }> {
    const rows: (DeliveryRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, count(*) OVER () AS total
         FROM notification_delivery d JOIN app_user u ON u.id = d.user_id
        WHERE d.user_id = $1 AND d.status = 'sent'
        ORDER BY d.sent_at DESC, d.id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    return { rows, total: rows.length ? Number(rows[0].total) : 0 };
  }

  async find(deliveryId: string): Promise<DeliveryRow | null> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM notification_delivery d JOIN app_user u ON u.id = d.user_id WHERE d.id = $1`,
      [deliveryId],
    );
    return row ?? null;
  }

  /** A failed delivery back to pending with a fresh set of attempts; false if it was not failed. */
  async resetFailed(deliveryId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'pending', attempts = 0, claimed_until = NULL, claim_token = NULL, updated_at = now()
        WHERE id = $1 AND status = 'failed' RETURNING id`,
      [deliveryId],
    );
    return rows.length > 0;
  }

  /**
   * Within the caller's transaction: whether an event of this type with this payload was already
   * written, after serialising concurrent schedule runs on the same key (edition and deadline).
   */
  async lockAndCheckEmitted(manager: EntityManager, type: OutboxEventType, payload: object, lockKey: string): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [lockKey]);
    const already: unknown[] = await manager.query(`SELECT 1 FROM outbox_event WHERE type = $1 AND payload @> $2::jsonb LIMIT 1`, [
      type,
      JSON.stringify(payload),
    ]);
    return already.length > 0;
  }
}
