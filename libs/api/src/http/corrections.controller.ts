// The coordinator's corrections: reopening a submitted report, revising an eligibility decision,
// stepping an edition back one stage, and a person's later deadline. Each needs a reason (400
// naming it when missing), is audited and told to the people it affects; each is refused with a
// 409 code once something irreversible happened.
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import {
  AssignmentView,
  DeadlineExtensionDto,
  EditionsService,
  EditionView,
  EligibilityRevisionDto,
  GrantsService,
  PracticeView,
  ReopenReportDto,
  ReportCorrectionsService,
  ReportView,
  StepBackDto,
} from '@app/domain';

const REASON_400 = 'A field at fault: `reason` missing or empty (all corrections), `to`, `eligible` or `dueAt` malformed';

@ApiTags('corrections')
@Controller()
export class CorrectionsController {
  constructor(
    private readonly reports: ReportCorrectionsService,
    private readonly editions: EditionsService,
    private readonly grants: GrantsService,
  ) {}

  @Authorize('report.reopen')
  @Post('reports/:id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a submitted report for a correction (back to draft, the reason shown to the expert, its eligibility decisions cleared)',
    description:
      'Only in stage reportsOpen. In juryScoring: 409 `report_scored` when jurors scored its practices (never undone), else 409 `step_back_first` ' +
      '(step the edition back to reportsOpen, then reopen). Later stages: 409 `wrong_stage`; a draft: 409 `report_not_submitted`. The expert’s deadline is unchanged.',
  })
  @ApiOkResponse({ type: ReportView })
  @ApiBadRequestResponse({ description: REASON_400 })
  @ApiConflictResponse({ description: 'report_not_submitted, report_scored, step_back_first or wrong_stage' })
  reopen(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ReopenReportDto): Promise<ReportView> {
    return this.reports.reopen(principal, id, dto.reason);
  }

  @Authorize('practice.eligibility')
  @Post('practices/:id/eligibility-revision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revise a practice’s eligibility decision, with a reason, until jury scoring opens (then 409 `scoring_opened`)' })
  @ApiOkResponse({ type: PracticeView })
  @ApiBadRequestResponse({ description: REASON_400 })
  @ApiConflictResponse({ description: 'not_decided (no decision yet: decide it instead) or scoring_opened' })
  reviseEligibility(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: EligibilityRevisionDto): Promise<PracticeView> {
    return this.reports.reviseEligibility(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Post('editions/:id/step-back')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Step the edition back one stage, with a reason (juryScoring → reportsOpen while no score exists; deliberation → juryScoring while no award exists)',
    description: 'Never back from decided or published (409 `irreversible_stage`). Another target: 409 `invalid_step_back`; scores or awards recorded: 409 `scores_exist` / `awards_exist`.',
  })
  @ApiOkResponse({ type: EditionView })
  @ApiBadRequestResponse({ description: REASON_400 })
  @ApiConflictResponse({ description: 'irreversible_stage, invalid_step_back, scores_exist, awards_exist or stage_changed' })
  stepBack(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: StepBackDto): Promise<EditionView> {
    return this.editions.stepBack(principal, id, dto.to, dto.reason);
  }

  @Authorize('edition.manage')
  @Put('editions/:id/experts/:assignmentId/extension')
  @ApiOperation({ summary: 'Give one expert a later report deadline than the edition’s (until jury scoring opens; 409 `deadline_locked` after)' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiBadRequestResponse({ description: `${REASON_400}; \`dueAt\` in the past or not after the edition’s deadline` })
  @ApiConflictResponse({ description: 'deadline_locked' })
  extendExpert(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: DeadlineExtensionDto,
  ): Promise<AssignmentView> {
    return this.grants.extendDeadline(principal, id, 'expert', assignmentId, dto);
  }

  @Authorize('edition.manage')
  @Put('editions/:id/jurors/:assignmentId/extension')
  @ApiOperation({ summary: 'Give one juror a later scoring deadline than the edition’s (until deliberation; 409 `deadline_locked` after)' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiBadRequestResponse({ description: `${REASON_400}; \`dueAt\` in the past or not after the edition’s deadline` })
  @ApiConflictResponse({ description: 'deadline_locked' })
  extendJuror(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() dto: DeadlineExtensionDto,
  ): Promise<AssignmentView> {
    return this.grants.extendDeadline(principal, id, 'juror', assignmentId, dto);
  }
}
