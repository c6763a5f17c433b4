// Deliberation and decisions: awards, notes, the jury's comments. Finalise and publish are the
// edition transitions to decided and published (POST /editions/:id/transitions).
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Idempotent, Principal } from '@app/core';
import { AwardView, conflictViewer, CreateAwardDto, CreateNoteDto, DecisionsService, DeliberationNoteView, JurorCommentView, UpdateAwardDto } from '@app/domain';

@ApiTags('decisions')
@Controller()
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Authorize('edition.deliberation.read')
  @Get('editions/:id/awards')
  @ApiOperation({ summary: 'The edition’s awards (coordinators any time; jurors from deliberation, without the practices they are conflicted with)' })
  @ApiOkResponse({ type: [AwardView] })
  awards(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<AwardView[]> {
    return this.decisions.listAwards(id, conflictViewer(principal));
  }

  @Authorize('edition.manage')
  @Post('editions/:id/awards')
  @Idempotent()
  @ApiOperation({ summary: 'Record a distinction (stage deliberation): a city, an optional unit, categories, the practices it covers, a citation' })
  @ApiCreatedResponse({ type: AwardView })
  @ApiBadRequestResponse({ description: 'A field at fault, e.g. a category none of the named practices is filed under (`categoryIds.N`)' })
  @ApiConflictResponse({ description: '`wrong_stage`: not in stage deliberation; `award_duplicate`: an identical award (same city, unit, categories, practices) exists (`awardId`)' })
  createAward(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CreateAwardDto): Promise<AwardView> {
    return this.decisions.createAward(principal, id, dto);
  }

  @Authorize('award.manage')
  @Patch('awards/:id')
  @ApiOperation({ summary: 'Change an award (stage deliberation only)' })
  @ApiOkResponse({ type: AwardView })
  @ApiBadRequestResponse({ description: 'A field at fault, e.g. a category none of the award’s practices is filed under (`categoryIds.N`)' })
  @ApiConflictResponse({ description: '`wrong_stage`: not in stage deliberation; `award_duplicate`: it would become identical to another award' })
  updateAward(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: UpdateAwardDto): Promise<AwardView> {
    return this.decisions.updateAward(principal, id, dto);
  }

  @Authorize('award.manage')
  @Delete('awards/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an award (stage deliberation only)' })
  @ApiNoContentResponse()
  async deleteAward(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.decisions.deleteAward(principal, id);
  }

  @Authorize('edition.deliberation.read')
  @Get('editions/:id/deliberation-notes')
  @ApiOperation({ summary: 'Deliberation notes with author, time and the practice or award each is linked to (a juror: without those linked to what they are conflicted with)' })
  @ApiOkResponse({ type: [DeliberationNoteView] })
  notes(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DeliberationNoteView[]> {
    return this.decisions.notes(id, conflictViewer(principal));
  }

  @Authorize('edition.deliberation.write')
  @Post('editions/:id/deliberation-notes')
  @Idempotent()
  @ApiOperation({ summary: 'Record a deliberation note (stage deliberation), optionally linked to a practice or an award of the edition' })
  @ApiCreatedResponse({ type: DeliberationNoteView })
  @ApiBadRequestResponse({ description: '`text` missing; `practiceId` not a practice before the jury in this edition; `awardId` not an award of it, or given with practiceId' })
  @ApiConflictResponse({ description: '`wrong_stage`: notes are added only in stage deliberation' })
  addNote(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CreateNoteDto): Promise<DeliberationNoteView> {
    return this.decisions.addNote(principal, id, dto);
  }

  @Authorize('edition.deliberation.read')
  @Get('editions/:id/comments')
  @ApiOperation({ summary: 'Every juror’s comments, for the deliberation (jurors once scoring has closed, without the practices they are conflicted with)' })
  @ApiOkResponse({ type: [JurorCommentView] })
  comments(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<JurorCommentView[]> {
    return this.decisions.comments(id, conflictViewer(principal));
  }
}
