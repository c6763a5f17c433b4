// Content translations of practices: the reads merge the version in the reader's language (the
// original where none exists, marked so); experts, coordinators and the edition's translators add
// and edit translations until scoring opens; a change of the original marks them outdated.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { isAtOrAfter } from '../editions/edition-stage';
import { ContentVersionMeta, PracticeTranslationsView, PutPracticeTranslationDto, TranslationCoverageView } from './dto/practice-translation.dto';
import { PracticeOriginalRow, PracticeTranslationsRepository, PracticeVersionRow } from './practice-translations.repository';

/** The interface languages: coverage always lists them, beside any other language a translation exists in. */
export const INTERFACE_LANGUAGES = ['pl', 'en', 'uk'] as const;

interface PracticeText {
  id: string;
  title: string;
  description: string;
}

/** The item in the version of `requested` (its translation if one exists, else the original), with what it is. */
export function withVersion<T extends PracticeText>(item: T, version: PracticeVersionRow | undefined, requested: string | null): T & ContentVersionMeta {
  const originalLanguage = version?.originalLanguage ?? 'pl';
  if (!version?.language || version.title === null || version.description === null) {
    return { ...item, language: originalLanguage, originalLanguage, translated: false, outdated: false, requestedLanguage: requested, original: null };
  }
  return {
    ...item,
    title: version.title,
    description: version.description,
    language: version.language,
    originalLanguage,
    translated: true,
    outdated: version.outdated ?? false,
    requestedLanguage: requested,
    original: { language: originalLanguage, title: item.title, description: item.description },
  };
}

const translationsClosed = (original: PracticeOriginalRow): boolean => isAtOrAfter(original.stage, 'juryScoring');

@Injectable()
export class PracticeTranslationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly translations: PracticeTranslationsRepository,
    private readonly audit: AuditRecorder,
  ) {}

  /** The practices in `language` where a translation exists; null language: as written, with the metadata. */
  async localize<T extends PracticeText>(items: T[], language: string | null, manager: EntityManager = this.dataSource.manager): Promise<(T & ContentVersionMeta)[]> {
    if (items.length === 0) return [];
    const versions = await this.translations.versions(manager, items.map((item) => item.id), language ?? '');
    const byId = new Map(versions.map((version) => [version.practiceId, version]));
    return items.map((item) => {
      const version = byId.get(item.id);
      // Asked for the original's own language: the original, not a translation.
      const own = !language || version?.originalLanguage === language;
      return withVersion(item, own && version ? { ...version, language: null } : version, language);
    });
  }

  async list(practiceId: string): Promise<PracticeTranslationsView> {
    const manager = this.dataSource.manager;
    const original = await this.translations.original(manager, practiceId);
    if (!original) throw new NotFoundError('Practice');
    const translations = await this.translations.list(manager, practiceId);
    return {
      practiceId,
      original: {
        language: original.originalLanguage,
        title: original.title,
        description: original.description,
        original: true,
        providedBy: original.expertId,
        providedByName: original.expertName,
        providedAt: original.updatedAt,
      },
      translations: translations.map((row) => ({ ...row, original: false })),
      editable: !translationsClosed(original),
    };
  }

  /** Adds or replaces the translation into `language` (the route's access rule has admitted the caller). */
  async put(principal: Principal, practiceId: string, language: string, dto: PutPracticeTranslationDto): Promise<PracticeTranslationsView> {
    await this.uow.run(async ({ manager }) => {
      const original = await this.writable(manager, practiceId, language);
      await this.translations.upsert(manager, practiceId, language, { title: dto.title, description: dto.description }, principal.userId);
      await this.audit.record(
        { actorId: principal.userId, action: 'practice.translation_put', objectType: 'practice', objectId: practiceId, outcome: 'success', details: { language, editionId: original.editionId } },
        manager,
      );
    });
    return this.list(practiceId);
  }

  async delete(principal: Principal, practiceId: string, language: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.writable(manager, practiceId, language);
      // Idempotent: removing a translation that is not there leaves the same state.
      if (!(await this.translations.delete(manager, practiceId, language))) return;
      await this.audit.record({ actorId: principal.userId, action: 'practice.translation_deleted', objectType: 'practice', objectId: practiceId, outcome: 'success', details: { language } }, manager);
    });
  }

  /** Called before a change of the original, in its transaction: translations made from the old text become outdated. */
  originalChanging(manager: EntityManager, practiceId: string, change: { title?: string; description?: string }): Promise<void> {
    return this.translations.markOutdatedIfChanged(manager, practiceId, { title: change.title ?? null, description: change.description ?? null });
  }

  /** Per language: practices readable in it (written in it or translated into it) of the edition's submitted ones. */
  async coverage(editionId: string): Promise<TranslationCoverageView> {
    const manager = this.dataSource.manager;
    const [{ total, originals }, translated] = await Promise.all([this.translations.practicesOfEdition(manager, editionId), this.translations.coverage(manager, editionId)]);
    const languages = [...new Set([...INTERFACE_LANGUAGES, ...Object.keys(originals), ...translated.map((row) => row.language)])];
    return {
      editionId,
      languages: languages.map((language) => {
        const row = translated.find((candidate) => candidate.language === language);
        return { language, covered: (originals[language] ?? 0) + (row?.translated ?? 0), outdated: row?.outdated ?? 0, total };
      }),
    };
  }

  /** The practice's original, locked with its edition: translations close when scoring opens; the original's language is not a translation. */
  private async writable(manager: EntityManager, practiceId: string, language: string): Promise<PracticeOriginalRow> {
    const original = await this.translations.original(manager, practiceId, true);
    if (!original) throw new NotFoundError('Practice');
    if (translationsClosed(original)) {
      throw new ConflictError('wrong_stage', `Translations are added and edited until scoring opens (the edition is in ${original.stage})`, { stage: original.stage });
    }
    if (language === original.originalLanguage) throw new InvalidInputError('lang', `is the language of the original (${language}); edit the practice itself`);
    return original;
  }
}
