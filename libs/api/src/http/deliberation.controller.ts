// Deliberation per practice: the thread of comments on a practice (jurors and the coordinator, from
// stage deliberation on, never a juror conflicted with the practice; read-only once decided), and
// the optional recorded vote on an award (the coordinator opens and closes it, jurors not
// conflicted with the award vote; the others' choices are shown to jurors once it is closed).
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Idempotent, Principal } from '@app/core';
import { AwardVoteView, CastVoteDto, CommentBodyDto, CommentsService, PracticeCommentView, PracticeThreadView, VoteRoundActionDto, VotesService } from '@app/domain';

const HIDDEN = 'No such object, or hidden from the caller (a juror conflicted with it, or a practice not before the jury)';

@ApiTags('deliberation')
@Controller()
export class DeliberationController {
  constructor(
    private readonly comments: CommentsService,
    private readonly votes: VotesService,
  ) {}

  @Authorize('practice.deliberation.read')
  @Get('practices/:id/comments')
  @ApiOperation({ summary: 'A practice’s deliberation thread: its comments (oldest first) and the notes linked to it (jurors from deliberation on, never on a practice they are conflicted with)' })
  @ApiOkResponse({ type: PracticeThreadView })
  @ApiNotFoundResponse({ description: HIDDEN })
  thread(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PracticeThreadView> {
    return this.comments.thread(principal, id);
  }

  @Authorize('practice.deliberation.write')
  @Post('practices/:id/comments')
  @Idempotent()
  @ApiOperation({ summary: 'Add a comment to a practice’s deliberation thread (stage deliberation)' })
  @ApiCreatedResponse({ type: PracticeCommentView })
  @ApiBadRequestResponse({ description: '`body` missing, empty or longer than 4000 characters' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiConflictResponse({ description: '`wrong_stage`: comments are added only in stage deliberation (read-only once decided)' })
  add(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CommentBodyDto): Promise<PracticeCommentView> {
    return this.comments.add(principal, id, dto.body);
  }

  @Authorize('practiceComment.edit')
  @Patch('comments/:id')
  @ApiOperation({ summary: 'Change one’s own comment (stage deliberation)' })
  @ApiOkResponse({ type: PracticeCommentView })
  @ApiBadRequestResponse({ description: '`body` missing, empty or longer than 4000 characters' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiConflictResponse({ description: '`wrong_stage`: comments change only in stage deliberation' })
  edit(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CommentBodyDto): Promise<PracticeCommentView> {
    return this.comments.edit(principal, id, dto.body);
  }

  @Authorize('practiceComment.edit')
  @Delete('comments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one’s own comment (stage deliberation)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiConflictResponse({ description: '`wrong_stage`: comments change only in stage deliberation' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.comments.remove(principal, id);
  }

  @Authorize('award.vote.read')
  @Get('awards/:id/votes')
  @ApiOperation({ summary: 'The vote on an award: its state, the caller’s choice, and (coordinators always, jurors once it is closed) the counts and who voted what' })
  @ApiOkResponse({ type: AwardVoteView })
  @ApiNotFoundResponse({ description: 'No such award, or a juror conflicted with it' })
  vote(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<AwardVoteView> {
    return this.votes.view(principal, id);
  }

  @Authorize('award.vote.manage')
  @Post('awards/:id/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the vote on an award, or close it and keep its result (stage deliberation)' })
  @ApiOkResponse({ type: AwardVoteView })
  @ApiBadRequestResponse({ description: '`action` missing or not open/close' })
  @ApiConflictResponse({ description: '`wrong_stage`: not in stage deliberation; `vote_exists`: already opened (one vote per award); `vote_not_open`: nothing to close' })
  manage(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: VoteRoundActionDto): Promise<AwardVoteView> {
    return this.votes.manage(principal, id, dto.action);
  }

  @Authorize('award.vote.cast')
  @Put('awards/:id/votes/mine')
  @ApiOperation({ summary: 'Record or change one’s vote on an award (for, against, abstain) while the vote is open' })
  @ApiOkResponse({ type: AwardVoteView })
  @ApiBadRequestResponse({ description: '`choice` missing or not for/against/abstain' })
  @ApiNotFoundResponse({ description: 'No such award, or a juror conflicted with it' })
  @ApiConflictResponse({ description: '`wrong_stage`: not in stage deliberation; `vote_not_open`: no vote open on the award (not opened, or closed)' })
  cast(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CastVoteDto): Promise<AwardVoteView> {
    return this.votes.cast(principal, id, dto.choice);
  }
}
