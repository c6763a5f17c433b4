// Sends one delivery, exactly once as far as a crash can be survived.
//
// The protocol (why it is shaped like this):
//  1. Claim: `attempts + 1`, a fresh claim token and a short lease, only if the row is pending
//     and nobody else's lease is running. The lease only decides who may *start* an attempt.
//  2. Render (facts and tokens are read now, at send time) and stage the message at the SMTP
//     server up to, but not including, the final "." of DATA. A server accepts a message only
//     when it reads that dot, and discards a transaction whose connection drops before it; so a
//     crash anywhere until here has delivered nothing, and the delivery is tried again once the
//     lease has run out.
//  3. In a transaction, mark the row sent, conditional on *our* claim token. The UPDATE locks the
//     row, so no other attempt can claim it until we finish; if someone took over after our lease
//     ran out, the token no longer matches, we roll back and drop the SMTP transaction (no dot).
//     Two workers can never both hand the same delivery over.
//  4. The point of no return: the COMMIT and then the final dot are written to their sockets in
//     one synchronous step, with no I/O wait between them; then both replies are awaited. Killed
//     before the step, the worker committed nothing and delivered nothing (retried); killed after
//     it, both bytes are already in the kernel and reach their servers (the row is sent and the
//     message accepted), even though the process is gone.
//     What remains is the JavaScript between the two write() calls: ~3 µs (median, measured here;
//     p99 ~10 µs). A crash exactly there commits "sent" for a message the server never got. The
//     other order (dot first) would turn that into a duplicate instead of a loss, but its window is
//     four times wider (the pg driver's query() runs in it) with millisecond GC tails; this order
//     makes the crash tests' "exactly once" hold far more reliably. Such a row is recognisable:
//     sent without a receipt (the server's reply is stored once it has been read), which also marks
//     the far more common case of a crash after the hand-over but before the reply was seen.
//     The Message-ID is derived from the delivery id, so a receiver that deduplicates drops a resend.
//  5. If the server refuses the message at the dot (we are alive to see it), the row is put back to
//     pending or failed; if the reply never comes (connection lost after the dot) the outcome is
//     unknown and, as RFC 5321 asks, the attempt counts as failed and is retried.
// The local sink does the same with a temporary file and a rename in place of the dot.
import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from '@app/core';
import { AccountsService } from '../accounts/accounts.service';
import { describeError, isPermanent, PermanentDeliveryError, RetryLaterError, statusAfterFailure } from './delivery-policy';
import { ceremonyIcs } from './ics';
import { createMailTransport, MailTransport, StagedMail } from './mail/mail-transport';
import { composeMail, envelopeAddress } from './mail/mime';
import { EditionFacts, MailFacts, TemplateKey } from './templates/facts';
import { renderMail } from './templates/render';

/**
 * A CTE that turns off the wait for the WAL flush at the COMMIT of the statement's own (implicit)
 * transaction: `set_config(…, true)` lasts until that transaction ends, and the setting is read at
 * its commit. For the claim and the receipt only: neither has to survive a crash of PostgreSQL on its
 * own. A lost claim was never followed by a hand-over (the worker's connection died with the server, so
 * no "sent" commit and no dot), and the "sent" COMMIT, which does wait, flushes the WAL up to itself,
 * claim included. A lost receipt leaves a sent row without one, the mark of an unconfirmed hand-over.
 * Each mail then waits for one flush instead of three (the flushes dominated P5's wait events).
 */
const NO_FLUSH_WAIT = `no_flush_wait AS (SELECT set_config('synchronous_commit', 'off', true))`;

/** How long a claim keeps other workers from starting an attempt (not needed for correctness, see 3.). */
export const CLAIM_LEASE_SECONDS = 10;

export type SendOutcome = 'sent' | 'failed' | 'notPending' | 'lostClaim';

interface ClaimedDelivery {
  id: string;
  event_id: string;
  dedupe_key: string;
  template: TemplateKey;
  user_id: string;
  context: Record<string, string>;
  attempts: number;
  email: string;
  name: string;
  locale: string;
  user_status: string;
  /** The edition the context names (`editionId`), read by the claim itself; null when none or gone. */
  edition: EditionRow | null;
}

/** An edition's facts for mail, as read by SQL (json_build_object gives the times as ISO strings). */
interface EditionRow {
  id: string;
  name: string;
  year: number;
  reports_due_at: Date | string | null;
  scoring_due_at: Date | string | null;
  ceremony_starts_at: Date | string | null;
  ceremony_venue: string | null;
  ceremony_city: string | null;
}

const EDITION_COLUMNS = 'id, name, year, reports_due_at, scoring_due_at, ceremony_starts_at, ceremony_venue, ceremony_city';

const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function editionFacts(row: EditionRow): EditionFacts {
  const ceremonyStartsAt = asDate(row.ceremony_starts_at);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    reportsDueAt: asDate(row.reports_due_at),
    scoringDueAt: asDate(row.scoring_due_at),
    ceremony: ceremonyStartsAt ? { startsAt: ceremonyStartsAt, venue: row.ceremony_venue, city: row.ceremony_city } : null,
  };
}

interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}

/** The delivery is being attempted by someone else right now; the job retries after a backoff. */
export class DeliveryBusyError extends RetryLaterError {}

@Injectable()
export class NotificationSender implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private transportInstance: MailTransport | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly accounts: AccountsService,
  ) {}

  get transport(): MailTransport {
    this.transportInstance ??= createMailTransport(this.config.SMTP_URL, this.config.DATA_DIR);
    return this.transportInstance;
  }

  async send(deliveryId: string): Promise<SendOutcome> {
    const token = randomUUID();
    const delivery = await this.claim(deliveryId, token);
    if (!delivery) {
      const [row]: { status: string }[] = await this.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [deliveryId]);
      if (!row || row.status !== 'pending') return 'notPending';
      throw new DeliveryBusyError(`delivery ${deliveryId} is claimed by another attempt`);
    }

    let staged: StagedMail;
    let rendered: { subject: string; locale: string };
    try {
      if (delivery.user_status === 'disabled') throw new PermanentDeliveryError('the recipient’s account is disabled');
      const mail = await this.compose(delivery);
      rendered = mail;
      staged = await this.transport.stage({ id: delivery.id, from: envelopeAddress(this.config.MAIL_FROM), to: delivery.email, raw: mail.raw });
    } catch (error) {
      return this.recordFailure(delivery, token, error);
    }
    return this.handOver(delivery, token, staged, rendered);
  }

  private async claim(deliveryId: string, token: string): Promise<ClaimedDelivery | null> {
    const [rows]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `WITH ${NO_FLUSH_WAIT}
       UPDATE notification_delivery d
          SET attempts = d.attempts + 1, claim_token = $2, lease_until = now() + make_interval(secs => $3), updated_at = now()
         FROM app_user u, no_flush_wait
        WHERE d.id = $1 AND u.id = d.user_id AND d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= now())
        RETURNING d.id, d.event_id, d.dedupe_key, d.template, d.user_id, d.context, d.attempts,
                  u.email, u.name, u.locale, u.status AS user_status,
                  -- Most mails are about an edition: read it here rather than in a statement of its own.
                  (SELECT row_to_json(e) FROM (SELECT ${EDITION_COLUMNS} FROM edition WHERE id = (d.context->>'editionId')::uuid) e) AS edition`,
      [deliveryId, token, CLAIM_LEASE_SECONDS],
    );
    return rows[0] ?? null;
  }

  private async handOver(delivery: ClaimedDelivery, token: string, staged: StagedMail, rendered: { subject: string; locale: string }): Promise<SendOutcome> {
    let result: Awaited<ReturnType<NotificationSender['commitAndRelease']>>;
    try {
      result = await this.commitAndRelease(delivery, token, staged, rendered);
    } catch (error) {
      // Before the point of no return (no connection, BEGIN or UPDATE failed): nothing was handed over.
      staged.abort();
      return this.recordFailure(delivery, token, error);
    }
    if (result === 'lostClaim') return 'lostClaim';
    const { reply, committed } = result;
    if (reply.status === 'fulfilled') {
      if (!committed) await this.markSentAfterAll(delivery, token, rendered);
      await this.dataSource.query(
        `WITH ${NO_FLUSH_WAIT} UPDATE notification_delivery SET receipt = $2 FROM no_flush_wait WHERE id = $1`,
        [delivery.id, reply.value.slice(0, 500)],
      );
      return 'sent';
    }
    // Refused at the dot, or no answer: undo the "sent" mark and count the failed attempt.
    return this.recordFailure(delivery, token, reply.reason, { undoSent: committed });
  }

  /** Steps 3 and 4 on a connection of its own: mark sent under our claim, then COMMIT and the final dot back to back. */
  private async commitAndRelease(
    delivery: ClaimedDelivery,
    token: string,
    staged: StagedMail,
    rendered: { subject: string; locale: string },
  ): Promise<'lostClaim' | { reply: PromiseSettledResult<string>; committed: boolean }> {
    const [client, release] = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [PgClient, (error?: unknown) => void];
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const marked = await client.query(
        `UPDATE notification_delivery
            SET status = 'sent', sent_at = now(), updated_at = now(), lease_until = NULL, last_error = NULL,
                email = $3, locale = $4, subject = $5
          WHERE id = $1 AND claim_token = $2 AND status = 'pending'`,
        [delivery.id, token, delivery.email, rendered.locale, rendered.subject.slice(0, 300)],
      );
      if (marked.rowCount !== 1) {
        // Our lease ran out and another attempt claimed the delivery: leave it the hand-over.
        await client.query('ROLLBACK');
        staged.abort();
        return 'lostClaim';
      }
      // The point of no return (see 4. above): nothing between these two writes waits for I/O.
      const committed = client.query('COMMIT');
      let accepted: Promise<string>;
      try {
        accepted = staged.commit();
      } catch (error) {
        accepted = Promise.reject(error);
      }
      const [reply, commit] = await Promise.allSettled([accepted, committed]);
      if (commit.status === 'rejected') broken = commit.reason;
      return { reply, committed: commit.status === 'fulfilled' };
    } catch (error) {
      broken = error;
      throw error;
    } finally {
      release(broken);
    }
  }

  /** The message was accepted but the COMMIT failed: record it with plain statements, a few times. */
  private async markSentAfterAll(delivery: ClaimedDelivery, token: string, rendered: { subject: string; locale: string }): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.query(
          `UPDATE notification_delivery SET status = 'sent', sent_at = now(), updated_at = now(), lease_until = NULL, last_error = NULL,
                  email = $3, locale = $4, subject = $5
            WHERE id = $1 AND claim_token = $2 AND status = 'pending'`,
          [delivery.id, token, delivery.email, rendered.locale, rendered.subject.slice(0, 300)],
        );
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private async recordFailure(delivery: ClaimedDelivery, token: string, error: unknown, options: { undoSent?: boolean } = {}): Promise<SendOutcome> {
    const status = statusAfterFailure(delivery.attempts, isPermanent(error));
    const message = describeError(error);
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = $3, last_error = $4, lease_until = NULL, claim_token = NULL, sent_at = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $2 AND status = $5`,
      [delivery.id, token, status, message, options.undoSent ? 'sent' : 'pending'],
    );
    this.logger.warn(`delivery ${delivery.id} attempt ${delivery.attempts} failed (${status}): ${message}`);
    if (status === 'pending') throw new RetryLaterError(message);
    return 'failed';
  }

  /** Loads the facts now, renders the template in the recipient's language, builds the MIME message. */
  private async compose(delivery: ClaimedDelivery): Promise<{ raw: Buffer; subject: string; locale: string }> {
    const facts = await this.loadFacts(delivery);
    const mail = renderMail(delivery.template, delivery.locale, facts);
    const ceremony = delivery.template === 'ceremonyInvitation' ? facts.edition?.ceremony : null;
    const raw = await composeMail({
      deliveryId: delivery.id,
      from: this.config.MAIL_FROM,
      to: { name: delivery.name, address: delivery.email },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      locale: mail.locale,
      headers: {
        'X-Open-Cities-Delivery': delivery.id,
        'X-Open-Cities-Notification': delivery.template,
        'X-Open-Cities-Event': delivery.dedupe_key,
      },
      calendar: ceremony
        ? {
            filename: 'ceremony.ics',
            content: ceremonyIcs({
              uid: `ceremony-${facts.edition!.id}@open-cities`,
              startsAt: ceremony.startsAt,
              durationMinutes: 120,
              summary: mail.subject,
              location: [ceremony.venue, ceremony.city].filter(Boolean).join(', '),
              description: `${facts.edition!.name}`,
              organizerEmail: envelopeAddress(this.config.MAIL_FROM),
              stampedAt: new Date(),
            }),
          }
        : undefined,
    });
    return { raw, subject: mail.subject, locale: mail.locale };
  }

  private async loadFacts(delivery: ClaimedDelivery): Promise<MailFacts> {
    const { context } = delivery;
    let editionId = context.editionId ?? null;
    let report: MailFacts['report'] = null;
    let practice: MailFacts['practice'] = null;
    if (context.reportId) {
      const [row]: { edition_id: string; city: string }[] = await this.dataSource.query(
        `SELECT r.edition_id, c.name AS city FROM report r JOIN city c ON c.id = r.city_id WHERE r.id = $1`,
        [context.reportId],
      );
      if (!row) throw new PermanentDeliveryError(`report ${context.reportId} no longer exists`);
      editionId = row.edition_id;
      report = { city: row.city };
    }
    if (context.practiceId) {
      const [row]: { edition_id: string; city: string; title: string; status: string; eligibility_reason: string | null }[] = await this.dataSource.query(
        `SELECT r.edition_id, c.name AS city, p.title, p.status::text AS status, p.eligibility_reason
           FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id WHERE p.id = $1`,
        [context.practiceId],
      );
      if (!row) throw new PermanentDeliveryError(`practice ${context.practiceId} no longer exists`);
      editionId = row.edition_id;
      practice = { title: row.title, city: row.city, eligible: row.status !== 'ineligible', reason: row.eligibility_reason };
    }
    const claimed = delivery.edition && delivery.edition.id === editionId ? editionFacts(delivery.edition) : null;
    const edition = editionId ? (claimed ?? (await this.loadEdition(editionId))) : null;
    return {
      recipient: { name: delivery.name, email: delivery.email },
      edition,
      report,
      practice,
      dueAt: context.dueAt ? new Date(context.dueAt) : null,
      actionUrl: await this.actionUrl(delivery.template, delivery.user_id, edition),
    };
  }

  private async loadEdition(editionId: string): Promise<EditionFacts> {
    const [row]: EditionRow[] = await this.dataSource.query(`SELECT ${EDITION_COLUMNS} FROM edition WHERE id = $1`, [editionId]);
    if (!row) throw new PermanentDeliveryError(`edition ${editionId} no longer exists`);
    return editionFacts(row);
  }

  /** Invitation and reset links carry a single-use token minted now (only its hash is stored). */
  private async actionUrl(template: TemplateKey, userId: string, edition: EditionFacts | null): Promise<string> {
    const base = this.config.publicUrl.replace(/\/$/, '');
    if (template === 'invitation') return `${base}/invitations/accept?token=${await this.accounts.issueOneTimeToken(userId, 'invitation')}`;
    if (template === 'passwordReset') return `${base}/password-reset?token=${await this.accounts.issueOneTimeToken(userId, 'passwordReset')}`;
    return edition ? `${base}/editions/${edition.id}` : `${base}/`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transportInstance?.close();
  }
}
