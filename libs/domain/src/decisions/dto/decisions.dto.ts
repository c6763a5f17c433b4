// Request and response shapes of deliberation, awards and the public read API.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ListQuery, RequiredText } from '@app/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateAwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  cityId!: string;

  @ApiPropertyOptional({ example: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', description: 'A named unit of the city government, if the distinction goes to one' })
  @IsOptional()
  @Transform(trim)
  @RequiredText(300)
  recipientUnit?: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'must be a list of category ids' })
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must hold category ids' })
  categoryIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Eligible practices of that city in this edition' })
  @IsArray({ message: 'must be a list of practice ids' })
  @ArrayMinSize(1, { message: 'must name at least one practice' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must hold practice ids' })
  practiceIds!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  citation?: string;
}

export class UpdateAwardDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(300)
  recipientUnit?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'must be a list of category ids' })
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @IsUUID('all', { each: true, message: 'must hold category ids' })
  categoryIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'must be a list of practice ids' })
  @ArrayMinSize(1, { message: 'must name at least one practice' })
  @IsUUID('all', { each: true, message: 'must hold practice ids' })
  practiceIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  citation?: string;
}

export class CreateNoteDto {
  @ApiProperty()
  @RequiredText(20_000)
  text!: string;
}

export class Ref {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AwardPracticeRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class AwardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) editionId!: string;
  @ApiProperty({ type: Ref }) city!: Ref;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: [Ref] }) categories!: Ref[];
  @ApiProperty({ type: [AwardPracticeRef] }) practices!: AwardPracticeRef[];
  @ApiProperty({ type: String, nullable: true }) citation!: string | null;
  @ApiProperty() position!: number;
}

export class CatalogueQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'City name (letters folded: "Lodz" = "Łódź") or id' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({ description: 'Category name or id' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(300)
  category?: string;

  @ApiPropertyOptional({ example: 2015 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year' })
  @Min(2000)
  @Max(2100)
  year?: number;
}
