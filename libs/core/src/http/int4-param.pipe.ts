// Integers in paths as PostgreSQL's integer (int4) holds them: anything longer or beyond its range is
// the client's mistake (400 naming the parameter), not a database error.
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-errors';

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

@Injectable()
export class ParseInt4Pipe implements PipeTransform<string | number, number> {
  transform(value: string | number, metadata: ArgumentMetadata): number {
    const field = metadata.data || 'value';
    // The global validation pipe runs first and may already have turned the text into a number.
    const text = String(value);
    if (!/^-?\d{1,10}$/.test(text)) throw new InvalidInputError(field, 'must be an integer');
    const number = Number(text);
    if (number < INT4_MIN || number > INT4_MAX) throw new InvalidInputError(field, `must be between ${INT4_MIN} and ${INT4_MAX}`);
    return number;
  }
}
