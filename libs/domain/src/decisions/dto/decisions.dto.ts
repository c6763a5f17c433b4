// Request and response shapes of deliberation, awards and the public read API.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ListQuery, RequiredText } from '@app/core';
import { CertificateRef } from '../../certificates/dto/certificate.dto';
import { CeremonyView } from '../../editions/dto/edition.dto';
import { LANGUAGE_CODE, OriginalText } from '../../practices/dto/practice-translation.dto';
import { FOLLOW_UP_STATUSES, FollowUpStatus } from '../../reports/report.entity';
import { textVersionProperty, TextVersion } from '../../text-translations/text-translation.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateAwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  cityId!: string;

  @ApiPropertyOptional({ example: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', description: 'A named unit of the city government, if the distinction goes to one' })
  @IsOptional()
  @Transform(trim)
  @RequiredText(300)
  recipientUnit?: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'must be a list of category ids' })
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must hold category ids' })
  categoryIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Eligible practices of that city in this edition' })
  @IsArray({ message: 'must be a list of practice ids' })
  @ArrayMinSize(1, { message: 'must name at least one practice' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must hold practice ids' })
  practiceIds!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  citation?: string;
}

export class UpdateAwardDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(300)
  recipientUnit?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'must be a list of category ids' })
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @IsUUID('all', { each: true, message: 'must hold category ids' })
  categoryIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'must be a list of practice ids' })
  @ArrayMinSize(1, { message: 'must name at least one practice' })
  @IsUUID('all', { each: true, message: 'must hold practice ids' })
  practiceIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  citation?: string;
}

export class CreateNoteDto {
  @ApiProperty()
  @RequiredText(20_000)
  text!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A practice before the jury in this edition that the note is about' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  practiceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An award of this edition that the note is about (not together with practiceId)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  awardId?: string;
}

export class Ref {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AwardPracticeRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class AwardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ type: Ref }) city!: Ref;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: [Ref] }) categories!: Ref[];
  @ApiProperty({ type: [AwardPracticeRef] }) practices!: AwardPracticeRef[];
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @ApiProperty() position!: number;
}

export class CatalogueQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'City name (letters folded: "Lodz" = "Łódź") or id' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({ description: 'Category name or id' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(300)
  category?: string;

  @ApiPropertyOptional({ example: 2015 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year' })
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'uk', description: 'The language to read titles and descriptions in (where translated; else the original, marked so); default: the original' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'must be a language code such as pl, en or uk' })
  lang?: string;
}

export class DeliberationNoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The practice the note is linked to' }) practiceId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) practiceTitle?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The award the note is linked to' }) awardId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The award as named in lists: its unit, else its city' }) awardLabel?: string | null;
}

/** A juror's comment on a practice they scored, for the deliberation. */
export class JurorCommentView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() practiceTitle!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() jurorName!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

// ---- the public read API

/** The event the distinctions were given at, as the sources word it. */
export class PublicOccasionView {
  @ApiProperty({ example: 'IV Międzysektorowe Forum Lokalnych Polityk Migracyjnych' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'When, as the sources say it (a day range, a month)', example: '14–17 maja 2015' }) period!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
}

export class PublicEditionView {
  @ApiProperty() year!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: CeremonyView, nullable: true }) ceremony!: CeremonyView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the results were published' }) publishedAt!: Date | null;
  @ApiProperty({ type: PublicOccasionView, nullable: true, description: 'The event the distinctions were given at (also when its day and hour are not known)' })
  occasion!: PublicOccasionView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who organised the award and its ceremony' }) organisers!: string | null;
}

/** A category with its name per locale (the name itself is Polish). */
export class PublicCategoryRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Name per locale' }) translations!: Record<string, string>;
}

export class PublicAwardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: Ref }) city!: Ref;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: [PublicCategoryRef] }) categories!: PublicCategoryRef[];
  @ApiProperty({ type: [AwardPracticeRef] }) practices!: AwardPracticeRef[];
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who received the distinction at the ceremony' }) receivedBy!: string | null;
  @ApiProperty({ type: [CertificateRef], description: 'Certificates in force (pl, en, uk), once the worker has issued them' }) certificates!: CertificateRef[];
  @textVersionProperty('citation') citationVersion?: TextVersion;
}

export class PublicAwardsView {
  @ApiProperty({ type: PublicEditionView }) edition!: PublicEditionView;
  @ApiProperty({ type: [PublicAwardView] }) awards!: PublicAwardView[];
}

/** A distinguished practice of a published edition. */
export class PublicPracticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) recipientUnits!: string[];
  @ApiProperty({ type: Ref }) city!: Ref;
  @ApiProperty({ description: 'The edition’s year' }) year!: number;
  @ApiProperty() editionName!: string;
  @ApiProperty({ type: [Ref] }) categories!: Ref[];
  @ApiPropertyOptional({ example: 'uk', description: 'The language of the title and description returned' }) language?: string;
  @ApiPropertyOptional({ example: 'pl', description: 'The language its expert wrote it in' }) originalLanguage?: string;
  @ApiPropertyOptional({ description: 'The title and description are a translation (else the original)' }) translated?: boolean;
  @ApiPropertyOptional({ description: 'A translation made before the original last changed' }) outdated?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The language asked for (`lang`, else the account’s locale); differs from `language` when no translation exists' }) requestedLanguage?: string | null;
  @ApiPropertyOptional({ type: OriginalText, nullable: true, description: 'The original, when a translation is returned (for "show original")' }) original?: OriginalText | null;
}

export class PublicPracticePage {
  @ApiProperty({ type: [PublicPracticeView] }) items!: PublicPracticeView[];
  @ApiProperty() total!: number;
}

export class PublicPracticeAward {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @textVersionProperty('citation') citationVersion?: TextVersion;
}

/** How a later edition's report assessed the distinction. */
export class PublicFollowUp {
  @ApiProperty({ description: 'The year of the edition whose report assessed it' }) year!: number;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
  @ApiProperty() assessment!: string;
  @ApiProperty({ format: 'uuid' }) awardId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The follow-up (its note’s translations: /api/follow-ups/{id}/translations)' }) id?: string;
  @textVersionProperty('assessment') assessmentVersion?: TextVersion;
}

export class PublicPracticeDetail extends PublicPracticeView {
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startedOn!: string | null;
  @ApiProperty({ type: [PublicPracticeAward] }) awards!: PublicPracticeAward[];
  @ApiProperty({ type: [PublicFollowUp], description: 'Follow-ups of published later editions, oldest first' }) followUps!: PublicFollowUp[];
}
