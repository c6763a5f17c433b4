// The audit trail for coordinators: filtered pages and a CSV export with the same filters.
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Authorize } from '@app/core';
import { AuditEventPage, AuditFilter, AuditQuery, AuditService } from '@app/domain';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Authorize('audit.read')
  @Get('audit-events')
  @ApiOperation({
    summary: 'The audit trail, newest first, filtered by actor, action, object, edition, outcome and time range',
    description: 'from is inclusive, to exclusive; to before from answers 400. action takes a group such as auth.*.',
  })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: AuditQuery): Promise<AuditEventPage> {
    return this.audit.page(query);
  }

  @Authorize('audit.read')
  @Get('audit-events.csv')
  @ApiOperation({ summary: 'The audit trail as CSV (RFC 4180, UTF-8 with BOM), with the filters of GET /audit-events' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(@Query() filter: AuditFilter, @Res() reply: FastifyReply): Promise<void> {
    const lines = this.audit.exportCsv(filter);
    await reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', 'attachment; filename="audit-events.csv"')
      .header('cache-control', 'private, no-store')
      .send(Readable.from(lines));
  }
}
