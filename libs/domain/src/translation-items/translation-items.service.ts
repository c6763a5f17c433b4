// The edition's translation work list for its coordinators and translators: every translatable text
// with its status per language (original, current, outdated, missing) and whether it is still editable.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@app/core';
import { EditionStage, isAtOrAfter } from '../editions/edition-stage';
import { INTERFACE_LANGUAGES } from '../practices/practice-translations.service';
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
  ) {}

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
