// The public read API: no sign-in, cacheable (ETag, If-None-Match → 304).
import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { ParseInt4Pipe, Public } from '@app/core';
import { CatalogueQuery, CatalogueService, ContentLanguageQuery, PublicAwardsView, PublicEditionView, PublicPracticeDetail, PublicPracticePage } from '@app/domain';

/**
 * Sends JSON with a strong ETag of its bytes (or of `tagged`, when the body holds a part that
 * changes on every read); answers 304 when the client has it already.
 */
export async function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: unknown, tagged: unknown = body): Promise<void> {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(tagged === body ? json : JSON.stringify(tagged)).digest('base64url').slice(0, 32)}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=60').header('vary', 'accept-encoding');
  const given = request.headers['if-none-match'];
  if (given && given.split(',').map((tag) => tag.trim().replace(/^W\//, '')).includes(etag)) {
    await reply.status(304).send();
    return;
  }
  await reply.header('content-type', 'application/json; charset=utf-8').send(json);
}

@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('editions')
  @ApiOperation({ summary: 'Published editions with their ceremony (date, time, venue, city)' })
  @ApiOkResponse({ type: [PublicEditionView] })
  async editions(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.catalogue.editions());
  }

  @Get('editions/:year/awards')
  @ApiOperation({ summary: 'The awards of a published edition: city, unit, categories, practices, citation; `lang` chooses the version of each citation (default: as written)' })
  @ApiOkResponse({ type: PublicAwardsView })
  async awards(@Param('year', ParseInt4Pipe) year: number, @Query() query: ContentLanguageQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.catalogue.awards(year, query.lang ?? null));
  }

  @Get('practices')
  @ApiOperation({
    summary: 'The catalogue of good practice across editions',
    description: 'Distinguished practices of published editions. q searches titles, descriptions, cities and units without diacritics ("Lodz" finds "Łódź") and by word prefixes; city, category (name or id) and year filter.',
  })
  @ApiOkResponse({ type: PublicPracticePage })
  async practices(@Query() query: CatalogueQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.catalogue.practices(query));
  }

  @Get('practices/:id')
  @ApiOperation({ summary: 'One practice of the catalogue, with its distinctions and the follow-ups of later editions; `lang` chooses the version of its title and description' })
  @ApiOkResponse({ type: PublicPracticeDetail })
  async practice(@Param('id', ParseUUIDPipe) id: string, @Query() query: ContentLanguageQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.catalogue.practice(id, query.lang ?? null));
  }
}
