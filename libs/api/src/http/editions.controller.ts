// Editions, their stage machine, categories and assignments (experts, jurors).
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Idempotent, isCoordinator, ListResult, PageQuery, Principal } from '@app/core';
import {
  AssignExpertDto,
  AssignJurorDto,
  AssignmentView,
  CategoryView,
  ContentLanguageQuery,
  CreateCategoryDto,
  CreateEditionDto,
  EditionPage,
  CategoriesService,
  EditionsService,
  GrantsService,
  EditionView,
  TransitionConflictBody,
  TransitionDto,
  TransitionsView,
  UpdateCategoryDto,
  UpdateEditionDto,
} from '@app/domain';

@ApiTags('editions')
@Controller('editions')
export class EditionsController {
  constructor(
    private readonly editions: EditionsService,
    private readonly categoryService: CategoriesService,
    private readonly grants: GrantsService,
  ) {}

  @Authorize('editions.manage')
  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create an edition (stage draft)' })
  @ApiCreatedResponse({ type: EditionView })
  @ApiConflictResponse({ description: 'An edition for that year exists' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateEditionDto): Promise<EditionView> {
    return this.editions.create(principal, dto);
  }

  @Authorize('editions.read')
  @Get()
  @ApiOperation({ summary: 'Editions the caller belongs to (coordinators: all), newest first' })
  @ApiOkResponse({ type: EditionPage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<ListResult<EditionView>> {
    return this.editions.list(principal, query.limit, query.offset);
  }

  @ApiOperation({ summary: 'One edition with its stage, deadlines and ceremony' })
  @Authorize('edition.read')
  @Get(':id')
  @ApiOkResponse({ type: EditionView })
  get(@Param('id') id: string): Promise<EditionView> {
    return this.editions.get(id);
  }

  @Authorize('edition.manage')
  @Patch(':id')
  @ApiOperation({ summary: 'Change name, deadlines, ceremony, scoring scale and weights, reminder days' })
  @ApiOkResponse({ type: EditionView })
  @ApiConflictResponse({ description: 'A setting is locked in the current stage' })
  update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: UpdateEditionDto): Promise<EditionView> {
    return this.editions.update(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the edition to its next stage',
    description:
      'Stages: draft → reportsOpen → juryScoring → deliberation → decided → published. Guards: ' +
      'reportsOpen needs at least one category and one expert (and reportsDueAt, if set, in the future); ' +
      'juryScoring needs every submitted practice checked for eligibility, at least one eligible practice and at least 3 jurors ' +
      '(and scoringDueAt, if set, in the future). A wrong target is 409 with `allowed`; a blocked move is 409 with `blockers` and `blockerDetails` (the same reasons with stable codes). ' +
      'Concurrent calls: exactly one succeeds.',
  })
  @ApiOkResponse({ type: EditionView })
  @ApiConflictResponse({ type: TransitionConflictBody, description: 'Not an allowed next stage (allowed), a guard is not met (blockers, blockerDetails), or the stage changed meanwhile' })
  transition(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: TransitionDto): Promise<EditionView> {
    return this.editions.transition(principal, id, dto.to);
  }

  @Authorize('edition.manage')
  @Get(':id/transitions')
  @ApiOperation({ summary: 'The next stages, whether each is ready and why not, and the stage history' })
  @ApiOkResponse({ type: TransitionsView })
  transitions(@Param('id') id: string): Promise<TransitionsView> {
    return this.editions.transitions(id);
  }

  @ApiOperation({ summary: 'The edition’s categories in their order, with translations; each description in `lang` (default: the account’s locale; coordinators: the original) where translated, else the original, marked so' })
  @Authorize('edition.read')
  @Get(':id/categories')
  @ApiOkResponse({ type: [CategoryView] })
  @ApiBadRequestResponse({ description: '`lang` is not a language code' })
  categories(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ContentLanguageQuery): Promise<CategoryView[]> {
    // Coordinators edit the originals (the setup screen): theirs unless they name a language.
    return this.categoryService.list(id, query.lang ?? (isCoordinator(principal) ? null : principal.locale));
  }

  @ApiOperation({ summary: 'Add a category to the edition (until jury scoring starts)' })
  @Authorize('edition.manage')
  @Post(':id/categories')
  @Idempotent()
  @ApiCreatedResponse({ type: CategoryView })
  createCategory(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CreateCategoryDto): Promise<CategoryView> {
    return this.categoryService.create(principal, id, dto);
  }

  @ApiOperation({ summary: 'The edition’s experts, one per city' })
  @Authorize('edition.manage')
  @Get(':id/experts')
  @ApiOkResponse({ type: [AssignmentView] })
  experts(@Param('id') id: string): Promise<AssignmentView[]> {
    return this.grants.list('expert', { editionId: id });
  }

  @Authorize('edition.manage')
  @Post(':id/experts')
  @Idempotent()
  @ApiOperation({ summary: 'Assign an expert to a city (one expert per city, one city per expert, per edition)' })
  @ApiCreatedResponse({ type: AssignmentView })
  assignExpert(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: AssignExpertDto): Promise<AssignmentView> {
    return this.grants.assignExpert(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Delete(':id/experts/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an expert assignment (only in stage draft)' })
  @ApiNoContentResponse()
  async removeExpert(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('assignmentId', ParseUUIDPipe) assignmentId: string): Promise<void> {
    await this.grants.revoke(principal, 'expert', assignmentId, { editionId: id });
  }

  @ApiOperation({ summary: 'The edition’s jurors with the city each is tied to' })
  @Authorize('edition.manage')
  @Get(':id/jurors')
  @ApiOkResponse({ type: [AssignmentView] })
  jurors(@Param('id') id: string): Promise<AssignmentView[]> {
    return this.grants.list('juror', { editionId: id });
  }

  @Authorize('edition.manage')
  @Post(':id/jurors')
  @Idempotent()
  @ApiOperation({ summary: 'Add a juror, optionally tied to a city (conflict of interest on its practices)' })
  @ApiCreatedResponse({ type: AssignmentView })
  assignJuror(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: AssignJurorDto): Promise<AssignmentView> {
    return this.grants.assignJuror(principal, id, dto);
  }

  @Authorize('edition.manage')
  @Delete(':id/jurors/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a juror (only before jury scoring)' })
  @ApiNoContentResponse()
  async removeJuror(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('assignmentId', ParseUUIDPipe) assignmentId: string): Promise<void> {
    await this.grants.revoke(principal, 'juror', assignmentId, { editionId: id });
  }
}

@ApiTags('editions')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Authorize('category.manage')
  @Patch(':id')
  @ApiOperation({ summary: 'Rename, describe, translate or move a category (before jury scoring starts)' })
  @ApiOkResponse({ type: CategoryView })
  @ApiConflictResponse({ description: 'categories_locked: jury scoring has started; category_exists: the name is taken in this edition' })
  updateCategory(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: UpdateCategoryDto): Promise<CategoryView> {
    return this.categories.update(principal, id, dto);
  }

  @Authorize('category.manage')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a category no practice or award names (before jury scoring starts); the others close up' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'category_in_use (with practices and awards counts), or categories_locked: jury scoring has started' })
  async deleteCategory(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.categories.delete(principal, id);
  }
}
