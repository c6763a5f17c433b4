// Request and response shapes of editions, categories and assignments.
import { RequiredText } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { textVersionProperty, TextVersion } from '../../text-translations/text-translation.dto';
import { EDITION_STAGES, EditionStage, TRANSITION_BLOCKER_CODES, TRANSITION_WARNING_CODES, TransitionBlockerCode, TransitionWarningCode } from '../edition-stage';

export class CeremonyDto {
  @ApiProperty({ example: '2015-05-14T15:30:00+02:00', description: 'Date and time with zone' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time with zone' })
  startsAt!: string;

  @ApiProperty({ example: 'Synagoga pod Białym Bocianem' })
  @RequiredText(300)
  venue!: string;

  @ApiProperty({ example: 'Wrocław' })
  @RequiredText(120)
  city!: string;
}

export class CreateEditionDto {
  @ApiProperty({ example: 2015 })
  @IsInt({ message: 'must be an integer year' })
  @Min(2000, { message: 'must be 2000 or later' })
  @Max(2100, { message: 'must be 2100 or earlier' })
  year!: number;

  @ApiProperty({ example: 'Miasta Otwarte 2015' })
  @RequiredText(200)
  name!: string;

  @ApiPropertyOptional({ type: CeremonyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CeremonyDto)
  ceremony?: CeremonyDto;

  @ApiPropertyOptional({ description: 'Deadline for expert reports' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time with zone' })
  reportsDueAt?: string;

  @ApiPropertyOptional({ description: 'Deadline for jury scores' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time with zone' })
  scoringDueAt?: string;
}

export class WeightsDto {
  @ApiProperty() @IsNumber({}, { message: 'must be a number' }) @Min(0, { message: 'must not be negative' }) @Max(100) comprehensiveness!: number;
  @ApiProperty() @IsNumber({}, { message: 'must be a number' }) @Min(0, { message: 'must not be negative' }) @Max(100) longTerm!: number;
  @ApiProperty() @IsNumber({}, { message: 'must be a number' }) @Min(0, { message: 'must not be negative' }) @Max(100) governmentEngagement!: number;
  @ApiProperty() @IsNumber({}, { message: 'must be a number' }) @Min(0, { message: 'must not be negative' }) @Max(100) effectiveness!: number;
}

export class ScoringSettingsDto {
  @ApiPropertyOptional({ minimum: 3, maximum: 10, default: 5 })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(3, { message: 'must be at least 3' })
  @Max(10, { message: 'must be at most 10' })
  scaleMax?: number;

  @ApiPropertyOptional({ type: WeightsDto, description: 'Relative weight of each criterion (default equal)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;
}

export class ReminderSettingsDto {
  @ApiPropertyOptional({ description: 'Days before reportsDueAt to remind experts', default: 3 })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(0) @Max(60)
  reportsDays?: number;

  @ApiPropertyOptional({ description: 'Days before scoringDueAt to remind jurors', default: 1 })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(0) @Max(60)
  scoringDays?: number;
}

export class UpdateEditionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time with zone, or null' })
  reportsDueAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time with zone, or null' })
  scoringDueAt?: string | null;

  @ApiPropertyOptional({ type: CeremonyDto, nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @ValidateNested()
  @Type(() => CeremonyDto)
  ceremony?: CeremonyDto | null;

  @ApiPropertyOptional({ type: ScoringSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoringSettingsDto)
  scoring?: ScoringSettingsDto;

  @ApiPropertyOptional({ type: ReminderSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReminderSettingsDto)
  reminders?: ReminderSettingsDto;
}

export class TransitionDto {
  @ApiProperty({ enum: EDITION_STAGES })
  @IsIn(EDITION_STAGES, { message: `must be one of ${EDITION_STAGES.join(', ')}` })
  to!: EditionStage;
}

export class CeremonyView {
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: Date;
  @ApiProperty() venue!: string;
  @ApiProperty() city!: string;
}

export class WeightsView {
  @ApiProperty() comprehensiveness!: number;
  @ApiProperty() longTerm!: number;
  @ApiProperty() governmentEngagement!: number;
  @ApiProperty() effectiveness!: number;
}

export class ScoringView {
  @ApiProperty() scaleMax!: number;
  @ApiProperty({ type: WeightsView }) weights!: WeightsView;
}

export class RemindersView {
  @ApiProperty() reportsDays!: number;
  @ApiProperty() scoringDays!: number;
}

export class EditionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: EDITION_STAGES }) stage!: EditionStage;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportsDueAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scoringDueAt!: Date | null;
  @ApiProperty({ type: CeremonyView, nullable: true }) ceremony!: CeremonyView | null;
  @ApiProperty({ type: ScoringView }) scoring!: { scaleMax: number; weights: WeightsDto };
  @ApiProperty({ type: RemindersView }) reminders!: { reportsDays: number; scoringDays: number };
  @ApiProperty({ enum: EDITION_STAGES, isArray: true, description: 'Stages this edition may move to next' })
  allowedTransitions!: EditionStage[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class TransitionBlockerParamsView {
  @ApiPropertyOptional({ description: 'unchecked_practices: submitted practices still without an eligibility decision' }) count?: number;
  @ApiPropertyOptional({ description: 'too_few_jurors: jurors assigned now' }) now?: number;
  @ApiPropertyOptional({ description: 'too_few_jurors: jurors the jury needs at least' }) required?: number;
}

export class TransitionBlockerView {
  @ApiProperty({ enum: TRANSITION_BLOCKER_CODES, enumName: 'TransitionBlockerCode', description: 'Stable reason, for clients to translate' })
  code!: TransitionBlockerCode;
  @ApiProperty({ description: 'The reason in English, as in blockers' }) message!: string;
  @ApiPropertyOptional({ type: TransitionBlockerParamsView, description: 'The numbers the message mentions' }) params?: TransitionBlockerParamsView;
}

export class JurorBallotCountView {
  @ApiProperty({ description: "The juror's name" }) name!: string;
  @ApiProperty({ description: 'Practices of the ballot scored' }) scored!: number;
  @ApiProperty({ description: 'Practices on the ballot (without the juror\'s conflicts)' }) total!: number;
}

export class LanguageGapView {
  @ApiProperty({ example: 'uk', description: "A language of a juror's account" }) language!: string;
  @ApiProperty({ description: 'Practices before the jury with neither an original nor a translation in it' }) missing!: number;
  @ApiProperty({ description: 'Practices before the jury' }) total!: number;
  @ApiPropertyOptional({ description: 'Summaries of the reports before the jury with neither an original nor a translation in it' }) summariesMissing?: number;
  @ApiPropertyOptional({ description: 'Summaries of the reports before the jury' }) summariesTotal?: number;
  @ApiPropertyOptional({ description: 'The edition’s categories whose name or description has neither an original nor a translation in it' }) categoriesMissing?: number;
  @ApiPropertyOptional({ description: 'The edition’s categories' }) categoriesTotal?: number;
}

export class TransitionWarningParamsView {
  @ApiPropertyOptional({ description: 'How many cities or jurors the warning names (for plural forms)' }) count?: number;
  @ApiPropertyOptional({ type: [String], description: "reports_not_started, reports_not_submitted: the cities' names" }) cities?: string[];
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'reports_deadline_ahead, scoring_deadline_ahead: the deadline not yet passed' }) dueAt?: string;
  @ApiPropertyOptional({ type: [JurorBallotCountView], description: 'ballots_incomplete: the jurors with practices left to score' }) jurors?: JurorBallotCountView[];
  @ApiPropertyOptional({ type: [LanguageGapView], description: "translations_missing: the jurors' languages not covered" }) languages?: LanguageGapView[];
}

export class TransitionWarningView {
  @ApiProperty({ enum: TRANSITION_WARNING_CODES, enumName: 'TransitionWarningCode', description: 'Stable code, for clients to translate' })
  code!: TransitionWarningCode;
  @ApiProperty({ description: 'The warning in English' }) message!: string;
  @ApiProperty({ type: TransitionWarningParamsView, description: 'The names and numbers the warning is about' }) params!: TransitionWarningParamsView;
}

export class TransitionOption {
  @ApiProperty({ enum: EDITION_STAGES }) to!: EditionStage;
  @ApiProperty() ready!: boolean;
  @ApiProperty({ type: [String], description: 'Why the move is not possible yet, in English (the messages of blockerDetails)' }) blockers!: string[];
  @ApiProperty({ type: [TransitionBlockerView], description: 'The same reasons with their codes, in the same order' }) blockerDetails!: TransitionBlockerView[];
  @ApiProperty({ type: [TransitionWarningView], description: 'What the coordinator should know before the move (work left, deadlines ahead); never blocks it' })
  warnings!: TransitionWarningView[];
}

/** The 409 of POST /editions/:id/transitions. */
export class TransitionConflictBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({ example: 'transition_blocked', description: 'invalid_transition, transition_blocked or stage_changed (moved meanwhile)' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ enum: EDITION_STAGES, description: 'invalid_transition, transition_blocked: the current stage' }) from?: EditionStage;
  @ApiPropertyOptional({ enum: EDITION_STAGES, description: 'invalid_transition, transition_blocked: the stage asked for' }) to?: EditionStage;
  @ApiPropertyOptional({ enum: EDITION_STAGES, isArray: true, description: 'invalid_transition: the stages it may move to' }) allowed?: EditionStage[];
  @ApiPropertyOptional({ type: [String], description: 'transition_blocked: why, in English' }) blockers?: string[];
  @ApiPropertyOptional({ type: [TransitionBlockerView], description: 'transition_blocked: why, with codes' }) blockerDetails?: TransitionBlockerView[];
}

export class StageHistoryEntry {
  @ApiProperty({ enum: EDITION_STAGES }) from!: EditionStage;
  @ApiProperty({ enum: EDITION_STAGES }) to!: EditionStage;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ type: String, nullable: true, description: 'Why the coordinator stepped the edition back (null for a move forward)' }) reason!: string | null;
}

export class TransitionsView {
  @ApiProperty({ enum: EDITION_STAGES }) stage!: EditionStage;
  @ApiProperty({ type: [TransitionOption] }) next!: TransitionOption[];
  @ApiProperty({ type: [StageHistoryEntry] }) history!: StageHistoryEntry[];
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'Miejski punkt obsługi cudzoziemców' })
  @RequiredText(300)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { en: 'City service point for foreigners', uk: 'Міський пункт обслуговування іноземців' },
    description: 'Name per locale',
  })
  @IsOptional()
  @IsObject({ message: 'must be an object of locale → name' })
  translations?: Record<string, string>;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: 'Miejski punkt obsługi cudzoziemców' })
  @IsOptional()
  @RequiredText(300)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString({ message: 'must be text or null' })
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { en: 'City service point for foreigners', uk: 'Міський пункт обслуговування іноземців' },
    description: 'Name per locale; replaces the translations given before',
  })
  @IsOptional()
  @IsObject({ message: 'must be an object of locale → name' })
  translations?: Record<string, string>;

  @ApiPropertyOptional({ minimum: 0, description: 'Place in the edition’s list, from 0; the others shift to make room' })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0' })
  @Max(1000)
  position?: number;
}

export class CategoryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Name per locale' }) translations!: Record<string, string>;
  @ApiProperty() position!: number;
  @textVersionProperty('description') descriptionVersion?: TextVersion;
}

export class AssignExpertDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) cityId!: string;
}

export class AssignJurorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) userId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The city the juror is tied to (conflict of interest on its practices)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  cityId?: string;

  @ApiPropertyOptional({ example: 'Kenya' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(100)
  countryOfOrigin?: string;

  @ApiPropertyOptional({ example: ['en', 'pl'], description: 'ISO 639-1 codes' })
  @IsOptional()
  @IsArray({ message: 'must be a list of language codes' })
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'must hold ISO 639 language codes such as en or pl' })
  languages?: string[];
}

export class AssignOfficialDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) userId!: string;
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid', description: 'The assignment id (for DELETE)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cityName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) countryOfOrigin?: string | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) languages?: string[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Experts and jurors: a personal deadline later than the edition’s' })
  extendedDueAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the deadline was extended' }) extensionReason!: string | null;
}

export class CreateCityDto {
  @ApiProperty({ example: 'Łódź' })
  @RequiredText(120)
  name!: string;

  @ApiPropertyOptional({ example: 'łódzkie' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(120)
  region?: string;
}

export class CityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
}

export class EditionPage {
  @ApiProperty({ type: [EditionView] }) items!: EditionView[];
  @ApiProperty() total!: number;
}

export class CityPage {
  @ApiProperty({ type: [CityView] }) items!: CityView[];
  @ApiProperty() total!: number;
}
