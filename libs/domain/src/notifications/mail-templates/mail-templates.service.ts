// The edition's automatic mails as a coordinator adjusts them: the list (built-in text and the
// edition's own, per language), an override saved or reset (audited, refused when it names a merge
// field that does not exist), and a preview rendered with sample facts.
import { Injectable } from '@nestjs/common';
import { AppConfig, AuditRecorder, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { actionPath } from '../action-links';
import { EDITABLE_TEMPLATE_KEYS, EditableTemplateKey, isEditableTemplate, TemplateOverride } from '../templates/editable';
import { EditionFacts, Locale, MAIL_LOCALES, MailFacts, TEMPLATE_KEYS } from '../templates/facts';
import { MERGE_FIELDS, unknownMergeFields } from '../templates/merge-fields';
import { defaultTemplateText, renderMail } from '../templates/render';
import { MailPreviewView, MailTemplateTextDto, MailTemplatesView, MailTemplateView } from './mail-templates.dto';
import { MailTemplatesRepository, OverrideRow, TemplatesEditionRow } from './mail-templates.repository';

/** Who a preview is addressed to. */
const SAMPLE = { name: 'Maria Nowak', email: 'maria.nowak@example.org', city: 'Lublin' };

@Injectable()
export class MailTemplatesService {
  constructor(
    private readonly repository: MailTemplatesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly config: AppConfig,
  ) {}

  async list(editionId: string): Promise<MailTemplatesView> {
    const edition = await this.edition(editionId);
    const overrides = new Map((await this.repository.overridesOf(editionId)).map((row) => [`${row.template}:${row.locale}`, row]));
    const templates: MailTemplateView[] = EDITABLE_TEMPLATE_KEYS.flatMap((key) =>
      MAIL_LOCALES.map((locale) => ({ key, locale, default: defaultTemplateText(key, locale, edition), override: overrideView(overrides.get(`${key}:${locale}`)) })),
    );
    return { mergeFields: [...MERGE_FIELDS], templates, notEditable: TEMPLATE_KEYS.filter((key) => !isEditableTemplate(key)) };
  }

  async save(actor: Principal, editionId: string, key: string, lang: string, dto: MailTemplateTextDto): Promise<MailTemplateView> {
    const { template, locale } = checkTemplate(key, lang);
    checkMergeFields(dto);
    const saved = await this.uow.run(async ({ manager }) => {
      if (!(await this.repository.bumpRevision(manager, editionId))) throw new NotFoundError('Edition');
      const row = await this.repository.upsert(manager, { editionId, template, locale, subject: dto.subject, body: dto.body, updatedBy: actor.userId });
      await this.audit.record(
        { actorId: actor.userId, action: 'mailTemplate.override', objectType: 'edition', objectId: editionId, outcome: 'success', details: { template, locale, subject: dto.subject } },
        manager,
      );
      return row;
    });
    const edition = await this.edition(editionId);
    return { key: template, locale, default: defaultTemplateText(template, locale, edition), override: overrideView(saved) };
  }

  /** Back to the built-in text; resetting a template without an override is a no-op. */
  async reset(actor: Principal, editionId: string, key: string, lang: string): Promise<void> {
    const { template, locale } = checkTemplate(key, lang);
    await this.uow.run(async ({ manager }) => {
      if (!(await this.repository.bumpRevision(manager, editionId))) throw new NotFoundError('Edition');
      const removed = await this.repository.delete(manager, editionId, template, locale);
      if (removed) {
        await this.audit.record({ actorId: actor.userId, action: 'mailTemplate.reset', objectType: 'edition', objectId: editionId, outcome: 'success', details: { template, locale } }, manager);
      }
    });
  }

  /** The mail as a sample recipient would get it with this text (not saved). */
  async preview(editionId: string, key: string, lang: string, dto: MailTemplateTextDto): Promise<MailPreviewView> {
    const { template, locale } = checkTemplate(key, lang);
    checkMergeFields(dto);
    const row = await this.edition(editionId);
    const edition: EditionFacts = { id: row.id, name: row.name, year: row.year, reportsDueAt: row.reports_due_at, scoringDueAt: row.scoring_due_at, ceremony: null };
    const path = actionPath({ template, edition, reportId: null, grants: [] });
    const facts: MailFacts = {
      recipient: { name: SAMPLE.name, email: SAMPLE.email },
      edition,
      report: { city: SAMPLE.city },
      practice: null,
      city: SAMPLE.city,
      dueAt: null,
      actionUrl: `${this.config.publicUrl.replace(/\/$/, '')}${path}`,
    };
    const mail = renderMail(template, locale, facts, { subject: dto.subject, body: dto.body });
    return { subject: mail.subject, text: mail.text, html: mail.html };
  }

  private async edition(editionId: string): Promise<TemplatesEditionRow> {
    const edition = await this.repository.edition(editionId);
    if (!edition) throw new NotFoundError('Edition');
    return edition;
  }
}

function checkTemplate(key: string, lang: string): { template: EditableTemplateKey; locale: Locale } {
  if (!isEditableTemplate(key)) throw new InvalidInputError('key', `must be one of ${EDITABLE_TEMPLATE_KEYS.join(', ')}`);
  if (!(MAIL_LOCALES as readonly string[]).includes(lang)) throw new InvalidInputError('lang', `must be one of ${MAIL_LOCALES.join(', ')}`);
  return { template: key, locale: lang as Locale };
}

/** Refuses a text naming a merge field that does not exist, before anything is saved or sent. */
function checkMergeFields(text: TemplateOverride): void {
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownMergeFields(text[field]);
    if (unknown.length > 0) {
      throw new InvalidInputError(field, `uses unknown merge field${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{{${name}}}`).join(', ')}; known: ${MERGE_FIELDS.join(', ')}`);
    }
  }
}

function overrideView(row: OverrideRow | undefined): MailTemplateView['override'] {
  return row ? { subject: row.subject, body: row.body, updatedAt: row.updated_at, updatedBy: row.updated_by } : null;
}
