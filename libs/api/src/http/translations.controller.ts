// Content translations over HTTP: a practice's versions per language, who may add them (the
// practice's expert, coordinators, the edition's translators), and coverage per language.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Idempotent, Principal } from '@app/core';
import {
  AssignmentView,
  AssignTranslatorDto,
  GrantsService,
  PracticeTranslationsService,
  PracticeTranslationsView,
  PutPracticeTranslationDto,
  PutReportTranslationDto,
  ReportTranslationParams,
  ReportTranslationsService,
  ReportTranslationsView,
  TranslationCoverageView,
  TranslationItemsService,
  TranslationItemsView,
  TranslationLanguageParam,
} from '@app/domain';

@ApiTags('translations')
@Controller()
export class TranslationsController {
  constructor(
    private readonly translations: PracticeTranslationsService,
    private readonly reportTranslations: ReportTranslationsService,
    private readonly grants: GrantsService,
    private readonly items: TranslationItemsService,
  ) {}

  @Authorize('practice.translate')
  @Get('practices/:id/translations')
  @ApiOperation({ summary: 'A practice’s original and its translations, each with who provided it and when, and whether it is outdated (the original changed since)' })
  @ApiOkResponse({ type: PracticeTranslationsView })
  @ApiNotFoundResponse({ description: 'No such practice, or not one the caller may translate' })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<PracticeTranslationsView> {
    return this.translations.list(id);
  }

  @Authorize('practice.translate')
  @Put('practices/:id/translations/:lang')
  @ApiOperation({
    summary: 'Add or replace the practice’s title and description in a language (until scoring opens)',
    description: 'The practice’s expert, coordinators and the edition’s translators. The translation is current again (outdated: false) and records its provider and time.',
  })
  @ApiOkResponse({ type: PracticeTranslationsView })
  @ApiBadRequestResponse({ description: '`lang` is not a language code or is the original’s language; title or description missing' })
  @ApiNotFoundResponse({ description: 'No such practice, or not one the caller may translate' })
  @ApiConflictResponse({ description: '`wrong_stage`: scoring has opened (stage juryScoring or later)' })
  put(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam, @Body() dto: PutPracticeTranslationDto): Promise<PracticeTranslationsView> {
    return this.translations.put(principal, params.id, params.lang, dto);
  }

  @Authorize('practice.translate')
  @Delete('practices/:id/translations/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the practice’s translation into a language (until scoring opens; idempotent: 204 when there is none)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such practice, or not one the caller may translate' })
  @ApiConflictResponse({ description: '`wrong_stage`: scoring has opened' })
  async delete(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam): Promise<void> {
    await this.translations.delete(principal, params.id, params.lang);
  }

  @Authorize('report.translate')
  @Get('reports/:id/translations')
  @ApiOperation({ summary: 'A report’s original summary and its translations, each with who provided it and when, and whether it is outdated' })
  @ApiOkResponse({ type: ReportTranslationsView })
  @ApiNotFoundResponse({ description: 'No such report, or not one the caller may translate' })
  reportList(@Param('id', ParseUUIDPipe) id: string): Promise<ReportTranslationsView> {
    return this.reportTranslations.list(id);
  }

  @Authorize('report.translate')
  @Put('reports/:id/translations/:lang')
  @ApiOperation({ summary: 'Add or replace the report’s summary in a language (until scoring opens): its expert, coordinators, the edition’s translators' })
  @ApiOkResponse({ type: ReportTranslationsView })
  @ApiBadRequestResponse({ description: '`lang` is not a language code or is the original’s language; summary missing' })
  @ApiNotFoundResponse({ description: 'No such report, or not one the caller may translate' })
  @ApiConflictResponse({ description: '`wrong_stage`: scoring has opened' })
  reportPut(@CurrentPrincipal() principal: Principal, @Param() params: ReportTranslationParams, @Body() dto: PutReportTranslationDto): Promise<ReportTranslationsView> {
    return this.reportTranslations.put(principal, params.id, params.lang, dto);
  }

  @Authorize('report.translate')
  @Delete('reports/:id/translations/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the report summary’s translation into a language (until scoring opens; idempotent)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such report, or not one the caller may translate' })
  @ApiConflictResponse({ description: '`wrong_stage`: scoring has opened' })
  async reportDelete(@CurrentPrincipal() principal: Principal, @Param() params: ReportTranslationParams): Promise<void> {
    await this.reportTranslations.delete(principal, params.id, params.lang);
  }

  @Authorize('edition.translations.read')
  @Get('editions/:id/translation-items')
  @ApiOperation({
    summary: 'The edition’s translation work list: every translatable text (practices, report summaries, category descriptions, award citations, follow-up notes) with its status per language',
    description: 'Coordinators and the edition’s translators. Each item names the routes that edit it by `kind` and says whether it is still editable.',
  })
  @ApiOkResponse({ type: TranslationItemsView })
  @ApiNotFoundResponse({ description: 'No such edition, or not one the caller translates' })
  translationItems(@Param('id', ParseUUIDPipe) id: string): Promise<TranslationItemsView> {
    return this.items.list(id);
  }

  @Authorize('edition.manage')
  @Get('editions/:id/translation-coverage')
  @ApiOperation({
    summary: 'Per language, how many of the edition’s submitted practices can be read in it (written in it or translated), e.g. uk: 9 of 14',
    description: 'Beside the practices, what else a juror reads: the submitted reports’ summaries, and the categories (name and description).',
  })
  @ApiOkResponse({ type: TranslationCoverageView })
  coverage(@Param('id') id: string): Promise<TranslationCoverageView> {
    return this.items.coverage(id);
  }

  @Authorize('edition.manage')
  @Get('editions/:id/translators')
  @ApiOperation({ summary: 'The edition’s translators (they add and edit translations of its content until scoring opens)' })
  @ApiOkResponse({ type: [AssignmentView] })
  translators(@Param('id') id: string): Promise<AssignmentView[]> {
    return this.grants.list('translator', { editionId: id });
  }

  @Authorize('edition.manage')
  @Post('editions/:id/translators')
  @Idempotent()
  @ApiOperation({ summary: 'Give a user the translator grant for the edition' })
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiBadRequestResponse({ description: '`userId` is not an existing, enabled user' })
  @ApiConflictResponse({ description: '`already_assigned`' })
  assignTranslator(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: AssignTranslatorDto): Promise<AssignmentView> {
    return this.grants.assignTranslator(principal, id, dto.userId);
  }

  @Authorize('edition.manage')
  @Delete('editions/:id/translators/:assignmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take the translator grant back' })
  @ApiNoContentResponse()
  async removeTranslator(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('assignmentId', ParseUUIDPipe) assignmentId: string): Promise<void> {
    await this.grants.revoke(principal, 'translator', assignmentId, { editionId: id });
  }
}
