// The bulk actions' requests and per-item results: eligibility for many practices, people from a
// list or a CSV, awards from a ranking selection. Items are checked one by one by the single
// action's DTO (a bad one is refused alone); the envelope is checked here.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RequiredText } from '@app/core';
import { LOCALES } from '../../accounts/dto/auth.dto';
import { CreateAwardDto } from '../../decisions/dto/decisions.dto';
import { PracticeStatus, PRACTICE_STATUSES } from '../../practices/practice-status';
import { EligibilityDto } from '../../reports/dto/report.dto';

/** At most this many items (rows) in one bulk request. */
export const BULK_MAX_ITEMS = 500;

/** The list of items: 1 to BULK_MAX_ITEMS objects, each then checked on its own. */
const ItemList = (what: string) =>
  applyDecorators(
    IsArray({ message: `must be a list of ${what}` }),
    ArrayMinSize(1, { message: `must hold at least one of the ${what}` }),
    ArrayMaxSize(BULK_MAX_ITEMS, { message: `must hold at most ${BULK_MAX_ITEMS} ${what}` }),
    IsObject({ each: true, message: `must hold the ${what} as objects` }),
  );

const lowerTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ItemRefusal {
  @ApiProperty({ example: 'wrong_stage', description: 'The same code the single action answers with, or invalid_input, duplicate_item, unknown_city, city_has_expert, account_disabled' })
  code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'The field at fault, where one is' }) field?: string;
}

// ---- eligibility ------------------------------------------------------------------

export class BulkEligibilityItemDto extends EligibilityDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  practiceId!: string;
}

export class BulkEligibilityDto {
  @ApiProperty({ type: [BulkEligibilityItemDto], maxItems: BULK_MAX_ITEMS, description: 'Each decided as POST /practices/{id}/eligibility would, in its own transaction' })
  @ItemList('decisions')
  items!: object[];
}

export class BulkEligibilityItemResult {
  @ApiProperty({ description: 'The item’s position in the request, from 0' }) index!: number;
  @ApiProperty({ nullable: true, type: String }) practiceId!: string | null;
  @ApiProperty({ enum: ['done', 'refused'] }) outcome!: 'done' | 'refused';
  @ApiPropertyOptional({ enum: PRACTICE_STATUSES, description: 'The practice’s status once done' }) status?: PracticeStatus;
  @ApiPropertyOptional({ type: ItemRefusal }) refusal?: ItemRefusal;
}

export class BulkEligibilityResult {
  @ApiProperty({ type: [BulkEligibilityItemResult] }) items!: BulkEligibilityItemResult[];
  @ApiProperty() done!: number;
  @ApiProperty() refused!: number;
}

// ---- people -----------------------------------------------------------------------

export const IMPORT_ROLES = ['expert', 'juror'] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];

export class PersonRowDto {
  @ApiProperty({ example: 'Anna Kowalska' })
  @RequiredText(200)
  name!: string;

  @ApiProperty({ example: 'anna.kowalska@example.org' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'Lublin', description: 'The city by name or id: the expert’s city (required for experts), the city a juror is tied to' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'must be text' })
  @MaxLength(200)
  city?: string;

  @ApiProperty({ enum: IMPORT_ROLES })
  @Transform(lowerTrimmed)
  @IsIn(IMPORT_ROLES, { message: `must be one of ${IMPORT_ROLES.join(', ')}` })
  role!: ImportRole;

  @ApiPropertyOptional({ enum: LOCALES, default: 'pl', description: 'The language of a new account (its invitation and screens)' })
  @IsOptional()
  @Transform(lowerTrimmed)
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  language?: string;
}

export class PeopleImportDto {
  @ApiPropertyOptional({ type: [PersonRowDto], maxItems: BULK_MAX_ITEMS, description: 'The rows as JSON; or send csv' })
  @IsOptional()
  @ItemList('rows')
  rows?: object[];

  @ApiPropertyOptional({ description: 'The rows as CSV (name, email, city, role, language; a header row optional; comma or semicolon); or send rows', maxLength: 1_000_000 })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(1_000_000)
  csv?: string;

  @ApiPropertyOptional({ default: false, description: 'Check every row as the import would and change nothing' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Invite the new accounts, and again those not yet accepted' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  invite?: boolean;
}

export const PERSON_OUTCOMES = ['created', 'grantAdded', 'refused'] as const;

export class PersonImportItemResult {
  @ApiProperty({ description: 'The row’s number: its line in the CSV, else its position in rows from 1' }) line!: number;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The city found, by its name' }) city!: string | null;
  @ApiProperty({ enum: PERSON_OUTCOMES, description: 'created: a new account and its assignment; grantAdded: the assignment given to an existing account' })
  outcome!: (typeof PERSON_OUTCOMES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) assignmentId?: string;
  @ApiProperty({ description: 'An invitation went out (or would, in a dry run)' }) invited!: boolean;
  @ApiPropertyOptional({ type: ItemRefusal }) refusal?: ItemRefusal;
}

export class PeopleImportResult {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [PersonImportItemResult] }) items!: PersonImportItemResult[];
  @ApiProperty() created!: number;
  @ApiProperty() grantAdded!: number;
  @ApiProperty() refused!: number;
  @ApiProperty() invited!: number;
}

// ---- awards -----------------------------------------------------------------------

export class BulkAwardsDto {
  @ApiProperty({ type: [CreateAwardDto], maxItems: BULK_MAX_ITEMS, description: 'Each recorded as POST /editions/{id}/awards would, in its own transaction' })
  @ItemList('awards')
  items!: object[];
}

export class BulkAwardItemResult {
  @ApiProperty({ description: 'The item’s position in the request, from 0' }) index!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) practiceIds!: string[];
  @ApiProperty({ enum: ['done', 'refused'] }) outcome!: 'done' | 'refused';
  @ApiPropertyOptional({ format: 'uuid' }) awardId?: string;
  @ApiPropertyOptional({ type: ItemRefusal }) refusal?: ItemRefusal;
}

export class BulkAwardsResult {
  @ApiProperty({ type: [BulkAwardItemResult] }) items!: BulkAwardItemResult[];
  @ApiProperty() done!: number;
  @ApiProperty() refused!: number;
}
