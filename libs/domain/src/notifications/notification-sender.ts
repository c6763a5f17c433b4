// Sends one delivery, at least once: a crash can cause a duplicate (with the same Message-ID),
// never a loss.
//
// The protocol:
//  1. Claim: `attempts + 1`, a fresh claim token and a lease (`claimed_until`), only if the row is
//     pending and no other claim's lease is running. The claim counts as a possible hand-over.
//  2. Render (facts and tokens are read now, at send time) and hand the message to the SMTP server
//     (nodemailer's pooled transport) or the local sink, with the row's fixed Message-ID.
//  3. The server's 250 reply is the receipt: only then is the row `sent`. A refusal or an error puts
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
import { actionPath, tokenPath } from './action-links';
import { describeError, isPermanent, mayHaveBeenHandedOver, PermanentDeliveryError, RetryLaterError, statusAfterFailure } from './delivery-policy';
import { ceremonyIcs } from './ics';
import { createMailTransport, MailTransport } from './mail/mail-transport';
import { composeMail, envelopeAddress } from './mail/mime';
import { ClaimedDelivery, EditionRow, NotificationsRepository } from './notifications.repository';
import { EditionFacts, MailFacts } from './templates/facts';
import { renderMail } from './templates/render';

export type SendOutcome = 'sent' | 'failed' | 'notPending';

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

/** The delivery is being attempted by someone else right now; the job retries after a backoff. */
export class DeliveryBusyError extends RetryLaterError {}

@Injectable()
export class NotificationSender implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private transportInstance: MailTransport | null = null;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly config: AppConfig,
    private readonly accounts: AccountsService,
  ) {}

  get transport(): MailTransport {
    this.transportInstance ??= createMailTransport(this.config.SMTP_URL, this.config.DATA_DIR);
    return this.transportInstance;
  }

  async send(deliveryId: string): Promise<SendOutcome> {
    const token = randomUUID();
    const delivery = await this.repository.claim(deliveryId, token, this.config.NOTIFICATION_CLAIM_SECONDS);
    if (!delivery) {
      if ((await this.repository.statusOf(deliveryId)) !== 'pending') return 'notPending';
      throw new DeliveryBusyError(`delivery ${deliveryId} is claimed by another attempt`);
    }

    let mail: { raw: Buffer; subject: string; locale: string };
    try {
      if (delivery.user_status === 'disabled') throw new PermanentDeliveryError('the recipient’s account is disabled');
      mail = await this.compose(delivery);
    } catch (error) {
      return this.recordFailure(delivery, token, error, false);
    }
    let receipt: string;
    try {
      receipt = await this.transport.send({ messageId: delivery.message_id, from: envelopeAddress(this.config.MAIL_FROM), to: delivery.email, raw: mail.raw });
    } catch (error) {
      return this.recordFailure(delivery, token, error, mayHaveBeenHandedOver(error));
    }
    await this.repository.recordReceipt(delivery.id, token, receipt, { email: delivery.email, locale: mail.locale, subject: mail.subject });
    return 'sent';
  }

  private async recordFailure(delivery: ClaimedDelivery, token: string, error: unknown, handedOver: boolean): Promise<SendOutcome> {
    const status = statusAfterFailure(delivery.attempts, isPermanent(error));
    const message = describeError(error);
    await this.repository.recordFailure(delivery.id, token, { status, error: message, handedOver });
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

  private async loadFacts(delivery: ClaimedDelivery): Promise<MailFacts> {
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
    const claimed = delivery.edition && delivery.edition.id === editionId ? editionFacts(delivery.edition) : null;
    const edition = editionId ? (claimed ?? (await this.loadEdition(editionId))) : null;
    return {
      recipient: { name: delivery.name, email: delivery.email },
      edition,
      report,
      practice,
      dueAt: context.dueAt ? new Date(context.dueAt) : null,
      reason: context.reason ?? null,
      actionUrl: await this.actionUrl(delivery, edition),
    };
  }

  private async loadEdition(editionId: string): Promise<EditionFacts> {
    const row = await this.repository.edition(editionId);
    if (!row) throw new PermanentDeliveryError(`edition ${editionId} no longer exists`);
    return editionFacts(row);
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
    const grants = await this.repository.grantsOf(userId);
    return `${base}${actionPath({ template, edition, reportId: delivery.context.reportId ?? null, grants })}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transportInstance?.close();
  }
}
