// Open data of the award, public: the catalogue as CSV and JSON downloads, the Atom feed of
// published editions and awards, and the statistics across years. Each names its licence.
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@app/core';
import { OpenDataCatalogue, OpenDataService, PublicStatistics, StatisticsQuery } from '@app/domain';
import { sendCacheable } from './public.controller';

@ApiTags('public')
@Public()
@Controller('public')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  private licenceLink(): string {
    return `<${this.openData.licence.url}>; rel="license"`;
  }

  @Get('catalogue.json')
  @ApiOperation({
    summary: 'The catalogue of good practice as open data (JSON): every distinguished practice of the published editions',
    description: 'Practice, city, recipient units, categories, edition, distinctions, follow-ups and links to the public pages, with the licence.',
  })
  @ApiOkResponse({ type: OpenDataCatalogue })
  async catalogueJson(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { generatedAt: _generatedAt, ...stable } = await this.openData.catalogueJson();
    reply.header('link', this.licenceLink()).header('content-disposition', 'inline; filename="miasta-otwarte-catalogue.json"');
    // The ETag covers the data, not the moment it was read, so an unchanged catalogue answers 304.
    await sendCacheable(request, reply, { ...stable, generatedAt: new Date().toISOString() }, stable);
  }

  @Get('catalogue.csv')
  @ApiOperation({
    summary: 'The catalogue of good practice as open data (CSV, RFC 4180, UTF-8 with BOM)',
    description: `One line per distinguished practice of the published editions; columns: practice_id, title, city, recipient_units, categories, edition_year, edition_name, distinctions, distinction_count, follow_up, practice_url, edition_url, licence. Lists inside a field are separated by "; ".`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async catalogueCsv(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', 'attachment; filename="miasta-otwarte-catalogue.csv"')
      .header('cache-control', 'public, max-age=60')
      .header('link', this.licenceLink())
      .send(await this.openData.catalogueCsv());
  }

  @Get('feed.atom')
  @ApiOperation({ summary: 'An Atom feed (RFC 4287) of the published editions and their awards, newest first' })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  async feed(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('link', this.licenceLink())
      .send(await this.openData.feed());
  }

  @Get('statistics')
  @ApiOperation({
    summary: 'The record across years: distinctions per city and year, per category, and what later follow-ups said of them',
    description: 'Published editions only, counted in the database. cityId narrows every count to one city (404 when there is no such city).',
  })
  @ApiOkResponse({ type: PublicStatistics })
  async statistics(@Query() query: StatisticsQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.openData.statisticsOf(query.cityId ?? null));
  }
}
