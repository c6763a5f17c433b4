// The edition's translation work list for its coordinators and translators: every translatable text
// with its status per language (original, current, outdated, missing) and whether it is still editable.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@app/core';
import { EditionStage, isAtOrAfter } from '../editions/edition-stage';
import { TranslationCoverageView } from '../practices/dto/practice-translation.dto';
import { INTERFACE_LANGUAGES, PracticeTranslationsService } from '../practices/practice-translations.service';
import { TranslationItemsView, TranslationItemVersion } from './translation-items.dto';
import { TranslationItemKind, TranslationItemRow, TranslationItemsRepository } from './translation-items.repository';

/** The rule of the translation services: every kind closes when scoring opens, except citations (never). */
export function translationEditable(kind: TranslationItemKind, stage: EditionStage): boolean {
  return kind === 'awardCitation' || !isAtOrAfter(stage, 'juryScoring');
}

export function versionsOf(item: TranslationItemRow, languages: readonly string[]): TranslationItemVersion[] {
  return languages.map((language) => {
    if (language === item.originalLanguage) return { language, status: 'original', providedAt: null, providedByName: null };
    const translation = item.translations.find((row) => row.language === language);
    if (!translation) return { language, status: 'missing', providedAt: null, providedByName: null };
    return { language, status: translation.outdated ? 'outdated' : 'current', providedAt: translation.providedAt, providedByName: translation.providedByName };
  });
}

@Injectable()
export class TranslationItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TranslationItemsRepository,
    private readonly practices: PracticeTranslationsService,
  ) {}

  /** Per language, what a juror reads: the practices (GET translation-coverage's first fields), the summaries and the categories. */
  async coverage(editionId: string): Promise<TranslationCoverageView> {
    const practices = await this.practices.coverage(editionId);
    const others = await this.repository.otherTextsCoverage(this.dataSource.manager, editionId, practices.languages.map((row) => row.language));
    return {
      ...practices,
      languages: practices.languages.map((row) => {
        const other = others.find((candidate) => candidate.language === row.language);
        return {
          ...row,
          summaries: { covered: other?.summariesCovered ?? 0, outdated: other?.summariesOutdated ?? 0, total: other?.summariesTotal ?? 0 },
          categories: { covered: other?.categoriesCovered ?? 0, outdated: other?.categoriesOutdated ?? 0, total: other?.categoriesTotal ?? 0 },
        };
      }),
    };
  }

  async list(editionId: string): Promise<TranslationItemsView> {
    const manager = this.dataSource.manager;
    const stage = await this.repository.stage(manager, editionId);
    if (!stage) throw new NotFoundError('Edition');
    const rows = await this.repository.items(manager, editionId);
    const languages = [...new Set<string>([...INTERFACE_LANGUAGES, ...rows.map((row) => row.originalLanguage), ...rows.flatMap((row) => row.translations.map((t) => t.language))])];
    return {
      editionId,
      stage,
      languages,
      items: rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        label: row.label,
        context: row.context,
        originalLanguage: row.originalLanguage,
        originalChangedAt: row.originalChangedAt,
        submitted: row.submitted,
        editable: translationEditable(row.kind, stage),
        versions: versionsOf(row, languages),
      })),
    };
  }
}
