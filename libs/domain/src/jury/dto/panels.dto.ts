// Request and response shapes of panels and practice assignment (coordinators only).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { RequiredText } from '@app/core';

export const PANEL_NAME_MAX = 120;
const MAX_ITEMS = 2000;
const MAX_PEOPLE = 500;

export class PanelNameDto {
  @ApiProperty({ example: 'Panel A', maxLength: PANEL_NAME_MAX, description: 'Unique within the edition' })
  @RequiredText(PANEL_NAME_MAX)
  name!: string;
}

export class PanelMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'User ids of the edition’s jurors; replaces the panel’s members' })
  @IsArray({ message: 'must be a list of user ids' })
  @ArrayMaxSize(MAX_PEOPLE)
  @IsUUID('all', { each: true, message: 'must hold user ids (UUIDs)' })
  jurorIds!: string[];
}

export class PanelMemberView {
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() name!: string;
}

export class PanelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [PanelMemberView] }) members!: PanelMemberView[];
}

export class PracticeAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a practice id (UUID)' })
  practiceId!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Panels of the edition that score the practice' })
  @IsArray({ message: 'must be a list of panel ids' })
  @ArrayMaxSize(MAX_PEOPLE)
  @IsUUID('all', { each: true, message: 'must hold panel ids (UUIDs)' })
  panelIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Jurors of the edition who score the practice (never one conflicted with it)' })
  @IsArray({ message: 'must be a list of user ids' })
  @ArrayMaxSize(MAX_PEOPLE)
  @IsUUID('all', { each: true, message: 'must hold user ids (UUIDs)' })
  jurorIds!: string[];
}

export class PutAssignmentsDto {
  @ApiProperty({
    type: [PracticeAssignmentDto],
    description: 'The whole assignment of the edition (replaces it). Empty: no assignment, every juror scores every eligible practice outside their conflicts.',
  })
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PracticeAssignmentDto)
  items!: PracticeAssignmentDto[];
}

export const SUGGESTION_MODES = ['jurors', 'panels'] as const;
export type SuggestionMode = (typeof SUGGESTION_MODES)[number];

export class SuggestionDto {
  @ApiPropertyOptional({ enum: SUGGESTION_MODES, default: 'jurors', description: 'jurors: k jurors per practice; panels: one panel per practice' })
  @IsOptional()
  @IsIn(SUGGESTION_MODES, { message: `must be one of ${SUGGESTION_MODES.join(', ')}` })
  mode?: SuggestionMode;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 3, description: 'Jurors per practice (mode jurors)' })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(50, { message: 'must be at most 50' })
  jurorsPerPractice?: number;
}

export class AssignmentItemView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) panelIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) jurorIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Jurors of the edition conflicted with the practice (they never get it)' })
  conflictedJurorIds!: string[];
}

export class JurorLoadView {
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Practices the juror would score (directly or through panels), outside their conflicts' }) practices!: number;
}

export class AssignmentsView {
  @ApiProperty({ description: 'Whether the edition assigns practices (false: every juror scores every eligible practice outside their conflicts)' })
  assigns!: boolean;
  @ApiProperty({ description: 'Whether the assignment may still change (before scoring closes)' }) editable!: boolean;
  @ApiProperty({ type: [AssignmentItemView], description: 'Practices before the jury (and any assigned one), by city and title' }) items!: AssignmentItemView[];
  @ApiProperty({ type: [JurorLoadView] }) loads!: JurorLoadView[];
}

export class SuggestionItemView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) panelIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) jurorIds!: string[];
}

export class SuggestionView {
  @ApiProperty({ enum: SUGGESTION_MODES }) mode!: SuggestionMode;
  @ApiProperty() jurorsPerPractice!: number;
  @ApiProperty({ type: [SuggestionItemView], description: 'A proposal; apply it with PUT /editions/{id}/assignments' }) items!: SuggestionItemView[];
  @ApiProperty({ type: [JurorLoadView] }) loads!: JurorLoadView[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Practices nobody free of conflicts can score (left out of items)' }) unassignable!: string[];
}
