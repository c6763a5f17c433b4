// Bulk actions of the coordinator with a result per item (done, or refused with the single
// action's code and message): eligibility for many practices, experts and jurors from a list or
// a CSV (with a dry run), awards from a ranking selection. A refused item leaves the others done.
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import {
  BulkAwardsDto,
  BulkAwardsResult,
  BulkAwardsService,
  BulkEligibilityDto,
  BulkEligibilityResult,
  BulkEligibilityService,
  PeopleImportDto,
  PeopleImportResult,
  PeopleImportService,
  RequestMeta,
} from '@app/domain';
import { Meta } from './request-meta';

const ITEMS_400 = 'The list at fault (missing, empty, over 500 items or not objects), named in details; a bad item itself is refused in its result';

@ApiTags('bulk actions')
@Controller('editions/:id')
export class BulkController {
  constructor(
    private readonly eligibility: BulkEligibilityService,
    private readonly people: PeopleImportService,
    private readonly awards: BulkAwardsService,
  ) {}

  @Authorize('edition.manage')
  @Post('eligibility/bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide eligibility for many practices of the edition, each as the single decision would (stage reportsOpen, submitted practices, a reason when ineligible)',
    description: 'Each item in its own transaction, audited and told as the single decision; a refused item (its code and message) leaves the others decided.',
  })
  @ApiOkResponse({ type: BulkEligibilityResult })
  @ApiBadRequestResponse({ description: ITEMS_400 })
  decideEligibility(@CurrentPrincipal() principal: Principal, @Param('id') editionId: string, @Body() dto: BulkEligibilityDto): Promise<BulkEligibilityResult> {
    return this.eligibility.decide(principal, editionId, dto.items);
  }

  @Authorize('edition.manage')
  @Post('people/import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add many experts and jurors from JSON rows or CSV text (name, email, city, role, language), creating and inviting new accounts; dryRun previews',
    description:
      'Per row: created (a new account, invited), grantAdded (an existing account given the assignment; re-invited while it has not accepted), or refused with a code ' +
      '(invalid_input, unknown_city, duplicate_row, city_has_expert, account_disabled, already_assigned, assignments_locked). Each row in its own transaction; ' +
      'a dry run checks every row the same way and changes nothing.',
  })
  @ApiOkResponse({ type: PeopleImportResult })
  @ApiBadRequestResponse({ description: 'rows or csv missing or both given, rows over 500, csv unreadable or over 500 rows; named in details' })
  importPeople(@CurrentPrincipal() principal: Principal, @Param('id') editionId: string, @Body() dto: PeopleImportDto, @Meta() meta: RequestMeta): Promise<PeopleImportResult> {
    return this.people.import(principal, editionId, dto, meta);
  }

  @Authorize('edition.manage')
  @Post('awards/bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record many awards (stage deliberation), e.g. one per practice selected in the ranking, each as the single award would',
    description: 'Each item in its own transaction with the single award’s rules (eligible practices of the city, categories they are filed under, no identical award); a refused item leaves the others recorded.',
  })
  @ApiOkResponse({ type: BulkAwardsResult })
  @ApiBadRequestResponse({ description: ITEMS_400 })
  createAwards(@CurrentPrincipal() principal: Principal, @Param('id') editionId: string, @Body() dto: BulkAwardsDto): Promise<BulkAwardsResult> {
    return this.awards.create(principal, editionId, dto.items);
  }
}
