// Request and response shapes of the translations of single texts: a category's description, an
// award's citation, a follow-up's note (the provenance fields are those of practices' translations).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { RequiredText } from '@app/core';
import { ContentVersionProvenance } from '../practices/dto/practice-translation.dto';

export class PutTextTranslationDto {
  @ApiProperty({ description: 'The text in the language of the route' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @RequiredText(20_000)
  text!: string;
}

export class TextTranslationView extends ContentVersionProvenance {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'The original text changed after this translation was provided' }) outdated!: boolean;
}

export class TextOriginalView extends ContentVersionProvenance {
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
}

export class TextTranslationsView {
  @ApiProperty({ format: 'uuid', description: 'The category, award or follow-up' }) id!: string;
  @ApiProperty({ type: TextOriginalView }) original!: TextOriginalView;
  @ApiProperty({ type: [TextTranslationView] }) translations!: TextTranslationView[];
  @ApiProperty({ description: 'Whether translations may still be added and edited (category descriptions, follow-up notes: until scoring opens; citations: always)' })
  editable!: boolean;
}

/**
 * What a read in a chosen language says about the version of one text it returns (the fields of
 * practices' reads), beside the text: e.g. an award's `citation` and its `citationVersion`.
 */
export class TextVersion {
  @ApiProperty({ example: 'uk', description: 'The language of the text returned' }) language!: string;
  @ApiProperty({ example: 'pl', description: 'The language the text was written in' }) originalLanguage!: string;
  @ApiProperty({ description: 'True when the text returned is a translation' }) translated!: boolean;
  @ApiProperty({ description: 'The translation was made before the original last changed' }) outdated!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The language asked for (`lang`, else the account’s locale); null: as written' }) requestedLanguage!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The original text when a translation is returned, else null' }) original!: string | null;
}

/** A view's optional version field for its translatable text (OpenAPI: added, optional). */
export const textVersionProperty = (text: string) => ApiPropertyOptional({ type: TextVersion, description: `Which version of \`${text}\` this is (translated or the original)` });
