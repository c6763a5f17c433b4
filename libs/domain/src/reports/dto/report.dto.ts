// Request and response shapes of the expert stage.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ListQuery, RequiredText } from '@app/core';
import { AwardPracticeRef } from '../../decisions/dto/decisions.dto';
import { CertificateRef } from '../../certificates/dto/certificate.dto';
import { CityView } from '../../editions/dto/edition.dto';
import { LANGUAGE_CODE, OriginalText } from '../../practices/dto/practice-translation.dto';
import { EDITION_STAGES, EditionStage } from '../../editions/edition-stage';
import { FollowUpView } from './follow-up.dto';
import { PRACTICE_STATUSES, PracticeStatus, REPORT_STATUSES, ReportStatus } from '../report.entity';

export * from './follow-up.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateReportDto {
  @ApiProperty({ format: 'uuid', description: 'The city the expert is assigned to' })
  @IsUUID('all', { message: 'must be a UUID' })
  cityId!: string;
}

export class UpdateReportDto {
  @ApiProperty({ description: 'The report’s overview of the city government’s work for migrants' })
  @IsString({ message: 'must be text' })
  @MaxLength(50_000, { message: 'must be at most 50000 characters' })
  summary!: string;
}

export class CreatePracticeDto {
  @ApiProperty({ example: 'Miejski punkt obsługi cudzoziemców' })
  @Transform(trim)
  @RequiredText(300)
  title!: string;

  @ApiProperty()
  @RequiredText(20_000)
  description!: string;

  @ApiProperty({ type: [String], example: ['Biuro Obsługi Mieszkańców Urzędu Miasta Lublin'] })
  @IsArray({ message: 'must be a list of unit names' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'must hold unit names' })
  @MinLength(1, { each: true, message: 'must not hold empty names' })
  @MaxLength(300, { each: true })
  recipientUnits!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Categories of the same edition' })
  @IsArray({ message: 'must be a list of category ids' })
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must hold category ids' })
  categoryIds!: string[];

  @ApiPropertyOptional({ example: '2013-10-01', format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2014-03-01' })
  startedOn?: string;

  @ApiPropertyOptional({ type: [String], example: ['https://lublin.eu/'] })
  @IsOptional()
  @IsArray({ message: 'must be a list of URLs' })
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'must hold http(s) URLs' })
  links?: string[];
}

export class UpdatePracticeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @RequiredText(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(20_000)
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'must be a list of unit names' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'must hold unit names' })
  @MaxLength(300, { each: true })
  recipientUnits?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'must be a list of category ids' })
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @IsUUID('all', { each: true, message: 'must hold category ids' })
  categoryIds?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2014-03-01' })
  startedOn?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'must be a list of URLs' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'must hold http(s) URLs' })
  links?: string[];
}

export class EligibilityDto {
  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  eligible!: boolean;

  @ApiPropertyOptional({ description: 'Required when eligible is false' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  reason?: string;
}

export class EditionPracticesQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  categoryId?: string;

  @ApiPropertyOptional({ enum: PRACTICE_STATUSES })
  @IsOptional()
  @IsIn(PRACTICE_STATUSES, { message: `must be one of ${PRACTICE_STATUSES.join(', ')}` })
  status?: PracticeStatus;

  @ApiPropertyOptional({ example: 'uk', description: 'The language to read titles and descriptions in; default: the account’s locale. Where no translation exists the original is returned, marked so.' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'must be a language code such as pl, en or uk' })
  lang?: string;
}

export class CityStatusQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One edition; all editions when omitted' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  editionId?: string;
}

export class CategoryRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'In Polish' }) name!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { en: 'Immigrant-friendly space', uk: 'Простір, дружній до іммігрантів' }, description: 'The name in other languages, by language code' })
  translations?: Record<string, string>;
}

export class PracticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) recipientUnits!: string[];
  @ApiProperty({ type: [CategoryRef] }) categories!: CategoryRef[];
  @ApiProperty({ type: String, nullable: true, format: 'date' }) startedOn!: string | null;
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ enum: PRACTICE_STATUSES }) status!: PracticeStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) eligibilityReason?: string | null;
  @ApiPropertyOptional({ example: 'uk', description: 'The language of the title and description returned' }) language?: string;
  @ApiPropertyOptional({ example: 'pl', description: 'The language its expert wrote it in' }) originalLanguage?: string;
  @ApiPropertyOptional({ description: 'The title and description are a translation (else the original)' }) translated?: boolean;
  @ApiPropertyOptional({ description: 'A translation made before the original last changed' }) outdated?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The language asked for (`lang`, else the account’s locale); differs from `language` when no translation exists' }) requestedLanguage?: string | null;
  @ApiPropertyOptional({ type: OriginalText, nullable: true, description: 'The original, when a translation is returned (for "show original")' }) original?: OriginalText | null;
}

export class ReportFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

/** What a juror reads beside a practice: its report's summary and evidence files (no other practices, no decisions). */
export class PracticeEvidenceView {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ description: 'The report’s overview of the city government’s work for migrants' }) summary!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: [ReportFileView], description: 'Download each from GET /api/reports/{reportId}/files/{id}' }) files!: ReportFileView[];
  @ApiPropertyOptional({ example: 'uk', description: 'The language of the summary returned' }) language?: string;
  @ApiPropertyOptional({ example: 'pl', description: 'The language the expert wrote the summary in' }) originalLanguage?: string;
  @ApiPropertyOptional({ description: 'The summary is a translation (else the original)' }) translated?: boolean;
  @ApiPropertyOptional({ description: 'A translation made before the original summary last changed' }) outdated?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The language asked for (`lang`, else the account’s locale)' }) requestedLanguage?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The original summary, when a translation is returned' }) originalSummary?: string | null;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a coordinator last reopened the report for a correction' }) reopenReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reopenedAt!: Date | null;
  @ApiProperty({ type: [PracticeView] }) practices!: PracticeView[];
  @ApiProperty({ type: [ReportFileView] }) files!: ReportFileView[];
  @ApiProperty({ type: [FollowUpView] }) followUps!: FollowUpView[];
}

export class CreatedReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['draft'], description: 'A new report is always a draft' }) status!: 'draft';
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
}

export class PracticePage {
  @ApiProperty({ type: [PracticeView] }) items!: PracticeView[];
  @ApiProperty() total!: number;
}

/** The statuses a practice's history records for officials: submission and the eligibility decision. */
export const CITY_HISTORY_STATUSES = ['submitted', 'eligible', 'ineligible'] as const;
export type CityHistoryStatus = (typeof CITY_HISTORY_STATUSES)[number];

export class PracticeStatusChange {
  @ApiProperty({ enum: CITY_HISTORY_STATUSES }) status!: CityHistoryStatus;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
}

export class CityStatusPractice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [CategoryRef] }) categories!: CategoryRef[];
  @ApiProperty({ type: [String] }) recipientUnits!: string[];
  @ApiProperty({ enum: PRACTICE_STATUSES, description: 'Distinguished or not shows only once the edition is published (eligible until then)' })
  status!: PracticeStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Only for ineligible practices' }) eligibilityReason!: string | null;
  @ApiProperty({ type: [PracticeStatusChange] }) history!: PracticeStatusChange[];
}

export class CityStatusAward {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @ApiProperty({ type: [CategoryRef] }) categories!: CategoryRef[];
  @ApiProperty({ type: [AwardPracticeRef] }) practices!: AwardPracticeRef[];
  @ApiProperty({ type: [CertificateRef], description: 'Certificates in force (pl, en, uk)' }) certificates!: CertificateRef[];
}

export class CityStatusReport {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: Date | null;
}

export class CityStatusEdition {
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: EDITION_STAGES }) stage!: EditionStage;
  @ApiProperty({ type: CityStatusReport, nullable: true }) report!: CityStatusReport | null;
  @ApiProperty({ type: [CityStatusAward], description: 'Empty until the edition is published' }) awards!: CityStatusAward[];
  @ApiProperty({ type: [CityStatusPractice], description: 'Practices of the submitted report' }) practices!: CityStatusPractice[];
}

/** What an official follows of the city: no scores; decisions only once an edition is published. */
export class CityStatusView {
  @ApiProperty({ type: CityView }) city!: CityView;
  @ApiProperty({ type: [CityStatusEdition], description: 'Editions past draft, newest first' }) editions!: CityStatusEdition[];
}

/** The caller's report in one assignment: its status only, so nothing is masked (no practice statuses). */
export class MyReportSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a coordinator last reopened the report for a correction' }) reopenReason!: string | null;
  @ApiProperty({ description: 'Practices in the report' }) practiceCount!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

/** One expert grant of the caller (an edition and a city), with the report when it has been started. */
export class MyReportAssignment {
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty() editionYear!: number;
  @ApiProperty() editionName!: string;
  @ApiProperty({ enum: EDITION_STAGES }) editionStage!: EditionStage;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportsDueAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The expert’s personal deadline when a coordinator extended it (later than reportsDueAt)' })
  extendedDueAt!: Date | null;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ type: MyReportSummary, nullable: true, description: 'null until the expert starts the report' }) report!: MyReportSummary | null;
}
