// The contract's list convention: ?limit= (default 50, max 200) and ?offset=, answering { items, total }.
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** PostgreSQL's int4 maximum: no list is longer, and larger numbers are out of the database's range. */
export const MAX_OFFSET = 2_147_483_647;

export class ListQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0' })
  @Max(MAX_OFFSET, { message: `must be at most ${MAX_OFFSET}` })
  offset: number = 0;

  @ApiPropertyOptional({ description: 'Text to search for' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(200)
  q?: string;
}

/** The list convention without a search text. */
export class PageQuery extends OmitType(ListQuery, ['q'] as const) {}

export interface ListResult<T> {
  items: T[];
  total: number;
}
