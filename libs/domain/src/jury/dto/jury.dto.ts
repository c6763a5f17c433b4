// Request and response shapes of the jury stage.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CONFLICT_REASON_CODES, ConflictReasonCode } from '../conflicts.access';
import { PracticeView } from '../../reports/dto/report.dto';

export class CriteriaScoresDto {
  @ApiProperty({ minimum: 1, description: 'Integer 1..scaleMax (edition setting, default 5)' })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10, { message: 'must be at most the edition’s scale maximum' })
  comprehensiveness!: number;

  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10, { message: 'must be at most the edition’s scale maximum' })
  longTerm!: number;

  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10, { message: 'must be at most the edition’s scale maximum' })
  governmentEngagement!: number;

  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10, { message: 'must be at most the edition’s scale maximum' })
  effectiveness!: number;
}

export class PutScoreDto {
  @ApiProperty({ type: CriteriaScoresDto })
  @IsDefined({ message: 'is required: { comprehensiveness, longTerm, governmentEngagement, effectiveness }' })
  @IsObject({ message: 'must be an object with the four criteria' })
  @ValidateNested()
  @Type(() => CriteriaScoresDto)
  criteria!: CriteriaScoresDto;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  comment?: string;
}

export class DeclareConflictDto {
  @ApiProperty({ example: 'I worked for this city office until 2014.' })
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must say why (at least 3 characters)' })
  @MaxLength(2000)
  reason!: string;
}

export const RESULT_METHODS = ['mean', 'median', 'zscore', 'borda'] as const;
export type ResultMethod = (typeof RESULT_METHODS)[number];

export const BALLOT_LANGUAGES = ['pl', 'en', 'uk'] as const;
export type BallotLanguage = (typeof BALLOT_LANGUAGES)[number];

export class BallotQuery {
  @ApiPropertyOptional({ enum: BALLOT_LANGUAGES, description: 'Language of the criteria texts and of the practices’ titles and descriptions (where translated; else the original, marked so); default: the account’s locale' })
  @IsOptional()
  @IsIn(BALLOT_LANGUAGES, { message: `must be one of ${BALLOT_LANGUAGES.join(', ')}` })
  lang?: BallotLanguage;
}

export class ResultsQuery {
  @ApiPropertyOptional({ enum: RESULT_METHODS, default: 'mean' })
  @IsOptional()
  @IsIn(RESULT_METHODS, { message: `must be one of ${RESULT_METHODS.join(', ')}` })
  method: ResultMethod = 'mean';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  categoryId?: string;

  @ApiPropertyOptional({ description: 'Practices with fewer scores than this are flagged in coverage', default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(100)
  minScores: number = 3;
}

export class ResultsExportQuery {
  @ApiPropertyOptional({ enum: RESULT_METHODS, default: 'mean', description: 'Method of the ranking sheet' })
  @IsOptional()
  @IsIn(RESULT_METHODS, { message: `must be one of ${RESULT_METHODS.join(', ')}` })
  method: ResultMethod = 'mean';

  @ApiPropertyOptional({ format: 'uuid', description: 'Rank only the practices of this category' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  categoryId?: string;

  @ApiPropertyOptional({ enum: BALLOT_LANGUAGES, description: 'Language of the headers and words; default: the account’s locale (else Polish)' })
  @IsOptional()
  @IsIn(BALLOT_LANGUAGES, { message: `must be one of ${BALLOT_LANGUAGES.join(', ')}` })
  lang?: BallotLanguage;
}

export class MyScoreView {
  @ApiProperty({ type: CriteriaScoresDto }) criteria!: CriteriaScoresDto;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class BallotItem {
  @ApiProperty({ type: PracticeView }) practice!: PracticeView;
  @ApiProperty({ type: MyScoreView, nullable: true }) myScore!: MyScoreView | null;
}

export class CriterionText {
  @ApiProperty({ enum: ['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness'] }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The guiding question' }) question!: string;
}

export class BallotProgress {
  @ApiProperty() scored!: number;
  @ApiProperty() total!: number;
}

export class BallotView {
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scoringDueAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The caller’s own deadline: scoringDueAt, or a later personal extension' })
  myScoringDueAt!: Date | null;
  @ApiProperty() scaleMax!: number;
  @ApiProperty({ type: [CriterionText], description: 'Criteria with their names and guiding questions in the juror’s language' })
  criteria!: { key: string; name: string; question: string }[];
  @ApiProperty({ type: BallotProgress, description: 'n of m practices scored' }) progress!: { scored: number; total: number };
  @ApiProperty({ type: [BallotItem] }) items!: BallotItem[];
  @ApiProperty({ type: [String], description: 'Practices the juror declared a conflict on (not on the ballot)' }) recusedPracticeIds!: string[];
  @ApiProperty({
    description: "How many practices are not on the ballot for the juror's tie to their city (their own city, or one they are expert or official of)",
  })
  cityTiedPractices!: number;

  @ApiProperty({ description: 'The edition assigns practices: the ballot holds only those assigned to the juror (directly or through a panel)' })
  byAssignment!: boolean;
}

export class ResultRow {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ description: 'Ties share a rank (1, 2, 2, 4)' }) rank!: number;
  @ApiProperty({ description: 'Jurors whose scores count' }) n!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'Mean of each criterion' })
  perCriterion!: Record<string, number | null>;
  @ApiProperty({ type: Number, nullable: true, description: 'Sample standard deviation of the weighted scores' }) stddev!: number | null;
}

export class FlaggedPractice {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() n!: number;
}

export class ResultsCoverage {
  @ApiProperty() minScores!: number;
  @ApiProperty({ description: 'Practices with at least minScores scores' }) complete!: number;
  @ApiProperty({ type: [FlaggedPractice] }) flagged!: FlaggedPractice[];
}

export class ResultsView {
  @ApiProperty({ enum: RESULT_METHODS }) method!: ResultMethod;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId!: string | null;
  @ApiProperty({ type: [ResultRow] }) items!: ResultRow[];
  @ApiProperty({ type: ResultsCoverage }) coverage!: { minScores: number; complete: number; flagged: { practiceId: string; n: number }[] };
}

/** The juror's own declaration, as recorded. */
export class DeclaredConflictView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) declaredAt!: Date;
}

/** A declared conflict of interest as coordinators list them. */
export class EditionConflictView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() practiceTitle!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() jurorName!: string;
  @ApiProperty({
    enum: CONFLICT_REASON_CODES,
    enumName: 'ConflictReasonCode',
    description: 'Why: declared by the juror, or a tie to the practice’s city (the juror’s city, its expert in this edition, its official)',
  })
  reasonCode!: ConflictReasonCode;
  @ApiProperty({ description: 'The juror’s words for a declared conflict; a sentence naming the tie otherwise' }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was declared, or since when the tie exists' }) declaredAt!: Date;
}

export class JurorProgressView {
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The city the juror is tied to' }) cityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cityName!: string | null;
  @ApiProperty({ description: 'Practices of the juror’s ballot scored so far' }) scored!: number;
  @ApiProperty({ description: 'Practices on the juror’s ballot' }) total!: number;
  @ApiProperty({ description: 'Conflicts the juror declared' }) conflicts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the juror last scored or changed a score of this edition (null before the first)' })
  lastScoredAt!: string | null;
}

export class AlphaView {
  @ApiProperty({ type: Number, nullable: true, description: 'null when undefined: fewer than two pairable values, or no variation at all' })
  alpha!: number | null;
  @ApiProperty({ description: 'Number of pairable values' }) pairable!: number;
  @ApiProperty({ description: 'Practices with at least two values' }) units!: number;
}

export class CriteriaAlphaView {
  @ApiProperty({ type: AlphaView }) comprehensiveness!: AlphaView;
  @ApiProperty({ type: AlphaView }) longTerm!: AlphaView;
  @ApiProperty({ type: AlphaView }) governmentEngagement!: AlphaView;
  @ApiProperty({ type: AlphaView }) effectiveness!: AlphaView;
}

export class AgreementView {
  @ApiProperty({ type: AlphaView, description: 'Over the weighted score' }) overall!: AlphaView;
  @ApiProperty({ type: CriteriaAlphaView }) perCriterion!: CriteriaAlphaView;
  @ApiProperty({ description: 'Jurors whose scores count' }) jurors!: number;
  @ApiProperty({ description: 'Practices with counted scores' }) practices!: number;
}
