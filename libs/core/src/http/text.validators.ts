// Composite validators for the text fields of DTOs, with the field problems the contract shows.
import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Non-empty text of at most `max` characters. */
export const RequiredText = (max: number) =>
  applyDecorators(
    IsString({ message: 'must be text' }),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );
