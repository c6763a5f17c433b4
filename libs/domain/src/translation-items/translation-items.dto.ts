// The edition's translation work list: every translatable text with its status per language.
import { ApiProperty } from '@nestjs/swagger';
import { TRANSLATION_ITEM_KINDS, TranslationItemKind } from './translation-items.repository';

export const TRANSLATION_STATUSES = ['original', 'current', 'outdated', 'missing'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export class TranslationItemVersion {
  @ApiProperty({ example: 'uk' }) language!: string;
  @ApiProperty({ enum: TRANSLATION_STATUSES, enumName: 'TranslationStatus', description: 'original: the text is written in this language; current / outdated: a translation made before or after the original last changed; missing: none' })
  status!: TranslationStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the translation was provided (null: original or missing)' }) providedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) providedByName!: string | null;
}

export class TranslationItemView {
  @ApiProperty({ enum: TRANSLATION_ITEM_KINDS, enumName: 'TranslationItemKind', description: 'Which translation routes edit it: practices/{id}, reports/{id} (summary), categories/{id} (description), awards/{id} (citation), follow-ups/{id} (note), categories/{id}/name-translations (categoryName: the category’s name; no provenance)' })
  kind!: TranslationItemKind;
  @ApiProperty({ format: 'uuid', description: 'The practice, report, category, award or follow-up' }) id!: string;
  @ApiProperty({ description: 'What to call it: the practice’s title, the city (summaries, notes), the category’s name, the award’s recipient' }) label!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The city it belongs to' }) context!: string | null;
  @ApiProperty({ example: 'pl' }) originalLanguage!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the original last changed' }) originalChangedAt!: Date;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Practices, summaries and notes: whether the report is submitted; null for the edition’s own texts' }) submitted!: boolean | null;
  @ApiProperty({ description: 'Whether its translations may still be added and edited (until scoring opens; citations: always)' }) editable!: boolean;
  @ApiProperty({ type: [TranslationItemVersion], description: 'One per language of `languages`' }) versions!: TranslationItemVersion[];
}

export class TranslationItemsView {
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ example: 'reportsOpen' }) stage!: string;
  @ApiProperty({ type: [String], example: ['pl', 'en', 'uk'], description: 'pl, en, uk, and any other language an original or a translation exists in' }) languages!: string[];
  @ApiProperty({ type: [TranslationItemView] }) items!: TranslationItemView[];
}
