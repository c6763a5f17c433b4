// Translations of single texts under the rules of practices' translations (practice-translations.service.ts):
// the reads return the version in the reader's language (the original where none exists, marked so);
// coordinators and the edition's translators (a follow-up: also its expert) add and edit them, a
// category's description and a follow-up's note until scoring opens; an award's citation at any stage,
// since it is final from `decided` on and the public reads it after publication (a translation
// changes no decision); a change of the original marks them outdated.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { EditionStage, isAtOrAfter } from '../editions/edition-stage';
import { PutTextTranslationDto, TextTranslationsView, TextVersion } from './text-translation.dto';
import { TextKind, TextOriginalRow, TextTranslationsRepository } from './text-translations.repository';

/** Per kind: the stage from which its translations are closed (null: never), and its name in errors and the audit trail. */
const KIND_RULES: Record<TextKind, { closedFrom: EditionStage | null; object: string; auditType: string; edit: string }> = {
  categoryDescription: { closedFrom: 'juryScoring', object: 'Category', auditType: 'category', edit: 'edit the category itself' },
  awardCitation: { closedFrom: null, object: 'Award', auditType: 'award', edit: 'edit the award itself' },
  followUpNote: { closedFrom: 'juryScoring', object: 'Follow-up', auditType: 'followUp', edit: 'edit the follow-up itself' },
};

function closed(kind: TextKind, stage: EditionStage): boolean {
  const from = KIND_RULES[kind].closedFrom;
  return from !== null && isAtOrAfter(stage, from);
}

@Injectable()
export class TextTranslationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly translations: TextTranslationsRepository,
    private readonly audit: AuditRecorder,
  ) {}

  /**
   * Each item's text in `language` where a translation exists, else the original; the version it is
   * goes in `<field>Version`. Null language: as written, with the metadata.
   */
  async localize<T extends { id: string }, F extends keyof T & string>(
    kind: TextKind,
    items: T[],
    field: F,
    language: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(T & Record<`${F}Version`, TextVersion>)[]> {
    if (items.length === 0) return [];
    const versions = await this.translations.versions(manager, kind, items.map((item) => item.id), language ?? '');
    const byId = new Map(versions.map((version) => [version.subjectId, version]));
    return items.map((item) => {
      const version = byId.get(item.id);
      const originalLanguage = version?.originalLanguage ?? 'pl';
      const original = item[field] as unknown as string | null;
      // Asked for the original's own language, or no translation: the original.
      if (!language || language === originalLanguage || !version?.language || version.text === null || original === null) {
        return { ...item, [`${field}Version`]: { language: originalLanguage, originalLanguage, translated: false, outdated: false, requestedLanguage: language, original: null } } as T & Record<`${F}Version`, TextVersion>;
      }
      return {
        ...item,
        [field]: version.text,
        [`${field}Version`]: { language: version.language, originalLanguage, translated: true, outdated: version.outdated ?? false, requestedLanguage: language, original },
      } as T & Record<`${F}Version`, TextVersion>;
    });
  }

  async list(kind: TextKind, subjectId: string): Promise<TextTranslationsView> {
    const manager = this.dataSource.manager;
    const original = await this.translations.original(manager, kind, subjectId);
    if (!original) throw new NotFoundError(KIND_RULES[kind].object);
    const translations = await this.translations.list(manager, kind, subjectId);
    return {
      id: subjectId,
      original: {
        language: original.originalLanguage,
        text: original.text,
        original: true,
        providedBy: original.providedBy,
        providedByName: original.providedByName,
        providedAt: original.providedAt,
      },
      translations: translations.map((row) => ({ ...row, original: false })),
      editable: !closed(kind, original.stage),
    };
  }

  /** Adds or replaces the translation into `language` (the route's access rule has admitted the caller). */
  async put(principal: Principal, kind: TextKind, subjectId: string, language: string, dto: PutTextTranslationDto): Promise<TextTranslationsView> {
    await this.uow.run(async ({ manager }) => {
      const original = await this.writable(manager, kind, subjectId, language);
      await this.translations.upsert(manager, kind, subjectId, language, dto.text, principal.userId);
      await this.audit.record(
        { actorId: principal.userId, action: `${KIND_RULES[kind].auditType}.translation_put`, objectType: KIND_RULES[kind].auditType, objectId: subjectId, outcome: 'success', details: { language, kind, editionId: original.editionId } },
        manager,
      );
    });
    return this.list(kind, subjectId);
  }

  async delete(principal: Principal, kind: TextKind, subjectId: string, language: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.writable(manager, kind, subjectId, language);
      // Idempotent: removing a translation that is not there leaves the same state.
      if (!(await this.translations.delete(manager, kind, subjectId, language))) return;
      await this.audit.record(
        { actorId: principal.userId, action: `${KIND_RULES[kind].auditType}.translation_deleted`, objectType: KIND_RULES[kind].auditType, objectId: subjectId, outcome: 'success', details: { language, kind } },
        manager,
      );
    });
  }

  /** Called before a change of the original text (undefined: unchanged), in its transaction: translations made from the old text become outdated. */
  async originalChanging(manager: EntityManager, kind: TextKind, subjectId: string, text: string | null | undefined): Promise<void> {
    if (text === undefined) return;
    await this.translations.markOutdatedIfChanged(manager, kind, subjectId, text);
  }

  /** The original, locked with its edition: translations close at the kind's stage; the original's language is not a translation. */
  private async writable(manager: EntityManager, kind: TextKind, subjectId: string, language: string): Promise<TextOriginalRow> {
    const rules = KIND_RULES[kind];
    const original = await this.translations.original(manager, kind, subjectId, true);
    if (!original) throw new NotFoundError(rules.object);
    if (closed(kind, original.stage)) {
      throw new ConflictError('wrong_stage', `These translations are added and edited until the edition reaches ${rules.closedFrom} (it is in ${original.stage})`, { stage: original.stage });
    }
    if (original.text === null || original.text.trim() === '') throw new ConflictError('no_original', `There is no original text to translate; ${rules.edit} first`);
    if (language === original.originalLanguage) throw new InvalidInputError('lang', `is the language of the original (${language}); ${rules.edit}`);
    return original;
  }
}
