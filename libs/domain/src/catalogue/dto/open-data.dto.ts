// The open-data catalogue (JSON download) and the public statistics, as the API documents them.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FOLLOW_UP_STATUSES, FollowUpStatus } from '../../reports/report.entity';

class OpenDataRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class OpenDataLicence {
  @ApiProperty({ example: 'CC BY 4.0' }) name!: string;
  @ApiProperty({ example: 'https://creativecommons.org/licenses/by/4.0/' }) url!: string;
}

export class OpenDataDistinction {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
}

export class OpenDataFollowUp {
  @ApiProperty({ description: 'The year of the edition whose report assessed the distinction' }) year!: number;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
}

export class OpenDataLinks {
  @ApiProperty({ description: 'The practice’s public page' }) practice!: string;
  @ApiProperty({ description: 'The public page of the edition’s awards' }) edition!: string;
}

export class OpenDataPracticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: OpenDataRef }) city!: OpenDataRef;
  @ApiProperty({ type: [String] }) recipientUnits!: string[];
  @ApiProperty({ type: [OpenDataRef] }) categories!: OpenDataRef[];
  @ApiProperty({ description: 'The edition’s year' }) year!: number;
  @ApiProperty() editionName!: string;
  @ApiProperty({ type: [OpenDataDistinction] }) distinctions!: OpenDataDistinction[];
  @ApiProperty({ type: [OpenDataFollowUp], description: 'Follow-ups of published later editions, oldest first' }) followUps!: OpenDataFollowUp[];
  @ApiProperty({ type: OpenDataLinks }) links!: OpenDataLinks;
}

export class OpenDataCatalogue {
  @ApiProperty({ type: OpenDataLicence }) licence!: OpenDataLicence;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [OpenDataPracticeView], description: 'Every distinguished practice of the published editions' }) practices!: OpenDataPracticeView[];
}

// ---- statistics ------------------------------------------------------------------------------

export class StatisticsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this city' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  cityId?: string;
}

export class CityYearCount {
  @ApiProperty() year!: number;
  @ApiProperty({ type: OpenDataRef }) city!: OpenDataRef;
  @ApiProperty({ description: 'Awards (distinctions) of the city in the edition' }) distinctions!: number;
  @ApiProperty({ description: 'Distinct practices those awards cover' }) practices!: number;
}

export class CategoryCount {
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Name per locale' }) translations!: Record<string, string>;
  @ApiProperty() distinctions!: number;
}

export const FOLLOW_UP_OUTCOMES = [...FOLLOW_UP_STATUSES, 'none'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export class FollowUpCount {
  @ApiProperty({ description: 'The year of the distinctions' }) distinctionYear!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The year of the first later published edition that followed them up; null when none did' }) followUpYear!: number | null;
  @ApiProperty({ type: OpenDataRef }) city!: OpenDataRef;
  @ApiProperty({
    enum: FOLLOW_UP_OUTCOMES,
    description: 'What that follow-up says: implemented (carried out as planned), continued, expanded, discontinued (ended), unknown (the sources do not say), none (not followed up in a published edition)',
  })
  status!: FollowUpOutcome;
  @ApiProperty() distinctions!: number;
}

export class PublicStatistics {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cityId!: string | null;
  @ApiProperty({ type: [OpenDataRef], description: 'Every city with a published distinction (for the filter)' }) cities!: OpenDataRef[];
  @ApiProperty({ type: [CityYearCount] }) byCityYear!: CityYearCount[];
  @ApiProperty({ type: [CategoryCount] }) byCategory!: CategoryCount[];
  @ApiProperty({ type: [FollowUpCount] }) followUps!: FollowUpCount[];
  @ApiProperty({ type: OpenDataLicence }) licence!: OpenDataLicence;
}
