// GET /api/metrics: the API process's metrics in Prometheus text format, for loopback callers or
// bearers of METRICS_TOKEN (not a user's access token: scrapers are not users).
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, ForbiddenError, METRICS_DENIED_MESSAGE, metricsAccess, Public, UnauthenticatedError } from '@app/core';
import { METRICS_CONTENT_TYPE, MetricsService } from '@app/domain';

export const METRICS_SECURITY = 'metricsToken';

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics of this API process (from loopback, or with METRICS_TOKEN as bearer token)',
    description: 'Request durations by route and status class, event-loop lag, heap, DB pool, queue depths, deliveries and the outbox backlog.',
  })
  @ApiBearerAuth(METRICS_SECURITY)
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ description: 'Not on loopback, and METRICS_TOKEN missing or wrong' })
  @ApiForbiddenResponse({ description: 'Not on loopback, and no METRICS_TOKEN is configured' })
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const access = metricsAccess(request.ip, request.headers.authorization, this.config.METRICS_TOKEN);
    if (access === 401) throw new UnauthenticatedError(METRICS_DENIED_MESSAGE[401], 'metrics_token_required');
    if (access === 403) throw new ForbiddenError(METRICS_DENIED_MESSAGE[403], 'metrics_loopback_only');
    const body = await this.metrics.scrape();
    await reply.header('content-type', METRICS_CONTENT_TYPE).header('cache-control', 'no-store').send(body);
  }
}
