// The audit trail as coordinators read it: filters, one event, a page.
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@app/core';
import { AUDIT_OUTCOMES, AuditOutcome } from '../audit-event.entity';

/** Filters shared by the page and the CSV export. */
export class AuditFilter {
  @ApiPropertyOptional({ description: 'The acting person: a user id, or text their name or e-mail contains' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  actor?: string;

  @ApiPropertyOptional({ description: 'An action (e.g. edition.transition), or a group of them ending in .* (e.g. auth.*)', example: 'auth.*' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$/, { message: 'must be an action such as edition.transition, or a group such as auth.*' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  action?: string;

  @ApiPropertyOptional({ description: 'The kind of object acted on', example: 'edition' })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{0,39}$/, { message: 'must be an object type such as edition, award or user' })
  objectType?: string;

  @ApiPropertyOptional({ description: 'The id of the object acted on' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  objectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events on the edition or on its categories, reports, practices, awards and assignments' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  editionId?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES, { message: `must be one of ${AUDIT_OUTCOMES.join(', ')}` })
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this moment (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this moment (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or date-time' })
  to?: string;
}

export class AuditQuery extends IntersectionType(PageQuery, AuditFilter) {}

export class AuditActor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class AuditEventView {
  @ApiProperty({ description: 'Sequence number (text: a bigint)' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditActor, nullable: true }) actor!: AuditActor | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) objectType!: string | null;
  @ApiProperty({ type: String, nullable: true }) objectId!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: AuditOutcome;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details!: Record<string, unknown> | null;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty() total!: number;
}
