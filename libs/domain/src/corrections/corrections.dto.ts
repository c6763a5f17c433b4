// Request shapes of the coordinator's corrections: each carries the reason, which is audited and
// told to the people the correction affects.
import { InvalidInputError, RequiredText } from '@app/core';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601 } from 'class-validator';
import { EDITION_STAGES, EditionStage } from '../editions/edition-stage';

/** The longest reason a correction may carry. */
export const REASON_MAX = 2000;

export class ReopenReportDto {
  @ApiProperty({ description: 'Why the report is reopened; shown to the expert on the report and in the mail', maxLength: REASON_MAX })
  @RequiredText(REASON_MAX)
  reason!: string;
}

export class EligibilityRevisionDto {
  @ApiProperty({ description: 'The revised decision' })
  @IsBoolean({ message: 'must be true or false' })
  eligible!: boolean;

  @ApiProperty({ description: 'Why the decision is revised (for an ineligible practice also the reason recorded on it)', maxLength: REASON_MAX })
  @RequiredText(REASON_MAX)
  reason!: string;
}

export class StepBackDto {
  @ApiProperty({ enum: EDITION_STAGES, description: 'The stage just before the current one (juryScoring → reportsOpen, deliberation → juryScoring)' })
  @IsIn(EDITION_STAGES, { message: `must be one of ${EDITION_STAGES.join(', ')}` })
  to!: EditionStage;

  @ApiProperty({ description: 'Why the edition steps back; kept in the stage history and told to the people concerned', maxLength: REASON_MAX })
  @RequiredText(REASON_MAX)
  reason!: string;
}

export class DeadlineExtensionDto {
  @ApiProperty({ example: '2015-04-07T23:59:00+02:00', description: 'The person’s new deadline: in the future and later than the edition’s' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time with zone' })
  dueAt!: string;

  @ApiProperty({ description: 'Why the deadline is extended; told to the person', maxLength: REASON_MAX })
  @RequiredText(REASON_MAX)
  reason!: string;
}

/** A reason as stored: trimmed, and never only spaces (400 naming the field). */
export function cleanReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new InvalidInputError('reason', 'must not be empty');
  return trimmed;
}
