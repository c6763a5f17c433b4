// Request and answer shapes of group mails: the filter, the versions (one for all, or per
// language), the preview (recipients and rendered message) and the list of sent group mails.
import { RequiredText } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { MAIL_LOCALES } from '../templates/facts';
import { MERGE_FIELDS } from '../templates/merge-fields';
import type { GroupMailFilter, GroupMailVersion } from './group-mail.entity';
import { MAIL_BODY_MAX, MAIL_SUBJECT_MAX } from '../templates/mail-text-limits';

export const GROUP_ROLES = ['expert', 'juror', 'cityOfficial'] as const;
export const GROUP_PROGRESS = ['reportNotStarted', 'reportNotSubmitted', 'ballotIncomplete'] as const;

export class GroupMailFilterDto {
  @ApiProperty({ enum: GROUP_ROLES, description: 'Who: the experts, the jurors or the officials (of the cities taking part) of the edition' })
  @IsIn(GROUP_ROLES, { message: `must be one of ${GROUP_ROLES.join(', ')}` })
  role!: GroupMailFilter['role'];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this city: its expert, its officials, or the jurors who score it (none tied to it)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a city id (UUID)' })
  cityId?: string;

  @ApiPropertyOptional({
    enum: GROUP_PROGRESS,
    description: 'Experts: reportNotStarted or reportNotSubmitted; jurors: ballotIncomplete (an eligible practice on their ballot unscored); none for officials',
  })
  @IsOptional()
  @IsIn(GROUP_PROGRESS, { message: `must be one of ${GROUP_PROGRESS.join(', ')}` })
  progress?: NonNullable<GroupMailFilter['progress']>;
}

export class GroupMailVersionDto {
  @ApiPropertyOptional({ enum: MAIL_LOCALES, description: 'The language of this version; omitted in the one version for everybody' })
  @IsOptional()
  @IsIn(MAIL_LOCALES, { message: `must be one of ${MAIL_LOCALES.join(', ')}` })
  language?: 'pl' | 'en' | 'uk';

  @ApiProperty({ maxLength: MAIL_SUBJECT_MAX, description: `Merge fields: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}` })
  @RequiredText(MAIL_SUBJECT_MAX)
  subject!: string;

  @ApiProperty({ maxLength: MAIL_BODY_MAX, description: 'Plain text, one paragraph a line; the greeting, the button to the recipient’s page and the signature are added' })
  @RequiredText(MAIL_BODY_MAX)
  body!: string;
}

export class ComposeGroupMailDto {
  @ApiProperty({ type: GroupMailFilterDto })
  @ValidateNested()
  @Type(() => GroupMailFilterDto)
  filter!: GroupMailFilterDto;

  @ApiProperty({
    type: [GroupMailVersionDto],
    minItems: 1,
    maxItems: 3,
    description: 'One version without a language for everybody, or up to one per language (each recipient reads their account language’s, else the first)',
  })
  @IsArray({ message: 'must be a list of versions' })
  @ArrayMinSize(1, { message: 'must have at least one version' })
  @ArrayMaxSize(3, { message: 'must have at most 3 versions' })
  @ValidateNested({ each: true })
  @Type(() => GroupMailVersionDto)
  versions!: GroupMailVersionDto[];
}

export class GroupMailRecipientView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The city the mail concerns for them' }) city!: string | null;
  @ApiProperty({ enum: GROUP_ROLES }) role!: GroupMailFilter['role'];
  @ApiProperty({ enum: MAIL_LOCALES, description: 'The language their mail is written in' }) language!: 'pl' | 'en' | 'uk';
}

export class GroupMailRenderingView {
  @ApiProperty({ enum: MAIL_LOCALES }) language!: 'pl' | 'en' | 'uk';
  @ApiProperty({ type: String, nullable: true, description: 'Whose merge fields are filled in (the first recipient reading this language); null with no recipient' })
  sampleRecipient!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The plain-text mail as sent' }) text!: string;
}

export class GroupMailPreviewView {
  @ApiProperty({ type: [GroupMailRecipientView] }) recipients!: GroupMailRecipientView[];
  @ApiProperty({ type: [GroupMailRenderingView], description: 'One per language the recipients read (one per version with no recipient)' })
  renderings!: GroupMailRenderingView[];
}

export class GroupMailFilterView {
  @ApiProperty({ enum: GROUP_ROLES }) role!: GroupMailFilter['role'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cityName!: string | null;
  @ApiProperty({ enum: GROUP_PROGRESS, nullable: true }) progress!: GroupMailFilter['progress'];
}

export class GroupMailVersionView {
  @ApiProperty({ enum: MAIL_LOCALES, nullable: true }) language!: GroupMailVersion['language'];
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
}

export class GroupMailDeliveryCounts {
  @ApiProperty() pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
}

export class GroupMailView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The coordinator who sent it' }) sentBy!: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt!: Date;
  @ApiProperty({ type: GroupMailFilterView }) filter!: GroupMailFilterView;
  @ApiProperty({ type: [GroupMailVersionView] }) versions!: GroupMailVersionView[];
  @ApiProperty() recipientCount!: number;
  @ApiProperty({ type: GroupMailDeliveryCounts, description: 'Its deliveries by status (as in the notifications view)' }) deliveries!: GroupMailDeliveryCounts;
}
