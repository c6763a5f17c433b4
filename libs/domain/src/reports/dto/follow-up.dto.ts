// Request and response shapes of the follow-ups: how the previous edition's distinctions in a
// report's city were carried out, for the whole distinction and for each of its practices.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { RequiredText } from '@app/core';
import { FOLLOW_UP_STATUSES, FollowUpStatus } from '../report.entity';

const STATUS_MESSAGE = `must be one of ${FOLLOW_UP_STATUSES.join(', ')}`;

export class FollowUpPracticeStatusDto {
  @ApiProperty({ format: 'uuid', description: 'A practice the distinction covered' })
  @IsUUID('all', { message: 'must be a UUID' })
  practiceId!: string;

  @ApiProperty({ enum: FOLLOW_UP_STATUSES })
  @IsIn(FOLLOW_UP_STATUSES, { message: STATUS_MESSAGE })
  status!: FollowUpStatus;
}

export class CreateFollowUpDto {
  @ApiProperty({ format: 'uuid', description: 'A distinction of the previous edition in the same city' })
  @IsUUID('all', { message: 'must be a UUID' })
  awardId!: string;

  @ApiPropertyOptional({
    enum: FOLLOW_UP_STATUSES,
    description: 'What became of the whole distinction. Required without `practices`; with them, when left out, the best outcome among its practices (expanded, continued, implemented, discontinued, unknown, in that order)',
  })
  @ValidateIf((dto: CreateFollowUpDto) => dto.status !== undefined || !dto.practices?.length)
  @IsIn(FOLLOW_UP_STATUSES, { message: STATUS_MESSAGE })
  status?: FollowUpStatus;

  @ApiPropertyOptional({
    type: [FollowUpPracticeStatusDto],
    description: 'What became of each practice the distinction covered: all of them, each once (`practices` is refused otherwise)',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of practices with their status' })
  @ArrayMinSize(1, { message: 'must name at least one practice' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FollowUpPracticeStatusDto)
  practices?: FollowUpPracticeStatusDto[];

  @ApiProperty()
  @RequiredText(20_000)
  assessment!: string;
}

export class FollowedAwardView {
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @ApiProperty() editionYear!: number;
}

export class FollowUpPracticeView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) awardId!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES, description: 'The whole distinction’s status' }) status!: FollowUpStatus;
  @ApiProperty() assessment!: string;
  @ApiProperty({ type: FollowedAwardView, description: 'The distinction assessed' }) award!: { recipientUnit: string | null; citation: string | null; editionYear: number };
  @ApiPropertyOptional({ type: [FollowUpPracticeView], description: 'Each practice’s status, when the expert gave them (empty otherwise)' }) practices?: FollowUpPracticeView[];
}

export class PreviousDistinctionPractice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

/** A distinction of the previous edition in the report's city, to assess in a follow-up. */
export class PreviousDistinctionView {
  @ApiProperty({ format: 'uuid', description: 'The award (awardId of a follow-up)' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @ApiProperty() editionYear!: number;
  @ApiProperty({ type: [String], description: 'Category names' }) categories!: string[];
  @ApiPropertyOptional({ type: [PreviousDistinctionPractice], description: 'The practices the distinction covered: with several, the follow-up gives each its status' })
  practices?: PreviousDistinctionPractice[];
}
