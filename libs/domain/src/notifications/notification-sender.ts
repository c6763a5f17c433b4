// Sends deliveries, a batch at a time, each at least once: a crash can cause a duplicate (with the
// same Message-ID), never a loss.
//
// The protocol, per delivery (the statements serve a whole batch):
//  1. Claim: `attempts + 1`, a fresh claim token and a lease (`claimed_until`), only if the row is
//     pending and no other claim's lease is running. The claim counts as a possible hand-over.
//     One statement claims the batch.
//  2. Render (facts and tokens are read now, at send time) and hand the message to the SMTP server
//     (nodemailer's pooled transport) or the local sink, with the row's fixed Message-ID.
//  3. The server's 250 reply is the receipt: only then is the row `sent` (written at once, grouped
//     with the receipts that arrive meanwhile). A refusal or an error puts
//     it back to pending (retried with the job's backoff) or `failed` after the last attempt; an
//     attempt that knows the server did not take the message (a refusal, no connection) takes back
//     its hand-over count.
//  4. A worker that dies anywhere in 1-3 leaves the claim behind. Once its lease has run out, the
//     delivery is claimed again and sent again, with the same Message-ID. If the first copy had
//     reached the server (killed between hand-over and receipt), the recipient holds two copies that
//     a deduplicating receiver folds; the row shows it by `handover_count` > 1. There is no window in
//     which a delivery is recorded sent while the server has not confirmed it.
// The lease must outlast a send (nodemailer's timeouts are well below it); an attempt that overruns
// it risks a duplicate, not a loss.
import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { AccountsService } from '../accounts/accounts.service';
import { actionPath, GroupRole, groupMailPath, tokenPath } from './action-links';
import { describeError, isPermanent, mayHaveBeenHandedOver, PermanentDeliveryError, RetryLaterError, statusAfterFailure } from './delivery-policy';
import { ceremonyIcs } from './ics';
import { Composer, createComposer } from './mail/compose-threads';
import { createMailTransport, MailTransport, SMTP_MAX_CONNECTIONS } from './mail/mail-transport';
import { envelopeAddress } from './mail/mime';
import { GroupWriter } from './group-writer';
import { SendWindow } from './send-window';
import { ClaimedDelivery, EditionRow, Failure, NotificationsRepository, Receipt } from './notifications.repository';
import { OverrideCache } from './mail-templates/override-cache';
import { EditionFacts, MailFacts } from './templates/facts';
import { renderMail, resolveLocale } from './templates/render';
import { GroupMailsRepository } from './group-mails/group-mails.repository';
import { versionFor } from './group-mails/group-mail-versions';

export type SendOutcome = 'sent' | 'failed' | 'notPending';

/** What one run over a batch of deliveries did; deliveries neither sent nor failed here were not pending. */
export interface BatchOutcome {
  sent: number;
  failed: number;
  notPending: number;
}

const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export function editionFacts(row: EditionRow): EditionFacts {
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

/** The delivery is being attempted by someone else right now; the job retries after a backoff. */
export class DeliveryBusyError extends RetryLaterError {}

interface ComposedMail {
  raw: Buffer;
  subject: string;
  locale: string;
}

/** Messages composed ahead of the pool: two per SMTP connection, so one is ready whenever a connection frees. */
export const COMPOSE_AHEAD = 2 * SMTP_MAX_CONNECTIONS;

/** How one attempt of a batch ended: sent (receipt recorded), or a failure still to be recorded. */
type AttemptResult = { sent: true } | { sent: false; failure: Failure };

@Injectable()
export class NotificationSender implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private transportInstance: MailTransport | null = null;
  private composerInstance: Composer | null = null;
  /** Receipts of all batches in flight in this process, written together (group commit). */
  private readonly receipts = new GroupWriter<Receipt>((receipts) => this.repository.recordReceipts(receipts));
  /**
   * Mails being composed at once in this process (queued at the compose thread), across all its
   * batches. Only composing is limited: a composed message goes straight to the pool, whose
   * connections take the next queued message the moment one is done, as in a bare send. (A window
   * around compose + send kept the connections idle whenever its slots were all composing.)
   */
  private readonly composing = new SendWindow(COMPOSE_AHEAD);

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly groupMails: GroupMailsRepository,
    private readonly overrides: OverrideCache,
  ) {}

  get transport(): MailTransport {
    this.transportInstance ??= createMailTransport(this.config.SMTP_URL, this.config.DATA_DIR);
    return this.transportInstance;
  }

  /** Composes messages off the main thread once built (compose-threads.ts); created with the first mail. */
  private get composer(): Composer {
    this.composerInstance ??= createComposer(this.composing.size);
    return this.composerInstance;
  }

  /** One delivery (a coordinator's retry, a rescued send): a batch of one. */
  async send(deliveryId: string): Promise<SendOutcome> {
    const outcome = await this.sendBatch([deliveryId]);
    return outcome.sent ? 'sent' : outcome.failed ? 'failed' : 'notPending';
  }

  /**
   * Sends a batch: one statement claims every delivery of it that is pending and free, their mails
   * are composed and handed to the pool together (it sends them over its connections at once), each
   * receipt is recorded as soon as its 250 arrives (grouped with others), the failures in one
   * statement at the end. Throws (the job retries the batch with backoff; what was sent or failed
   * for good is not claimed again) when a delivery waits for another attempt: it failed and has
   * attempts left, or another attempt holds its claim.
   */
  async sendBatch(deliveryIds: string[]): Promise<BatchOutcome> {
    const token = randomUUID();
    const claimed = await this.repository.claimBatch(deliveryIds, token, this.config.NOTIFICATION_CLAIM_SECONDS);
    const claimedIds = new Set(claimed.map(({ id }) => id));
    const unclaimed = deliveryIds.filter((id) => !claimedIds.has(id));
    const busy = unclaimed.length > 0 ? await this.repository.pendingAmong(unclaimed) : [];

    const results = await Promise.allSettled(claimed.map((delivery) => this.attempt(delivery, token)));
    const failures = results.flatMap((result) => (result.status === 'fulfilled' && !result.value.sent ? [result.value.failure] : []));
    await this.repository.recordFailures(token, failures);
    for (const failure of failures) this.logger.warn(`delivery ${failure.deliveryId} attempt failed (${failure.status}): ${failure.error}`);
    // Only a receipt that could not be written rejects: its delivery is sent again once the claim expires.
    const unrecorded = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (unrecorded) throw unrecorded.reason;

    const waiting = failures.filter((failure) => failure.status === 'pending');
    if (waiting.length > 0) throw new RetryLaterError(waiting.length === 1 ? waiting[0].error : `${waiting.length} deliveries failed, first: ${waiting[0].error}`);
    if (busy.length > 0) throw new DeliveryBusyError(`${busy.length === 1 ? `delivery ${busy[0]} is` : `${busy.length} deliveries are`} claimed by another attempt`);
    const failed = failures.length;
    const sent = claimed.length - failed;
    return { sent, failed, notPending: deliveryIds.length - sent - failed };
  }

  /** Composes and hands over one claimed delivery; resolves once its receipt is recorded or with its failure. */
  private async attempt(delivery: ClaimedDelivery, token: string): Promise<AttemptResult> {
    const handedOver = await this.composeAndHandOver(delivery);
    if ('failure' in handedOver) return { sent: false, failure: handedOver.failure };
    const { receipt, mail } = handedOver;
    await this.receipts.add({ deliveryId: delivery.id, token, receipt, asSent: { email: delivery.email, locale: mail.locale, subject: mail.subject } });
    return { sent: true };
  }

  private async composeAndHandOver(delivery: ClaimedDelivery): Promise<{ receipt: string; mail: ComposedMail } | { failure: Failure }> {
    let mail: ComposedMail;
    try {
      if (delivery.user_status === 'disabled') throw new PermanentDeliveryError('the recipient’s account is disabled');
      mail = await this.composing.run(() => this.compose(delivery));
    } catch (error) {
      return { failure: this.failureOf(delivery, error, false) };
    }
    try {
      const receipt = await this.transport.send({ messageId: delivery.message_id, from: envelopeAddress(this.config.MAIL_FROM), to: delivery.email, raw: mail.raw });
      return { receipt, mail };
    } catch (error) {
      return { failure: this.failureOf(delivery, error, mayHaveBeenHandedOver(error)) };
    }
  }

  private failureOf(delivery: ClaimedDelivery, error: unknown, handedOver: boolean): Failure {
    return { deliveryId: delivery.id, status: statusAfterFailure(delivery.attempts, isPermanent(error)), error: describeError(error), handedOver };
  }

  /** Loads the facts now, renders the template in the recipient's language, builds the MIME message. */
  private async compose(delivery: ClaimedDelivery): Promise<ComposedMail> {
    const { facts, edition } = await this.loadFacts(delivery);
    // A group mail is the coordinator's own text: no template override applies to it.
    const override = edition && delivery.template !== 'groupMail' ? await this.overrides.find(edition.id, edition.mail_templates_revision, delivery.template, resolveLocale(delivery.locale)) : null;
    const mail = renderMail(delivery.template, facts.message?.language ?? delivery.locale, facts, override);
    const ceremony = delivery.template === 'ceremonyInvitation' ? facts.edition?.ceremony : null;
    const raw = await this.composer.compose({
      messageId: delivery.message_id,
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

  /** The mail's facts, and the row of its edition (whose template overrides apply). */
  private async loadFacts(delivery: ClaimedDelivery): Promise<{ facts: MailFacts; edition: EditionRow | null }> {
    const { context } = delivery;
    let editionId = context.editionId ?? null;
    let report: MailFacts['report'] = null;
    let practice: MailFacts['practice'] = null;
    if (context.reportId) {
      const row = await this.repository.reportFacts(context.reportId);
      if (!row) throw new PermanentDeliveryError(`report ${context.reportId} no longer exists`);
      editionId = row.edition_id;
      report = { city: row.city };
    }
    if (context.practiceId) {
      const row = await this.repository.practiceFacts(context.practiceId);
      if (!row) throw new PermanentDeliveryError(`practice ${context.practiceId} no longer exists`);
      editionId = row.edition_id;
      practice = { title: row.title, city: row.city, eligible: row.status !== 'ineligible', reason: row.eligibility_reason };
    }
    const claimed = delivery.edition && delivery.edition.id === editionId ? delivery.edition : null;
    const editionRow = editionId ? (claimed ?? (await this.loadEdition(editionId))) : null;
    const edition = editionRow ? editionFacts(editionRow) : null;
    if (delivery.template === 'groupMail') return { facts: await this.groupMailFacts(delivery, edition), edition: editionRow };
    const facts: MailFacts = {
      recipient: { name: delivery.name, email: delivery.email },
      edition,
      report,
      practice,
      city: context.cityId ? await this.repository.cityName(context.cityId) : null,
      dueAt: context.dueAt ? new Date(context.dueAt) : null,
      reason: context.reason ?? null,
      actionUrl: await this.actionUrl(delivery, edition),
    };
    return { facts, edition: editionRow };
  }

  /** A group mail's version for the recipient, with their city and deadline as they stand now. */
  private async groupMailFacts(delivery: ClaimedDelivery, edition: EditionFacts | null): Promise<MailFacts> {
    const row = await this.groupMails.sendFacts(delivery.context.groupMailId, delivery.user_id);
    if (!row) throw new PermanentDeliveryError(`group mail ${delivery.context.groupMailId} no longer exists`);
    const version = versionFor(row.versions, resolveLocale(delivery.locale));
    const base = this.config.publicUrl.replace(/\/$/, '');
    return {
      recipient: { name: delivery.name, email: delivery.email },
      edition,
      report: null,
      practice: null,
      dueAt: row.due_at ? new Date(row.due_at) : null,
      message: { subject: version.subject, body: version.body, language: version.language, city: row.city, hasDeadline: row.role !== 'cityOfficial' },
      actionUrl: `${base}${groupMailPath(row.role as GroupRole, edition, delivery.grants ?? [])}`,
    };
  }

  private async loadEdition(editionId: string): Promise<EditionRow> {
    const row = await this.repository.edition(editionId);
    if (!row) throw new PermanentDeliveryError(`edition ${editionId} no longer exists`);
    return row;
  }

  /**
   * The page for the recipient's next step (action-links.ts). Invitation and reset links carry a
   * single-use token minted now (only its hash is stored).
   */
  private async actionUrl(delivery: ClaimedDelivery, edition: EditionFacts | null): Promise<string> {
    const base = this.config.publicUrl.replace(/\/$/, '');
    const { template, user_id: userId } = delivery;
    if (template === 'invitation' || template === 'passwordReset') {
      return `${base}${tokenPath(template, await this.accounts.issueOneTimeToken(userId, template))}`;
    }
    if (template === 'groupMail') throw new Error('group mails link through groupMailFacts');
    return `${base}${actionPath({ template, edition, reportId: delivery.context.reportId ?? null, grants: delivery.grants ?? [] })}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transportInstance?.close();
    await this.composerInstance?.close();
  }
}
