// The edition's automatic mails as its coordinator adjusts them, per template and language: the
// built-in and own texts, saving an own text (refused with a 400 naming the field when it uses an
// unknown merge field), resetting to the built-in one, and a preview with sample facts.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, Principal } from '@app/core';
import { MailPreviewView, MailTemplatesService, MailTemplatesView, MailTemplateTextDto, MailTemplateView } from '@app/domain';

const TEXT_400 = 'A field at fault: `subject` or `body` missing, too long or using an unknown merge field (named), `key` not an editable template, `lang` not pl, en or uk';

@ApiTags('mail templates')
@Controller('editions/:id/mail-templates')
export class MailTemplatesController {
  constructor(private readonly templates: MailTemplatesService) {}

  @Authorize('edition.manage')
  @Get()
  @ApiOperation({ summary: 'The edition’s editable automatic mails: per template and language the built-in text, the edition’s own if any, and the merge fields' })
  @ApiOkResponse({ type: MailTemplatesView })
  list(@Param('id') id: string): Promise<MailTemplatesView> {
    return this.templates.list(id);
  }

  @Authorize('edition.manage')
  @Put(':key/:lang')
  @ApiOperation({ summary: 'Save the edition’s own subject and body of an automatic mail in one language (sent instead of the built-in text from now on)' })
  @ApiOkResponse({ type: MailTemplateView })
  @ApiBadRequestResponse({ description: TEXT_400 })
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('key') key: string,
    @Param('lang') lang: string,
    @Body() dto: MailTemplateTextDto,
  ): Promise<MailTemplateView> {
    return this.templates.save(principal, id, key, lang, dto);
  }

  @Authorize('edition.manage')
  @Delete(':key/:lang')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reset an automatic mail in one language to its built-in text' })
  @ApiNoContentResponse({ description: 'The built-in text is sent from now on (also when there was no own text)' })
  @ApiBadRequestResponse({ description: '`key` not an editable template, `lang` not pl, en or uk' })
  async reset(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('key') key: string, @Param('lang') lang: string): Promise<void> {
    await this.templates.reset(principal, id, key, lang);
  }

  @Authorize('edition.manage')
  @Post(':key/:lang/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a subject and body (not saved) as the mail a sample recipient of this edition would get' })
  @ApiOkResponse({ type: MailPreviewView })
  @ApiBadRequestResponse({ description: TEXT_400 })
  preview(@Param('id') id: string, @Param('key') key: string, @Param('lang') lang: string, @Body() dto: MailTemplateTextDto): Promise<MailPreviewView> {
    return this.templates.preview(id, key, lang, dto);
  }
}
