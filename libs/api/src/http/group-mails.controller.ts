// Mail to groups: a coordinator previews and sends a message to the people of an edition a filter
// chooses, and lists what was sent with its deliveries. Coordinators only.
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import { ComposeGroupMailDto, GroupMailPreviewView, GroupMailsService, GroupMailView } from '@app/domain';

const COMPOSE_400 =
  'A field at fault: `filter.role`, `filter.cityId` (unknown city), `filter.progress` (not for that role), `versions` (1 to 3), ' +
  '`versions.N.language` (missing with several versions, repeated), `versions.N.subject`/`body` (empty, too long, or an unknown merge field, named)';

@ApiTags('group mails')
@Controller('editions/:id/group-mails')
export class GroupMailsController {
  constructor(private readonly groupMails: GroupMailsService) {}

  @Authorize('edition.manage')
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview a group mail: who the filter chooses (name, e-mail, city, role, language) and the message rendered per language, nothing sent',
    description: 'Merge fields: {{name}}, {{city}}, {{edition}}, {{deadline}} (the person’s own report or scoring deadline), {{link}} (their next-step page).',
  })
  @ApiOkResponse({ type: GroupMailPreviewView })
  @ApiBadRequestResponse({ description: COMPOSE_400 })
  preview(@Param('id') id: string, @Body() dto: ComposeGroupMailDto): Promise<GroupMailPreviewView> {
    return this.groupMails.preview(id, dto);
  }

  @Authorize('edition.manage')
  @Post()
  @ApiOperation({
    summary: 'Send a group mail to the people the filter chooses now, through the outbox like every notification (template groupMail); audited',
  })
  @ApiCreatedResponse({ type: GroupMailView })
  @ApiBadRequestResponse({ description: COMPOSE_400 })
  @ApiConflictResponse({ description: 'no_recipients: nobody matches the filter' })
  send(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ComposeGroupMailDto): Promise<GroupMailView> {
    return this.groupMails.send(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Get()
  @ApiOperation({ summary: 'The edition’s group mails, newest first, with their deliveries counted by status' })
  @ApiOkResponse({ type: [GroupMailView] })
  list(@Param('id') id: string): Promise<GroupMailView[]> {
    return this.groupMails.list(id);
  }
}
