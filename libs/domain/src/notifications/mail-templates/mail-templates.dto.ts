// Request and response shapes of the edition's mail templates.
import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '@app/core';
import { MERGE_FIELDS } from '../templates/merge-fields';
import { MAIL_BODY_MAX, MAIL_SUBJECT_MAX } from '../templates/mail-text-limits';


export class MailTemplateTextDto {
  @ApiProperty({ maxLength: MAIL_SUBJECT_MAX, example: '{{edition}}: welcome to the jury, {{name}}', description: 'May use the merge fields in {{ }}' })
  @RequiredText(MAIL_SUBJECT_MAX)
  subject!: string;

  @ApiProperty({ maxLength: MAIL_BODY_MAX, description: 'One paragraph a line; may use the merge fields in {{ }}. The greeting, the button and the signature are added as in the built-in mail' })
  @RequiredText(MAIL_BODY_MAX)
  body!: string;
}

export class MailTemplateOverrideView {
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy!: string | null;
}

export class MailTemplateView {
  @ApiProperty({ example: 'addedAsJuror' }) key!: string;
  @ApiProperty({ enum: ['pl', 'en', 'uk'] }) locale!: string;
  @ApiProperty({ type: MailTemplateTextDto, description: 'The built-in text, with merge fields where its facts go' }) default!: MailTemplateTextDto;
  @ApiProperty({ type: MailTemplateOverrideView, nullable: true, description: 'The edition’s own text, sent instead of the built-in one; null: the built-in one is sent' })
  override!: MailTemplateOverrideView | null;
}

export class MailTemplatesView {
  @ApiProperty({ type: [String], enum: MERGE_FIELDS, description: 'The merge fields a subject or body may use, as {{name}}' }) mergeFields!: string[];
  @ApiProperty({ type: [MailTemplateView], description: 'Each editable template in each language' }) templates!: MailTemplateView[];
  @ApiProperty({ type: [String], description: 'Automatic mails that keep their built-in text (no edition, or facts no merge field carries)' })
  notEditable!: string[];
}

export class MailPreviewView {
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The plain-text part' }) text!: string;
  @ApiProperty({ description: 'The HTML part' }) html!: string;
}
