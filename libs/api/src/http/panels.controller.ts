// Panels and practice assignment over HTTP (optional per edition; coordinators only). Jurors meet
// their assignment only through their ballot (GET /editions/{id}/ballot).
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import { AssignmentsView, PanelMembersDto, PanelNameDto, PanelsService, PanelView, PutAssignmentsDto, SuggestionDto, SuggestionView } from '@app/domain';

const CLOSED = '`scoring_closed`: the edition is past juryScoring or its scoring deadline';
const HAS_SCORES = '`assignment_has_scores`: the change would take a practice away from a juror who already scored it';

@ApiTags('jury panels')
@Controller('editions/:id')
export class PanelsController {
  constructor(private readonly panels: PanelsService) {}

  @Authorize('edition.manage')
  @Get('panels')
  @ApiOperation({ summary: 'The edition’s jury panels with their members' })
  @ApiOkResponse({ type: [PanelView] })
  list(@Param('id') id: string): Promise<PanelView[]> {
    return this.panels.panels(id);
  }

  @Authorize('edition.manage')
  @Post('panels')
  @ApiOperation({ summary: 'Create a jury panel (before scoring closes)' })
  @ApiCreatedResponse({ type: PanelView })
  @ApiBadRequestResponse({ description: '`name` missing, empty or too long' })
  @ApiConflictResponse({ description: `\`panel_name_taken\`; ${CLOSED}` })
  create(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: PanelNameDto): Promise<PanelView> {
    return this.panels.createPanel(principal, id, dto.name);
  }

  @Authorize('edition.manage')
  @Patch('panels/:panelId')
  @ApiOperation({ summary: 'Rename a jury panel (before scoring closes)' })
  @ApiOkResponse({ type: PanelView })
  @ApiBadRequestResponse({ description: '`name` missing, empty or too long' })
  @ApiConflictResponse({ description: `\`panel_name_taken\`; ${CLOSED}` })
  rename(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('panelId', ParseUUIDPipe) panelId: string, @Body() dto: PanelNameDto): Promise<PanelView> {
    return this.panels.renamePanel(principal, id, panelId, dto.name);
  }

  @Authorize('edition.manage')
  @Delete('panels/:panelId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a jury panel and its assignments (before scoring closes; refused when its members scored its practices)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: `${HAS_SCORES}; ${CLOSED}` })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('panelId', ParseUUIDPipe) panelId: string): Promise<void> {
    await this.panels.deletePanel(principal, id, panelId);
  }

  @Authorize('edition.manage')
  @Put('panels/:panelId/members')
  @ApiOperation({ summary: 'Set a panel’s members (jurors of the edition; replaces them; before scoring closes)' })
  @ApiOkResponse({ type: PanelView })
  @ApiBadRequestResponse({ description: '`jurorIds` malformed or naming someone who is not a juror of this edition' })
  @ApiConflictResponse({ description: `${HAS_SCORES}; ${CLOSED}` })
  setMembers(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('panelId', ParseUUIDPipe) panelId: string, @Body() dto: PanelMembersDto): Promise<PanelView> {
    return this.panels.setMembers(principal, id, panelId, dto.jurorIds);
  }

  @Authorize('edition.manage')
  @Get('assignments')
  @ApiOperation({ summary: 'Which practice goes to which panel or juror, with each juror’s resulting load (assigns=false: everyone scores everything outside their conflicts)' })
  @ApiOkResponse({ type: AssignmentsView })
  assignments(@Param('id') id: string): Promise<AssignmentsView> {
    return this.panels.assignments(id);
  }

  @Authorize('edition.manage')
  @Put('assignments')
  @ApiOperation({
    summary: 'Replace the edition’s assignment of practices to panels or jurors (before scoring closes); an empty list returns to the default',
    description: 'Once any practice is assigned, a juror’s ballot, progress and score writes cover only the practices assigned to them (directly or through a panel).',
  })
  @ApiOkResponse({ type: AssignmentsView })
  @ApiBadRequestResponse({ description: 'The item at fault: `items.N.practiceId` (twice, or not of this edition), `items.N.panelIds`, `items.N.jurorIds`' })
  @ApiConflictResponse({ description: `\`assignment_conflicted\`: a juror given a practice they are conflicted with; ${HAS_SCORES}; ${CLOSED}` })
  putAssignments(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: PutAssignmentsDto): Promise<AssignmentsView> {
    return this.panels.putAssignments(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Post('assignments/suggestion')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A balanced proposal (saves nothing): k jurors per practice, or one panel per practice; never a conflicted juror; loads as even as conflicts allow',
    description: 'Deterministic. Apply it with PUT /editions/{id}/assignments.',
  })
  @ApiOkResponse({ type: SuggestionView })
  @ApiBadRequestResponse({ description: '`mode` or `jurorsPerPractice` invalid' })
  suggest(@Param('id') id: string, @Body() dto: SuggestionDto): Promise<SuggestionView> {
    return this.panels.suggest(id, dto);
  }
}
