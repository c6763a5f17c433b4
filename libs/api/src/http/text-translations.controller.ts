// Translations of single texts over HTTP, in the routes of practices' translations: a category's
// description and a follow-up's note (until scoring opens), an award's citation (at any stage: it is
// final from `decided` on and read by the public after publication).
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import { PutTextTranslationDto, TextTranslationsService, TextTranslationsView, TranslationLanguageParam } from '@app/domain';

const PUT_400 = '`lang` is not a language code or is the original’s language; `text` missing or too long';
const CONFLICT = '`wrong_stage`: translations are closed at this stage (scoring has opened); `no_original`: there is no original text to translate';
const AWARD_CONFLICT = '`no_original`: the award has no citation to translate';

@ApiTags('translations')
@Controller()
export class TextTranslationsController {
  constructor(private readonly translations: TextTranslationsService) {}

  @Authorize('category.translate')
  @Get('categories/:id/translations')
  @ApiOperation({ summary: 'A category’s original description and its translations, each with who provided it and when, and whether it is outdated' })
  @ApiOkResponse({ type: TextTranslationsView })
  @ApiNotFoundResponse({ description: 'No such category, or not one the caller may translate' })
  categoryList(@Param('id', ParseUUIDPipe) id: string): Promise<TextTranslationsView> {
    return this.translations.list('categoryDescription', id);
  }

  @Authorize('category.translate')
  @Put('categories/:id/translations/:lang')
  @ApiOperation({ summary: 'Add or replace the category’s description in a language (until scoring opens): coordinators and the edition’s translators' })
  @ApiOkResponse({ type: TextTranslationsView })
  @ApiBadRequestResponse({ description: PUT_400 })
  @ApiNotFoundResponse({ description: 'No such category, or not one the caller may translate' })
  @ApiConflictResponse({ description: CONFLICT })
  categoryPut(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam, @Body() dto: PutTextTranslationDto): Promise<TextTranslationsView> {
    return this.translations.put(principal, 'categoryDescription', params.id, params.lang, dto);
  }

  @Authorize('category.translate')
  @Delete('categories/:id/translations/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the category description’s translation into a language (until scoring opens; idempotent)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such category, or not one the caller may translate' })
  @ApiConflictResponse({ description: CONFLICT })
  async categoryDelete(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam): Promise<void> {
    await this.translations.delete(principal, 'categoryDescription', params.id, params.lang);
  }

  @Authorize('award.translate')
  @Get('awards/:id/translations')
  @ApiOperation({ summary: 'An award’s original citation and its translations, each with who provided it and when, and whether it is outdated' })
  @ApiOkResponse({ type: TextTranslationsView })
  @ApiNotFoundResponse({ description: 'No such award, or not one the caller may translate' })
  awardList(@Param('id', ParseUUIDPipe) id: string): Promise<TextTranslationsView> {
    return this.translations.list('awardCitation', id);
  }

  @Authorize('award.translate')
  @Put('awards/:id/translations/:lang')
  @ApiOperation({ summary: 'Add or replace the award’s citation in a language (at any stage, published editions included): coordinators and the edition’s translators' })
  @ApiOkResponse({ type: TextTranslationsView })
  @ApiBadRequestResponse({ description: PUT_400 })
  @ApiNotFoundResponse({ description: 'No such award, or not one the caller may translate' })
  @ApiConflictResponse({ description: AWARD_CONFLICT })
  awardPut(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam, @Body() dto: PutTextTranslationDto): Promise<TextTranslationsView> {
    return this.translations.put(principal, 'awardCitation', params.id, params.lang, dto);
  }

  @Authorize('award.translate')
  @Delete('awards/:id/translations/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the citation’s translation into a language (idempotent)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such award, or not one the caller may translate' })
  @ApiConflictResponse({ description: AWARD_CONFLICT })
  async awardDelete(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam): Promise<void> {
    await this.translations.delete(principal, 'awardCitation', params.id, params.lang);
  }

  @Authorize('followUp.translate')
  @Get('follow-ups/:id/translations')
  @ApiOperation({ summary: 'A follow-up’s original note (assessment) and its translations, each with who provided it and when, and whether it is outdated' })
  @ApiOkResponse({ type: TextTranslationsView })
  @ApiNotFoundResponse({ description: 'No such follow-up, or not one the caller may translate' })
  followUpList(@Param('id', ParseUUIDPipe) id: string): Promise<TextTranslationsView> {
    return this.translations.list('followUpNote', id);
  }

  @Authorize('followUp.translate')
  @Put('follow-ups/:id/translations/:lang')
  @ApiOperation({ summary: 'Add or replace the follow-up’s note in a language (until scoring opens): its expert, coordinators, the edition’s translators' })
  @ApiOkResponse({ type: TextTranslationsView })
  @ApiBadRequestResponse({ description: PUT_400 })
  @ApiNotFoundResponse({ description: 'No such follow-up, or not one the caller may translate' })
  @ApiConflictResponse({ description: CONFLICT })
  followUpPut(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam, @Body() dto: PutTextTranslationDto): Promise<TextTranslationsView> {
    return this.translations.put(principal, 'followUpNote', params.id, params.lang, dto);
  }

  @Authorize('followUp.translate')
  @Delete('follow-ups/:id/translations/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the follow-up note’s translation into a language (until scoring opens; idempotent)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such follow-up, or not one the caller may translate' })
  @ApiConflictResponse({ description: CONFLICT })
  async followUpDelete(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam): Promise<void> {
    await this.translations.delete(principal, 'followUpNote', params.id, params.lang);
  }
}
