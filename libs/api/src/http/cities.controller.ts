// Cities, their officials, and the city status officials follow.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Idempotent, ListQuery, ListResult, Principal } from '@app/core';
import { AssignmentView, AssignOfficialDto, CityPage, CityStatusQuery, CityStatusView, CityView, CitiesService, CreateCityDto, GrantsService } from '@app/domain';

@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService, private readonly grants: GrantsService) {}

  @Authorize('cities.read')
  @Get()
  @ApiOperation({ summary: 'Cities by name (q: part of the name, regardless of case and Polish letters)' })
  @ApiOkResponse({ type: CityPage })
  list(@Query() query: ListQuery): Promise<ListResult<CityView>> {
    return this.cities.list(query.limit, query.offset, query.q);
  }

  @Authorize('cities.manage')
  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add a city (names unique regardless of case; Polish letters kept)' })
  @ApiCreatedResponse({ type: CityView })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCityDto): Promise<CityView> {
    return this.cities.create(principal, dto);
  }

  @ApiOperation({ summary: 'The city’s officials' })
  @Authorize('city.manage')
  @Get(':id/officials')
  @ApiOkResponse({ type: [AssignmentView] })
  officials(@Param('id') id: string): Promise<AssignmentView[]> {
    return this.grants.list('cityOfficial', { cityId: id });
  }

  @Authorize('city.manage')
  @Post(':id/officials')
  @Idempotent()
  @ApiOperation({ summary: 'Make a user an official of this city' })
  @ApiCreatedResponse({ type: AssignmentView })
  assignOfficial(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: AssignOfficialDto): Promise<AssignmentView> {
    return this.grants.assignOfficial(principal, id, dto.userId);
  }

  @ApiOperation({ summary: 'Remove an official from the city (their access ends at once)' })
  @Authorize('city.manage')
  @Delete(':id/officials/:assignmentId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeOfficial(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('assignmentId', ParseUUIDPipe) assignmentId: string): Promise<void> {
    await this.grants.revoke(principal, 'cityOfficial', assignmentId, { cityId: id });
  }

  @Authorize('city.status.read')
  @Get(':id/status')
  @ApiOperation({ summary: 'The city’s reports and practices with statuses and history; no scores or awards before publication' })
  @ApiOkResponse({ type: CityStatusView })
  status(@Param('id') id: string, @Query() query: CityStatusQuery): Promise<CityStatusView> {
    return this.cities.status(id, query.editionId);
  }
}
