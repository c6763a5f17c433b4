// Mail to groups: a coordinator writes to the people of one edition a filter chooses, sees who
// and what before sending, and sends through the outbox like every automatic mail (template
// groupMail; its deliveries show in the notifications view). Sending is audited.
import { Injectable } from '@nestjs/common';
import { AppConfig, AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { groupMailPath } from '../action-links';
import { Locale, MAIL_LOCALES } from '../templates/facts';
import { MERGE_FIELDS, unknownMergeFields } from '../templates/merge-fields';
import { renderMail, resolveLocale } from '../templates/render';
import { ComposeGroupMailDto, GroupMailPreviewView, GroupMailRecipientView, GroupMailRenderingView, GroupMailView } from './group-mail.dto';
import { GroupMailFilter, GroupMailVersion } from './group-mail.entity';
import { RecipientRow } from './group-mail-recipients.sql';
import { languageOf, versionFor } from './group-mail-versions';
import { editionFacts } from '../notification-sender';
import { NotificationsRepository } from '../notifications.repository';
import { GroupMailRow, GroupMailsRepository } from './group-mails.repository';

@Injectable()
export class GroupMailsService {
  constructor(
    private readonly repository: GroupMailsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly config: AppConfig,
  ) {}

  async preview(editionId: string, dto: ComposeGroupMailDto): Promise<GroupMailPreviewView> {
    const { filter, versions } = await this.checked(dto);
    const rows = await this.repository.recipients(editionId, filter);
    const editionRow = await this.notifications.edition(editionId);
    if (!editionRow) throw new NotFoundError('Edition');
    const edition = editionFacts(editionRow);
    const recipients = rows.map((row) => this.recipientView(row, versions));
    const renderings: GroupMailRenderingView[] = [];
    const samples: { locale: Locale; row: RecipientRow | null }[] = rows.length
      ? MAIL_LOCALES.flatMap((locale) => {
          const index = recipients.findIndex((r) => r.language === locale);
          return index >= 0 ? [{ locale, row: rows[index] }] : [];
        })
      : versions.map((version) => ({ locale: version.language ?? 'pl', row: null }));
    for (const { locale, row } of samples) {
      const version = versionFor(versions, locale);
      const mail = renderMail('groupMail', languageOf(version, locale), {
        recipient: { name: row?.name ?? '', email: row?.email ?? '' },
        edition,
        report: null,
        practice: null,
        dueAt: row?.due_at ? new Date(row.due_at) : null,
        message: { subject: version.subject, body: version.body, city: row?.city ?? null, hasDeadline: filter.role !== 'cityOfficial' },
        actionUrl: `${this.config.publicUrl.replace(/\/$/, '')}${groupMailPath(filter.role, edition, row ? await this.notifications.grantsOf(row.user_id) : [])}`,
      });
      renderings.push({ language: mail.locale, sampleRecipient: row?.name ?? null, subject: mail.subject, text: mail.text });
    }
    return { recipients, renderings };
  }

  /** Stores the group mail with its recipients as the filter finds them now and writes its outbox event, in one transaction. */
  async send(actor: Principal, editionId: string, dto: ComposeGroupMailDto): Promise<GroupMailView> {
    const { filter, versions } = await this.checked(dto);
    const id = await this.uow.run(async (tx) => {
      const stored = await this.repository.insert(tx.manager, { editionId, by: actor.userId, filter, versions });
      if (stored.recipients === 0) throw new ConflictError('no_recipients', 'Nobody matches this filter: the group mail was not sent');
      const eventId = await tx.emit('groupMail.sent', { groupMailId: stored.id, editionId, role: filter.role });
      await this.repository.setEvent(tx.manager, stored.id, eventId);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'groupMail.send',
          objectType: 'edition',
          objectId: editionId,
          outcome: 'success',
          details: { groupMailId: stored.id, filter, recipients: stored.recipients, subjects: versions.map((v) => v.subject) },
        },
        tx.manager,
      );
      return stored.id;
    });
    const [row] = await this.repository.list(editionId, id);
    return toView(row);
  }

  async list(editionId: string): Promise<GroupMailView[]> {
    return (await this.repository.list(editionId)).map(toView);
  }

  /** The filter and versions as stored, after the checks the DTO cannot make (each a 400 naming its field). */
  private async checked(dto: ComposeGroupMailDto): Promise<{ filter: GroupMailFilter; versions: GroupMailVersion[] }> {
    const filter: GroupMailFilter = { role: dto.filter.role, cityId: dto.filter.cityId ?? null, progress: dto.filter.progress ?? null };
    const fitting = { expert: ['reportNotStarted', 'reportNotSubmitted'], juror: ['ballotIncomplete'], cityOfficial: [] as string[] }[filter.role];
    if (filter.progress && !fitting.includes(filter.progress)) {
      throw new InvalidInputError('filter.progress', fitting.length ? `for ${filter.role} must be one of ${fitting.join(', ')}` : `does not apply to ${filter.role}`);
    }
    if (filter.cityId && !(await this.repository.cityExists(filter.cityId))) throw new InvalidInputError('filter.cityId', 'is not a known city');
    const versions = dto.versions.map((v) => ({ language: v.language ?? null, subject: v.subject.trim(), body: v.body.trim() }));
    const seen = new Set<string | null>();
    versions.forEach((version, i) => {
      if (versions.length > 1 && !version.language) throw new InvalidInputError(`versions.${i}.language`, 'is required when there is more than one version');
      if (seen.has(version.language)) throw new InvalidInputError(`versions.${i}.language`, `repeats ${version.language}`);
      seen.add(version.language);
      for (const field of ['subject', 'body'] as const) {
        if (!version[field]) throw new InvalidInputError(`versions.${i}.${field}`, 'must not be empty');
        const [unknown] = unknownMergeFields(version[field]);
        if (unknown !== undefined) {
          throw new InvalidInputError(`versions.${i}.${field}`, `has an unknown merge field {{${unknown}}}; known: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}`);
        }
      }
    });
    return { filter, versions };
  }

  private recipientView(row: RecipientRow, versions: GroupMailVersion[]): GroupMailRecipientView {
    const reader = resolveLocale(row.locale);
    return { userId: row.user_id, name: row.name, email: row.email, city: row.city, role: row.role, language: languageOf(versionFor(versions, reader), reader) };
  }
}

function toView(row: GroupMailRow): GroupMailView {
  return {
    id: row.id,
    editionId: row.edition_id,
    sentBy: row.sent_by,
    sentAt: row.created_at,
    filter: { role: row.filter.role, cityId: row.filter.cityId, cityName: row.city_name, progress: row.filter.progress },
    versions: row.versions.map((v) => ({ language: v.language, subject: v.subject, body: v.body })),
    recipientCount: row.recipient_count,
    deliveries: { pending: row.pending, sent: row.sent, failed: row.failed },
  };
}
