// A category's name in other languages over HTTP, beside its description's translations: what the
// set-up screen's `translations` field sets, open to the edition's translators too (until jury scoring).
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import { CategoriesService, CategoryNameTranslationsView, PutCategoryNameTranslationDto, TranslationLanguageParam } from '@app/domain';

const NOT_FOUND = 'No such category, or not one the caller may translate';
const LOCKED = '`categories_locked`: jury scoring has started';

@ApiTags('translations')
@Controller('categories')
export class CategoryNamesController {
  constructor(private readonly categories: CategoriesService) {}

  @Authorize('category.translate')
  @Get(':id/name-translations')
  @ApiOperation({ summary: 'A category’s name as written and its translations (the `translations` of the category)' })
  @ApiOkResponse({ type: CategoryNameTranslationsView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<CategoryNameTranslationsView> {
    return this.categories.nameTranslations(id);
  }

  @Authorize('category.translate')
  @Put(':id/name-translations/:lang')
  @ApiOperation({ summary: 'Add or replace the category’s name in a language (before jury scoring starts): coordinators and the edition’s translators' })
  @ApiOkResponse({ type: CategoryNameTranslationsView })
  @ApiBadRequestResponse({ description: '`lang` is not a language code or is the language of the name; `name` missing or too long' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: LOCKED })
  async put(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam, @Body() dto: PutCategoryNameTranslationDto): Promise<CategoryNameTranslationsView> {
    await this.categories.setNameTranslation(principal, params.id, params.lang, dto.name);
    return this.categories.nameTranslations(params.id);
  }

  @Authorize('category.translate')
  @Delete(':id/name-translations/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the category name’s translation into a language (before jury scoring starts; idempotent)' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: '`lang` is not a language code or is the language of the name' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: LOCKED })
  async delete(@CurrentPrincipal() principal: Principal, @Param() params: TranslationLanguageParam): Promise<void> {
    await this.categories.setNameTranslation(principal, params.id, params.lang, null);
  }
}
