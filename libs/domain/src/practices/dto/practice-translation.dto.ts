// Request and response shapes of content translations: a practice's title and description per language.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { RequiredText } from '@app/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A language code: ISO 639-1 (pl, en, uk) or 639-3 for a language added later. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const LANGUAGE_MESSAGE = 'must be a language code such as pl, en or uk';

export class ContentLanguageQuery {
  @ApiPropertyOptional({ example: 'uk', description: 'The language to read the content in; default: the account’s locale (public routes: the original). Where no translation exists the original is returned, marked so.' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: LANGUAGE_MESSAGE })
  lang?: string;
}

/** The route parameters of one translation: the practice and the language. */
export class TranslationLanguageParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;

  @ApiProperty({ example: 'uk' })
  @Matches(LANGUAGE_CODE, { message: LANGUAGE_MESSAGE })
  lang!: string;
}

export class PutPracticeTranslationDto {
  @ApiProperty({ example: 'Міський пункт обслуговування іноземців' })
  @Transform(trim)
  @RequiredText(300)
  title!: string;

  @ApiProperty()
  @RequiredText(20_000)
  description!: string;
}

export class OriginalText {
  @ApiProperty({ example: 'pl' }) language!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
}

/** Who provided a version of a text, in which language and when: the original's and each translation's. */
export class ContentVersionProvenance {
  @ApiProperty({ example: 'uk' }) language!: string;
  @ApiProperty({ description: 'True for the original, false for a translation' }) original!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who provided it (the original: the report’s expert; null once the account is gone)' })
  providedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) providedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was provided (the original: its last change)' }) providedAt!: Date;
}

export class PracticeTranslationView extends ContentVersionProvenance {
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'The original’s title or description changed after this translation was provided' }) outdated!: boolean;
}

export class PracticeOriginalView extends ContentVersionProvenance {
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
}

export class PracticeTranslationsView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty({ type: PracticeOriginalView }) original!: PracticeOriginalView;
  @ApiProperty({ type: [PracticeTranslationView] }) translations!: PracticeTranslationView[];
  @ApiProperty({ description: 'Whether translations may still be added and edited (until scoring opens)' }) editable!: boolean;
}

export class CoverageCount {
  @ApiProperty({ description: 'Readable in this language: written in it, or translated into it' }) covered!: number;
  @ApiProperty({ description: 'Of the translations counted, those whose original changed since' }) outdated!: number;
  @ApiProperty() total!: number;
}

export class LanguageCoverage {
  @ApiProperty({ example: 'uk' }) language!: string;
  @ApiProperty({ description: 'Practices readable in this language: written in it, or translated into it' }) covered!: number;
  @ApiProperty({ description: 'Of the translations counted, those whose original changed since' }) outdated!: number;
  @ApiProperty({ description: 'The edition’s submitted practices' }) total!: number;
  @ApiPropertyOptional({ type: CoverageCount, description: 'The submitted reports’ summaries (those written)' }) summaries?: CoverageCount;
  @ApiPropertyOptional({ type: CoverageCount, description: 'The edition’s categories: name and description (if any) both readable in this language' }) categories?: CoverageCount;
}

export class TranslationCoverageView {
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ type: [LanguageCoverage], description: 'pl, en, uk, and any other language a translation exists in' }) languages!: LanguageCoverage[];
}

/** What a read in a chosen language says about the version it returns (added to practice views). */
export interface ContentVersionMeta {
  language: string;
  originalLanguage: string;
  translated: boolean;
  outdated: boolean;
  requestedLanguage: string | null;
  original: OriginalText | null;
}

export class AssignTranslatorDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  userId!: string;
}

/** The route parameters of one translation of a report's summary. */
export class ReportTranslationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;

  @ApiProperty({ example: 'uk' })
  @Matches(LANGUAGE_CODE, { message: LANGUAGE_MESSAGE })
  lang!: string;
}

export class PutReportTranslationDto {
  @ApiProperty()
  @RequiredText(50_000)
  summary!: string;
}

export class ReportSummaryTranslationView extends ContentVersionProvenance {
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'The original summary changed after this translation was provided' }) outdated!: boolean;
}

export class ReportSummaryOriginalView extends ContentVersionProvenance {
  @ApiProperty() summary!: string;
}

export class ReportTranslationsView {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ type: ReportSummaryOriginalView }) original!: ReportSummaryOriginalView;
  @ApiProperty({ type: [ReportSummaryTranslationView] }) translations!: ReportSummaryTranslationView[];
  @ApiProperty({ description: 'Whether translations may still be added and edited (until scoring opens)' }) editable!: boolean;
}

/** What a read of a report's summary in a chosen language says about the version it returns. */
export interface SummaryVersionMeta {
  language: string;
  originalLanguage: string;
  translated: boolean;
  outdated: boolean;
  requestedLanguage: string | null;
  originalSummary: string | null;
}
