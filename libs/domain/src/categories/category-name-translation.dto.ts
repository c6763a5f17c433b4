// A category's name in other languages, for the translations screen: the name as written and its
// translations (the category's `translations` map, which keeps no record of who gave them or when).
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { RequiredText } from '@app/core';

export class PutCategoryNameTranslationDto {
  @ApiProperty({ example: 'Міський пункт обслуговування іноземців', description: 'The category’s name in the language of the route' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @RequiredText(300)
  name!: string;
}

export class CategoryNameVersion {
  @ApiProperty({ example: 'uk' }) language!: string;
  @ApiProperty() name!: string;
}

export class CategoryNameTranslationsView {
  @ApiProperty({ format: 'uuid', description: 'The category' }) id!: string;
  @ApiProperty({ type: CategoryNameVersion, description: 'The name as written, in its original language' }) original!: CategoryNameVersion;
  @ApiProperty({ type: [CategoryNameVersion], description: 'One per language it is translated into (the same as the category’s `translations`)' })
  translations!: CategoryNameVersion[];
  @ApiProperty({ description: 'Whether name translations may still be added and edited (until jury scoring starts)' }) editable!: boolean;
}
