// What was sent to me, and for coordinators every delivery with its attempts and errors, and retrying a failed one.
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath, IntersectionType } from '@nestjs/swagger';
import { MyNotificationDto, NotificationDto, NotificationsService, NotificationStatusFilter } from '@app/domain';
import { Authorize, CurrentPrincipal, ListResult, PageQuery, Principal } from '@app/core';

class NotificationsQuery extends IntersectionType(PageQuery, NotificationStatusFilter) {}

const listOf = (model: Function) => ({
  schema: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } }, total: { type: 'integer' } },
  },
});

@ApiTags('notifications')
@ApiExtraModels(NotificationDto, MyNotificationDto)
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authorize('session.self')
  @Get('me/notifications')
  @ApiOperation({ summary: 'The notifications sent to me, newest first' })
  @ApiOkResponse(listOf(MyNotificationDto))
  mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<ListResult<MyNotificationDto>> {
    return this.notifications.listMine(principal, query.limit, query.offset);
  }

  @Authorize('notifications.manage')
  @Get('notifications')
  @ApiOperation({ summary: 'Every delivery (one per event and person), newest first, with attempts and the last error; filter by status' })
  @ApiOkResponse(listOf(NotificationDto))
  list(@Query() query: NotificationsQuery): Promise<ListResult<NotificationDto>> {
    return this.notifications.list({ status: query.status, limit: query.limit, offset: query.offset });
  }

  @Authorize('notifications.manage')
  @Post('notifications/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed delivery again, with a fresh set of attempts' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiConflictResponse({ description: 'The delivery is not failed (pending or already sent)' })
  retry(@Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return this.notifications.retry(id);
  }
}
